#include "parley/text/folded_text.h"

#include <algorithm>

#include "parley/text/fold.h"
#include "parley/utf8.h"

namespace parley::text {

namespace {

// What an atom (one folded code point) is to the word finder.
enum class AtomKind : uint8_t {
  kLetter,
  kDigit,
  kLeetSymbol,  // @ $ !: letters inside a word, punctuation elsewhere
  kSpace,
  kNewline,
  kPunct,
};

struct Atom {
  char32_t c;
  AtomKind kind;
  uint32_t start;
  uint32_t end;
  uint32_t repeat = 1;  // the source character repeated ("ыыы" folds to "bl" × 3)
};

bool IsWordKind(AtomKind kind) {
  return kind == AtomKind::kLetter || kind == AtomKind::kDigit || kind == AtomKind::kLeetSymbol;
}

bool IsApostrophe(char32_t c) {
  return c == '\'' || c == '`' || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x00B4;
}

// Emphasis and quotation marks ("*really*", "you _are_") separate words like a space does.
bool IsEmphasisOrQuote(char32_t c) {
  return c == '*' || c == '_' || c == '~' || c == '"' || c == '`' || c == '\'' || c == 0x201C ||
         c == 0x201D || c == 0x2018 || c == 0x2019 || c == 0x00AB || c == 0x00BB;
}

bool IsSentenceEnd(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == ';' || c == 0x2026 || c == 0x3002 ||
         c == 0xFF01 || c == 0xFF1F || c == 0x0589 /* Armenian full stop */ ||
         c == 0x055C /* Armenian exclamation */ || c == 0x055E /* Armenian question */;
}

// Decodes and folds every code point. Dropped characters (zero-width, combining marks) widen
// the previous atom's span so that highlights cover them.
// What an ASCII character is, without the table search (comments are mostly ASCII).
AtomKind AsciiKind(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return AtomKind::kLetter;
  if (c >= '0' && c <= '9') return AtomKind::kDigit;
  if (c == ' ' || c == '\t') return AtomKind::kSpace;
  if (c == '\n' || c == '\r' || c == 0x0B || c == 0x0C) return AtomKind::kNewline;
  if (c == '@' || c == '$' || c == '!') return AtomKind::kLeetSymbol;
  return AtomKind::kPunct;
}

std::vector<Atom> MakeAtoms(std::string_view text, FoldedText* folded) {
  std::vector<Atom> atoms;
  atoms.reserve(text.size());
  size_t pos = 0;
  char32_t previous = 0;
  while (pos < text.size()) {
    const uint32_t start = static_cast<uint32_t>(pos);
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      ++pos;
      const AtomKind kind = AsciiKind(byte);
      const bool upper = byte >= 'A' && byte <= 'Z';
      if (kind == AtomKind::kLetter) {
        ++folded->letters;
        if (upper) ++folded->capitals;
      }
      atoms.push_back(Atom{upper ? char32_t{byte} + 32 : char32_t{byte}, kind, start, start + 1});
      previous = byte;
      continue;
    }
    const char32_t code_point = utf8::Decode(text, &pos);
    const uint32_t end = static_cast<uint32_t>(pos);
    const bool malformed = code_point == utf8::kReplacement;
    const CharFold fold =
        malformed ? CharFold{CharClass::kPunct, false, 1, {code_point}} : FoldCodePoint(code_point);
    if (fold.char_class == CharClass::kLetter) {
      ++folded->letters;
      if (fold.upper) ++folded->capitals;
    }
    if (fold.char_class == CharClass::kDrop) {
      if (!atoms.empty()) atoms.back().end = end;
      continue;
    }
    // A repeated character that folds to several ("ыыыы") repeats its whole fold, so it is
    // counted on the atoms it made rather than folded again (which would give "blbl").
    if (fold.size > 1 && code_point == previous && fold.char_class == CharClass::kLetter) {
      for (size_t i = atoms.size() - fold.size; i < atoms.size(); ++i) {
        ++atoms[i].repeat;
        atoms[i].end = end;
      }
      continue;
    }
    previous = code_point;
    for (size_t i = 0; i < fold.size; ++i) {
      const char32_t c = fold.folded[i];
      AtomKind kind = AtomKind::kLetter;
      if (fold.char_class == CharClass::kSpace) {
        kind = (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 || c == 0x0B || c == 0x0C ||
                c == 0x85)
                   ? AtomKind::kNewline
                   : AtomKind::kSpace;
      } else if (fold.char_class == CharClass::kPunct) {
        kind = (c == '@' || c == '$' || c == '!') ? AtomKind::kLeetSymbol : AtomKind::kPunct;
      } else if (c >= '0' && c <= '9') {
        kind = AtomKind::kDigit;
      }
      atoms.push_back(Atom{c, kind, start, end});
    }
  }
  return atoms;
}

// Leet symbols stay letters only inside words that have a real letter: "$5" and "@@" are
// punctuation, and so are a word's trailing "!" ("fuck!") and a leading "!!" run.
void ResolveLeetSymbols(std::vector<Atom>* atoms) {
  size_t i = 0;
  while (i < atoms->size()) {
    if (!IsWordKind((*atoms)[i].kind)) {
      ++i;
      continue;
    }
    size_t end = i;
    bool has_letter = false;
    while (end < atoms->size() && IsWordKind((*atoms)[end].kind)) {
      has_letter = has_letter || (*atoms)[end].kind == AtomKind::kLetter;
      ++end;
    }
    auto demote = [&](size_t k) {
      if ((*atoms)[k].kind == AtomKind::kLeetSymbol) (*atoms)[k].kind = AtomKind::kPunct;
    };
    if (!has_letter) {
      for (size_t k = i; k < end; ++k) demote(k);
    } else {
      for (size_t k = end; k > i && (*atoms)[k - 1].c == '!'; --k) demote(k - 1);
      if ((*atoms)[i].c == '!' && i + 1 < end && (*atoms)[i + 1].c == '!') {
        for (size_t k = i; k < end && (*atoms)[k].c == '!'; ++k) demote(k);
      }
    }
    i = end;
  }
}

// A maximal run of word atoms.
struct Piece {
  size_t first;  // atom indexes [first, last)
  size_t last;
};

// How two neighbouring pieces are joined.
enum class Join : uint8_t {
  kNone,  // separate words
  kSoft,  // one word with a soft boundary (punctuation, no space)
  kHard,  // one word, no boundary (runs of single characters)
};

struct Gap {
  Join join = Join::kNone;
  char32_t symbol = kSpaceGap;
  bool apostrophe = false;
};

constexpr size_t kMaxJoinGap = 3;  // separator atoms allowed between joined pieces
// Single characters needed to form a word: three with punctuation between ("a.s.s"), four with
// spaces ("f u c k"), since "u r a moron" and "I a m" are ordinary text.
constexpr size_t kMinSingleRun = 3;
constexpr size_t kMinSpacedSingleRun = 4;

Gap ClassifyGap(const std::vector<Atom>& atoms, size_t from, size_t to) {
  Gap gap;
  bool space = false;
  bool newline = false;
  bool sentence = false;
  bool punct = false;
  bool only_apostrophes = true;
  for (size_t k = from; k < to; ++k) {
    const Atom& atom = atoms[k];
    if (atom.kind == AtomKind::kSpace) {
      space = true;
    } else if (atom.kind == AtomKind::kNewline) {
      newline = true;
    } else if (!IsEmphasisOrQuote(atom.c)) {
      punct = true;
      sentence = sentence || IsSentenceEnd(atom.c);
    }
    only_apostrophes = only_apostrophes && IsApostrophe(atom.c);
  }
  if (!space && !newline && to - from <= kMaxJoinGap) {
    gap.join = Join::kSoft;
    gap.apostrophe = only_apostrophes;
    return gap;
  }
  gap.symbol = (newline || sentence) ? kSentenceGap : punct ? kClauseGap : kSpaceGap;
  return gap;
}

// Letters a leet digit or symbol stands for inside a word.
char32_t LeetLetter(char32_t c) {
  switch (c) {
    case '0':
      return 'o';
    case '1':
      return 'i';
    case '3':
      return 'e';
    case '4':
      return 'a';
    case '5':
      return 's';
    case '7':
      return 't';
    case '@':
      return 'a';
    case '$':
      return 's';
    case '!':
      return 'i';
    default:
      return c;
  }
}

class SymbolWriter {
 public:
  explicit SymbolWriter(std::vector<Symbol>* out) : out_(out) {}

