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

// A word of folded text, reduced to a hash of its letters (runs ignored: "no" and "nooo" are
// the same word).
struct WordKey {
  uint64_t hash;
  uint32_t start;
  uint32_t end;
};

std::vector<WordKey> Words(const text::FoldedText& folded) {
  std::vector<WordKey> words;
  WordKey word{0, 0, 0};
  bool open = false;
  const text::Symbol* symbols = folded.symbols.data();
  for (size_t i = 0, count = folded.symbols.size(); i < count; ++i) {
    const text::Symbol& symbol = symbols[i];
    if ((symbol.flags & text::kGap) != 0) {
      if (open) words.push_back(word);
      open = false;
      continue;
    }
    if (!open) {
      word = WordKey{1469598103934665603ull, symbol.start, symbol.end};
      open = true;
    }
    word.hash = (word.hash ^ symbol.key) * 1099511628211ull;
    word.end = symbol.end;
  }
  if (open) words.push_back(word);
  return words;
}

void AddWordFloods(const std::vector<WordKey>& words, size_t phrase_length, int64_t max_repeats,
                   std::vector<Span>* spans) {
  size_t matched = 0;  // consecutive words equal to the word phrase_length before them
  const WordKey* word = words.data();
  auto flush = [&](size_t last) PARLEY_HOT_LAMBDA {
    const size_t repeats = matched / phrase_length + 1;
    if (matched > 0 && static_cast<int64_t>(repeats) > max_repeats) {
      spans->push_back(Span{word[last + 1 - matched - phrase_length].start, word[last].end});
    }
    matched = 0;
  };
  for (size_t i = phrase_length, count = words.size(); i < count; ++i) {
    if (word[i].hash == word[i - phrase_length].hash) {
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

  const std::vector<WordKey> words = Words(folded);
  for (size_t phrase_length = 1; phrase_length <= 3; ++phrase_length) {
    AddWordFloods(words, phrase_length, rule.max_repeated_words, &spans);
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
