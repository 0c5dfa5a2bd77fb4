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
#include <string>
#include <string_view>

#include "parley/markup/html_renderer.h"
#include "parley/policy/check.h"
#include "parley/policy/policy.h"
#include "parley/thread/render.h"
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

void Fail(std::string_view message, parley_result* out) { HandOver(message, true, out); }

}  // namespace

// Allocates `size` bytes for JavaScript to write an input string into.
PARLEY_EXPORT(parley_alloc) void* parley_alloc(size_t size) { return std::malloc(size == 0 ? 1 : size); }

// Releases an input buffer or a result string.
PARLEY_EXPORT(parley_free) void parley_free(void* pointer) { std::free(pointer); }

// The core's version, the same string `parley --version` prints.
PARLEY_EXPORT(parley_version) void parley_version(parley_result* out) {
  Answer(parley::Version(), out);
}

// The HTML fragment for comment markup `text` (any bytes), as `parley render` prints it.
PARLEY_EXPORT(parley_render_markup)
void parley_render_markup(const char* text, size_t text_size, parley_result* out) {
  Answer(parley::markup::RenderHtml(std::string_view(text, text_size)), out);
}

// The thread's HTML for `comments` (a JSON array) and `options` (a JSON object or empty), as
// `parley thread` prints it; a failure carries the error message.
PARLEY_EXPORT(parley_render_thread)
void parley_render_thread(const char* comments, size_t comments_size, const char* options,
                          size_t options_size, parley_result* out) {
  parley::thread::RenderResult result = parley::thread::RenderThreadFromJson(
      std::string_view(comments, comments_size), std::string_view(options, options_size));
  if (result.ok()) {
    Answer(result.html, out);
  } else {
    Fail(result.error, out);
  }
}

namespace {

// The policy for a policy file's JSON (empty: the default policy), or null with `error` set.
// The last one compiled is kept, because a page checks every keystroke against the same policy
// and compiling its automaton costs far more than a check.
const parley::policy::Policy* PolicyFor(std::string_view json, std::string* error) {
  if (json.empty()) return &parley::policy::DefaultPolicy();
  static std::string cached_json;
  static parley::policy::Policy cached;
  static bool has_cached = false;
  if (has_cached && json == cached_json) return &cached;
  parley::policy::ParsedPolicy parsed = parley::policy::ParsePolicy(json);
  if (!parsed.ok()) {
    *error = std::move(parsed.error);
    return nullptr;
  }
  cached = std::move(parsed.policy);
  cached_json.assign(json);
  has_cached = true;
  return &cached;
}

}  // namespace

// The verdict on comment `text` under `policy` (a policy file's JSON; empty for the default),
// with messages in `lang`, as `parley check --policy FILE --lang LANG` prints it (without the
// final newline); a policy that does not parse fails with the same message the CLI gives.
PARLEY_EXPORT(parley_check_policy)
void parley_check_policy(const char* text, size_t text_size, const char* policy, size_t policy_size,
                         const char* lang, size_t lang_size, parley_result* out) {
  std::string error;
  const parley::policy::Policy* compiled = PolicyFor(std::string_view(policy, policy_size), &error);
  if (compiled == nullptr) {
    Fail(error, out);
    return;
  }
  const std::string_view language(lang, lang_size);
  const parley::policy::Verdict verdict = parley::policy::CheckComment(
      std::string_view(text, text_size), *compiled, language.empty() ? "en" : language);
  Answer(parley::policy::VerdictToJson(verdict), out);
}
