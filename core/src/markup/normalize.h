#pragma once

#include <string>
#include <string_view>

namespace parley::markup {

// The text the parser works on: valid UTF-8 with malformed sequences, NUL and forbidden
// controls replaced by U+FFFD (utf8::Sanitize), and every CRLF or lone CR turned into LF.
std::string NormalizeSource(std::string_view source);

}  // namespace parley::markup
