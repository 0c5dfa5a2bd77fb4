// What both WebAssembly modules export besides their own work: memory for JavaScript's input
// strings, and the version. See bridge.h for the conventions.
#include "bridge.h"

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>

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

// The answer handed over without a copy, while JavaScript reads it.
std::string held_answer;
bool holding = false;

// Releases the held answer if `pointer` is its data; says whether it was.
bool ReleaseHeld(void* pointer) {
  if (!holding || pointer != held_answer.data()) return false;
  std::string().swap(held_answer);  // gives the memory back, not just the length
  holding = false;
  return true;
}

}  // namespace

void Answer(std::string_view text, parley_result* out) { HandOver(text, false, out); }

void Answer(std::string&& text, parley_result* out) {
  if (holding) {
    HandOver(text, false, out);
    return;
  }
  held_answer = std::move(text);
  holding = true;
  out->failed = 0;
  out->data = held_answer.data();
  out->size = static_cast<uint32_t>(held_answer.size());
}

void Fail(std::string_view message, parley_result* out) { HandOver(message, true, out); }

void AnswerOrFail(std::string&& answer, std::string_view error, parley_result* out) {
  if (error.empty()) {
    Answer(std::move(answer), out);
  } else {
    Fail(error, out);
  }
}

}  // namespace parley::bridge

// Allocates `size` bytes for JavaScript to write an input string into.
PARLEY_EXPORT(parley_alloc) void* parley_alloc(size_t size) { return std::malloc(size == 0 ? 1 : size); }

// Releases an input buffer or a result string.
PARLEY_EXPORT(parley_free) void parley_free(void* pointer) {
  if (!parley::bridge::ReleaseHeld(pointer)) std::free(pointer);
}

// The core's version, the same string `parley --version` prints; both modules carry it, so
// the loader can refuse a writing module from another release than the reading core.
PARLEY_EXPORT(parley_version) void parley_version(parley_result* out) {
  parley::bridge::Answer(parley::Version(), out);
}
