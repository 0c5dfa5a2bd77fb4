#include "parley/thread/render.h"

#include <algorithm>
#include <vector>

#include "parley/html_escape.h"
#include "parley/i18n/catalog.h"
#include "parley/json.h"
#include "parley/markup/url.h"

#include "../text/hot.h"
#include "../text/decimal.h"
#include "index_sort.h"

namespace parley::thread {

namespace {

using i18n::FormatCount;

// Ids are opaque; in `id` attributes and `#fragments` they are percent-encoded so that any
// byte is safe and the two always match.
void AppendEncodedId(std::string* out, std::string_view id) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  size_t plain_from = 0;
  for (size_t i = 0; i < id.size(); ++i) {
    const auto c = static_cast<unsigned char>(id[i]);
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '_' || c == '.' || c == '~';
    if (plain) continue;
    out->append(id, plain_from, i - plain_from);
    const char escaped[3] = {'%', kHex[c >> 4], kHex[c & 0xF]};
    out->append(escaped, 3);
    plain_from = i + 1;
  }
  out->append(id, plain_from, id.size() - plain_from);
}

// A commenter's website becomes a link only as an absolute http(s) URL that the markup's link
// policy also allows; relative URLs, which comment links may use, make no sense here.
bool IsWebsiteLink(std::string_view url) {
  auto starts_with_ci = [&](std::string_view prefix) {
    if (url.size() <= prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
      char c = url[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != prefix[i]) return false;
    }
    return true;
  };
  return url.size() <= 2048 && (starts_with_ci("http://") || starts_with_ci("https://")) &&
         markup::IsAllowedLinkUrl(url);
}

// A message with a `{name}` slot, split and escaped once per render, since every comment
// repeats the same few messages with only the author's name changing. Escaping works
// character by character, so escaping the parts equals escaping the message they make.
struct NamedMessage {
  std::string before;     // the markup up to the name
  std::string after;      // the markup after it
  bool has_name = false;  // a translation may leave the name out
};

// `prefix` (markup, written as is) followed by `pattern` escaped for text or an attribute.
NamedMessage SplitMessage(std::string_view pattern, bool attribute, std::string_view prefix = {}) {
  const auto escape = attribute ? html::AppendAttribute : html::AppendText;
  NamedMessage message;
  message.before = prefix;
  const size_t slot = pattern.find("{name}");
  if (slot == std::string_view::npos) {
    escape(&message.before, pattern);
    return message;
  }
  escape(&message.before, pattern.substr(0, slot));
  escape(&message.after, pattern.substr(slot + 6));
  message.has_name = true;
  return message;
}

// A button named after the comment's author: `<button class="..." aria-label="LABEL"
// ATTRIBUTES>CONTENT</button>`, where `head` is everything up to the label and `content` is
// markup.
NamedMessage MakeButton(std::string_view head, std::string_view label, std::string_view attributes,
                        std::string_view content) {
  NamedMessage button = SplitMessage(label, true, head);
  button.after += attributes;
  button.after += content;
  button.after += "</button>";
  return button;
}

// `text` escaped as HTML text.
std::string EscapedText(std::string_view text) {
  std::string escaped;
  html::AppendText(&escaped, text);
  return escaped;
}

// The vote buttons' arrows, U+25B2 and U+25BC, as character references: the rest of the markup
// around a comment is ASCII, so a thread of ASCII comments in an ASCII language is all ASCII,
// which JavaScript holds (and takes over from WebAssembly) as one byte per character instead
// of two (bench/thread.mjs).
constexpr std::string_view kUpArrow = "&#9650;";
constexpr std::string_view kDownArrow = "&#9660;";

// The ids in byte order, for binary search.
std::vector<std::string_view> SortedIds(const std::vector<std::string>& ids) {
  const std::vector<int64_t> order = SortedPositions(
      ids.size(),
      [](const void* context, int64_t a, int64_t b) {
        const auto& list = *static_cast<const std::vector<std::string>*>(context);
        return hot::Less(list[static_cast<size_t>(a)], list[static_cast<size_t>(b)]);
      },
      &ids);
  std::vector<std::string_view> sorted;
  sorted.reserve(ids.size());
  for (const int64_t at : order) sorted.push_back(ids[static_cast<size_t>(at)]);
  return sorted;
}

// The thread's language; strings the caller gives count as the language's own, so its plural
// rules apply to them.
i18n::Language LanguageOf(const ThreadOptions& options, i18n::StringsLookup lookup) {
  i18n::Language language = i18n::ResolveLanguage(options.lang, lookup);
  if (options.strings.given) language.translated = true;
  return language;
}

class ThreadWriter {
 public:
  ThreadWriter(const Thread& thread, const ThreadOptions& options, BodyRenderer body,
               i18n::StringsLookup lookup)
      : thread_(thread),
        options_(options),
        body_(body),
        language_(LanguageOf(options, lookup)),
        strings_(options.strings.given ? i18n::MergeThreadStrings(options.strings.strings, *language_.strings)
                                       : *language_.strings),
        expanded_(SortedIds(options.expanded)),
        in_reply_to_(SplitMessage(strings_.in_reply_to, false)),
        upvote_(MakeButton("<button class=\"parley-vote parley-upvote\" aria-label=\"",
                           strings_.upvote_label,
                           "\" type=\"button\" data-parley-action=\"upvote\" "
                           "aria-pressed=\"false\">",
                           kUpArrow)),
        downvote_(MakeButton("<button class=\"parley-vote parley-downvote\" aria-label=\"",
                             strings_.downvote_label,
                             "\" type=\"button\" data-parley-action=\"downvote\" "
                             "aria-pressed=\"false\">",
                             kDownArrow)),
        reply_(MakeButton("<button class=\"parley-reply\" aria-label=\"", strings_.reply_label,
                          "\" type=\"button\" data-parley-action=\"reply\">",
                          EscapedText(strings_.reply))),
        report_(MakeButton("<button class=\"parley-report\" aria-label=\"", strings_.report_label,
                           "\" type=\"button\" data-parley-action=\"report\">",
                           EscapedText(strings_.report))) {
  }

