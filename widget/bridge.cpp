// What both WebAssembly modules export besides their own work: memory for JavaScript's input
// strings, and the version. See bridge.h for the conventions.
#include "bridge.h"

#include <cstddef>
#include <cstdlib>
#include <cstring>

#include "parley/version.h"

namespace parley::bridge {
namespace {

void HandOver(std::string_view text, bool failed, parley_result* out) {
  out->failed = failed ? 1 : 0;
  out->size = 0;
  out->data = static_cast<char*>(std::malloc(text.size() + 1));
  if (out->data == nullptr) return;
  std::memcpy(out->data, text.data(), text.size());
  out->data[text.size()] = '\0';
  out->size = static_cast<uint32_t>(text.size());
}

}  // namespace

void Answer(std::string_view text, parley_result* out) { HandOver(text, false, out); }

void Fail(std::string_view message, parley_result* out) { HandOver(message, true, out); }

void AnswerOrFail(std::string_view answer, std::string_view error, parley_result* out) {
  if (error.empty()) {
    Answer(answer, out);
  } else {
    Fail(error, out);
  }
}

}  // namespace parley::bridge

// Allocates `size` bytes for JavaScript to write an input string into.
PARLEY_EXPORT(parley_alloc) void* parley_alloc(size_t size) { return std::malloc(size == 0 ? 1 : size); }

// Releases an input buffer or a result string.
PARLEY_EXPORT(parley_free) void parley_free(void* pointer) { std::free(pointer); }

// The core's version, the same string `parley --version` prints; both modules carry it, so
// the loader can refuse a writing module from another release than the reading core.
PARLEY_EXPORT(parley_version) void parley_version(parley_result* out) {
  parley::bridge::Answer(parley::Version(), out);
}
