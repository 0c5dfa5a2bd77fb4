// The C ABI between the WebAssembly core and JavaScript (widget/parley-core.mjs).
//
// Conventions, chosen so the JavaScript side stays a few dozen lines:
// - strings cross as UTF-8 pointer + byte length, never NUL-terminated;
// - JavaScript allocates inputs with parley_alloc and frees them after the call;
// - every string result is a fresh allocation whose length is written to *out_len;
//   JavaScript copies it out and releases it with parley_free.
// This is the only file that knows it is compiled to WebAssembly (the export_name attribute).
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "parley/version.h"

#define PARLEY_EXPORT(name) extern "C" __attribute__((export_name(#name)))

namespace {

// Copies `text` into memory that JavaScript owns from now on.
char* HandOver(std::string_view text, size_t* out_len) {
  char* copy = static_cast<char*>(std::malloc(text.size() + 1));
  if (copy == nullptr) {
    *out_len = 0;
    return nullptr;
  }
  std::memcpy(copy, text.data(), text.size());
  copy[text.size()] = '\0';
  *out_len = text.size();
  return copy;
}

}  // namespace

// Allocates `size` bytes for JavaScript to write an input string into.
PARLEY_EXPORT(parley_alloc) void* parley_alloc(size_t size) { return std::malloc(size == 0 ? 1 : size); }

// Releases an input buffer or a result string.
PARLEY_EXPORT(parley_free) void parley_free(void* pointer) { std::free(pointer); }

// The core's version, the same string `parley --version` prints.
PARLEY_EXPORT(parley_version) char* parley_version(size_t* out_len) {
  return HandOver(parley::Version(), out_len);
}
