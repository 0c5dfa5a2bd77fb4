#include "parley/markup/html_renderer.h"

#include "parley/html_escape.h"
#include "parley/markup/parser.h"
#include "parley/markup/url.h"

namespace parley::markup {

namespace {

// A fence's language becomes a class only if it is a plain identifier: nothing that could
// leave the attribute or smuggle another class in.
bool IsSafeLanguage(std::string_view language) {
  if (language.empty()) return false;
  for (char c : language) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '+' || c == '-';
    if (!ok) return false;
  }
  return true;
}

// Appends a string literal with its length known at compile time: append(const char*) would
// measure it with strlen on every tag, and in the size-optimised WebAssembly build that is a
// call per tag.
template <size_t kSize>
void AppendLiteral(std::string* out, const char (&literal)[kSize]) {
  out->append(literal, kSize - 1);
}

void AppendNumber(std::string* out, uint32_t value) {
  char digits[10];
  size_t count = 0;
  do {
    digits[count++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  while (count > 0) out->push_back(digits[--count]);
}

}  // namespace

std::string RenderHtml(std::string_view source) {
  std::string html;
  AppendHtml(source, &html);
  return html;
}

void AppendHtml(std::string_view source, std::string* out) {
  // A body alone is sized once. Into a larger document, reserving here would reallocate the
  // whole document for every body; its own growth (doubling) is left to do that.
  if (out->empty()) out->reserve(source.size() + source.size() / 4 + 16);
  HtmlRenderer renderer(out);
  Parse(source, renderer);
}

void HtmlRenderer::EnsureNewline() {
  if (out_->size() > start_ && out_->back() != '\n') out_->push_back('\n');
}

void HtmlRenderer::EnterBlock(BlockType type, const BlockDetail& detail) {
  switch (type) {
    case BlockType::kDocument:
      break;
    case BlockType::kQuote:
      EnsureNewline();
      AppendLiteral(out_, "<blockquote>\n");
      break;
    case BlockType::kBulletList:
      EnsureNewline();
      AppendLiteral(out_, "<ul>\n");
      break;
    case BlockType::kOrderedList:
      EnsureNewline();
      if (detail.start == 1) {
        AppendLiteral(out_, "<ol>\n");
      } else {
        AppendLiteral(out_, "<ol start=\"");
        AppendNumber(out_, detail.start);
        AppendLiteral(out_, "\">\n");
      }
      break;
    case BlockType::kListItem:
      EnsureNewline();
      AppendLiteral(out_, "<li>");
      break;
    case BlockType::kParagraph:
      EnsureNewline();
      AppendLiteral(out_, "<p>");
      break;
    case BlockType::kCode:
      EnsureNewline();
      if (IsSafeLanguage(detail.language)) {
        AppendLiteral(out_, "<pre><code class=\"language-");
        out_->append(detail.language);
        AppendLiteral(out_, "\">");
      } else {
        AppendLiteral(out_, "<pre><code>");
      }
      break;
    case BlockType::kThematicBreak:
      EnsureNewline();
      AppendLiteral(out_, "<hr>\n");
      break;
  }
}

void HtmlRenderer::LeaveBlock(BlockType type) {
  switch (type) {
    case BlockType::kDocument:
    case BlockType::kThematicBreak:
      break;
    case BlockType::kQuote:
      EnsureNewline();
      AppendLiteral(out_, "</blockquote>\n");
      break;
    case BlockType::kBulletList:
      EnsureNewline();
      AppendLiteral(out_, "</ul>\n");
      break;
    case BlockType::kOrderedList:
      EnsureNewline();
      AppendLiteral(out_, "</ol>\n");
      break;
    case BlockType::kListItem:
      AppendLiteral(out_, "</li>\n");
      break;
    case BlockType::kParagraph:
      AppendLiteral(out_, "</p>\n");
      break;
    case BlockType::kCode:
      AppendLiteral(out_, "</code></pre>\n");
      break;
  }
}

void HtmlRenderer::EnterSpan(SpanType type, const SpanDetail& detail) {
  switch (type) {
    case SpanType::kEmphasis:
      AppendLiteral(out_, "<em>");
      break;
    case SpanType::kStrong:
      AppendLiteral(out_, "<strong>");
      break;
    case SpanType::kStrikethrough:
      AppendLiteral(out_, "<del>");
      break;
    case SpanType::kCode:
      AppendLiteral(out_, "<code>");
      break;
    case SpanType::kLink:
      // Links never nest, so one flag is enough to pair a refused link with its end.
      in_refused_link_ = !IsAllowedLinkUrl(detail.href);
      if (in_refused_link_) break;
      AppendLiteral(out_, "<a href=\"");
      AppendHref(out_, detail.href);
      if (!detail.title.empty()) {
        AppendLiteral(out_, "\" title=\"");
        html::AppendAttribute(out_, detail.title);
      }
      AppendLiteral(out_, "\" rel=\"nofollow ugc noopener\">");
      break;
  }
}

void HtmlRenderer::LeaveSpan(SpanType type) {
  switch (type) {
    case SpanType::kEmphasis:
      AppendLiteral(out_, "</em>");
      break;
    case SpanType::kStrong:
      AppendLiteral(out_, "</strong>");
      break;
    case SpanType::kStrikethrough:
      AppendLiteral(out_, "</del>");
      break;
    case SpanType::kCode:
      AppendLiteral(out_, "</code>");
      break;
    case SpanType::kLink:
      if (!in_refused_link_) AppendLiteral(out_, "</a>");
      in_refused_link_ = false;
      break;
  }
}

void HtmlRenderer::Text(TextType type, std::string_view text) {
  switch (type) {
    case TextType::kSoftBreak:
    case TextType::kHardBreak:
      // Comments keep the reader's line breaks: a poem's lines stay lines.
      AppendLiteral(out_, "<br>\n");
      break;
    case TextType::kNormal:
    case TextType::kCode:
      html::AppendText(out_, text);
      break;
  }
}

}  // namespace parley::markup
