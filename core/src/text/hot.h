#pragma once

// Forced inlining for the loops that run over every byte of every comment (text folding and
// the policy's matchers). The WebAssembly modules are built for size (-Oz), where emcc turns
// LLVM's inliner off unless told otherwise (the build turns it back on: top-level
// CMakeLists.txt); even so, a size-minded inliner may leave a one-line helper a call in a loop
// that runs a thousand times a comment. Hot loops therefore walk raw arrays, and the helpers
// they call carry these.
#define PARLEY_HOT [[gnu::always_inline]] inline
#define PARLEY_HOT_LAMBDA __attribute__((always_inline))

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace parley::hot {

// Byte-wise string_view equality and order for hot paths (JSON keys, comment ids): under -Oz
// `a == b` and `a < b` are calls to compare, min and memcmp for strings of a few bytes.
PARLEY_HOT bool Equal(std::string_view a, std::string_view b) {
  const size_t size = a.size();
  if (size != b.size()) return false;
  const char* x = a.data();
  const char* y = b.data();
  for (size_t i = 0; i < size; ++i) {
    if (x[i] != y[i]) return false;
  }
  return true;
}

// Against a literal: its length is known, no strlen call.
template <size_t N>
PARLEY_HOT bool Equal(std::string_view a, const char (&word)[N]) {
  return Equal(a, std::string_view(word, N - 1));
}

PARLEY_HOT bool Less(std::string_view a, std::string_view b) {
  const size_t common = a.size() < b.size() ? a.size() : b.size();
  const auto* x = reinterpret_cast<const unsigned char*>(a.data());
  const auto* y = reinterpret_cast<const unsigned char*>(b.data());
  for (size_t i = 0; i < common; ++i) {
    if (x[i] != y[i]) return x[i] < y[i];
  }
  return a.size() < b.size();
}

// Eight bytes at a time, for scans that skip the bulk of a text (the host scan, the check for
// what utf8::Sanitize must replace). The tests give a word whose high bits are set in the
// bytes that match: whether any byte matches is exact, which byte may not be (a borrow can mark
// the byte after a match), so they only tell whether a block of eight can be skipped.
inline constexpr uint64_t kEachByte = 0x0101010101010101ull;
inline constexpr uint64_t kHighBits = kEachByte * 0x80;

PARLEY_HOT uint64_t LoadEight(const char* bytes) {
  uint64_t word;
  std::memcpy(&word, bytes, sizeof word);
  return word;
}

// Bytes below `limit` (at most 0x80).
PARLEY_HOT uint64_t BytesBelow(uint64_t word, uint8_t limit) {
  return (word - kEachByte * limit) & ~word & kHighBits;
}

// Bytes equal to `byte`: zero once XORed with it.
PARLEY_HOT uint64_t BytesEqual(uint64_t word, uint8_t byte) {
  return BytesBelow(word ^ (kEachByte * byte), 1);
}

// The position of the first `byte` in data[0, size), or `size`: eight bytes at a time, where
// WebAssembly's memchr (musl's, with 32-bit words) takes four, behind a call.
PARLEY_HOT size_t FindByte(const char* data, size_t size, char byte) {
  size_t at = 0;
  const auto wanted = static_cast<uint8_t>(byte);
  while (at + 8 <= size && BytesEqual(LoadEight(data + at), wanted) == 0) at += 8;
  while (at < size && data[at] != byte) ++at;
  return at;
}

}  // namespace parley::hot