  std::string Render(const Page& page) {
    ReserveOutput(page);
    Put("<section class=\"parley-comments\" lang=\"");
    html::AppendAttribute(&out_, language_.code);
    Put("\" dir=\"");
    out_ += language_.right_to_left ? "rtl" : "ltr";
    Put("\" aria-label=\"");
    html::AppendAttribute(&out_, strings_.comments_label);
    Put("\" data-parley-count=\"");
    AppendNumber(thread_.shown_count);
    Put("\">\n");
    Put("<h2 class=\"parley-count\">");
    html::AppendText(&out_, FormatCount(language_, strings_.comment_count, thread_.shown_count));
    Put("</h2>\n");
    if (!page.top_level.empty()) {
      Put("<ol class=\"parley-list\">\n");
      int64_t position = page.first_position;
      for (int64_t root : page.top_level) RenderBranch(root, ++position);
      Put("</ol>\n");
    }
    if (!page.next_cursor.empty()) {
      Put("<button type=\"button\" class=\"parley-load-more\" data-parley-cursor=\"");
      html::AppendAttribute(&out_, page.next_cursor);
      out_ += '"';
      if (page.next_page > 0) {
        Put(" data-parley-page=\"");
        AppendNumber(page.next_page);
        out_ += '"';
      }
      out_ += '>';
      html::AppendText(&out_, strings_.load_more);
      Put("</button>\n");
    }
    Put("</section>\n");
    return std::move(out_);
  }

 private:
  // Sizes the output once for a whole thread (about 1.2 KB of markup around each comment, and
  // its body's HTML), rather than letting a multi-megabyte string double its way there. A page
  // is small; it grows as it needs.
  void ReserveOutput(const Page& page) {
    if (page.top_level.size() != thread_.top_level.size()) return;
    size_t bodies = 0;
    for (const Node& node : thread_.nodes) bodies += node.comment->body.size() + node.comment->body_html.size();
    out_.reserve(thread_.nodes.size() * 1280 + bodies + bodies / 4 + 512);
  }

  // Literal markup: the size is known where it is written, where `out_ += "..."` would measure
  // it at run time in the size-optimised browser build.
  void Put(std::string_view text) { out_.append(text.data(), text.size()); }

  void AppendNumber(int64_t value) { text::AppendDecimal(&out_, value); }

  bool IsExpanded(std::string_view id) const {
    const auto found = std::lower_bound(expanded_.begin(), expanded_.end(), id, hot::Less);
    return found != expanded_.end() && hot::Equal(*found, id);
  }

  const Node& NodeAt(int64_t index) const { return thread_.nodes[static_cast<size_t>(index)]; }

