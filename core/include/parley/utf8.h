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

// The UTF-16 code units of well-formed `text`, written to `out`, which has room for
// text.size() units (never more are needed); returns how many were written, or kNotUtf8 at
// the first malformed sequence. JavaScript turns UTF-16 into a string by copying it, while it
// decodes UTF-8 byte by byte once a text has any non-ASCII character: the loader hands large
// answers over this way where the platform lets it (widget/parley-core.mjs).
inline constexpr size_t kNotUtf8 = static_cast<size_t>(-1);
size_t ToUtf16(std::string_view text, char16_t* out);

// True when every byte of `text` is ASCII.
bool IsAscii(std::string_view text);

// True when Sanitize would change `text`.
bool NeedsSanitizing(std::string_view text);

// `text` as valid UTF-8: malformed sequences, NUL and forbidden controls become U+FFFD.
// Well-formed text without such characters comes back byte for byte.
std::string Sanitize(std::string_view text);

}  // namespace parley::utf8
