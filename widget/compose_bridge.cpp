// The writing module's exports (parley-compose.wasm): what a reader needs once they start
// writing, which readers who only read never download: the markup renderer for the live
// preview, the discussion policy's verdict for instant feedback (its word lists and Unicode
// folding tables are the larger part), and the thread renderer over markup, so that this
// module alone answers everything `parley render`, `check` and `thread` do.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>

#include "bridge.h"
#include "parley/markup/html_renderer.h"
#include "parley/policy/check.h"
#include "parley/policy/policy.h"
#include "parley/thread/render.h"
#include "parley/utf8.h"

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
    parley::bridge::Fail(error, out);
    return;
  }
  const std::string_view language(lang, lang_size);
  const parley::policy::Verdict verdict = parley::policy::CheckComment(
      std::string_view(text, text_size), *compiled, language.empty() ? "en" : language);
  parley::bridge::Answer(parley::policy::VerdictToJson(verdict), out);
}

// The HTML fragment for comment markup `text` (any bytes), as `parley render` prints it.
PARLEY_EXPORT(parley_render_markup)
void parley_render_markup(const char* text, size_t text_size, parley_result* out) {
  parley::bridge::Answer(parley::markup::RenderHtml(std::string_view(text, text_size)), out);
}

// The thread's HTML for `comments` (a JSON array, bodies as markup) and `options` (a JSON
// object or empty), as `parley thread` prints it; a failure carries the error message.
PARLEY_EXPORT(parley_render_thread)
void parley_render_thread(const char* comments, size_t comments_size, const char* options,
                          size_t options_size, parley_result* out) {
  parley::thread::RenderResult result =
      parley::thread::RenderThreadFromJson(std::string_view(comments, comments_size),
                                           std::string_view(options, options_size));
  parley::bridge::AnswerOrFail(std::move(result.html), result.error, out);
}

// An answer (`data`, `size` bytes of UTF-8) as UTF-16 in new memory (out->data, out->size in
// code units), for a loader that can turn UTF-16 into a string by copying it (Node's Buffer):
// V8 decodes UTF-8 byte by byte once a text has any non-ASCII character, so a thread's
// megabytes of HTML come out faster this way (bench/thread.mjs times both). An ASCII answer
// needs no conversion: its bytes are already one character each, as Latin-1, which Buffer
// copies as fast; then out->data is null and out->size is the answer's size. Leaves both
// null, and the loader decodes the UTF-8 itself, when the answer is not UTF-8 or the memory
// cannot be had.
PARLEY_EXPORT(parley_answer_utf16)
void parley_answer_utf16(const char* data, size_t size, parley_result* out) {
  out->data = nullptr;
  out->size = 0;
  out->failed = 0;
  const std::string_view text(data, size);
  if (size > SIZE_MAX / sizeof(char16_t)) return;
  if (parley::utf8::IsAscii(text)) {
    out->size = static_cast<uint32_t>(size);
    return;
  }
  auto* units = static_cast<char16_t*>(std::malloc(size * sizeof(char16_t)));
  if (units == nullptr) return;
  const size_t count = parley::utf8::ToUtf16(text, units);
  if (count == parley::utf8::kNotUtf8) {
    std::free(units);
    return;
  }
  out->data = reinterpret_cast<char*>(units);
  out->size = static_cast<uint32_t>(count);
}
