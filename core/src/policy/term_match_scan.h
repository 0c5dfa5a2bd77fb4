#pragma once

// TermMatcher::ForEachMatch and ForEachMatchByGroup: the one pass of the automaton over folded
// text. Templates, so each caller gets the loop with its own handling of a match inlined: the
// personal-attack rule marks tokens as it goes instead of collecting a vector of matches first
// (its lexicon matches most short words: "you", "a", "the", "is").

#include <cstddef>
#include <cstdint>
#include <memory>

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

// One automaton walking the symbols of one text: its tables as raw arrays (this runs once per
// symbol of every comment, see text/hot.h), its state, and what it does with a match of each
// group's terms.
template <class Entry, class Visit0, class Visit1>
class TermMatcher::Cursor {
 public:
  Cursor(const TermMatcher& matcher, const Entry* next, const text::FoldedText& text,
         Visit0& visit0, Visit1& visit1)
      : matcher_(matcher),
        next_(next),
        row_shift_(matcher.row_shift_),
        ascii_index_(matcher.ascii_index_),
        output_link_(matcher.output_link_.data()),
        output_begin_(matcher.output_begin_.data()),
        outputs_(matcher.outputs_.data()),
        terms_(matcher.terms_.data()),
        runs_(matcher.runs_.data()),
        symbols_(text.symbols.data()),
        count_(text.symbols.size()),
        visit0_(visit0),
        visit1_(visit1) {}

  // Takes symbol `i` and reports the terms that end there.
  PARLEY_HOT void Step(size_t i) {
    const uint32_t step = Next(state_, i);
    state_ = step & internal::TableBits<Entry>::kState;
    if (HasHit(i, step)) Report(i, state_);
  }

  // A symbol where the walk has terms to report, and the state it reached there.
  struct Hit {
    uint32_t symbol;
    uint32_t state;
  };

  // Walks the text in four lanes at once, then reports in order what they found. The state
  // after a symbol depends only on the last `depth` symbols (no pattern is longer), so each
  // lane after the first starts from the root that many symbols before its part. Each step's
  // table load waits on the one before it; four lanes' waits overlap. Each lane notes its hits
  // in its own part of `hits` (room for one per symbol), without a branch: the slot is
  // written every time and kept when there is something to report. The lanes are written out
  // rather than looped over, so that each one's state stays in a register. Needs at least
  // `depth` symbols a lane.
  PARLEY_HOT void WalkInLanes(Hit* hits, size_t depth) {
    using Bits = internal::TableBits<Entry>;
    const size_t lane = count_ / 4;
    const size_t b = lane;
    const size_t c = 2 * lane;
    const size_t d = 3 * lane;
    uint32_t sa = 0;
    uint32_t sb = 0;
    uint32_t sc = 0;
    uint32_t sd = 0;
    for (size_t j = 0; j < depth; ++j) {
      sb = Next(sb, b - depth + j) & Bits::kState;
      sc = Next(sc, c - depth + j) & Bits::kState;
      sd = Next(sd, d - depth + j) & Bits::kState;
    }
    size_t na = 0;
    size_t nb = b;
    size_t nc = c;
    size_t nd = d;
    for (size_t j = 0; j < lane; ++j) {
      const uint32_t ea = Next(sa, j);
      const uint32_t eb = Next(sb, b + j);
      const uint32_t ec = Next(sc, c + j);
      const uint32_t ed = Next(sd, d + j);
      sa = ea & Bits::kState;
      sb = eb & Bits::kState;
      sc = ec & Bits::kState;
      sd = ed & Bits::kState;
      hits[na] = Hit{static_cast<uint32_t>(j), sa};
      na += size_t{HasHit(j, ea)};
      hits[nb] = Hit{static_cast<uint32_t>(b + j), sb};
      nb += size_t{HasHit(b + j, eb)};
      hits[nc] = Hit{static_cast<uint32_t>(c + j), sc};
      nc += size_t{HasHit(c + j, ec)};
      hits[nd] = Hit{static_cast<uint32_t>(d + j), sd};
      nd += size_t{HasHit(d + j, ed)};
    }
    for (size_t i = 4 * lane; i < count_; ++i) {
      const uint32_t entry = Next(sd, i);
      sd = entry & Bits::kState;
      hits[nd] = Hit{static_cast<uint32_t>(i), sd};
      nd += size_t{HasHit(i, entry)};
    }
    for (size_t k = 0; k < na; ++k) Report(hits[k].symbol, hits[k].state);
    for (size_t k = b; k < nb; ++k) Report(hits[k].symbol, hits[k].state);
    for (size_t k = c; k < nc; ++k) Report(hits[k].symbol, hits[k].state);
    for (size_t k = d; k < nd; ++k) Report(hits[k].symbol, hits[k].state);
  }

