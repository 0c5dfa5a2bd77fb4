#pragma once

// TermMatcher::ForEachMatch: the one pass of the automaton over folded text. A template, so
// each caller gets the loop with its own handling of a match inlined: the personal-attack rule
// marks tokens as it goes instead of collecting a vector of matches first (its lexicon matches
// most short words: "you", "a", "the", "is").

#include <cstddef>
#include <cstdint>

#include "../text/hot.h"
#include "parley/policy/term_matcher.h"
#include "parley/text/folded_text.h"

namespace parley::policy {

namespace internal {

// Set on a transition whose target state has terms to report (itself or down its output
// chain), and whose terms include one that may end inside a word ("*fuck*"). Most symbols
// have neither, or end no word and reach only whole-word terms: the flags spare the checker
// the walk down the output chain for them. States are numbered far below 2^30.
inline constexpr uint32_t kReportsFlag = 1u << 31;
inline constexpr uint32_t kReportsInsideFlag = 1u << 30;
inline constexpr uint32_t kStateMask = kReportsInsideFlag - 1;
// The same in a 16-bit table: the flags shifted down by 16.
inline constexpr uint32_t kStateMask16 = kStateMask >> 16;

// The flags and the state mask of a table of `Entry`.
template <class Entry>
struct TableBits {
  static constexpr unsigned kShift = 32 - 8 * sizeof(Entry);
  static constexpr uint32_t kReports = kReportsFlag >> kShift;
  static constexpr uint32_t kReportsInside = kReportsInsideFlag >> kShift;
  static constexpr uint32_t kState = kStateMask >> kShift;
};

// Whether a term of `length` symbols ending at symbol `last` really matches there: its
// boundaries and its runs.
PARLEY_HOT bool AcceptsAt(const text::Symbol* symbols, size_t last, uint32_t length,
                          bool free_start, bool free_end, const uint8_t* wanted_runs) {
  const size_t first = last + 1 - length;
  if (!free_start && (symbols[first].flags & text::kSegmentStart) == 0) return false;
  if (!free_end && (symbols[last].flags & text::kSegmentEnd) == 0) return false;
  // A letter written once or twice must be written as in the term ("Shiite" is not "shite",
  // "rapper" is not "raper"); three or more stand for any run ("fuuuck", "asssss").
  for (size_t k = 0; k < length; ++k) {
    const uint32_t run = symbols[first + k].run;
    const uint32_t wanted = wanted_runs[k];
    // At a floating end the run may go on into the rest of the word ("scam*" in "scammers").
    const bool open_end = (k == 0 && free_start) || (k + 1 == length && free_end);
    if (open_end ? run < wanted : (run < 3 && run != wanted)) return false;
  }
  return true;
}

}  // namespace internal

template <class Visit>
void TermMatcher::ForEachMatch(const text::FoldedText& text, Visit&& visit) const {
  if (terms_.empty()) return;
  if (!next16_.empty()) {
    Scan(next16_.data(), text, visit);
  } else {
    Scan(next_.data(), text, visit);
  }
}

template <class Entry, class Visit>
void TermMatcher::Scan(const Entry* next, const text::FoldedText& text, Visit& visit) const {
  using Bits = internal::TableBits<Entry>;
  // Raw arrays: this loop runs once per symbol of every comment (see text/hot.h).
  const text::Symbol* symbols = text.symbols.data();
  const size_t count = text.symbols.size();
  const uint32_t* output_link = output_link_.data();
  const uint32_t* output_begin = output_begin_.data();
  const uint32_t* outputs = outputs_.data();
  const CompiledTerm* terms = terms_.data();
  const uint8_t* runs = runs_.data();
  const uint16_t* ascii_index = ascii_index_;
  const size_t width = width_;
  // A match of "*fuck*" inside "motherfucking" reports the whole word part, which is what a
  // reader should see highlighted. The walk to the part's ends is bounded, so a hostile word
  // of many matches stays linear (a part longer than that is reported as far as the bound).
  constexpr size_t kMaxWalk = 64;
  const auto segment_start = [symbols](size_t i) {
    for (size_t steps = 0; steps < kMaxWalk && i > 0 && !(symbols[i].flags & text::kSegmentStart);
         ++steps) {
      --i;
    }
    return symbols[i].start;
  };
  const auto segment_end = [symbols, count](size_t i) {
    for (size_t steps = 0;
         steps < kMaxWalk && i + 1 < count && !(symbols[i].flags & text::kSegmentEnd); ++steps) {
      ++i;
    }
    return symbols[i].end;
  };
  uint32_t state = 0;
  for (size_t i = 0; i < count; ++i) {
    const char32_t key = symbols[i].key;
    const uint16_t symbol = key < 128 ? ascii_index[key] : SymbolIndex(key);
    const uint32_t step = next[state * width + symbol];
    state = step & Bits::kState;
    // Nothing to report, or only whole-word terms while this symbol ends no word. One test
    // rather than two: the first alone is taken on every third symbol of ordinary text, and
    // mispredicted just as often (the attack lexicon has one-letter words: "u", "r", "a").
    const bool reports = (step & Bits::kReports) != 0;
    const bool can_end =
        ((symbols[i].flags & text::kSegmentEnd) | (step & Bits::kReportsInside)) != 0;
    if (!(reports & can_end)) continue;
    // Outputs come longest first: the state's own terms, then shorter suffixes along the chain.
    for (uint32_t s = state; s != 0; s = output_link[s]) {
      for (uint32_t o = output_begin[s]; o < output_begin[s + 1]; ++o) {
        const CompiledTerm& term = terms[outputs[o]];
        if (!internal::AcceptsAt(symbols, i, term.length, term.free_start, term.free_end,
                                 runs + term.runs_offset)) {
          continue;
        }
        const size_t first = i + 1 - term.length;
        visit(TermMatch{term.kind, term.spec, first, i,
                        term.free_start ? segment_start(first) : symbols[first].start,
                        term.free_end ? segment_end(i) : symbols[i].end});
      }
    }
  }
}

}  // namespace parley::policy
