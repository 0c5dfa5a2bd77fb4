#pragma once

#include <string>
#include <string_view>

#include "parley/i18n/catalog.h"
#include "parley/thread/build.h"
#include "parley/thread/options.h"
#include "parley/thread/page.h"

namespace parley::thread {

// How a comment's body becomes HTML inside the thread: appends the body's HTML to `out`, the
// thread's own output, so that a body is written once rather than rendered aside and copied.
// A function rather than a flag, so a module that never names MarkupBody (the browser's
// reading core) links without the markup renderer.
using BodyRenderer = void (*)(const Comment& comment, std::string* out);

// Renders the body's markup source (markup::AppendHtml): the native program, the server and
// the full WebAssembly module.
void MarkupBody(const Comment& comment, std::string* out);

// The HTML the server already rendered from the body (`bodyHtml`), as it is. Only for
// comments that come from Parley's own API, which writes bodyHtml with MarkupBody, so the
// output is byte for byte what MarkupBody gives; never for comments from anywhere else.
void ServerRenderedBody(const Comment& comment, std::string* out);

// Renders one page of a built, sorted thread as an accessible HTML fragment: a <section> with
// the comment count, nested lists of <article>s (the list level is the nesting level assistive
// technology announces), author, date, body (rendered markup) and reply/vote/report controls.
// Every user-controlled field is escaped; every class is prefixed `parley-`.
// `strings` finds the wording of options.lang (the caller's `strings` option goes over it).
std::string RenderThreadHtml(const Thread& thread, const Page& page, const ThreadOptions& options,
                             BodyRenderer body = MarkupBody,
                             i18n::StringsLookup strings = i18n::BuiltInThreadStrings);

// The outcome of RenderThreadFromJson: the HTML, or an error message for the caller.
struct RenderResult {
  std::string html;
  std::string error;
  bool ok() const { return error.empty(); }
};

// The whole pipeline behind `parley thread` and renderThread(): reads the comments (a JSON
// array) and the options (a JSON object, or empty for the defaults), builds, sorts, pages and
// renders the thread.
RenderResult RenderThreadFromJson(std::string_view comments_json, std::string_view options_json,
                                  BodyRenderer body = MarkupBody,
                                  i18n::StringsLookup strings = i18n::BuiltInThreadStrings);

// The same pipeline over documents already read, whether from JSON text or from a tape (the
// reading WebAssembly module's input); a failed document is reported as RenderThreadFromJson
// reports it, and an options document holding null means the defaults.
RenderResult RenderThreadFrom(const json::Document& comments, const json::Document& options, BodyRenderer body,
                              i18n::StringsLookup strings);

}  // namespace parley::thread
