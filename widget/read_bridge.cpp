// The reading module's exports (parley-core.wasm): what a reader's browser needs to show a
// thread, and nothing more, since it is on every reader's path (the 35 KB budget in
// DESIGN.md). Comment bodies arrive already rendered by Parley's server (`bodyHtml`, made by
// the same core), so this module has no markup renderer; the live preview, the policy and
// rendering from markup are in the writing module (compose_bridge.cpp).
#include <cstddef>
#include <utility>
#include <string_view>

#include "bridge.h"
#include "parley/json.h"
#include "parley/thread/render.h"

// The thread's HTML for `comments` (the tape, json.h, of a JSON array from Parley's API, each
// comment with its `bodyHtml`) and `options` (the tape of an options object, or of null): what
// `parley thread` prints for the same comments; a failure carries the error message. Tapes
// rather than JSON text, so this module carries no JSON text parser. Only English wording is
// built in here: for another language the caller passes the strings (the option `strings`,
// from the widget's language pack, made from the same thread_strings/*.json), or the thread is
// worded in English.
PARLEY_EXPORT(parley_render_served_thread)
void parley_render_served_thread(const char* comments, size_t comments_size, const char* options,
                                 size_t options_size, parley_result* out) {
  const parley::json::Document comments_tape(parley::json::kTape, std::string_view(comments, comments_size));
  const parley::json::Document options_tape(parley::json::kTape, std::string_view(options, options_size));
  parley::thread::RenderResult result = parley::thread::RenderThreadFrom(
      comments_tape, options_tape, parley::thread::ServerRenderedBody, parley::i18n::EnglishThreadStrings);
  parley::bridge::AnswerOrFail(std::move(result.html), result.error, out);
}
