#pragma once

#include <string>
#include <string_view>

// Escaping for the only two places the core writes user text into HTML. Inputs must already
// be valid UTF-8 (utf8::Sanitize); these functions only make markup characters inert.
namespace parley::html {

// Text content: escapes & < > and " (the quote so text is also safe if ever quoted).
void AppendText(std::string* out, std::string_view text);

// A double-quoted attribute value: escapes & < > " and '.
void AppendAttribute(std::string* out, std::string_view value);

}  // namespace parley::html
