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

// The words of a folded text: maximal runs of segments joined without a gap.
std::vector<Word> Words(const text::FoldedText& folded) {
  const text::Symbol* symbols = folded.symbols.data();
  std::vector<Word> words;
  words.reserve(folded.segments.size());
  for (const text::Segment& segment : folded.segments) {
    if ((symbols[segment.first].flags & text::kWordStart) != 0 || words.empty()) {
      words.push_back(Word{segment.first, segment.last, symbols[segment.first].start, 0, 0});
    }
    words.back().last = segment.last;
    words.back().end = symbols[segment.last - 1].end;
  }
  for (Word& word : words) word.shape = ShapeOf(symbols, word.first, word.last);
  return words;
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

// Runs of a phrase of 1, 2 or 3 words said again and again, in one pass over the words: for
// each phrase length, how many words in a row equal the word that many before them.
void AddWordFloods(const text::Symbol* symbols, const std::vector<Word>& words,
                   int64_t max_repeats, std::vector<Span>* spans) {
  size_t matched[kMaxPhraseWords + 1] = {};
  const Word* word = words.data();
  auto flush = [&](size_t phrase_length, size_t last) PARLEY_HOT_LAMBDA {
    const size_t repeats = matched[phrase_length] / phrase_length + 1;
    if (matched[phrase_length] > 0 && static_cast<int64_t>(repeats) > max_repeats) {
      spans->push_back(
          Span{word[last + 1 - matched[phrase_length] - phrase_length].start, word[last].end});
    }
    matched[phrase_length] = 0;
  };
  const size_t count = words.size();
  for (size_t i = 1; i < count; ++i) {
    for (size_t length = 1; length <= kMaxPhraseWords && length <= i; ++length) {
      if (SameWord(symbols, word[i], word[i - length])) {
        ++matched[length];
      } else if (matched[length] > 0) {
        flush(length, i - 1);
      }
    }
  }
  for (size_t length = 1; length <= kMaxPhraseWords; ++length) {
    if (matched[length] > 0) flush(length, count - 1);
  }
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

  AddWordFloods(folded.symbols.data(), Words(folded), rule.max_repeated_words, &spans);
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