  // Starts a segment (a word, or a part of one after a soft boundary).
  void BeginSegment(bool word_start, bool after_apostrophe) {
    segment_begin_ = out_->size();
    pending_flags_ = static_cast<uint8_t>(kSegmentStart | (word_start ? kWordStart : 0) |
                                          (after_apostrophe ? kAfterApostrophe : 0));
  }

  void Add(char32_t key, uint32_t repeat, uint32_t start, uint32_t end) {
    if (out_->size() > segment_begin_ && out_->back().key == key) {
      Symbol& last = out_->back();
      last.run += repeat;
      last.end = end;
      return;
    }
    Symbol symbol;
    symbol.key = key;
    symbol.run = repeat;
    symbol.start = start;
    symbol.end = end;
    symbol.flags = pending_flags_;
    pending_flags_ = 0;
    out_->push_back(symbol);
  }

  void EndSegment(bool word_end) {
    if (out_->size() > segment_begin_) {
      out_->back().flags |= static_cast<uint8_t>(kSegmentEnd | (word_end ? kWordEnd : 0));
    }
  }

  void AddGap(char32_t symbol, uint32_t start, uint32_t end) {
    Symbol gap;
    gap.key = symbol;
    gap.start = start;
    gap.end = end;
    gap.flags = kGap;
    out_->push_back(gap);
  }

