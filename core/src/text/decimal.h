#pragma once

// Decimal numbers by hand for the thread's HTML, its timestamps and messages: std::to_string
// would add kilobytes to the browser's download (and a string per call), and this runs
// several times per comment.

#include <cstddef>
#include <cstdint>
#include <string>

namespace parley::text {

// Appends `value` with at least `width` digits, zero-padded (wider values keep their digits).
inline void AppendDecimal(std::string* out, int64_t value, size_t width = 1) {
  uint64_t magnitude = value < 0 ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  char text[24];
  size_t start = sizeof text;
  do {
    text[--start] = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  while (sizeof text - start < width) text[--start] = '0';
  if (value < 0) text[--start] = '-';
  out->append(text + start, sizeof text - start);
}

// `value` in decimal.
inline std::string Decimal(int64_t value) {
  std::string out;
  AppendDecimal(&out, value);
  return out;
}

}  // namespace parley::text
