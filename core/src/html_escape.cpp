#include "parley/html_escape.h"

#include <cstdint>

#include "text/hot.h"

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

// Whether any of eight bytes may need escaping, for skipping the bulk of a text: a coarse
// test, true for '"' to '\'' (which holds '"', '&' and '\'') and for '<' and '>'; bytes past
// ASCII never need it. The bytes of a flagged word are then looked at one by one.
PARLEY_HOT bool MayNeedEscaping(uint64_t word) {
  constexpr uint64_t kLow7 = hot::kEachByte * 0x7F;
  const uint64_t ascii = word & kLow7;
  // Adding 0x80 - n sets a byte's high bit exactly when it is at least n (no carry: below 0x80).
  const uint64_t quote_to_apostrophe =
      (ascii + hot::kEachByte * (0x80 - '"')) & ~(ascii + hot::kEachByte * (0x80 - '\'' - 1));
  const uint64_t angle = hot::BytesEqual(ascii | (hot::kEachByte * 0x02), '>');  // '<' | 2 == '>'
  return ((quote_to_apostrophe | angle) & ~word & hot::kHighBits) != 0;
}

template <bool kAttribute>
void AppendEscaped(std::string* out, std::string_view text) {
  const char* const data = text.data();
  const size_t size = text.size();
  const bool* const escaped = kAttribute ? kEscapes.attribute : kEscapes.text;
  size_t clean_from = 0;
  size_t i = 0;
  while (i < size) {
    if (i + 8 <= size && !MayNeedEscaping(hot::LoadEight(data + i))) {
      i += 8;
      continue;
    }
    const size_t stop = i + 8 < size ? i + 8 : size;
    for (; i < stop; ++i) {
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
  }
  out->append(data + clean_from, size - clean_from);
}

}  // namespace

void AppendText(std::string* out, std::string_view text) { AppendEscaped<false>(out, text); }

void AppendAttribute(std::string* out, std::string_view value) { AppendEscaped<true>(out, value); }

}  // namespace parley::html
