#include "parley/policy/term_matcher.h"

#include <algorithm>
#include <numeric>
#include <utility>

#include "term_match_scan.h"

namespace parley::policy {

namespace {

using text::Symbol;

constexpr size_t kMaxTermSymbols = 64;
// Runs are kept up to this length in a term ("ass" has a run of two); longer runs in a term
// ("fuuuck") are treated as emphatic and stand for any run of three or more.
constexpr uint32_t kMaxRunRequirement = 2;

// A term's folded form: its keys, how often each must repeat, and where it may float.
struct FoldedTerm {
  std::vector<char32_t> keys;
  std::vector<uint8_t> runs;
  bool free_start = false;
  bool free_end = false;
};

// Appends `key` repeated `run` times, merging with an equal last key (joined words: "ass" +
// "sucker" is one run of three s).
void Push(FoldedTerm* term, char32_t key, uint32_t run) {
  if (!term->keys.empty() && term->keys.back() == key) {
    const uint32_t merged = std::min(term->runs.back() + run, kMaxRunRequirement);
    term->runs.back() = static_cast<uint8_t>(merged);
    return;
  }
  term->keys.push_back(key);
  term->runs.push_back(static_cast<uint8_t>(std::min(run, kMaxRunRequirement)));
}

// Folds a term exactly the way text is folded, so both meet in the same alphabet.
bool FoldTerm(std::string_view spec, FoldedTerm* term, std::string* error) {
  while (!spec.empty() && spec.front() == ' ') spec.remove_prefix(1);
  while (!spec.empty() && spec.back() == ' ') spec.remove_suffix(1);
  if (!spec.empty() && spec.front() == '*') {
    term->free_start = true;
    spec.remove_prefix(1);
  }
  if (!spec.empty() && spec.back() == '*') {
    term->free_end = true;
    spec.remove_suffix(1);
  }
  const text::FoldedText folded = text::FoldForMatching(spec);
  for (const Symbol& symbol : folded.symbols) {
    // Whatever separates a term's words stands for a space.
    if (symbol.IsGap()) {
      Push(term, text::kSpaceGap, 1);
    } else {
      Push(term, symbol.key, symbol.run);
    }
  }
  if (term->keys.empty()) {
    *error = "has no letters or digits";
    return false;
  }
  if (term->keys.size() > kMaxTermSymbols) {
    *error = "is longer than 64 letters";
    return false;
  }
  return true;
}

// The same term written as one word: "blow job" -> "blowjob".
FoldedTerm Joined(const FoldedTerm& term) {
  FoldedTerm joined;
  joined.free_start = term.free_start;
  joined.free_end = term.free_end;
  for (size_t i = 0; i < term.keys.size(); ++i) {
    if (term.keys[i] != text::kSpaceGap) Push(&joined, term.keys[i], term.runs[i]);
  }
  return joined;
}

bool IsAsciiLetter(char32_t c) { return c >= 'a' && c <= 'z'; }

// How many "l"s of a term get an "i" alternative (each doubles the spellings).
constexpr size_t kMaxLetterVariants = 3;

// Appends the spellings of `term` with some of its first "l"s written as "i". Each "l" of a
// double "ll" counts alone, so "a1lig4tor" (one "l" as "1") matches "alligator".
void AddLetterVariants(const FoldedTerm& term, std::vector<FoldedTerm>* out) {
  std::vector<char32_t> letters;  // the term with its runs written out
  std::vector<uint8_t> runs;
  for (size_t k = 0; k < term.keys.size(); ++k) {
    const size_t copies = term.keys[k] == 'l' ? term.runs[k] : 1;
    for (size_t c = 0; c < copies; ++c) {
      letters.push_back(term.keys[k]);
      runs.push_back(term.keys[k] == 'l' ? 1 : term.runs[k]);
    }
  }
  std::vector<size_t> positions;
  for (size_t k = 0; k < letters.size() && positions.size() < kMaxLetterVariants; ++k) {
    if (letters[k] == 'l') positions.push_back(k);
  }
  for (uint32_t mask = 1; mask < (1u << positions.size()); ++mask) {
    FoldedTerm variant;
    variant.free_start = term.free_start;
    variant.free_end = term.free_end;
    size_t next = 0;
    for (size_t k = 0; k < letters.size(); ++k) {
      char32_t key = letters[k];
      if (next < positions.size() && positions[next] == k) {
        if ((mask >> next) & 1u) key = 'i';
        ++next;
      }
      Push(&variant, key, runs[k]);  // merges neighbours into runs, as text is folded
    }
    out->push_back(std::move(variant));
  }
}

// A pattern is one spelling of a term that goes into the automaton.
struct Pattern {
  FoldedTerm folded;
  uint32_t spec;
  uint8_t group;  // the spec's: patterns of two groups never merge
};

bool SamePattern(const Pattern& a, const Pattern& b) {
  return a.folded.keys == b.folded.keys && a.folded.runs == b.folded.runs &&
         a.folded.free_start == b.folded.free_start && a.folded.free_end == b.folded.free_end &&
         a.group == b.group;
}

bool PatternLess(const Pattern& a, const Pattern& b) {
  if (a.folded.keys != b.folded.keys) return a.folded.keys < b.folded.keys;
  if (a.folded.runs != b.folded.runs) return a.folded.runs < b.folded.runs;
  if (a.folded.free_start != b.folded.free_start) return a.folded.free_start < b.folded.free_start;
  if (a.folded.free_end != b.folded.free_end) return a.folded.free_end < b.folded.free_end;
  if (a.group != b.group) return a.group < b.group;
  // std::sort is not stable and differs between the native and WebAssembly standard libraries:
  // a total order makes both builds keep the same term for a spelling.
  return a.spec < b.spec;
}

// When the same spelling comes from several terms, an exception wins, then the stronger list.
bool Outranks(TermKind a, TermKind b) {
  if (a == TermKind::kAllow || b == TermKind::kAllow) return a == TermKind::kAllow && b != a;
  return a > b;
}

}  // namespace

uint16_t TermMatcher::SymbolIndex(char32_t key) const {
  if (key < 128) return ascii_index_[key];
  const auto others = alphabet_.begin() + static_cast<std::ptrdiff_t>(ascii_count_);
  const auto found = std::lower_bound(others, alphabet_.end(), key);
  if (found == alphabet_.end() || *found != key) return 0;
  return static_cast<uint16_t>(found - alphabet_.begin() + 1);
}

uint32_t TermMatcher::Step(uint32_t state, uint16_t symbol) const {
  if (symbol == 0) return 0;
  while (state != 0) {
    const uint16_t* begin = edge_symbol_.data() + edge_begin_[state];
    const uint16_t* end = edge_symbol_.data() + edge_begin_[state + 1];
    // A linear search: most states have one or two edges, and this runs only while building.
    const uint16_t* found = std::find(begin, end, symbol);
    if (found != end) {
      return edge_target_[static_cast<size_t>(found - edge_symbol_.data())];
    }
    state = fail_[state];
  }
  return root_next_[symbol];
}

TermMatcher TermMatcher::Compile(const std::vector<TermSpec>& specs, std::vector<Error>* errors,
                                 std::vector<Merge>* merges) {
  std::vector<Pattern> patterns;
  patterns.reserve(specs.size() * 2);
  for (size_t i = 0; i < specs.size(); ++i) {
    FoldedTerm term;
    std::string error;
    if (!FoldTerm(specs[i].text, &term, &error)) {
      if (errors != nullptr) errors->push_back(Error{i, std::move(error)});
      continue;
    }
    const bool multi_word =
        std::find(term.keys.begin(), term.keys.end(), text::kSpaceGap) != term.keys.end();
    const bool plural = specs[i].match_plural && !term.free_end &&
                        IsAsciiLetter(term.keys.back()) && term.keys.back() != 's';
    std::vector<FoldedTerm> variants;
    if (multi_word) variants.push_back(Joined(term));
    variants.push_back(std::move(term));
    // "1", "!" and a capital "I" fold to "i" but often stand for "l" ("s1ut"): a term's "l"
    // also matches "i". (Text keeps "l" apart from "i", so "SPLC" is not "spic".)
    for (size_t v = 0, count = variants.size(); v < count; ++v) {
      const FoldedTerm base = variants[v];  // variants grows below
      AddLetterVariants(base, &variants);
    }
    if (plural) {
      const size_t count = variants.size();
      for (size_t v = 0; v < count; ++v) {
        FoldedTerm plural_form = variants[v];
        Push(&plural_form, 's', 1);
        variants.push_back(std::move(plural_form));
      }
    }
    for (FoldedTerm& variant : variants) {
      patterns.push_back(Pattern{std::move(variant), static_cast<uint32_t>(i), specs[i].group});
    }
  }

  TermMatcher matcher;
  // The alphabet is small (a few hundred letters), so sorted insertion is cheap.
  for (const Pattern& pattern : patterns) {
    for (char32_t key : pattern.folded.keys) {
      const auto at = std::lower_bound(matcher.alphabet_.begin(), matcher.alphabet_.end(), key);
      if (at == matcher.alphabet_.end() || *at != key) matcher.alphabet_.insert(at, key);
    }
  }
  // The symbols most text is made of (gaps, then Latin letters: the sorted order keeps them so)
  // come first, so that a state's row holds them in its first 64 bytes: the walk over English
  // text then touches one cache line per state rather than two. ASCII symbols precede all
  // others in either order.
  const auto ascii_end = std::partition_point(matcher.alphabet_.begin(), matcher.alphabet_.end(),
                                              [](char32_t key) { return key < 128; });
  std::stable_partition(matcher.alphabet_.begin(), ascii_end, [](char32_t key) {
    return key == text::kSpaceGap || key == text::kClauseGap || key == text::kSentenceGap ||
           IsAsciiLetter(key);
  });
  matcher.ascii_count_ = static_cast<size_t>(ascii_end - matcher.alphabet_.begin());
  for (size_t i = 0; i < matcher.ascii_count_; ++i) {
    matcher.ascii_index_[matcher.alphabet_[i]] = static_cast<uint16_t>(i + 1);
  }

  // Sorted patterns share prefixes with their predecessor, which builds the trie in one sweep
  // and lets duplicates (the same word in two lists) meet.
  std::sort(patterns.begin(), patterns.end(), PatternLess);
  struct Edge {
    uint32_t from;
    uint16_t symbol;
    uint32_t to;
  };
  std::vector<Edge> edges;
  std::vector<std::pair<uint32_t, uint32_t>> state_outputs;  // (state, term)
  std::vector<uint32_t> path = {0};                          // states along the last pattern
  uint32_t state_count = 1;
  const std::vector<char32_t>* previous = nullptr;
  for (size_t p = 0; p < patterns.size(); ++p) {
    const Pattern& pattern = patterns[p];
    if (p > 0 && SamePattern(pattern, patterns[p - 1])) {
      CompiledTerm& existing = matcher.terms_.back();
      const TermKind kind = specs[pattern.spec].kind;
      if (Outranks(kind, existing.kind)) {
        if (merges != nullptr) merges->push_back(Merge{existing.spec, pattern.spec});
        existing.kind = kind;
        existing.spec = pattern.spec;
      } else if (merges != nullptr && pattern.spec != existing.spec) {
        merges->push_back(Merge{pattern.spec, existing.spec});
      }
      continue;
    }
    const std::vector<char32_t>& keys = pattern.folded.keys;
    size_t common = 0;
    if (previous != nullptr) {
      while (common < keys.size() && common < previous->size() &&
             keys[common] == (*previous)[common]) {
        ++common;
      }
    }
    path.resize(common + 1);
    for (size_t k = common; k < keys.size(); ++k) {
      edges.push_back(Edge{path.back(), matcher.SymbolIndex(keys[k]), state_count});
      path.push_back(state_count++);
    }
    previous = &keys;

    CompiledTerm term;
    term.spec = pattern.spec;
    term.kind = specs[pattern.spec].kind;
    term.group = pattern.group;
    term.free_start = pattern.folded.free_start;
    term.free_end = pattern.folded.free_end;
    term.length = static_cast<uint32_t>(keys.size());
    matcher.depth_ = std::max(matcher.depth_, term.length);
    term.runs_offset = static_cast<uint32_t>(matcher.runs_.size());
    matcher.runs_.insert(matcher.runs_.end(), pattern.folded.runs.begin(),
                         pattern.folded.runs.end());
    state_outputs.emplace_back(path.back(), static_cast<uint32_t>(matcher.terms_.size()));
    matcher.terms_.push_back(term);
  }

  // Transitions as compressed sparse rows.
  matcher.edge_begin_.assign(state_count + 1, 0);
  for (const Edge& edge : edges) ++matcher.edge_begin_[edge.from + 1];
  std::partial_sum(matcher.edge_begin_.begin(), matcher.edge_begin_.end(),
                   matcher.edge_begin_.begin());
  matcher.edge_symbol_.resize(edges.size());
  matcher.edge_target_.resize(edges.size());
  {
    std::vector<uint32_t> next(matcher.edge_begin_.begin(), matcher.edge_begin_.end() - 1);
    for (const Edge& edge : edges) {
      const uint32_t slot = next[edge.from]++;
      matcher.edge_symbol_[slot] = edge.symbol;
      matcher.edge_target_[slot] = edge.to;
    }
  }
  matcher.root_next_.assign(matcher.alphabet_.size() + 1, 0);
  for (uint32_t e = matcher.edge_begin_[0]; e < matcher.edge_begin_[1]; ++e) {
    matcher.root_next_[matcher.edge_symbol_[e]] = matcher.edge_target_[e];
  }

  matcher.output_begin_.assign(state_count + 1, 0);
  for (const auto& output : state_outputs) ++matcher.output_begin_[output.first + 1];
  std::partial_sum(matcher.output_begin_.begin(), matcher.output_begin_.end(),
                   matcher.output_begin_.begin());
  matcher.outputs_.resize(state_outputs.size());
  {
    std::vector<uint32_t> next(matcher.output_begin_.begin(), matcher.output_begin_.end() - 1);
    for (const auto& output : state_outputs) matcher.outputs_[next[output.first]++] = output.second;
  }

  // Failure links breadth first: a state's fail is found from its parent's, which is shallower.
  matcher.fail_.assign(state_count, 0);
  matcher.output_link_.assign(state_count, 0);
  std::vector<uint32_t> queue;
  queue.reserve(state_count);
  for (uint32_t e = matcher.edge_begin_[0]; e < matcher.edge_begin_[1]; ++e) {
    queue.push_back(matcher.edge_target_[e]);
  }
  for (size_t head = 0; head < queue.size(); ++head) {
    const uint32_t state = queue[head];
    for (uint32_t e = matcher.edge_begin_[state]; e < matcher.edge_begin_[state + 1]; ++e) {
      const uint32_t child = matcher.edge_target_[e];
      const uint32_t fail = matcher.Step(matcher.fail_[state], matcher.edge_symbol_[e]);
      matcher.fail_[child] = fail;
      const bool fail_has_output = matcher.output_begin_[fail] != matcher.output_begin_[fail + 1];
      matcher.output_link_[child] = fail_has_output ? fail : matcher.output_link_[fail];
      queue.push_back(child);
    }
  }

  // The full transition table: checking then costs one load per character. States are
  // renumbered breadth first, so the shallow states that text visits most share cache lines.
  // A state's row is its failure state's row (shallower, so already built) plus its own edges.
  std::vector<uint32_t> order = {0};
  order.insert(order.end(), queue.begin(), queue.end());
  std::vector<uint32_t> renamed(state_count);
  for (uint32_t i = 0; i < state_count; ++i) renamed[order[i]] = i;
  // Rows of a power of two entries: the walk finds a row with a shift rather than a multiply,
  // which is on the path from one state to the next (unused entries stay 0).
  const size_t width = matcher.alphabet_.size() + 1;
  while ((size_t{1} << matcher.row_shift_) < width) ++matcher.row_shift_;
  const unsigned shift = matcher.row_shift_;
  matcher.next_.assign(state_count << shift, 0);
  for (size_t symbol = 1; symbol < width; ++symbol) {
    matcher.next_[symbol] = renamed[matcher.root_next_[symbol]];
  }
  for (uint32_t i = 1; i < state_count; ++i) {
    const uint32_t state = order[i];
    const size_t row = size_t{i} << shift;
    const size_t fail_row = size_t{renamed[matcher.fail_[state]]} << shift;
    std::copy(matcher.next_.begin() + static_cast<std::ptrdiff_t>(fail_row + 1),
              matcher.next_.begin() + static_cast<std::ptrdiff_t>(fail_row + width),
              matcher.next_.begin() + static_cast<std::ptrdiff_t>(row + 1));
    for (uint32_t e = matcher.edge_begin_[state]; e < matcher.edge_begin_[state + 1]; ++e) {
      matcher.next_[row + matcher.edge_symbol_[e]] = renamed[matcher.edge_target_[e]];
    }
  }
  // Outputs under the new numbering.
  std::vector<uint32_t> output_begin(state_count + 1, 0);
  std::vector<uint32_t> outputs;
  std::vector<uint32_t> output_link(state_count, 0);
  outputs.reserve(matcher.outputs_.size());
  for (uint32_t i = 0; i < state_count; ++i) {
    const uint32_t state = order[i];
    output_begin[i] = static_cast<uint32_t>(outputs.size());
    for (uint32_t o = matcher.output_begin_[state]; o < matcher.output_begin_[state + 1]; ++o) {
      outputs.push_back(matcher.outputs_[o]);
    }
    output_link[i] = renamed[matcher.output_link_[state]];
  }
  output_begin[state_count] = static_cast<uint32_t>(outputs.size());
  matcher.output_begin_ = std::move(output_begin);
  matcher.outputs_ = std::move(outputs);
  matcher.output_link_ = std::move(output_link);
  // Most steps land on a state with no terms to report, here or down its output chain, or
  // only whole-word terms while the symbol does not end a word: the transition says so itself,
  // which spares the checker the walk down the chain. Output links point to shallower states,
  // which breadth-first numbering puts first.
  std::vector<uint32_t> step_flags(state_count, 0);
  for (uint32_t i = 1; i < state_count; ++i) {
    uint32_t flags = step_flags[matcher.output_link_[i]];
    for (uint32_t o = matcher.output_begin_[i]; o < matcher.output_begin_[i + 1]; ++o) {
      flags |= internal::kReportsFlag;
      if (matcher.terms_[matcher.outputs_[o]].free_end) flags |= internal::kReportsInsideFlag;
    }
    step_flags[i] = flags;
  }
  // The table in 16-bit entries when the states fit (the built-in word lists need about 9000,
  // the attack lexicon 3500): half the memory, 1.2 MB less for the default policy in the
  // reader's tab.
  if (state_count <= internal::kStateMask16 + 1) {
    matcher.next16_.resize(matcher.next_.size());
    for (size_t i = 0; i < matcher.next_.size(); ++i) {
      const uint32_t target = matcher.next_[i];
      matcher.next16_[i] = static_cast<uint16_t>(target | (step_flags[target] >> 16));
    }
    matcher.next_ = {};
  } else {
    for (uint32_t& target : matcher.next_) target |= step_flags[target];
  }
  // The sparse form and the failure links were only needed to build the table.
  matcher.edge_begin_ = {};
  matcher.edge_symbol_ = {};
  matcher.edge_target_ = {};
  matcher.root_next_ = {};
  matcher.state_count_ = state_count;
  matcher.fail_ = {};
  return matcher;
}

std::vector<TermMatch> TermMatcher::FindAll(const text::FoldedText& text) const {
  std::vector<TermMatch> matches;
  ForEachMatch(text, [&matches](const TermMatch& match) { matches.push_back(match); });
  return matches;
}

}  // namespace parley::policy
