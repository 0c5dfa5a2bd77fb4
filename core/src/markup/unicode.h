#pragma once

#include <string>

// The Unicode character classes CommonMark's rules need, from generated tables.
namespace parley::markup {

// Unicode whitespace as CommonMark defines it: general category Zs, tab, LF, FF and CR.
bool IsUnicodeWhitespace(char32_t code_point);

// Unicode punctuation as CommonMark defines it: general categories P* and S*.
bool IsUnicodePunctuation(char32_t code_point);

// Appends the full case folding of `code_point` (CaseFolding.txt, statuses C and F) as UTF-8,
// so "ẞ", "SS" and "ss" fold alike, as link labels must.
void AppendCaseFolded(std::string* out, char32_t code_point);

}  // namespace parley::markup
