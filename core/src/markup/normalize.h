#pragma once

#include <string>
#include <string_view>

namespace parley::markup {

// The text the parser works on: valid UTF-8 with malformed sequences, NUL and forbidden
// controls replaced by U+FFFD (utf8::Sanitize), and every CRLF or lone CR turned into LF.
// That is `source` itself when nothing needs changing, as for nearly every comment; otherwise
// the changed text is made in `storage`.
std::string_view NormalizeSource(std::string_view source, std::string* storage);

}  // namespace parley::markup