  std::string_view DisplayName(const Node& node) const {
    const std::string_view name = node.comment->author.name;
    return name.empty() ? strings_.anonymous : name;
  }

  // The replies shown under `node`, and how many comments the rest would show.
  size_t ShownReplyCount(const Node& node, int64_t* hidden) const {
    *hidden = 0;
    size_t shown = node.replies.size();
    if (options_.collapse_after > 0 && !IsExpanded(node.comment->id) &&
        node.replies.size() > static_cast<size_t>(options_.collapse_after)) {
      shown = static_cast<size_t>(options_.collapse_after);
      for (size_t i = shown; i < node.replies.size(); ++i) *hidden += NodeAt(node.replies[i]).shown_in_branch;
    }
    return shown;
  }

  // Work left to do for a branch; a stack of these replaces recursion, so a reply chain
  // thousands deep renders without deepening the C++ stack.
  struct Step {
    enum Kind { kItem, kCloseReplies, kMoreReplies, kCloseItem } kind;
    int64_t node;
    int64_t depth;
    int64_t count;
  };

  void RenderBranch(int64_t root, int64_t position) {
    std::vector<Step>& steps = steps_;  // reused across branches
    steps.clear();
    steps.push_back({Step::kItem, root, 1, position});
    while (!steps.empty()) {
      const Step step = steps.back();
      steps.pop_back();
      switch (step.kind) {
        case Step::kCloseReplies: Put("</ol>\n"); break;
        case Step::kCloseItem: Put("</li>\n"); break;
        case Step::kMoreReplies: AppendMoreReplies(step.node, step.count); break;
        case Step::kItem: {
          const Node& node = NodeAt(step.node);
          OpenItem(step.depth);
          AppendArticle(step.node, step.depth, step.depth == 1 ? step.count : 0, false);
          if (node.replies.empty()) {
            Put("</li>\n");
          } else if (step.depth >= options_.max_depth) {
            AppendFlatReplies(step.node, step.depth + 1);
            Put("</li>\n");
          } else {
            int64_t hidden = 0;
            const size_t shown = ShownReplyCount(node, &hidden);
            steps.push_back({Step::kCloseItem, step.node, step.depth, 0});
            if (hidden > 0) steps.push_back({Step::kMoreReplies, step.node, step.depth, hidden});
            steps.push_back({Step::kCloseReplies, step.node, step.depth, 0});
            for (size_t i = shown; i-- > 0;) {
              steps.push_back({Step::kItem, node.replies[i], step.depth + 1, 0});
            }
            Put("<ol class=\"parley-list parley-replies\">\n");
          }
          break;
        }
      }
    }
  }

  // Past the maximum depth, every descendant continues in one flat list, in reading order,
  // each with an explicit "in reply to NAME" link to its parent.
  void AppendFlatReplies(int64_t top, int64_t level) {
    const bool collapsed = options_.collapse_after > 0 && !IsExpanded(NodeAt(top).comment->id);
    int64_t shown = 0;
    int64_t hidden = 0;
    Put("<ol class=\"parley-list parley-replies parley-flat\">\n");
    std::vector<int64_t>& pending = pending_;  // reused across calls
    pending.assign(NodeAt(top).replies.rbegin(), NodeAt(top).replies.rend());
    while (!pending.empty()) {
      const int64_t index = pending.back();
      pending.pop_back();
      const Node& node = NodeAt(index);
      if (collapsed && shown >= options_.collapse_after) {
        hidden += node.presence == Presence::kShown ? 1 : 0;
      } else {
        OpenItem(level);
        AppendArticle(index, level, 0, true);
        Put("</li>\n");
        ++shown;
      }
      for (auto reply = node.replies.rbegin(); reply != node.replies.rend(); ++reply) {
        pending.push_back(*reply);
      }
    }
    Put("</ol>\n");
    if (hidden > 0) AppendMoreReplies(top, hidden);
  }

  void OpenItem(int64_t level) {
    Put("<li class=\"parley-item\" aria-level=\"");
    AppendNumber(level);
    Put("\">\n");
  }

  void AppendMoreReplies(int64_t index, int64_t hidden) {
    Put("<button type=\"button\" class=\"parley-more-replies\" data-parley-expand=\"");
    html::AppendAttribute(&out_, NodeAt(index).comment->id);
    Put("\">");
    html::AppendText(&out_, FormatCount(language_, strings_.more_replies, hidden));
    Put("</button>\n");
  }

