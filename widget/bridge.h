// The C ABI between the WebAssembly modules and JavaScript (widget/parley-core.mjs), shared by
// both modules: the reading core (read_bridge.cpp) and the writing module (compose_bridge.cpp).
//
// Conventions, chosen so the JavaScript side stays a few dozen lines:
// - strings cross as UTF-8 pointer + byte length, never NUL-terminated;
// - JavaScript allocates inputs with parley_alloc and frees them after the call;
// - every export writes its result into a `parley_result` that JavaScript passes last: a
//   string (data, size) that JavaScript copies out and releases with parley_free, and
//   `failed`, set when the data is an error message rather than the answer.
// The widget/ files are the only ones that know they are compiled to WebAssembly.
#ifndef PARLEY_WIDGET_BRIDGE_H_
#define PARLEY_WIDGET_BRIDGE_H_

#include <cstdint>
#include <string>
#include <string_view>

#define PARLEY_EXPORT(name) extern "C" __attribute__((export_name(#name)))

// What every export hands back; the layout is read by parley-core.mjs (three 32-bit words).
extern "C" struct parley_result {
  char* data;
  uint32_t size;
  uint32_t failed;
};

namespace parley::bridge {

// Copies `text` into memory that JavaScript owns from now on. A failed allocation leaves
// data null, which JavaScript reports as out of memory.
void Answer(std::string_view text, parley_result* out);

// Hands `text` itself over, without a copy (a thread's HTML can be many megabytes): it is kept
// until JavaScript releases its data with parley_free. One answer is kept at a time; another
// while it is (which the loader never does) is copied instead.
void Answer(std::string&& text, parley_result* out);

// The same for an error message: `failed` tells JavaScript to throw it.
void Fail(std::string_view message, parley_result* out);

// Fails with `error` when it is set, else answers `answer` (the core's result types).
void AnswerOrFail(std::string&& answer, std::string_view error, parley_result* out);

}  // namespace parley::bridge

#endif  // PARLEY_WIDGET_BRIDGE_H_
