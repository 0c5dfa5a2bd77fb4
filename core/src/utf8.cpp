#include "parley/utf8.h"

#include <cstdint>
#include <cstring>

#include "text/hot.h"

namespace parley::utf8 {

namespace {

bool IsContinuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Whether Decode's U+FFFD from text[from] up to `to` was U+FFFD itself in the text, which is
// well-formed, rather than the stand-in for a malformed sequence.
bool IsLiteralReplacement(std::string_view text, size_t from, size_t to) {
  return to - from == 3 && text.compare(from, 3, "\xEF\xBF\xBD") == 0;
}

}  // namespace

char32_t Decode(std::string_view text, size_t* pos) {
  const auto byte_at = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const size_t start = *pos;
  const unsigned char lead = byte_at(start);
  if (lead < 0x80) {
    *pos = start + 1;
    return lead;
  }
  // Expected length and the valid range of the second byte (Unicode Table 3-7), which rules
  // out overlong forms, surrogates and code points past U+10FFFF at the earliest byte.
  size_t length = 0;
  unsigned char second_min = 0x80;
  unsigned char second_max = 0xBF;
  char32_t code_point = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    code_point = lead & 0x1Fu;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    code_point = lead & 0x0Fu;
    if (lead == 0xE0) second_min = 0xA0;
    if (lead == 0xED) second_max = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    code_point = lead & 0x07u;
    if (lead == 0xF0) second_min = 0x90;
    if (lead == 0xF4) second_max = 0x8F;
  } else {
    *pos = start + 1;  // a stray continuation byte or an impossible lead byte
    return kReplacement;
  }
  size_t i = start + 1;
  for (size_t k = 1; k < length; ++k, ++i) {
    if (i >= text.size()) {
      *pos = i;
      return kReplacement;
    }
    const unsigned char byte = byte_at(i);
    const bool in_range = k == 1 ? (byte >= second_min && byte <= second_max) : IsContinuation(byte);
    if (!in_range) {
      *pos = i;  // the offending byte starts the next sequence
      return kReplacement;
    }
    code_point = (code_point << 6) | (byte & 0x3Fu);
  }
  *pos = i;
  return code_point;
}

void Append(std::string* out, char32_t code_point) {
  if ((code_point >= 0xD800 && code_point <= 0xDFFF) || code_point > 0x10FFFF) {
    code_point = kReplacement;
  }
  if (code_point < 0x80) {
    out->push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

bool IsValid(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = pos;
    if (Decode(text, &pos) == kReplacement && !IsLiteralReplacement(text, start, pos)) return false;
  }
  return true;
}

bool IsForbiddenControl(char32_t code_point) {
  if (code_point == '\t' || code_point == '\n' || code_point == '\r') return false;
  return code_point < 0x20 || (code_point >= 0x7F && code_point <= 0x9F);
}

namespace {
struct PlainAsciiTable {
  bool values[256] = {};
  constexpr PlainAsciiTable() {
    for (int c = 0x20; c < 0x7F; ++c) values[c] = true;
    values[0x0A] = values[0x09] = values[0x0D] = true;
  }
};
constexpr PlainAsciiTable kPlainAsciiTable;
constexpr const bool* kPlainAscii = kPlainAsciiTable.values;
}  // namespace

size_t SkipPrintableAscii(std::string_view text, size_t pos) {
  while (pos + 8 <= text.size()) {
    const uint64_t word = hot::LoadEight(text.data() + pos);
    // Past ASCII, below the space, or DEL.
    if ((word & hot::kHighBits) | hot::BytesBelow(word, 0x20) | hot::BytesEqual(word, 0x7F)) break;
    pos += 8;
  }
  return pos;
}

bool IsAscii(std::string_view text) {
  const char* const data = text.data();
  const size_t size = text.size();
  size_t pos = 0;
  // Stops at the first block with a byte past ASCII: a thread's HTML has one in its first
  // comment, and is then converted from the start (ToUtf16).
  for (; pos + 8 <= size; pos += 8) {
    if (hot::LoadEight(data + pos) & hot::kHighBits) return false;
  }
  for (; pos < size; ++pos) {
    if (static_cast<unsigned char>(data[pos]) >= 0x80) return false;
  }
  return true;
}

size_t ToUtf16(std::string_view text, char16_t* out) {
  const char* const data = text.data();
  const size_t size = text.size();
  size_t pos = 0;
  char16_t* const start = out;
  while (pos < size) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    // Eight ASCII bytes widen to eight units with shifts and masks, without a branch per byte
    // (the lanes of a word are units in memory order only on a little-endian machine, which
    // WebAssembly is).
    if (pos + 8 <= size) {
      const uint64_t word = hot::LoadEight(data + pos);
      if ((word & hot::kHighBits) == 0) {
        for (const uint64_t half : {word & 0xFFFFFFFFu, word >> 32}) {
          uint64_t units = (half | (half << 16)) & 0x0000FFFF0000FFFFull;
          units = (units | (units << 8)) & 0x00FF00FF00FF00FFull;
          std::memcpy(out, &units, sizeof units);
          out += 4;
        }
        pos += 8;
        continue;
      }
    }
#endif
    const size_t from = pos;
    const char32_t code_point = Decode(text, &pos);
    if (code_point == kReplacement && !IsLiteralReplacement(text, from, pos)) return kNotUtf8;
    if (code_point < 0x10000) {
      *out++ = static_cast<char16_t>(code_point);
    } else {
      *out++ = static_cast<char16_t>(0xD800 + ((code_point - 0x10000) >> 10));
      *out++ = static_cast<char16_t>(0xDC00 + ((code_point - 0x10000) & 0x3FF));
    }
  }
  return static_cast<size_t>(out - start);
}

namespace {

// The next sequence from `pos` on that Sanitize replaces (malformed, NUL or a forbidden
// control): its start, with *end set past it; text.size() when there is none. Printable ASCII
// skips decoding: this runs on every comment before it is parsed, so it is on the hot path of
// every renderer.
size_t NextToReplace(std::string_view text, size_t pos, size_t* end) {
  const char* const data = text.data();
  const size_t size = text.size();
  while (pos < size) {
    pos = SkipPrintableAscii(text, pos);
    if (pos == size) break;
    if (kPlainAscii[static_cast<unsigned char>(data[pos])]) {
      ++pos;
      continue;
    }
    const size_t start = pos;
    const char32_t code_point = Decode(text, &pos);
    if ((code_point == kReplacement && !IsLiteralReplacement(text, start, pos)) ||
        IsForbiddenControl(code_point)) {
      *end = pos;
      return start;
    }
  }
  return size;
}

}  // namespace

bool NeedsSanitizing(std::string_view text) {
  size_t end = 0;
  return NextToReplace(text, 0, &end) != text.size();
}

std::string Sanitize(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  // Clean stretches are copied in one piece.
  size_t clean_from = 0;
  size_t end = 0;
  for (size_t at = NextToReplace(text, 0, &end); at != text.size();
       at = NextToReplace(text, end, &end)) {
    out.append(text.data() + clean_from, at - clean_from);
    Append(&out, kReplacement);
    clean_from = end;
  }
  out.append(text.data() + clean_from, text.size() - clean_from);
  return out;
}

}  // namespace parley::utf8
