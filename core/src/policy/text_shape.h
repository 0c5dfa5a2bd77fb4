#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "parley/policy/policy.h"
#include "parley/text/folded_text.h"
#include "personal_attacks.h"

// Rules about the shape of a comment rather than its words: capitals, repetition. (Its length
// is counted while folding: FoldedText::visible_length.)
namespace parley::policy::internal {

// True when a text shouts: at least rule.min_letters letters, rule.capitals_percent of them
// capitals (counted while folding it).
bool IsShouting(const text::FoldedText& folded, const ShoutingRule& rule);

// Runs of one character repeated more than rule.max_repeated_characters times (letters, digits,
// "!", "?", symbols and emoji; not whitespace or separators such as "-----"), and words or phrases
// of up to three words repeated more than rule.max_repeated_words times in a row. One span per
// flood, in order. Both are read from the folded text (the runs were noted while folding).
std::vector<Span> FindFloods(const text::FoldedText& folded, const FloodRule& rule);

}  // namespace parley::policy::internal
