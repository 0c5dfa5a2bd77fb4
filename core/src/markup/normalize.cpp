#include "normalize.h"

#include <cstring>

#include "parley/utf8.h"

namespace parley::markup {

std::string NormalizeSource(std::string_view source) {
  std::string text = utf8::Sanitize(source);
  // memchr rather than find: it looks at a word at a time even where find is not inlined.
  if (std::memchr(text.data(), '\r', text.size()) == nullptr) return text;
  // Compact in place: CRLF becomes LF, a lone CR becomes LF.
  size_t kept = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      text[kept++] = '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      text[kept++] = text[i];
    }
  }
  text.resize(kept);
  return text;
}

}  // namespace parley::markup
