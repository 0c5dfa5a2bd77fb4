// The reading core's exports (parley-core.wasm): what a reader's browser needs to show a
// thread and preview a comment. The policy lives in its own module (policy_bridge.cpp), which
// the widget fetches only when a reader starts writing, so readers who only read never
// download its word lists and folding tables.
#include <cstddef>
#include <string_view>

#include "bridge.h"
#include "parley/markup/html_renderer.h"
#include "parley/thread/render.h"

// The HTML fragment for comment markup `text` (any bytes), as `parley render` prints it.
PARLEY_EXPORT(parley_render_markup)
void parley_render_markup(const char* text, size_t text_size, parley_result* out) {
  parley::bridge::Answer(parley::markup::RenderHtml(std::string_view(text, text_size)), out);
}

// The thread's HTML for `comments` (a JSON array) and `options` (a JSON object or empty), as
// `parley thread` prints it; a failure carries the error message.
PARLEY_EXPORT(parley_render_thread)
void parley_render_thread(const char* comments, size_t comments_size, const char* options,
                          size_t options_size, parley_result* out) {
  parley::thread::RenderResult result = parley::thread::RenderThreadFromJson(
      std::string_view(comments, comments_size), std::string_view(options, options_size));
  if (result.ok()) {
    parley::bridge::Answer(result.html, out);
  } else {
    parley::bridge::Fail(result.error, out);
  }
}
