#pragma once

#include <cstddef>

// Character folding: what one code point looks like once case, compatibility forms, diacritics
// and cross-script look-alikes are taken away. Built from Unicode's own data (see
// core/src/text/generate_fold_table.py); the same table runs natively and in WebAssembly.
namespace parley::text {

// How a character takes part in words.
enum class CharClass : unsigned char {
  kLetter,  // a letter or digit of any script
  kSpace,   // White_Space (line breaks included)
  kPunct,   // punctuation, symbols, controls, U+FFFD
  kDrop,    // default-ignorable or combining mark: zero-width characters, diacritics
};

// The fold of one code point: up to kMaxFold code points (most characters fold to one).
struct CharFold {
  static constexpr size_t kMaxFold = 4;
  CharClass char_class = CharClass::kLetter;
  bool upper = false;  // a capital letter (Lu/Lt), for the shouting rule
  unsigned char size = 0;
  char32_t folded[kMaxFold] = {};
};

// Folds `code_point`: "É" -> "e", "𝐟" -> "f", Cyrillic "а" -> "a", "ß" -> "ss", fullwidth
// "！" -> "!". ASCII letters are lower-cased; other ASCII is returned as itself. Characters of
// class kDrop have size 0.
CharFold FoldCodePoint(char32_t code_point);

}  // namespace parley::text
