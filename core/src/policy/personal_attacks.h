#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "attack_lexicon.h"
#include "parley/policy/term_matcher.h"
#include "parley/text/folded_text.h"

namespace parley::policy::internal {

// A byte range of the comment.
struct Span {
  uint32_t start;
  uint32_t end;
};

// What separates a word (or word part) from the one before it.
enum class AttackGap : uint8_t { kStart, kSoft, kSpace, kClause, kSentence };

// A word or word part (split at soft boundaries, so "you're" is "you" + "re"), with the roles
// the attack lexicon gives it.
struct AttackToken {
  uint32_t start;
  uint32_t end;
  AttackGap gap_before;
  uint16_t roles = 0;
  size_t phrase_end = 0;  // last token of a multi-token insult starting here, if any
  bool phrase = false;
};

// Finds insults aimed at the person addressed: "you idiot", "you're a moron", "only a fool like
// you", "you people are idiots", "ты идиот", "what an idiot you are", and attacks that need no
// name ("shut the fuck up", "заткнись"). Disagreement ("you are wrong"), negation ("you are not
// an idiot") and insults about someone absent ("the idiots in parliament") do not count.
//
// In three steps, so that the lexicon's matches can come from a pass over the text shared with
// the word lists (TermMatcher::ForEachMatchByGroup): construct (splits the text into tokens),
// Mark every match of the compiled attack lexicon, then Finish.
class PersonalAttackFinder {
 public:
  // `roles` holds the lexicon's AttackRole bits by term; it and `text` must outlive the finder.
  PersonalAttackFinder(const text::FoldedText& text, const std::vector<uint16_t>& roles);

  // Gives the words a lexicon match covers their roles.
  [[gnu::always_inline]] inline void Mark(const TermMatch& match);

  // The attacks, outermost where they overlap, in order.
  std::vector<Span> Finish() const;

 private:
  std::vector<AttackToken> tokens_;  // one per segment of the text
  const std::vector<text::Segment>& segments_;
  const uint16_t* role_of_;
  size_t last_token_ = 0;  // the token of the last match's last symbol
};

void PersonalAttackFinder::Mark(const TermMatch& match) {
  // Matches come in order of their last symbol, so its token is found by walking forward, and
  // the first symbol's by walking back from there (a match spans a few words at most).
  const text::Segment* segments = segments_.data();
  size_t last = last_token_;
  while (last + 1 < segments_.size() && segments[last + 1].first <= match.last_symbol) ++last;
  last_token_ = last;
  size_t first = last;
  while (first > 0 && segments[first].first > match.first_symbol) --first;
  const uint16_t match_roles = role_of_[match.term];
  AttackToken& token = tokens_[first];
  if (first == last) {
    token.roles = static_cast<uint16_t>(token.roles | match_roles);
  } else {
    // A phrase ("waste of space", "shut up") is recorded on its first token.
    token.roles = static_cast<uint16_t>(token.roles | (match_roles & (kInsult | kPhrase | kImperative)));
    token.phrase = token.phrase || (match_roles & kInsult) != 0;
    token.phrase_end = std::max(token.phrase_end, last);
  }
  if ((match_roles & (kPhrase | kImperative)) != 0) {
    token.phrase_end = std::max({token.phrase_end, last, first});
  }
}

// All three steps over a lexicon of its own (tests and callers that check nothing else).
std::vector<Span> FindPersonalAttacks(const text::FoldedText& text, const TermMatcher& lexicon,
                                      const std::vector<uint16_t>& roles);

}  // namespace parley::policy::internal
