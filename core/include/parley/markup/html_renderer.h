#pragma once

#include <string>
#include <string_view>

#include "parley/markup/events.h"

// Comment markup to an HTML fragment. This is the wall between untrusted text and the page:
// whatever events it is given, it writes only the elements p, br, em, strong, del, code, pre,
// blockquote, ul, ol, li, hr and a, and the attributes a[href, title, rel], ol[start] and
// code[class="language-X"] with X in [A-Za-z0-9_+-]; every text and attribute is escaped, and
// a link whose URL the policy (url.h) refuses is written as its text alone.
namespace parley::markup {

// Renders comment markup (any bytes) to an HTML fragment. The entry point for the CLI and the
// WebAssembly bridge; identical output on every build.
std::string RenderHtml(std::string_view source);

// The same HTML appended to `out`: a caller writing many bodies into one document (the thread
// renderer) writes each in place, with no copy.
void AppendHtml(std::string_view source, std::string* out);

// The event consumer behind RenderHtml, for callers that drive Parse themselves.
class HtmlRenderer final : public EventSink {
 public:
  // Appends to `out`, which must outlive the renderer; what `out` already holds is not part
  // of the fragment.
  explicit HtmlRenderer(std::string* out) : out_(out), start_(out->size()) {}

  void EnterBlock(BlockType type, const BlockDetail& detail) override;
  void LeaveBlock(BlockType type) override;
  void EnterSpan(SpanType type, const SpanDetail& detail) override;
  void LeaveSpan(SpanType type) override;
  void Text(TextType type, std::string_view text) override;

 private:
  // Starts a new line unless the fragment is empty or already at the start of one.
  void EnsureNewline();

  std::string* out_;
  size_t start_;  // where the fragment begins in *out_
  bool in_refused_link_ = false;  // inside a link whose URL was refused: no </a> to write
};

}  // namespace parley::markup