 private:
  std::vector<Symbol>* out_;
  size_t segment_begin_ = 0;
  uint8_t pending_flags_ = 0;
};

}  // namespace

FoldedText FoldForMatching(std::string_view text) {
  FoldedText folded;
  std::vector<Atom> atoms = MakeAtoms(text, &folded);
  ResolveLeetSymbols(&atoms);

  std::vector<Piece> pieces;
  for (size_t i = 0; i < atoms.size();) {
    if (!IsWordKind(atoms[i].kind)) {
      ++i;
      continue;
    }
    const size_t first = i;
    while (i < atoms.size() && IsWordKind(atoms[i].kind)) ++i;
    pieces.push_back(Piece{first, i});
  }

  // gaps[k] joins pieces k and k + 1.
  std::vector<Gap> gaps(pieces.empty() ? 0 : pieces.size() - 1);
  for (size_t k = 0; k + 1 < pieces.size(); ++k) {
    gaps[k] = ClassifyGap(atoms, pieces[k].last, pieces[k + 1].first);
  }
  // Runs of single characters ("f u c k", "f.u.c.k") become one word without boundaries.
  for (size_t k = 0; k < pieces.size();) {
    // One character, though it may fold to two ("ы" -> "bl", "ß" -> "ss").
    auto single = [&](size_t p) {
      return atoms[pieces[p].first].start == atoms[pieces[p].last - 1].start;
    };
    // Every separator of a run is the same ("f.u.c.k", "f u c k"): "a f-u-c-k" is "a" and
    // "f-u-c-k".
    auto same_gap = [&](size_t g, size_t h) {
      const size_t length = pieces[g + 1].first - pieces[g].last;
      if (length != pieces[h + 1].first - pieces[h].last) return false;
      for (size_t a = 0; a < length; ++a) {
        if (atoms[pieces[g].last + a].c != atoms[pieces[h].last + a].c) return false;
      }
      return true;
    };
    auto joinable = [&](size_t g) {
      const size_t from = pieces[g].last;
      const size_t to = pieces[g + 1].first;
      if (to - from > kMaxJoinGap) return false;
      for (size_t a = from; a < to; ++a) {
        if (atoms[a].kind == AtomKind::kNewline) return false;
      }
      return g == k || same_gap(g, k);
    };
    size_t end = k + 1;
    if (single(k)) {
      while (end < pieces.size() && single(end) && joinable(end - 1)) ++end;
    }
    bool spaced = false;
    if (end - k > 1) {
      for (size_t a = pieces[k].last; a < pieces[k + 1].first; ++a) {
        spaced = spaced || atoms[a].kind == AtomKind::kSpace;
      }
    }
    if (end - k >= (spaced ? kMinSpacedSingleRun : kMinSingleRun)) {
      for (size_t g = k; g + 1 < end; ++g) gaps[g].join = Join::kHard;
      k = end;
    } else {
      ++k;  // a shorter run may still start at the next piece ("a f-u-c-k")
    }
  }

  folded.symbols.reserve(atoms.size());
  SymbolWriter writer(&folded.symbols);
  size_t k = 0;
  while (k < pieces.size()) {
    // A segment: pieces joined without a boundary.
    size_t end = k + 1;
    while (end < pieces.size() && gaps[end - 1].join == Join::kHard) ++end;
    bool has_letter = false;
    for (size_t p = k; p < end; ++p) {
      for (size_t a = pieces[p].first; a < pieces[p].last; ++a) {
        has_letter = has_letter || atoms[a].kind != AtomKind::kDigit;
      }
    }
    const bool word_start = k == 0 || gaps[k - 1].join == Join::kNone;
    writer.BeginSegment(word_start,
                        k > 0 && gaps[k - 1].join == Join::kSoft && gaps[k - 1].apostrophe);
    for (size_t p = k; p < end; ++p) {
      for (size_t a = pieces[p].first; a < pieces[p].last; ++a) {
        char32_t key = atoms[a].c;
        if (has_letter) key = LeetLetter(key);
        writer.Add(key, atoms[a].repeat, atoms[a].start, atoms[a].end);
      }
    }
    const bool word_end = end == pieces.size() || gaps[end - 1].join == Join::kNone;
    writer.EndSegment(word_end);
    if (end < pieces.size() && gaps[end - 1].join == Join::kNone) {
      writer.AddGap(gaps[end - 1].symbol, atoms[pieces[end - 1].last].start,
                    atoms[pieces[end].first].start);
    }
    k = end;
  }
  return folded;
}

std::string KeysToString(const FoldedText& folded) {
  std::string out;
  for (const Symbol& symbol : folded.symbols) utf8::Append(&out, symbol.key);
  return out;
}

}  // namespace parley::text
