#include "normalize.h"

#include "parley/utf8.h"

#include "../text/hot.h"

namespace parley::markup {

std::string_view NormalizeSource(std::string_view source, std::string* storage) {
  const bool has_return = hot::FindByte(source.data(), source.size(), '\r') != source.size();
  if (!has_return && !utf8::NeedsSanitizing(source)) return source;
  std::string& text = *storage;
  text = utf8::Sanitize(source);
  if (!has_return) return text;
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
