#pragma once

#include <cstdint>
#include <string>
#include <string_view>

// The one place the server calls the core's thread builder and renderer (parley/thread/), so
// the HTML it serves is the very HTML the WebAssembly core renders for the same comments.
namespace parley::core_adapters {

// The rendered thread, or the core's message when the options were refused (a bad cursor).
struct ThreadHtml {
  std::string html;
  std::string error;
  bool ok() const { return error.empty(); }
};

// Renders `comments_json` (a JSON array from the server's own public view, api/comment_view.h)
// with `options_json` (a JSON object: sort, page, cursor, lang, ...). Each body is taken as its
// `bodyHtml`, the core's rendering already, so the result is exactly what `parley thread` and
// renderThread() print for the same comments, without rendering the markup twice.
ThreadHtml RenderServedThread(std::string_view comments_json, std::string_view options_json);

// The core's rank for the "best" order, as an integer (higher first): the Wilson lower bound
// of the votes, scaled as the core scales it for its cursors, so SQL sorts like the core.
int64_t BestRank(int64_t up, int64_t down);

}  // namespace parley::core_adapters
