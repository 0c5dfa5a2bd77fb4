#pragma once

#include <cstdint>
#include <vector>

#include "parley/policy/term_matcher.h"
#include "parley/text/folded_text.h"

namespace parley::policy::internal {

// A byte range of the comment.
struct Span {
  uint32_t start;
  uint32_t end;
};

// Finds insults aimed at the person addressed: "you idiot", "you're a moron", "only a fool like
// you", "you people are idiots", "ты идиот", "what an idiot you are", and attacks that need no
// name ("shut the fuck up", "заткнись"). Disagreement ("you are wrong"), negation ("you are not
// an idiot") and insults about someone absent ("the idiots in parliament") do not count.
// `lexicon` is the compiled attack lexicon and `roles` its AttackRole bits by term.
std::vector<Span> FindPersonalAttacks(const text::FoldedText& text, const TermMatcher& lexicon,
                                      const std::vector<uint16_t>& roles);

}  // namespace parley::policy::internal
