#pragma once

#include <string>
#include <string_view>

#include "parley/thread/build.h"
#include "parley/thread/options.h"
#include "parley/thread/page.h"

namespace parley::thread {

// Renders one page of a built, sorted thread as an accessible HTML fragment: a <section> with
// the comment count, nested lists of <article>s (the list level is the nesting level assistive
// technology announces), author, date, body (rendered markup) and reply/vote/report controls.
// Every user-controlled field is escaped; every class is prefixed `parley-`.
std::string RenderThreadHtml(const Thread& thread, const Page& page, const ThreadOptions& options);

// The outcome of RenderThreadFromJson: the HTML, or an error message for the caller.
struct RenderResult {
  std::string html;
  std::string error;
  bool ok() const { return error.empty(); }
};

// The whole pipeline behind `parley thread` and renderThread(): reads the comments (a JSON
// array) and the options (a JSON object, or empty for the defaults), builds, sorts, pages and
// renders the thread.
RenderResult RenderThreadFromJson(std::string_view comments_json, std::string_view options_json);

}  // namespace parley::thread
