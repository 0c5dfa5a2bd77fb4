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
  html.reserve(source.size() + source.size() / 4 + 16);
  HtmlRenderer renderer(&html);
  Parse(source, renderer);
  return html;
}

void HtmlRenderer::EnsureNewline() {
  if (!out_->empty() && out_->back() != '\n') out_->push_back('\n');
}

void HtmlRenderer::EnterBlock(BlockType type, const BlockDetail& detail) {
  switch (type) {
    case BlockType::kDocument:
      break;
    case BlockType::kQuote:
      EnsureNewline();
      out_->append("<blockquote>\n");
      break;
    case BlockType::kBulletList:
      EnsureNewline();
      out_->append("<ul>\n");
      break;
    case BlockType::kOrderedList:
      EnsureNewline();
      if (detail.start == 1) {
        out_->append("<ol>\n");
      } else {
        out_->append("<ol start=\"");
        AppendNumber(out_, detail.start);
        out_->append("\">\n");
      }
      break;
    case BlockType::kListItem:
      EnsureNewline();
      out_->append("<li>");
      break;
    case BlockType::kParagraph:
      EnsureNewline();
      out_->append("<p>");
      break;
    case BlockType::kCode:
      EnsureNewline();
      if (IsSafeLanguage(detail.language)) {
        out_->append("<pre><code class=\"language-");
        out_->append(detail.language);
        out_->append("\">");
      } else {
        out_->append("<pre><code>");
      }
      break;
    case BlockType::kThematicBreak:
      EnsureNewline();
      out_->append("<hr>\n");
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
      out_->append("</blockquote>\n");
      break;
    case BlockType::kBulletList:
      EnsureNewline();
      out_->append("</ul>\n");
      break;
    case BlockType::kOrderedList:
      EnsureNewline();
      out_->append("</ol>\n");
      break;
    case BlockType::kListItem:
      out_->append("</li>\n");
      break;
    case BlockType::kParagraph:
      out_->append("</p>\n");
      break;
    case BlockType::kCode:
      out_->append("</code></pre>\n");
      break;
  }
}

void HtmlRenderer::EnterSpan(SpanType type, const SpanDetail& detail) {
  switch (type) {
    case SpanType::kEmphasis:
      out_->append("<em>");
      break;
    case SpanType::kStrong:
      out_->append("<strong>");
      break;
    case SpanType::kStrikethrough:
      out_->append("<del>");
      break;
    case SpanType::kCode:
      out_->append("<code>");
      break;
    case SpanType::kLink:
      // Links never nest, so one flag is enough to pair a refused link with its end.
      in_refused_link_ = !IsAllowedLinkUrl(detail.href);
      if (in_refused_link_) break;
      out_->append("<a href=\"");
      AppendHref(out_, detail.href);
      if (!detail.title.empty()) {
        out_->append("\" title=\"");
        html::AppendAttribute(out_, detail.title);
      }
      out_->append("\" rel=\"nofollow ugc noopener\">");
      break;
  }
}

void HtmlRenderer::LeaveSpan(SpanType type) {
  switch (type) {
    case SpanType::kEmphasis:
      out_->append("</em>");
      break;
    case SpanType::kStrong:
      out_->append("</strong>");
      break;
    case SpanType::kStrikethrough:
      out_->append("</del>");
      break;
    case SpanType::kCode:
      out_->append("</code>");
      break;
    case SpanType::kLink:
      if (!in_refused_link_) out_->append("</a>");
      in_refused_link_ = false;
      break;
  }
}

void HtmlRenderer::Text(TextType type, std::string_view text) {
  switch (type) {
    case TextType::kSoftBreak:
    case TextType::kHardBreak:
      // Comments keep the reader's line breaks: a poem's lines stay lines.
      out_->append("<br>\n");
      break;
    case TextType::kNormal:
    case TextType::kCode:
      html::AppendText(out_, text);
      break;
  }
}

}  // namespace parley::markup
