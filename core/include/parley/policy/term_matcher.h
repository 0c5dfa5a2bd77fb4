#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parley/text/folded_text.h"

// Finds word-list terms in folded text (text/folded_text.h) with one Aho-Corasick automaton:
// one pass over the text however many terms there are, so checking is linear in the input.
//
// Term syntax: a term is one or more words ("idiot", "piece of shit"). By default it must start
// and end at word boundaries, so "cunt" never matches inside "Scunthorpe". A leading or trailing
// "*" lets the match start or end inside a word: "*fuck*" matches "motherfucking", "shit*" would
// match "shitty" (and, wrongly, "shitake": that is why the default lists use it rarely).
// Whole-word terms ending in a Latin letter also match their plural in -s, and multi-word terms
// also match written as one word ("blow job", "blowjob").
namespace parley::policy {

// What a term is for; the order is the order of precedence when matches overlap.
enum class TermKind : uint8_t {
  kAllow,    // an exception: suppresses other matches inside its span
  kSuspect,  // sends a comment to review
  kBanned,   // rejects a comment
};

// A term to compile.
struct TermSpec {
  std::string_view text;
  TermKind kind = TermKind::kBanned;
  bool match_plural = true;  // also match the -s plural (off for lexicons that list every form)
  uint8_t group = 0;  // 0 or 1: which visitor of ForEachMatchByGroup gets the term's matches
};

// One occurrence of a term: symbol indexes into FoldedText::symbols and the original bytes.
struct TermMatch {
  TermKind kind;
  uint8_t group;        // the term's TermSpec::group
  uint32_t term;        // index into the TermSpec list given to Compile
  size_t first_symbol;  // inclusive
  size_t last_symbol;   // inclusive
  uint32_t start;       // byte range in the original text
  uint32_t end;
};

// A compiled set of terms. Immutable once built, so one instance can serve many threads.
class TermMatcher {
 public:
  // Why a term was refused.
  struct Error {
    size_t term = 0;
    std::string message;
  };

  // Two terms of one group that fold to the same spelling ("a" and Cyrillic "а") become one,
  // reported under one of them: `absorbed` under `kept`.
  struct Merge {
    uint32_t absorbed;
    uint32_t kept;
  };

  // Compiles `terms`. Terms that fold to nothing ("***", "!!") are refused with an error.
  // `merges`, when given, receives the terms that were merged into another.
  static TermMatcher Compile(const std::vector<TermSpec>& terms, std::vector<Error>* errors,
                             std::vector<Merge>* merges = nullptr);

  // Every match in `text`, ordered by end position, then by length (longest first).
  std::vector<TermMatch> FindAll(const text::FoldedText& text) const;

  // Calls `visit(const TermMatch&)` for every match, in FindAll's order, without collecting
  // them: for the core's own hot paths, which include core/src/policy/term_match_scan.h (where
  // it is defined) to use it.
  template <class Visit>
  void ForEachMatch(const text::FoldedText& text, Visit&& visit) const;

  // ForEachMatch with the matches of group 0 terms to `visit0` and of group 1 terms to
  // `visit1`, each in FindAll's order: two rules' terms in one automaton (a policy's word lists
  // and its personal-attack lexicon) walk the text once. The matches of each group are those
  // its terms would find compiled alone.
  template <class Visit0, class Visit1>
  void ForEachMatchByGroup(const text::FoldedText& text, Visit0&& visit0, Visit1&& visit1) const;

  // Number of automaton states (for tests and size reports).
  size_t StateCount() const { return state_count_; }

 private:
  struct CompiledTerm {
    uint32_t spec;  // index of the TermSpec
    TermKind kind;
    uint8_t group;         // the TermSpec's
    bool free_start;       // "*term": may start inside a word
    bool free_end;         // "term*": may end inside a word
    uint32_t length;       // symbols
    uint32_t runs_offset;  // into runs_: how many repeats each symbol needs
  };

  uint16_t SymbolIndex(char32_t key) const;
  // The walk of the automaton over one text, with a table of `Entry` (uint16_t or uint32_t).
  template <class Entry, class Visit0, class Visit1>
  class Cursor;
  // The next state through the sparse trie and failure links (used while building).
  uint32_t Step(uint32_t state, uint16_t symbol) const;

  // A symbol's index is its position + 1: first the ASCII keys, gaps and letters first, then
  // the others sorted (SymbolIndex searches them).
  std::vector<char32_t> alphabet_;
  size_t ascii_count_ = 0;
  uint16_t ascii_index_[128] = {};
  std::vector<uint32_t> root_next_;  // dense transitions of the root, by symbol index
  // Sparse transitions of other states: edges_[edge_begin_[s] .. edge_begin_[s + 1]), sorted.
  std::vector<uint32_t> edge_begin_;
  std::vector<uint16_t> edge_symbol_;
  std::vector<uint32_t> edge_target_;
  std::vector<uint32_t> fail_;
  // The automaton as a full table: next_[(state << row_shift_) + symbol], with two flags in the
  // top bits of each entry (core/src/policy/term_match_scan.h); in next16_ instead when every
  // state number fits in 14 bits.
  unsigned row_shift_ = 0;  // rows of 2^row_shift_ entries, at least one per symbol
  uint32_t depth_ = 0;      // the deepest state's depth: the longest pattern, in symbols
  size_t state_count_ = 0;
  std::vector<uint32_t> next_;
  std::vector<uint16_t> next16_;
  std::vector<uint32_t> output_link_;   // next state on the fail chain with outputs, or 0
  std::vector<uint32_t> output_begin_;  // outputs_[output_begin_[s] .. output_begin_[s + 1])
  std::vector<uint32_t> outputs_;       // indexes into terms_
  std::vector<CompiledTerm> terms_;
  std::vector<uint8_t> runs_;
};

}  // namespace parley::policy