  // A message made by SplitMessage or MakeButton, with the name given already escaped.
  void AppendNamed(const NamedMessage& message, std::string_view escaped_name) {
    out_ += message.before;
    if (message.has_name) out_ += escaped_name;
    out_ += message.after;
  }

  void AppendArticle(int64_t index, int64_t level, int64_t number, bool flat) {
    const Node& node = NodeAt(index);
    const Comment& comment = *node.comment;
    const bool placeholder = node.presence == Presence::kPlaceholder;
    // The encoded id appears four times per comment; encode it once.
    encoded_id_.clear();
    AppendEncodedId(&encoded_id_, comment.id);
    Put("<article class=\"parley-comment");
    if (placeholder) Put(" parley-comment-removed");
    if (!placeholder && comment.status == Status::kPending) Put(" parley-comment-pending");
    if (!placeholder && comment.status == Status::kRejected) Put(" parley-comment-rejected");
    if (!placeholder && comment.pinned && level == 1) Put(" parley-comment-pinned");
    Put("\" id=\"parley-comment-");
    out_ += encoded_id_;
    Put("\" data-parley-id=\"");
    html::AppendAttribute(&out_, comment.id);
    Put("\" data-parley-depth=\"");
    AppendNumber(level);
    out_ += '"';
    if (placeholder) {
      Put(">\n<p class=\"parley-removed\">");
      html::AppendText(&out_, comment.status == Status::kDeleted ? strings_.deleted : strings_.unavailable);
      Put("</p>\n</article>\n");
      return;
    }
    Put(" aria-labelledby=\"parley-author-");
    out_ += encoded_id_;
    Put("\">\n");
    // The author's name, escaped once for text and once for attributes (the button labels).
    const std::string_view name = DisplayName(node);
    name_text_.clear();
    html::AppendText(&name_text_, name);
    name_attribute_.clear();
    html::AppendAttribute(&name_attribute_, name);
    AppendHeader(node, number);
    if (node.orphan) {
      Put("<p class=\"parley-context parley-orphan\">");
      html::AppendText(&out_, strings_.orphan);
      Put("</p>\n");
    } else if (flat && node.parent != -1) {
      const Node& parent = NodeAt(node.parent);
      Put("<p class=\"parley-context\"><a href=\"#parley-comment-");
      AppendEncodedId(&out_, parent.comment->id);
      Put("\">");
      parent_name_.clear();
      html::AppendText(&parent_name_, parent.presence == Presence::kShown ? DisplayName(parent) : strings_.anonymous);
      AppendNamed(in_reply_to_, parent_name_);
      Put("</a></p>\n");
    }
    Put("<div class=\"parley-body\">");
    body_(comment, &out_);
    Put("</div>\n");
    AppendActions(comment);
    Put("</article>\n");
  }

  void AppendHeader(const Node& node, int64_t number) {
    const Comment& comment = *node.comment;
    const Author& author = comment.author;
    Put("<header class=\"parley-comment-header\">");
    if (options_.numbered && number > 0) {
      Put("<span class=\"parley-number\">");
      AppendNumber(number);
      Put(".</span> ");
    }
    const bool link = IsWebsiteLink(author.website);
    out_ += link ? "<a class=\"parley-author\" id=\"parley-author-" : "<span class=\"parley-author\" id=\"parley-author-";
    out_ += encoded_id_;
    out_ += '"';
    if (link) {
      Put(" href=\"");
      markup::AppendHref(&out_, author.website);
      Put("\" rel=\"nofollow ugc noopener\"");
    }
    // <bdi> keeps a right-to-left (or spoofing) name from reordering the text around it.
    Put("><bdi>");
    out_ += name_text_;
    out_ += link ? "</bdi></a>" : "</bdi></span>";
    for (const std::string_view badge : author.badges) {
      std::string_view text;
      if (badge == "staff") text = strings_.badge_staff;
      else if (badge == "verified") text = strings_.badge_verified;
      else if (badge == "moderator") text = strings_.badge_moderator;
      else continue;  // unknown badges are not printed: their names are not vetted text
      Put(" <span class=\"parley-badge parley-badge-");
      out_ += badge;
      Put("\">");
      html::AppendText(&out_, text);
      Put("</span>");
    }
    if (options_.said_style) {
      Put(" <span class=\"parley-said\">");
      html::AppendText(&out_, strings_.said);
      Put("</span>");
    }
    Put(" <a class=\"parley-permalink\" href=\"#parley-comment-");
    out_ += encoded_id_;
    Put("\">");
    if (comment.has_created) {
      Put("<time datetime=\"");
      AppendRfc3339(&out_, comment.created);
      Put("\">");
      AppendReadable(&out_, comment.created);
      Put("</time>");
    } else {
      out_ += '#';
    }
    Put("</a>");
    if (comment.has_edited) {
      Put(" <span class=\"parley-edited\"><time datetime=\"");
      AppendRfc3339(&out_, comment.edited);
      Put("\">");
      html::AppendText(&out_, strings_.edited);
      Put("</time></span>");
    }
    if (comment.status == Status::kPending || comment.status == Status::kRejected) {
      const bool pending = comment.status == Status::kPending;
      out_ += pending ? " <span class=\"parley-status parley-status-pending\">"
                      : " <span class=\"parley-status parley-status-rejected\">";
      html::AppendText(&out_, pending ? strings_.pending : strings_.rejected);
      Put("</span>");
    }
    if (comment.pinned && node.parent == -1) {
      Put(" <span class=\"parley-pinned\">");
      html::AppendText(&out_, strings_.pinned);
      Put("</span>");
    }
    Put("</header>\n");
  }