 private:
  // The table entry (next state and flags) for `state` taking symbol `i`.
  PARLEY_HOT uint32_t Next(uint32_t state, size_t i) const {
    const char32_t key = symbols_[i].key;
    const uint16_t symbol = key < 128 ? ascii_index_[key] : matcher_.SymbolIndex(key);
    return next_[(state << row_shift_) + symbol];
  }

  // Whether the step to symbol `i`, with table entry `step`, has terms to report: not when no
  // term ends there, nor when only whole-word terms do and this symbol ends no word. One test
  // rather than two: the first alone holds on every third symbol of ordinary text, and would
  // be mispredicted just as often (the attack lexicon has one-letter words: "u", "r", "a").
  PARLEY_HOT bool HasHit(size_t i, uint32_t step) const {
    using Bits = internal::TableBits<Entry>;
    const bool reports = (step & Bits::kReports) != 0;
    const bool can_end =
        ((symbols_[i].flags & text::kSegmentEnd) | (step & Bits::kReportsInside)) != 0;
    return reports & can_end;
  }

  // A match of "*fuck*" inside "motherfucking" reports the whole word part, which is what a
  // reader should see highlighted. The walk to the part's ends is bounded, so a hostile word
  // of many matches stays linear (a part longer than that is reported as far as the bound).
  static constexpr size_t kMaxWalk = 64;

  uint32_t SegmentStart(size_t i) const {
    for (size_t steps = 0; steps < kMaxWalk && i > 0 && !(symbols_[i].flags & text::kSegmentStart);
         ++steps) {
      --i;
    }
    return symbols_[i].start;
  }

  uint32_t SegmentEnd(size_t i) const {
    for (size_t steps = 0;
         steps < kMaxWalk && i + 1 < count_ && !(symbols_[i].flags & text::kSegmentEnd); ++steps) {
      ++i;
    }
    return symbols_[i].end;
  }

  // Reports the terms of `state` (the walk's after symbol `i`) and down its output chain.
  void Report(size_t i, uint32_t state) {
    // Outputs come longest first: the state's own terms, then shorter suffixes along the chain.
    for (uint32_t s = state; s != 0; s = output_link_[s]) {
      for (uint32_t o = output_begin_[s]; o < output_begin_[s + 1]; ++o) {
        const CompiledTerm& term = terms_[outputs_[o]];
        if (!internal::AcceptsAt(symbols_, i, term.length, term.free_start, term.free_end,
                                 runs_ + term.runs_offset)) {
          continue;
        }
        const size_t first = i + 1 - term.length;
        const TermMatch match{term.kind, term.group, term.spec, first, i,
                              term.free_start ? SegmentStart(first) : symbols_[first].start,
                              term.free_end ? SegmentEnd(i) : symbols_[i].end};
        if (term.group == 0) {
          visit0_(match);
        } else {
          visit1_(match);
        }
      }
    }
  }

  const TermMatcher& matcher_;
  const Entry* next_;
  unsigned row_shift_;
  const uint16_t* ascii_index_;
  const uint32_t* output_link_;
  const uint32_t* output_begin_;
  const uint32_t* outputs_;
  const CompiledTerm* terms_;
  const uint8_t* runs_;
  const text::Symbol* symbols_;
  size_t count_;
  Visit0& visit0_;
  Visit1& visit1_;
  uint32_t state_ = 0;  // Step's walk
};

template <class Visit0, class Visit1>
void TermMatcher::ForEachMatchByGroup(const text::FoldedText& text, Visit0&& visit0,
                                      Visit1&& visit1) const {
  if (terms_.empty()) return;
  const size_t count = text.symbols.size();
  if (!next16_.empty()) {
    Cursor<uint16_t, Visit0, Visit1> cursor(*this, next16_.data(), text, visit0, visit1);
    // Four lanes pay when each is well longer than the automaton is deep (a comment of a few
    // hundred letters with the default lists).
    if (count / 4 >= 2 * size_t{depth_}) {
      using Hit = typename Cursor<uint16_t, Visit0, Visit1>::Hit;
      std::unique_ptr<Hit[]> hits(new Hit[count]);
      cursor.WalkInLanes(hits.get(), depth_);
    } else {
      for (size_t i = 0; i < count; ++i) cursor.Step(i);
    }
  } else {
    // A site's word lists too large for 16-bit entries (over 16,384 states): one lane.
    Cursor<uint32_t, Visit0, Visit1> cursor(*this, next_.data(), text, visit0, visit1);
    for (size_t i = 0; i < count; ++i) cursor.Step(i);
  }
}

template <class Visit>
void TermMatcher::ForEachMatch(const text::FoldedText& text, Visit&& visit) const {
  ForEachMatchByGroup(text, visit, visit);
}

}  // namespace parley::policy
