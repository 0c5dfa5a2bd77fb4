#include "personal_attacks.h"

#include <algorithm>
#include <memory>

#include "../text/hot.h"
#include "attack_lexicon.h"
#include "term_match_scan.h"

namespace parley::policy::internal {

namespace {

using text::FoldedText;
using text::Symbol;

using Gap = AttackGap;
using Token = AttackToken;

// Tokens in the range of an attack pattern are few: the walk from "you" to the insult stops
// after this many words, so the rule stays linear however the text is built.
constexpr size_t kMaxWordsBetween = 6;

// The tokens of `text`: its segments, with what separates each from the one before.
std::vector<Token> Tokenize(const FoldedText& text) {
  const Symbol* symbols = text.symbols.data();
  std::vector<Token> tokens;
  tokens.reserve(text.segments.size());
  for (const text::Segment& segment : text.segments) {
    const Symbol& first = symbols[segment.first];
    Gap gap = Gap::kSpace;
    if (tokens.empty()) {
      gap = Gap::kStart;
    } else if ((first.flags & text::kWordStart) == 0) {
      gap = Gap::kSoft;
    } else if (segment.first > 0 && symbols[segment.first - 1].IsGap()) {
      const char32_t key = symbols[segment.first - 1].key;
      gap = key == text::kSentenceGap ? Gap::kSentence
            : key == text::kClauseGap ? Gap::kClause
                                      : Gap::kSpace;
    }
    tokens.push_back(Token{first.start, symbols[segment.last - 1].end, gap});
  }
  return tokens;
}

class AttackFinder {
 public:
  // Reads `tokens` (a raw array: see text/hot.h), which must outlive the finder.
  AttackFinder(const Token* tokens, size_t count) : tokens_(tokens), count_(count) {}

  std::vector<Span> Run() {
    for (size_t i = 0; i < count_; ++i) {
      const Token& token = tokens_[i];
      // Most words have no role at all.
      if (token.roles == 0 && !token.phrase) continue;
      if (Has(i, kPhrase)) Add(i, token.phrase_end);
      if (Has(i, kImperative) && AtClauseStart(i)) Add(i, token.phrase_end);
      if (Has(i, kYou)) FromYou(i);
      if (Has(i, kInsult) || tokens_[i].phrase) FromInsult(i);
    }
    return std::move(spans_);
  }

 private:
  PARLEY_HOT bool Has(size_t i, uint16_t role) const {
    return i < count_ && (tokens_[i].roles & role);
  }
  PARLEY_HOT Gap GapBefore(size_t i) const { return tokens_[i].gap_before; }
  PARLEY_HOT bool Breaks(Gap gap) const { return gap == Gap::kClause || gap == Gap::kSentence; }
  PARLEY_HOT bool ClauseEndsAfter(size_t i) const {
    return i + 1 == count_ || Breaks(GapBefore(i + 1));
  }

  bool AtClauseStart(size_t i) const {
    if (GapBefore(i) == Gap::kStart || Breaks(GapBefore(i))) return true;
    return i > 0 && (tokens_[i - 1].roles & kLeadIn) != 0;
  }

  void Add(size_t first, size_t last) {
    spans_.push_back(Span{tokens_[first].start, tokens_[std::max(first, last)].end});
  }

  // "you [people] [are] [such a] idiot": walk right from the addressee to the insult.
  void FromYou(size_t i) {
    // "are you an idiot?": a copula just before "you" counts.
    bool copula = Has(i, kYouNoCopula) || (i > 0 && Has(i - 1, kCopula) && !Breaks(GapBefore(i)));
    bool determiner = false;
    bool adjective = false;
    for (size_t j = i + 1; j < count_ && j <= i + kMaxWordsBetween; ++j) {
      const Gap gap = GapBefore(j);
      if (gap == Gap::kSentence) return;
      if (gap == Gap::kClause && j != i + 1) return;  // "you, idiot" but not "you know, idiots"
      const uint16_t roles = tokens_[j].roles;
      if (roles & kNegator) return;
      if (tokens_[j].phrase && (roles & kInsult) == 0) {
        Add(i, tokens_[j].phrase_end);
        return;
      }
      if (roles & kInsult) {
        // "you fool them" is a verb; "you fool!", "you're a fool" are not.
        if ((roles & kVerbLike) == 0 || determiner || copula || ClauseEndsAfter(j)) {
          Add(i, tokens_[j].phrase ? tokens_[j].phrase_end : j);
        }
        return;
      }
      if ((roles & kPredicate) && !determiner) {
        Add(i, j);
        return;
      }
      if (roles & kAdjective) {
        if (copula || ClauseEndsAfter(j)) {
          Add(i, j);
          return;
        }
        adjective = true;  // "you stupid idiot", "you stupid people"
        continue;
      }
      if (roles & kGroup) {
        if (adjective) {
          Add(i, j);
          return;
        }
        continue;
      }
      if (roles & kCopula) {
        copula = true;
        continue;
      }
      if (roles & (kFiller | kDeterminer | kLike | kYou)) {
        determiner = determiner || (roles & kDeterminer) != 0;
        continue;
      }
      return;  // any other word: the insult, if one follows, is not about "you"
    }
  }

  // "a fool like you", "идиоты, как ты"; "what an idiot you are", "идиот ты!".
  void FromInsult(size_t i) {
    const size_t end = tokens_[i].phrase ? tokens_[i].phrase_end : i;
    // A word that is also a verb is a noun here only after a determiner ("a fool like you",
    // not "the crest animal, as you said").
    const bool noun = !Has(i, kVerbLike) || (i > 0 && Has(i - 1, kDeterminer));
    const size_t k = end + 1;
    if (noun && Has(k, kLike) && GapBefore(k) != Gap::kSentence && Has(k + 1, kLikeTarget) &&
        !Breaks(GapBefore(k + 1))) {
      Add(i, k + 1);
      return;
    }
    if (!noun) return;
    const size_t you = end + 1;
    if (Has(you, kYou) && !Breaks(GapBefore(you))) {
      if (ClauseEndsAfter(you)) {
        Add(i, you);
      } else if (Has(you + 1, kCopula) && !Breaks(GapBefore(you + 1)) && ClauseEndsAfter(you + 1)) {
        Add(i, you + 1);
      }
    }
  }

  const Token* tokens_;
  size_t count_;
  std::vector<Span> spans_;
};

}  // namespace

PersonalAttackFinder::PersonalAttackFinder(const FoldedText& text, const std::vector<uint16_t>& roles)
    : tokens_(Tokenize(text)), segments_(text.segments), role_of_(roles.data()) {}

std::vector<Span> PersonalAttackFinder::Finish() const {
  // Finds come in order of their first token, so of their start.
  const std::vector<Span> spans = AttackFinder(tokens_.data(), tokens_.size()).Run();
  // Keep the outermost of overlapping finds ("you idiot" found from "you" and from "idiot").
  std::vector<Span> merged;
  for (const Span& span : spans) {
    if (!merged.empty() && span.start < merged.back().end) {
      merged.back().end = std::max(merged.back().end, span.end);
      continue;
    }
    merged.push_back(span);
  }
  return merged;
}

std::vector<Span> FindPersonalAttacks(const FoldedText& text, const TermMatcher& lexicon,
                                      const std::vector<uint16_t>& roles) {
  PersonalAttackFinder finder(text, roles);
  lexicon.ForEachMatch(text, [&finder](const TermMatch& match) PARLEY_HOT_LAMBDA { finder.Mark(match); });
  return finder.Finish();
}

}  // namespace parley::policy::internal
