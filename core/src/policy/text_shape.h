#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "parley/policy/policy.h"
#include "parley/text/folded_text.h"
#include "personal_attacks.h"

// Rules about the shape of a comment rather than its words: length, capitals, repetition.
namespace parley::policy::internal {

// Code points in `text` without leading and trailing whitespace (what a reader sees as length).
size_t VisibleLength(std::string_view text);

// True when a text shouts: at least rule.min_letters letters, rule.capitals_percent of them
// capitals (counted while folding it).
bool IsShouting(const text::FoldedText& folded, const ShoutingRule& rule);

// Runs of one character repeated more than rule.max_repeated_characters times (letters, digits,
// "!", "?", symbols and emoji; not whitespace or separators such as "-----"), and words or phrases
// of up to three words repeated more than rule.max_repeated_words times in a row. One span per
// flood, in order.
std::vector<Span> FindFloods(std::string_view text, const text::FoldedText& folded,
                             const FloodRule& rule);

}  // namespace parley::policy::internal
