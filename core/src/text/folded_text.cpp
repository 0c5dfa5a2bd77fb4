#include "parley/text/folded_text.h"

#include <algorithm>
#include <memory>

#include "hot.h"
#include "parley/text/fold.h"
#include "parley/utf8.h"

namespace parley::text {

namespace {

// What an atom (one folded code point) is to the word finder.
enum class AtomKind : uint8_t {
  kLetter,
  kLetterRun,   // two or more ASCII letters in a row, read back from the text by the writer
  kDigit,
  kLeetSymbol,  // @ $ !: letters inside a word, punctuation elsewhere
  kSpace,
  kNewline,
  kPunct,
};

// Trivial (no member initialisers), so a scratch array of them costs no constructor loop.
struct Atom {
  char32_t c;
  AtomKind kind;
  uint32_t start;
  uint32_t end;
  uint32_t repeat;  // the source character repeated ("ыыы" folds to "bl" × 3); for a
                    // kLetterRun, how many letters it holds (they start at `start`)
};

PARLEY_HOT bool IsWordKind(AtomKind kind) { return kind <= AtomKind::kLeetSymbol; }
PARLEY_HOT bool IsLetterKind(AtomKind kind) { return kind <= AtomKind::kLetterRun; }

PARLEY_HOT bool IsAsciiLetter(unsigned char c) {
  return static_cast<unsigned char>((c | 0x20) - 'a') < 26;
}

PARLEY_HOT bool IsApostrophe(char32_t c) {
  return c == '\'' || c == '`' || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x00B4;
}

// Emphasis and quotation marks ("*really*", "you _are_") separate words like a space does.
PARLEY_HOT bool IsEmphasisOrQuote(char32_t c) {
  return c == '*' || c == '_' || c == '~' || c == '"' || c == '`' || c == '\'' || c == 0x201C ||
         c == 0x201D || c == 0x2018 || c == 0x2019 || c == 0x00AB || c == 0x00BB;
}

PARLEY_HOT bool IsSentenceEnd(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == ';' || c == 0x2026 || c == 0x3002 ||
         c == 0xFF01 || c == 0xFF1F || c == 0x0589 /* Armenian full stop */ ||
         c == 0x055C /* Armenian exclamation */ || c == 0x055E /* Armenian question */;
}

// What an ASCII character is, without the table search (comments are mostly ASCII).
constexpr AtomKind AsciiKindOf(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return AtomKind::kLetter;
  if (c >= '0' && c <= '9') return AtomKind::kDigit;
  if (c == ' ' || c == '\t') return AtomKind::kSpace;
  if (c == '\n' || c == '\r' || c == 0x0B || c == 0x0C) return AtomKind::kNewline;
  if (c == '@' || c == '$' || c == '!') return AtomKind::kLeetSymbol;
  return AtomKind::kPunct;
}

struct AsciiKinds {
  AtomKind kind[128];
  constexpr AsciiKinds() : kind() {
    for (unsigned c = 0; c < 128; ++c) kind[c] = AsciiKindOf(static_cast<unsigned char>(c));
  }
};
constexpr AsciiKinds kAsciiKinds;

// A maximal run of word atoms.
struct Piece {
  size_t first;  // atom indexes [first, last)
  size_t last;
  bool has_leet;  // holds a leet symbol (only known until ResolveLeetSymbols)
};

// The atoms of a text and its pieces, in caller-provided arrays.
struct Atoms {
  Atom* atoms;    // room for two per byte: a code point of two or more bytes folds to four
  size_t count;   // at most
  Piece* pieces;  // room for one per two atoms, plus one
  size_t piece_count;
  bool any_leet;         // whether any atom is a leet symbol
  size_t run_letters;    // letters in kLetterRun atoms beyond one per atom (symbols may need
                         // one each)
};

// Decodes and folds every code point into `out->atoms`, and notes the pieces (maximal runs of
// word atoms) as it goes. Dropped characters (zero-width, combining marks) widen the previous
// atom's span so that highlights cover them.
void MakeAtoms(std::string_view text, FoldedText* folded, Atoms* out) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  Atom* atoms = out->atoms;
  Piece* pieces = out->pieces;
  size_t piece_count = 0;
  size_t piece_first = 0;
  bool in_word = false;
  bool any_leet = false;
  // Code points as they come, for the length and the runs of one character.
  size_t code_points = 0;
  size_t first_visible = 0;
  size_t end_visible = 0;  // 0: no visible code point yet
  char32_t run_code_point = 0;
  uint32_t run_length = 0;
  uint32_t run_start = 0;
  uint32_t run_end = 0;
  // A run takes two bytes at least: room for every one, written in place and trimmed after.
  folded->repeats.resize(size / 2 + 1);
  CharacterRun* repeats = folded->repeats.data();
  size_t repeat_count = 0;
  // Records the run of one code point that has just ended, if it is a repeat.
  const auto close_run = [&]() PARLEY_HOT_LAMBDA {
    if (run_length >= 2) {
      repeats[repeat_count++] = CharacterRun{run_code_point, run_length, run_start, run_end};
    }
  };
  const auto note = [&](char32_t code_point, uint32_t start, uint32_t end,
                        bool space) PARLEY_HOT_LAMBDA {
    ++code_points;
    // Selects rather than branches: spaces come and go unpredictably.
    first_visible = (end_visible == 0 && !space) ? code_points - 1 : first_visible;
    end_visible = space ? end_visible : code_points;
    if (code_point == run_code_point && run_length > 0) {
      ++run_length;
      run_end = end;
      return;
    }
    close_run();
    run_code_point = code_point;
    run_length = 1;
    run_start = start;
    run_end = end;
  };
  // Appends an atom; a piece starts or ends where word and non-word atoms meet (an atom's kind
  // never changes below, only its span and repeat count).
  size_t count = 0;
  bool piece_leet = false;
  const auto push = [&](const Atom& atom) PARLEY_HOT_LAMBDA {
    const bool word = IsWordKind(atom.kind);
    piece_leet = piece_leet || atom.kind == AtomKind::kLeetSymbol;
    if (word != in_word) {
      if (word) {
        piece_first = count;
      } else {
        pieces[piece_count++] = Piece{piece_first, count, piece_leet};
        any_leet = any_leet || piece_leet;
        piece_leet = false;
      }
      in_word = word;
    }
    atoms[count++] = atom;
  };
  size_t letters = 0;
  size_t capitals = 0;
  size_t run_letters = 0;
  size_t pos = 0;
  char32_t previous = 0;
  while (pos < size) {
    const auto start = static_cast<uint32_t>(pos);
    const unsigned char byte = bytes[pos];
    if (byte < 0x80) {
      const AtomKind kind = kAsciiKinds.kind[byte];
      if (kind == AtomKind::kLetter) {
        // A run of ASCII letters, the bulk of most comments, becomes one atom; the writer
        // reads its letters back from the text. What note() and the counts do per code point
        // is done here for the whole run: the code point before it is not an ASCII letter,
        // so a run of one character in progress ends where it starts. Words separated by one
        // space, the commonest gap, are taken in this loop too.
        uint32_t word = start;
        for (;;) {
          const unsigned char first = bytes[word];
          close_run();
          run_code_point = first;
          run_length = 1;
          run_start = word;
          size_t upper = first < 'a' ? 1 : 0;
          ++pos;
          while (pos < size && IsAsciiLetter(bytes[pos])) {
            const unsigned char letter = bytes[pos];
            upper += letter < 'a' ? 1 : 0;
            if (letter != run_code_point) {
              run_end = static_cast<uint32_t>(pos);
              close_run();
              run_code_point = letter;
              run_length = 0;
              run_start = static_cast<uint32_t>(pos);
            }
            ++run_length;
            ++pos;
          }
          run_end = static_cast<uint32_t>(pos);
          const auto length = static_cast<uint32_t>(pos - word);
          first_visible = end_visible == 0 ? code_points : first_visible;
          code_points += length;
          end_visible = code_points;
          letters += length;
          capitals += upper;
          if (!in_word) {
            piece_first = count;
            in_word = true;
          }
          atoms[count++] = Atom{char32_t{first} | 0x20u,
                                length == 1 ? AtomKind::kLetter : AtomKind::kLetterRun, word,
                                run_end, length};
          run_letters += length - 1;
          if (pos + 1 >= size || bytes[pos] != ' ' || !IsAsciiLetter(bytes[pos + 1])) break;
          // One space, then another word.
          const auto space = static_cast<uint32_t>(pos);
          note(U' ', space, space + 1, true);
          push(Atom{U' ', AtomKind::kSpace, space, space + 1, 1});
          word = static_cast<uint32_t>(++pos);
        }
        previous = bytes[pos - 1];
        continue;
      }
      // Any other ASCII character: no letter, so nothing to lower-case or count.
      ++pos;
      note(byte, start, start + 1, kind == AtomKind::kSpace || kind == AtomKind::kNewline);
      push(Atom{char32_t{byte}, kind, start, start + 1, 1});
      previous = byte;
      continue;
    }
    const char32_t code_point = utf8::Decode(text, &pos);
    const auto end = static_cast<uint32_t>(pos);
    const bool malformed = code_point == utf8::kReplacement;
    const CharFold fold =
        malformed ? CharFold{CharClass::kPunct, false, 1, {code_point}} : FoldCodePoint(code_point);
    note(code_point, start, end, fold.char_class == CharClass::kSpace);
    if (fold.char_class == CharClass::kLetter) {
      ++letters;
      if (fold.upper) ++capitals;
    }
    if (fold.char_class == CharClass::kDrop) {
      if (count > 0) atoms[count - 1].end = end;
      continue;
    }
    // A repeated character that folds to several ("ыыыы") repeats its whole fold, so it is
    // counted on the atoms it made rather than folded again (which would give "blbl").
    if (fold.size > 1 && code_point == previous && fold.char_class == CharClass::kLetter) {
      for (size_t i = count - fold.size; i < count; ++i) {
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
      push(Atom{c, kind, start, end, 1});
    }
  }
  if (in_word) {
    pieces[piece_count++] = Piece{piece_first, count, piece_leet};
    any_leet = any_leet || piece_leet;
  }
  close_run();
  folded->repeats.resize(repeat_count);
  folded->visible_length = end_visible - first_visible;
  folded->letters = letters;
  folded->capitals = capitals;
  out->count = count;
  out->piece_count = piece_count;
  out->any_leet = any_leet;
  out->run_letters = run_letters;
}

// Leet symbols stay letters only inside words that have a real letter: "$5" and "@@" are
// punctuation, and so are a word's trailing "!" ("fuck!") and a leading "!!" run.
// Returns whether any was demoted (which splits pieces).
bool ResolveLeetSymbols(Atom* atoms, const Piece* pieces, size_t piece_count) {
  bool demoted = false;
  for (size_t p = 0; p < piece_count; ++p) {
    if (!pieces[p].has_leet) continue;
    const size_t i = pieces[p].first;
    const size_t end = pieces[p].last;
    bool has_letter = false;
    for (size_t k = i; k < end; ++k) {
      has_letter = has_letter || IsLetterKind(atoms[k].kind);
    }
    auto demote = [atoms, &demoted](size_t k) {
      if (atoms[k].kind == AtomKind::kLeetSymbol) {
        atoms[k].kind = AtomKind::kPunct;
        demoted = true;
      }
    };
    if (!has_letter) {
      for (size_t k = i; k < end; ++k) demote(k);
    } else {
      for (size_t k = end; k > i && atoms[k - 1].c == '!'; --k) demote(k - 1);
      if (atoms[i].c == '!' && i + 1 < end && atoms[i + 1].c == '!') {
        for (size_t k = i; k < end && atoms[k].c == '!'; ++k) demote(k);
      }
    }
  }
  return demoted;
}

// The maximal runs of word atoms, into `pieces` (room for count / 2 + 1); returns how many.
size_t FindPieces(const Atom* atoms, size_t count, Piece* pieces) {
  size_t piece_count = 0;
  for (size_t i = 0; i < count;) {
    if (!IsWordKind(atoms[i].kind)) {
      ++i;
      continue;
    }
    const size_t first = i;
    while (i < count && IsWordKind(atoms[i].kind)) ++i;
    pieces[piece_count++] = Piece{first, i, false};
  }
  return piece_count;
}

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

PARLEY_HOT Gap ClassifyGap(const Atom* atoms, size_t from, size_t to) {
  Gap gap;
  // The common gap: one space.
  if (to - from == 1 && atoms[from].c == ' ') return gap;
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
struct LeetLetters {
  char32_t letter[128];
  constexpr LeetLetters() : letter() {
    for (unsigned c = 0; c < 128; ++c) letter[c] = c;
    letter[U'0'] = 'o';
    letter[U'1'] = 'i';
    letter[U'3'] = 'e';
    letter[U'4'] = 'a';
    letter[U'5'] = 's';
    letter[U'7'] = 't';
    letter[U'@'] = 'a';
    letter[U'$'] = 's';
    letter[U'!'] = 'i';
  }
};
constexpr LeetLetters kLeetLetters;

PARLEY_HOT char32_t LeetLetter(char32_t c) { return c < 128 ? kLeetLetters.letter[c] : c; }

PARLEY_HOT uint8_t CappedRun(uint32_t run) {
  return static_cast<uint8_t>(run < kMaxSymbolRun ? run : kMaxSymbolRun);
}

// Writes symbols into a buffer with room for one per atom, a letter run counting one per
// letter (gaps stand between pieces, which have at least one atom each, so there are never more
// symbols than that).
class SymbolWriter {
 public:
  // `segments` has room for one per piece (a segment holds at least one).
  SymbolWriter(Symbol* out, Segment* segments) : out_(out), segments_(segments) {}

  // Starts a segment (a word, or a part of one after a soft boundary).
  PARLEY_HOT void BeginSegment(bool word_start, bool after_apostrophe) {
    segment_begin_ = size_;
    pending_flags_ = static_cast<uint8_t>(kSegmentStart | (word_start ? kWordStart : 0) |
                                          (after_apostrophe ? kAfterApostrophe : 0));
  }

  PARLEY_HOT void Add(char32_t key, uint32_t repeat, uint32_t start, uint32_t end) {
    if (size_ > segment_begin_ && out_[size_ - 1].key == key) {
      Symbol& last = out_[size_ - 1];
      last.run = CappedRun(last.run + repeat);
      last.end = end;
      return;
    }
    Symbol& symbol = out_[size_++];
    symbol.key = key;
    symbol.run = CappedRun(repeat);
    symbol.start = start;
    symbol.end = end;
    symbol.flags = pending_flags_;
    pending_flags_ = 0;
  }

  // The `count` ASCII letters at text[start...], lower-cased: one symbol per letter or per run
  // of one letter. The last letter's span reaches `end`, which covers any dropped characters
  // after it. Add() for each, with the last key kept at hand rather than read back.
  PARLEY_HOT void AddLetters(const unsigned char* text, uint32_t start, uint32_t count,
                             uint32_t end) {
    char32_t last_key = size_ > segment_begin_ ? out_[size_ - 1].key : kNoKey;
    for (uint32_t at = start; at < start + count; ++at) {
      const char32_t key = char32_t{text[at]} | 0x20u;
      if (key == last_key) {
        Symbol& last = out_[size_ - 1];
        last.run = CappedRun(last.run + 1u);
        last.end = at + 1;
        continue;
      }
      last_key = key;
      out_[size_++] = Symbol{key, at, at + 1, 1, pending_flags_};
      pending_flags_ = 0;
    }
    out_[size_ - 1].end = end;
  }

  PARLEY_HOT void EndSegment(bool word_end) {
    if (size_ > segment_begin_) {
      out_[size_ - 1].flags |= static_cast<uint8_t>(kSegmentEnd | (word_end ? kWordEnd : 0));
      segments_[segment_count_++] =
          Segment{static_cast<uint32_t>(segment_begin_), static_cast<uint32_t>(size_)};
    }
  }

  PARLEY_HOT void AddGap(char32_t symbol, uint32_t start, uint32_t end) {
    Symbol& gap = out_[size_++];
    gap.key = symbol;
    gap.run = 1;
    gap.start = start;
    gap.end = end;
    gap.flags = kGap;
  }

  size_t size() const { return size_; }
  size_t segment_count() const { return segment_count_; }

 private:
  static constexpr char32_t kNoKey = 0xFFFFFFFF;  // no code point

  Symbol* out_;
  Segment* segments_;
  size_t segment_count_ = 0;
  size_t size_ = 0;
  size_t segment_begin_ = 0;
  uint8_t pending_flags_ = 0;
};

// Runs of single characters ("f u c k", "f.u.c.k") become one word without boundaries: marks
// the gaps inside such runs kHard.
void JoinSingleCharacterRuns(const Atom* atoms, const Piece* pieces, size_t piece_count,
                             Gap* gaps) {
  // One character, though it may fold to two ("ы" -> "bl", "ß" -> "ss").
  auto single = [&](size_t p) PARLEY_HOT_LAMBDA {
    const Atom& first = atoms[pieces[p].first];
    return first.kind != AtomKind::kLetterRun && first.start == atoms[pieces[p].last - 1].start;
  };
  for (size_t k = 0; k < piece_count;) {
    if (!single(k)) {
      ++k;
      continue;
    }
    // Every separator of a run is the same ("f.u.c.k", "f u c k"): "a f-u-c-k" is "a" and
    // "f-u-c-k".
    auto same_gap = [&](size_t g, size_t h) PARLEY_HOT_LAMBDA {
      const size_t length = pieces[g + 1].first - pieces[g].last;
      if (length != pieces[h + 1].first - pieces[h].last) return false;
      for (size_t a = 0; a < length; ++a) {
        if (atoms[pieces[g].last + a].c != atoms[pieces[h].last + a].c) return false;
      }
      return true;
    };
    auto joinable = [&](size_t g) PARLEY_HOT_LAMBDA {
      const size_t from = pieces[g].last;
      const size_t to = pieces[g + 1].first;
      if (to - from > kMaxJoinGap) return false;
      for (size_t a = from; a < to; ++a) {
        if (atoms[a].kind == AtomKind::kNewline) return false;
      }
      return g == k || same_gap(g, k);
    };
    size_t end = k + 1;
    while (end < piece_count && single(end) && joinable(end - 1)) ++end;
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
}

}  // namespace

FoldedText FoldForMatching(std::string_view text) {
  FoldedText folded;
  // One scratch allocation for every intermediate array: atoms (two per byte at most), pieces
  // and gaps (at most one per two atoms, plus one), and the symbols before they are copied out.
  const size_t atom_room = 2 * text.size() + 1;
  std::unique_ptr<Atom[]> atom_buffer(new Atom[atom_room]);
  std::unique_ptr<Piece[]> piece_buffer(new Piece[atom_room / 2 + 1]);
  Atom* atoms = atom_buffer.get();
  Piece* pieces = piece_buffer.get();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());

  Atoms made{atoms, 0, pieces, 0, false, 0};
  MakeAtoms(text, &folded, &made);
  const size_t count = made.count;
  size_t piece_count = made.piece_count;
  // Demoted leet symbols split pieces ("fuck!" ends before "!"): then find them again.
  if (made.any_leet && ResolveLeetSymbols(atoms, pieces, piece_count)) {
    piece_count = FindPieces(atoms, count, pieces);
  }
  std::unique_ptr<Gap[]> gap_buffer(new Gap[piece_count > 0 ? piece_count : 1]);
  Gap* gaps = gap_buffer.get();  // gaps[k] joins pieces k and k + 1

  for (size_t k = 0; k + 1 < piece_count; ++k) {
    gaps[k] = ClassifyGap(atoms, pieces[k].last, pieces[k + 1].first);
  }
  JoinSingleCharacterRuns(atoms, pieces, piece_count, gaps);

  // Written in place, then trimmed: never more symbols than atoms, counting a letter run as
  // one atom per letter (see SymbolWriter).
  folded.symbols.resize(count + made.run_letters);
  folded.segments.resize(piece_count);
  SymbolWriter writer(folded.symbols.data(), folded.segments.data());
  // A segment is pieces [k, end) joined without a boundary: how it starts after the gap before
  // piece k, and how it ends, with the gap symbol after it unless it is joined softly.
  const auto begin_segment = [&](size_t k) PARLEY_HOT_LAMBDA {
    const Join before = k > 0 ? gaps[k - 1].join : Join::kNone;
    writer.BeginSegment(before == Join::kNone, before == Join::kSoft && gaps[k - 1].apostrophe);
  };
  const auto end_segment = [&](size_t end) PARLEY_HOT_LAMBDA {
    const Join after = end < piece_count ? gaps[end - 1].join : Join::kNone;
    writer.EndSegment(after == Join::kNone);
    if (end < piece_count && after == Join::kNone) {
      writer.AddGap(gaps[end - 1].symbol, atoms[pieces[end - 1].last].start,
                    atoms[pieces[end].first].start);
    }
  };
  size_t k = 0;
  while (k < piece_count) {
    // The commonest segment: a word of two or more ASCII letters, alone in its piece (so never
    // joined without a boundary, which only single characters are).
    const Atom& first = atoms[pieces[k].first];
    if (first.kind == AtomKind::kLetterRun && pieces[k].last - pieces[k].first == 1) {
      begin_segment(k);
      writer.AddLetters(bytes, first.start, first.repeat, first.end);
      end_segment(++k);
      continue;
    }
    size_t end = k + 1;
    while (end < piece_count && gaps[end - 1].join == Join::kHard) ++end;
    bool has_letter = false;
    for (size_t p = k; p < end && !has_letter; ++p) {
      for (size_t a = pieces[p].first; a < pieces[p].last; ++a) {
        if (atoms[a].kind != AtomKind::kDigit) {
          has_letter = true;
          break;
        }
      }
    }
    begin_segment(k);
    for (size_t p = k; p < end; ++p) {
      for (size_t a = pieces[p].first; a < pieces[p].last; ++a) {
        const Atom& atom = atoms[a];
        if (atom.kind == AtomKind::kLetterRun) {
          writer.AddLetters(bytes, atom.start, atom.repeat, atom.end);
          continue;
        }
        const char32_t key = has_letter ? LeetLetter(atom.c) : atom.c;
        writer.Add(key, atom.repeat, atom.start, atom.end);
      }
    }
    end_segment(end);
    k = end;
  }
  folded.symbols.resize(writer.size());
  folded.segments.resize(writer.segment_count());
  return folded;
}

std::string KeysToString(const FoldedText& folded) {
  std::string out;
  for (const Symbol& symbol : folded.symbols) utf8::Append(&out, symbol.key);
  return out;
}

}  // namespace parley::text
