#pragma once

#include <cstdint>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Text prepared for word matching. Folding per character (fold.h) is not enough against people
// who disguise words, so the whole text is rewritten into a stream of symbols:
//   - leetspeak inside words that have letters: 0 1 3 4 5 7 @ $ ! -> o i e a s t a s i
//     ("sh1t", "@ss"), while "2020", "$5" and a final "!" stay what they are;
//     ("1" and "!" fold to "i"; the matcher lets a term's "l" match an "i" too);
//   - runs of one letter become one symbol that remembers its length ("fuuuck" -> f u×3 c k),
//     so a term matches however long a run is, but "as" never matches "ass";
//   - three or more single characters separated by spaces or punctuation are one word
//     ("f u c k", "f.u.c.k", "f-u-c-k"); "of uck" is not, since "of" is two characters;
//   - punctuation inside a word ("bull-shit", "Mr.Putin", "don't") joins its parts but marks a
//     soft boundary, so a term may start or end there;
//   - zero-width characters and combining marks vanish (their bytes stay in the spans).
// Every symbol keeps the byte range of the original text it came from.
namespace parley::text {

// The symbols between two words (a word's symbols are letters or digits).
inline constexpr char32_t kSpaceGap = U' ';     // only whitespace
inline constexpr char32_t kClauseGap = U',';    // punctuation other than a sentence end
inline constexpr char32_t kSentenceGap = U'.';  // . ! ? … ; or a line break

// Where a symbol stands in its word.
enum SymbolFlag : uint8_t {
  kSegmentStart = 1,      // first symbol of a word or of a part after a soft boundary
  kSegmentEnd = 2,        // last symbol of a word or of a part before a soft boundary
  kWordStart = 4,         // first symbol of a whole word
  kWordEnd = 8,           // last symbol of a whole word
  kAfterApostrophe = 16,  // the soft boundary before this part was an apostrophe ("you're")
  kGap = 32,              // a gap symbol (kSpaceGap, kClauseGap or kSentenceGap)
};

// A symbol's run stops counting here: terms tell runs of one, two and more apart, and the flood
// rule counts repeats in the original (FoldedText::repeats). 16 bytes a symbol, not 20.
inline constexpr uint32_t kMaxSymbolRun = 255;

// One symbol of folded text. No default member values: FoldForMatching writes every field, and
// the vector below then need not initialise what it is about to overwrite.
struct Symbol {
  char32_t key;    // the folded letter, or a gap
  uint32_t start;  // byte range in the original text
  uint32_t end;
  uint8_t run;     // how many times the letter repeats in the original, up to kMaxSymbolRun
  uint8_t flags;

  bool IsGap() const { return (flags & kGap) != 0; }
};

// An allocator whose resize() leaves new elements of a trivial type uninitialised. Folding
// sizes its output for the worst case and writes it in place; value-initialising it first
// cost a call per symbol in the size-optimised WebAssembly build.
template <class T>
struct UninitializedAllocator : std::allocator<T> {
  template <class U>
  struct rebind {
    using other = UninitializedAllocator<U>;
  };
  UninitializedAllocator() = default;
  template <class U>
  UninitializedAllocator(const UninitializedAllocator<U>& /*other*/) noexcept {}
  template <class U>
  void construct(U* /*place*/) noexcept {}
  template <class U, class... Args>
  void construct(U* place, Args&&... args) {
    ::new (static_cast<void*>(place)) U(std::forward<Args>(args)...);
  }
};

// The symbols of a folded text.
using Symbols = std::vector<Symbol, UninitializedAllocator<Symbol>>;

// A word, or a part of one after a soft boundary ("you're" is "you" + "re"): the symbols
// [first, last). Its first symbol carries kSegmentStart, with kWordStart and kAfterApostrophe
// as they apply; gap symbols stand only between words.
struct Segment {
  uint32_t first;
  uint32_t last;
};

// A code point repeated in a row in the original text ("!!!!", "ааааа").
struct CharacterRun {
  char32_t code_point;
  uint32_t length;  // two or more
  uint32_t start;   // byte range of the whole run
  uint32_t end;
};

// The folded form of a text, with what the policy's shape rules need to know about the
// original, counted in the same pass so that no rule reads the text again.
struct FoldedText {
  Symbols symbols;
  std::vector<Segment> segments;  // in order, covering every symbol but the gaps
  size_t letters = 0;   // letters of the original (ASCII digits aside), for the shouting rule
  size_t capitals = 0;  // ... and how many of them are capitals
  // Code points without leading and trailing whitespace (what a reader sees as the length;
  // malformed UTF-8 counts one per replacement character).
  size_t visible_length = 0;
  // Every run of two or more, in order (the flood rule).
  std::vector<CharacterRun, UninitializedAllocator<CharacterRun>> repeats;
};

// Folds `text` (any bytes; malformed UTF-8 counts as punctuation) into symbols. Linear time.
FoldedText FoldForMatching(std::string_view text);

// The symbols' keys as UTF-8, each run written once, for tests and debugging:
// "F.u.u.c.k you!" -> "fuck you".
std::string KeysToString(const FoldedText& folded);

}  // namespace parley::text
