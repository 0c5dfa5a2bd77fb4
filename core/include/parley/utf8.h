#pragma once

#include <cstddef>
#include <string>
#include <string_view>

// UTF-8 as every layer of the core sees it: input is untrusted bytes, output is always valid.
namespace parley::utf8 {

// U+FFFD, which stands in for every malformed sequence and forbidden control character.
inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point starting at text[*pos] and advances *pos past it. A malformed
// sequence yields kReplacement and advances past its maximal invalid subpart (the Unicode
// "best practice" that browsers' TextDecoder follows), so decoding is linear and never stalls.
// Requires *pos < text.size().
char32_t Decode(std::string_view text, size_t* pos);

// Appends the UTF-8 encoding of `code_point`; surrogates and values past U+10FFFF become U+FFFD.
void Append(std::string* out, char32_t code_point);

// True when `text` is well-formed UTF-8.
bool IsValid(std::string_view text);

// True for the characters that must never reach a page: C0 controls other than tab, line feed
// and carriage return, DEL, and C1 controls.
bool IsForbiddenControl(char32_t code_point);

// The first position from `pos` on where eight bytes in a row are not all printable ASCII
// (U+0020 to U+007E), or a position less than eight bytes from the end: the scans of
// untrusted text skip the bulk of it with this, and look at what follows byte by byte.
size_t SkipPrintableAscii(std::string_view text, size_t pos);

// `text` as valid UTF-8: malformed sequences, NUL and forbidden controls become U+FFFD.
// Well-formed text without such characters comes back byte for byte.
std::string Sanitize(std::string_view text);

}  // namespace parley::utf8