  void AppendActions(const Comment& comment) {
    Put("<footer class=\"parley-actions\">");
    AppendNamed(upvote_, name_attribute_);
    Put("<span class=\"parley-score\" data-parley-up=\"");
    AppendNumber(comment.upvotes);
    Put("\" data-parley-down=\"");
    AppendNumber(comment.downvotes);
    Put("\">");
    AppendNumber(comment.upvotes - comment.downvotes);
    Put("</span>");
    AppendNamed(downvote_, name_attribute_);
    out_ += ' ';
    AppendNamed(reply_, name_attribute_);
    out_ += ' ';
    AppendNamed(report_, name_attribute_);
    Put("</footer>\n");
  }

  const Thread& thread_;
  const ThreadOptions& options_;
  const BodyRenderer body_;
  const i18n::Language language_;
  const i18n::ThreadStrings strings_;
  std::vector<std::string_view> expanded_;  // sorted, for binary search
  // The language's messages with a name, prepared once.
  const NamedMessage in_reply_to_;
  const NamedMessage upvote_;
  const NamedMessage downvote_;
  const NamedMessage reply_;
  const NamedMessage report_;
  // Scratch space reused from comment to comment.
  std::string encoded_id_;
  std::string name_text_;
  std::string name_attribute_;
  std::string parent_name_;
  std::vector<Step> steps_;
  std::vector<int64_t> pending_;
  std::string out_;
};

}  // namespace

std::string RenderThreadHtml(const Thread& thread, const Page& page, const ThreadOptions& options,
                             BodyRenderer body, i18n::StringsLookup strings) {
  return ThreadWriter(thread, options, body, strings).Render(page);
}

RenderResult RenderThreadFromJson(std::string_view comments_json, std::string_view options_json,
                                  BodyRenderer body, i18n::StringsLookup strings) {
  const json::Document comments(comments_json);
  const json::Document options(options_json.empty() ? std::string_view("null") : options_json);
  return RenderThreadFrom(comments, options, body, strings);
}

RenderResult RenderThreadFrom(const json::Document& comments_document, const json::Document& options_document,
                              BodyRenderer body, i18n::StringsLookup strings) {
  RenderResult result;
  if (!comments_document.ok()) {
    result.error = "comments: " + comments_document.error() + " at byte " +
                   text::Decimal(static_cast<int64_t>(comments_document.error_offset()));
    return result;
  }
  if (!options_document.ok()) {
    result.error = "options: " + options_document.error() + " at byte " +
                   text::Decimal(static_cast<int64_t>(options_document.error_offset()));
    return result;
  }
  const ThreadOptions options = OptionsFromJson(options_document.root(), &result.error);
  if (!result.ok()) return result;
  CommentList list = CommentsFromJson(comments_document.root(), &result.error);
  if (!result.ok()) return result;
  Thread thread = BuildThread(list.comments, options);
  SortTopLevel(&thread, options.sort);
  const Page page = SelectPage(thread, options, &result.error);
  if (!result.ok()) return result;
  result.html = RenderThreadHtml(thread, page, options, body, strings);
  return result;
}

}  // namespace parley::thread
