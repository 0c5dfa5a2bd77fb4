#include "text_shape.h"

#include <algorithm>
#include <cstdint>

#include "parley/text/fold.h"
#include "parley/utf8.h"
#include "span_order.h"

namespace parley::policy::internal {

namespace {

using text::CharClass;

bool IsSpace(char32_t code_point) {
  if (code_point < 0x80) return code_point == ' ' || (code_point >= '\t' && code_point <= '\r');
  return text::FoldCodePoint(code_point).char_class == CharClass::kSpace;
}

// Characters whose long runs are a flood: letters, digits, "!", "?", symbols and emoji. Runs of
// other punctuation ("-----", "_____", "....", "::::") are rules, separators and markup.
bool CanFlood(char32_t code_point) {
  if (code_point < 0x80) {
    return code_point == '!' || code_point == '?' || (code_point >= '0' && code_point <= '9') ||
           ((code_point | 0x20) >= 'a' && (code_point | 0x20) <= 'z');
  }
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
  bool open = false;
  for (const text::Symbol& symbol : folded.symbols) {
    if (symbol.IsGap()) {
      open = false;
      continue;
    }
    if (!open) {
      words.push_back(WordKey{1469598103934665603ull, symbol.start, symbol.end});
      open = true;
    }
    WordKey& word = words.back();
    word.hash = (word.hash ^ symbol.key) * 1099511628211ull;
    word.end = symbol.end;
  }
  return words;
}

void AddWordFloods(const std::vector<WordKey>& words, size_t phrase_length, int64_t max_repeats,
                   std::vector<Span>* spans) {
  size_t matched = 0;  // consecutive words equal to the word phrase_length before them
  auto flush = [&](size_t last) {
    const size_t repeats = matched / phrase_length + 1;
    if (matched > 0 && static_cast<int64_t>(repeats) > max_repeats) {
      spans->push_back(Span{words[last + 1 - matched - phrase_length].start, words[last].end});
    }
    matched = 0;
  };
  for (size_t i = phrase_length; i < words.size(); ++i) {
    if (words[i].hash == words[i - phrase_length].hash) {
      ++matched;
    } else {
      flush(i - 1);
    }
  }
  if (!words.empty()) flush(words.size() - 1);
}

}  // namespace

size_t VisibleLength(std::string_view text) {
  size_t count = 0;
  size_t trailing_spaces = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    const char32_t code_point = utf8::Decode(text, &pos);
    const bool space = IsSpace(code_point);
    if (count == 0 && space) continue;
    ++count;
    trailing_spaces = space ? trailing_spaces + 1 : 0;
  }
  return count - trailing_spaces;
}

bool IsShouting(const text::FoldedText& folded, const ShoutingRule& rule) {
  const auto letters = static_cast<int64_t>(folded.letters);
  const auto capitals = static_cast<int64_t>(folded.capitals);
  return letters >= rule.min_letters && capitals * 100 >= rule.capitals_percent * letters;
}

std::vector<Span> FindFloods(std::string_view text, const text::FoldedText& folded,
                             const FloodRule& rule) {
  std::vector<Span> spans;
  size_t pos = 0;
  char32_t previous = 0;
  int64_t run = 0;
  uint32_t run_start = 0;
  uint32_t run_end = 0;
  auto flush = [&] {
    if (run > rule.max_repeated_characters) spans.push_back(Span{run_start, run_end});
  };
  while (pos < text.size()) {
    const auto start = static_cast<uint32_t>(pos);
    const char32_t code_point = utf8::Decode(text, &pos);
    if (code_point == previous && run > 0) {
      ++run;
      run_end = static_cast<uint32_t>(pos);
      continue;
    }
    flush();
    previous = code_point;
    run = CanFlood(code_point) ? 1 : 0;
    run_start = start;
    run_end = static_cast<uint32_t>(pos);
  }
  flush();

  const std::vector<WordKey> words = Words(folded);
  for (size_t phrase_length = 1; phrase_length <= 3; ++phrase_length) {
    AddWordFloods(words, phrase_length, rule.max_repeated_words, &spans);
  }
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
