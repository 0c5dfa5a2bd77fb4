#include "parley/html_escape.h"

namespace parley::html {

namespace {

// The characters each context escapes, as a table: this runs over every byte of every comment,
// and in the size-optimised WebAssembly build a switch on string_view::operator[] costs a
// call per byte.
struct EscapeTables {
  bool text[256] = {};
  bool attribute[256] = {};
  constexpr EscapeTables() {
    text[static_cast<unsigned char>('&')] = text[static_cast<unsigned char>('<')] = text[static_cast<unsigned char>('>')] = text[static_cast<unsigned char>('"')] = true;
    attribute[static_cast<unsigned char>('&')] = attribute[static_cast<unsigned char>('<')] = attribute[static_cast<unsigned char>('>')] = attribute[static_cast<unsigned char>('"')] = attribute[static_cast<unsigned char>('\'')] = true;
  }
};
constexpr EscapeTables kEscapes;

template <bool kAttribute>
void AppendEscaped(std::string* out, std::string_view text) {
  const char* const data = text.data();
  const size_t size = text.size();
  const bool* const escaped = kAttribute ? kEscapes.attribute : kEscapes.text;
  size_t clean_from = 0;
  for (size_t i = 0; i < size; ++i) {
    const char c = data[i];
    if (!escaped[static_cast<unsigned char>(c)]) continue;
    out->append(data + clean_from, i - clean_from);
    switch (c) {
      case '&': out->append("&amp;", 5); break;
      case '<': out->append("&lt;", 4); break;
      case '>': out->append("&gt;", 4); break;
      case '"': out->append("&quot;", 6); break;
      default: out->append("&#39;", 5); break;
    }
    clean_from = i + 1;
  }
  out->append(data + clean_from, size - clean_from);
}

}  // namespace

void AppendText(std::string* out, std::string_view text) { AppendEscaped<false>(out, text); }

void AppendAttribute(std::string* out, std::string_view value) { AppendEscaped<true>(out, value); }

}  // namespace parley::html
