#include "entities.h"

#include <cstdint>
#include <cstring>

#include "parley/utf8.h"

namespace parley::markup {

namespace {

#include "entity_table.inc"

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Scans the front-coded bucket of `name`'s first letter. Buckets hold at most a few hundred
// names, and a name is at most 31 bytes, so a lookup costs a bounded amount of work.
std::string_view FindNamedValue(std::string_view name) {
  const char first = name.front();
  const size_t bucket =
      first <= 'Z' ? static_cast<size_t>(first - 'A') : 26 + static_cast<size_t>(first - 'a');
  size_t pos = kEntityBuckets[bucket][0];
  size_t value_pos = kEntityBuckets[bucket][1];
  const size_t end = kEntityBuckets[bucket + 1][0];
  char current[32];
  while (pos < end) {
    size_t length = static_cast<unsigned char>(kEntityNames[pos++]);
    while (pos < end && static_cast<unsigned char>(kEntityNames[pos]) >= 0x20) {
      current[length++] = kEntityNames[pos++];
    }
    const size_t value_length = static_cast<unsigned char>(kEntityValues[value_pos]);
    if (length == name.size() && std::memcmp(current, name.data(), length) == 0) {
      return {kEntityValues + value_pos + 1, value_length};
    }
    value_pos += 1 + value_length;
  }
  return {};
}

}  // namespace

bool MatchCharacterReference(std::string_view text, size_t pos, CharacterReference* reference) {
  size_t i = pos + 1;
  if (i < text.size() && text[i] == '#') {
    ++i;
    const bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
    if (hex) ++i;
    const size_t max_digits = hex ? 6 : 7;
    const size_t digits_start = i;
    uint32_t value = 0;
    while (i < text.size() && i - digits_start < max_digits) {
      const int digit = hex ? HexValue(text[i]) : (IsAsciiDigit(text[i]) ? text[i] - '0' : -1);
      if (digit < 0) break;
      value = value * (hex ? 16u : 10u) + static_cast<uint32_t>(digit);
      ++i;
    }
    if (i == digits_start || i >= text.size() || text[i] != ';') return false;
    char32_t code_point = value;
    if (code_point == 0 || code_point > 0x10FFFF ||
        (code_point >= 0xD800 && code_point <= 0xDFFF) || utf8::IsForbiddenControl(code_point)) {
      code_point = utf8::kReplacement;
    }
    *reference = {i + 1 - pos, {}, code_point};
    return true;
  }
  const size_t name_start = i;
  if (i >= text.size() || !IsAsciiAlpha(text[i])) return false;
  while (i < text.size() && i - name_start < 32 &&
         (IsAsciiAlpha(text[i]) || IsAsciiDigit(text[i]))) {
    ++i;
  }
  if (i >= text.size() || text[i] != ';' || i - name_start > 31) return false;
  const std::string_view value = FindNamedValue(text.substr(name_start, i - name_start));
  if (value.empty()) return false;
  *reference = {i + 1 - pos, value, 0};
  return true;
}

void AppendReferenceValue(const CharacterReference& reference, std::string* out) {
  if (!reference.named_value.empty()) {
    out->append(reference.named_value);
  } else {
    utf8::Append(out, reference.code_point);
  }
}

}  // namespace parley::markup
