// The C ABI between the WebAssembly core and JavaScript (widget/parley-core.mjs).
//
// Conventions, chosen so the JavaScript side stays a few dozen lines:
// - strings cross as UTF-8 pointer + byte length, never NUL-terminated;
// - JavaScript allocates inputs with parley_alloc and frees them after the call;
// - every export writes its result into a `parley_result` that JavaScript passes last: a
//   fresh allocation (data, size) that JavaScript copies out and releases with parley_free,
//   and `failed`, set when the data is an error message rather than the answer.
// This is the only file that knows it is compiled to WebAssembly (the export_name attribute).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "parley/version.h"

#define PARLEY_EXPORT(name) extern "C" __attribute__((export_name(#name)))

// What every export hands back; the layout is read by parley-core.mjs (three 32-bit words).
extern "C" struct parley_result {
  char* data;
  uint32_t size;
  uint32_t failed;
};

namespace {

// Copies `text` into memory that JavaScript owns from now on. A failed allocation leaves
// data null, which JavaScript reports as out of memory.
void HandOver(std::string_view text, bool failed, parley_result* out) {
  out->failed = failed ? 1 : 0;
  out->size = 0;
  out->data = static_cast<char*>(std::malloc(text.size() + 1));
  if (out->data == nullptr) return;
  std::memcpy(out->data, text.data(), text.size());
  out->data[text.size()] = '\0';
  out->size = static_cast<uint32_t>(text.size());
}

void Answer(std::string_view text, parley_result* out) { HandOver(text, false, out); }

[[maybe_unused]] void Fail(std::string_view message, parley_result* out) { HandOver(message, true, out); }

}  // namespace

// Allocates `size` bytes for JavaScript to write an input string into.
PARLEY_EXPORT(parley_alloc) void* parley_alloc(size_t size) { return std::malloc(size == 0 ? 1 : size); }

// Releases an input buffer or a result string.
PARLEY_EXPORT(parley_free) void parley_free(void* pointer) { std::free(pointer); }

// The core's version, the same string `parley --version` prints.
PARLEY_EXPORT(parley_version) void parley_version(parley_result* out) {
  Answer(parley::Version(), out);
}
