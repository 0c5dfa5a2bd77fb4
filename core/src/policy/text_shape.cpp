#include "text_shape.h"

#include <algorithm>
#include <cstdint>

#include "../text/hot.h"
#include "parley/text/fold.h"
#include "span_order.h"

namespace parley::policy::internal {

namespace {

using text::CharClass;

// Characters whose long runs are a flood: letters, digits, "!", "?", symbols and emoji. Runs of
// other punctuation ("-----", "_____", "....", "::::") are rules, separators and markup.
struct AsciiFloods {
  bool can[128];
  constexpr AsciiFloods() : can() {
    for (unsigned c = 0; c < 128; ++c) {
      can[c] = c == '!' || c == '?' || (c >= '0' && c <= '9') ||
               ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    }
  }
};
constexpr AsciiFloods kAsciiFloods;

PARLEY_HOT bool CanFlood(char32_t code_point) {
  if (code_point < 0x80) return kAsciiFloods.can[code_point];
  if (code_point >= 0x2100) return true;
  return text::FoldCodePoint(code_point).char_class == CharClass::kLetter;
}

// A word of folded text: its symbols [first, last), its bytes in the original, and its shape
// (length and first key), which tells most pairs of words apart with one comparison.
struct Word {
  uint32_t first;
  uint32_t last;
  uint32_t start;
  uint32_t end;
  uint64_t shape;
};

PARLEY_HOT uint64_t ShapeOf(const text::Symbol* symbols, uint32_t first, uint32_t last) {
  return (static_cast<uint64_t>(last - first) << 32) | symbols[first].key;
}

// Whether two words have the same letters, runs aside ("no" and "nooo" are the same word).
PARLEY_HOT bool SameWord(const text::Symbol* symbols, const Word& a, const Word& b) {
  if (a.shape != b.shape) return false;
  for (uint32_t k = 1; k < a.last - a.first; ++k) {
    if (symbols[a.first + k].key != symbols[b.first + k].key) return false;
  }
  return true;
}

// Phrases of one to this many words repeated over and over are floods.
constexpr size_t kMaxPhraseWords = 3;

// Runs of a phrase of 1, 2 or 3 words said again and again, found as the words come: for each
// phrase length, how many words in a row equal the word that many before them. Only the last
// four words are kept.
class WordFloodFinder {
 public:
  WordFloodFinder(const text::Symbol* symbols, int64_t max_repeats, std::vector<Span>* spans)
      : symbols_(symbols), max_repeats_(max_repeats), spans_(spans) {}

  PARLEY_HOT void Add(Word word) {
    word.shape = ShapeOf(symbols_, word.first, word.last);
    // One call per phrase length rather than a loop: each then works on fixed slots.
    static_assert(kMaxPhraseWords == 3, "one Compare per phrase length");
    Compare<1>(word);
    Compare<2>(word);
    Compare<3>(word);
    recent_[count_ % kKept] = word;
    ++count_;
  }

  void Finish() {
    for (size_t length = 1; length <= kMaxPhraseWords; ++length) {
      if (matched_[length] > 0) Flush(length, Back(1).end);
    }
  }

 private:
  static constexpr size_t kKept = kMaxPhraseWords + 1;

  // The word `back` words before the next one.
  PARLEY_HOT const Word& Back(size_t back) const { return recent_[(count_ - back) % kKept]; }

  // The word against the one `length` words before it.
  template <size_t length>
  PARLEY_HOT void Compare(const Word& word) {
    if (length > count_) return;
    const Word& before = Back(length);
    if (SameWord(symbols_, word, before)) {
      if (matched_[length]++ == 0) run_start_[length] = before.start;
    } else if (matched_[length] > 0) {
      Flush(length, Back(1).end);
    }
  }

  void Flush(size_t length, uint32_t end) {
    const size_t repeats = matched_[length] / length + 1;
    if (static_cast<int64_t>(repeats) > max_repeats_) {
      spans_->push_back(Span{run_start_[length], end});
    }
    matched_[length] = 0;
  }

  const text::Symbol* symbols_;
  int64_t max_repeats_;
  std::vector<Span>* spans_;
  Word recent_[kKept] = {};
  size_t count_ = 0;
  size_t matched_[kMaxPhraseWords + 1] = {};
  uint32_t run_start_[kMaxPhraseWords + 1] = {};  // where each length's run began
};

// Every word of a folded text (a maximal run of segments joined without a gap) to `floods`.
void AddWords(const text::FoldedText& folded, WordFloodFinder* floods) {
  const text::Symbol* symbols = folded.symbols.data();
  Word word{};
  bool open = false;
  for (const text::Segment& segment : folded.segments) {
    if ((symbols[segment.first].flags & text::kWordStart) != 0 || !open) {
      if (open) floods->Add(word);
      word = Word{segment.first, segment.last, symbols[segment.first].start, 0, 0};
      open = true;
    }
    word.last = segment.last;
    word.end = symbols[segment.last - 1].end;
  }
  if (open) floods->Add(word);
}

}  // namespace

bool IsShouting(const text::FoldedText& folded, const ShoutingRule& rule) {
  const auto letters = static_cast<int64_t>(folded.letters);
  const auto capitals = static_cast<int64_t>(folded.capitals);
  return letters >= rule.min_letters && capitals * 100 >= rule.capitals_percent * letters;
}

std::vector<Span> FindFloods(const text::FoldedText& folded, const FloodRule& rule) {
  std::vector<Span> spans;
  for (const text::CharacterRun& run : folded.repeats) {
    if (run.length > rule.max_repeated_characters && CanFlood(run.code_point)) {
      spans.push_back(Span{run.start, run.end});
    }
  }

  WordFloodFinder floods(folded.symbols.data(), rule.max_repeated_words, &spans);
  AddWords(folded, &floods);
  floods.Finish();
  if (spans.empty()) return spans;
  std::vector<SpanKey> order;
  order.reserve(spans.size());
  for (size_t i = 0; i < spans.size(); ++i) {
    order.push_back(SpanKey{spans[i].start, spans[i].end, 0, static_cast<uint32_t>(i)});
  }
  SortSpanKeys(&order);
  std::vector<Span> merged;
  for (const SpanKey& key : order) {
    const Span& span = spans[key.index];
    if (!merged.empty() && span.start <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, span.end);
    } else {
      merged.push_back(span);
    }
  }
  return merged;
}

}  // namespace parley::policy::internal
