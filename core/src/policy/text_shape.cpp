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

// A word of folded text: its symbols [first, last), and its bytes in the original.
struct Word {
  uint32_t first;
  uint32_t last;
  uint32_t start;
  uint32_t end;
};

// The words of a folded text: maximal runs of segments joined without a gap.
std::vector<Word> Words(const text::FoldedText& folded) {
  const text::Symbol* symbols = folded.symbols.data();
  std::vector<Word> words;
  words.reserve(folded.segments.size());
  for (const text::Segment& segment : folded.segments) {
    if ((symbols[segment.first].flags & text::kWordStart) != 0 || words.empty()) {
      words.push_back(Word{segment.first, segment.last, symbols[segment.first].start, 0});
    }
    words.back().last = segment.last;
    words.back().end = symbols[segment.last - 1].end;
  }
  return words;
}

// Whether two words have the same letters, runs aside ("no" and "nooo" are the same word).
// Most pairs differ in length or in their first letter.
PARLEY_HOT bool SameWord(const text::Symbol* symbols, const Word& a, const Word& b) {
  if (a.last - a.first != b.last - b.first) return false;
  for (uint32_t k = 0; k < a.last - a.first; ++k) {
    if (symbols[a.first + k].key != symbols[b.first + k].key) return false;
  }
  return true;
}

void AddWordFloods(const text::Symbol* symbols, const std::vector<Word>& words,
                   size_t phrase_length, int64_t max_repeats, std::vector<Span>* spans) {
  size_t matched = 0;  // consecutive words equal to the word phrase_length before them
  const Word* word = words.data();
  auto flush = [&](size_t last) PARLEY_HOT_LAMBDA {
    const size_t repeats = matched / phrase_length + 1;
    if (matched > 0 && static_cast<int64_t>(repeats) > max_repeats) {
      spans->push_back(Span{word[last + 1 - matched - phrase_length].start, word[last].end});
    }
    matched = 0;
  };
  for (size_t i = phrase_length, count = words.size(); i < count; ++i) {
    if (SameWord(symbols, word[i], word[i - phrase_length])) {
      ++matched;
    } else {
      flush(i - 1);
    }
  }
  if (!words.empty()) flush(words.size() - 1);
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

  const std::vector<Word> words = Words(folded);
  for (size_t phrase_length = 1; phrase_length <= 3; ++phrase_length) {
    AddWordFloods(folded.symbols.data(), words, phrase_length, rule.max_repeated_words, &spans);
  }
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
