#include "parley/thread/render.h"

#include <algorithm>
#include <vector>

#include "parley/html_escape.h"
#include "parley/i18n/catalog.h"
#include "parley/json.h"
#include "parley/markup/html_renderer.h"
#include "parley/markup/url.h"

namespace parley::thread {

namespace {

using i18n::FormatCount;
using i18n::FormatName;

// Ids are opaque; in `id` attributes and `#fragments` they are percent-encoded so that any
// byte is safe and the two always match.
void AppendEncodedId(std::string* out, std::string_view id) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (char byte : id) {
    const auto c = static_cast<unsigned char>(byte);
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '_' || c == '.' || c == '~';
    if (plain) {
      out->push_back(static_cast<char>(c));
    } else {
      out->push_back('%');
      out->push_back(kHex[c >> 4]);
      out->push_back(kHex[c & 0xF]);
    }
  }
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

class ThreadWriter {
 public:
  ThreadWriter(const Thread& thread, const ThreadOptions& options)
      : thread_(thread),
        options_(options),
        language_(i18n::ResolveLanguage(options.lang)),
        strings_(*language_.strings),
        expanded_(options.expanded.begin(), options.expanded.end()) {
    std::sort(expanded_.begin(), expanded_.end());
  }

  std::string Render(const Page& page) {
    out_.reserve(thread_.nodes.size() * 900 + 512);
    out_ += "<section class=\"parley-comments\" lang=\"";
    html::AppendAttribute(&out_, language_.code);
    out_ += "\" dir=\"";
    out_ += language_.right_to_left ? "rtl" : "ltr";
    out_ += "\" aria-label=\"";
    html::AppendAttribute(&out_, strings_.comments_label);
    out_ += "\" data-parley-count=\"";
    AppendNumber(thread_.shown_count);
    out_ += "\">\n";
    out_ += "<h2 class=\"parley-count\">";
    html::AppendText(&out_, FormatCount(language_, strings_.comment_count, thread_.shown_count));
    out_ += "</h2>\n";
    if (!page.top_level.empty()) {
      out_ += "<ol class=\"parley-list\">\n";
      int64_t position = page.first_position;
      for (int64_t root : page.top_level) RenderBranch(root, ++position);
      out_ += "</ol>\n";
    }
    if (!page.next_cursor.empty()) {
      out_ += "<button type=\"button\" class=\"parley-load-more\" data-parley-cursor=\"";
      html::AppendAttribute(&out_, page.next_cursor);
      out_ += '"';
      if (page.next_page > 0) {
        out_ += " data-parley-page=\"";
        AppendNumber(page.next_page);
        out_ += '"';
      }
      out_ += '>';
      html::AppendText(&out_, strings_.load_more);
      out_ += "</button>\n";
    }
    out_ += "</section>\n";
    return std::move(out_);
  }

 private:
  void AppendNumber(int64_t value) { out_ += std::to_string(value); }

  bool IsExpanded(const std::string& id) const {
    return std::binary_search(expanded_.begin(), expanded_.end(), id);
  }

  const Node& NodeAt(int64_t index) const { return thread_.nodes[static_cast<size_t>(index)]; }

  std::string_view DisplayName(const Node& node) const {
    const std::string& name = node.comment->author.name;
    return name.empty() ? strings_.anonymous : std::string_view(name);
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
    std::vector<Step> steps;
    steps.push_back({Step::kItem, root, 1, position});
    while (!steps.empty()) {
      const Step step = steps.back();
      steps.pop_back();
      switch (step.kind) {
        case Step::kCloseReplies: out_ += "</ol>\n"; break;
        case Step::kCloseItem: out_ += "</li>\n"; break;
        case Step::kMoreReplies: AppendMoreReplies(step.node, step.count); break;
        case Step::kItem: {
          const Node& node = NodeAt(step.node);
          OpenItem(step.depth);
          AppendArticle(step.node, step.depth, step.depth == 1 ? step.count : 0, false);
          if (node.replies.empty()) {
            out_ += "</li>\n";
          } else if (step.depth >= options_.max_depth) {
            AppendFlatReplies(step.node, step.depth + 1);
            out_ += "</li>\n";
          } else {
            int64_t hidden = 0;
            const size_t shown = ShownReplyCount(node, &hidden);
            steps.push_back({Step::kCloseItem, step.node, step.depth, 0});
            if (hidden > 0) steps.push_back({Step::kMoreReplies, step.node, step.depth, hidden});
            steps.push_back({Step::kCloseReplies, step.node, step.depth, 0});
            for (size_t i = shown; i-- > 0;) {
              steps.push_back({Step::kItem, node.replies[i], step.depth + 1, 0});
            }
            out_ += "<ol class=\"parley-list parley-replies\">\n";
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
    out_ += "<ol class=\"parley-list parley-replies parley-flat\">\n";
    std::vector<int64_t> pending(NodeAt(top).replies.rbegin(), NodeAt(top).replies.rend());
    while (!pending.empty()) {
      const int64_t index = pending.back();
      pending.pop_back();
      const Node& node = NodeAt(index);
      if (collapsed && shown >= options_.collapse_after) {
        hidden += node.presence == Presence::kShown ? 1 : 0;
      } else {
        OpenItem(level);
        AppendArticle(index, level, 0, true);
        out_ += "</li>\n";
        ++shown;
      }
      for (auto reply = node.replies.rbegin(); reply != node.replies.rend(); ++reply) {
        pending.push_back(*reply);
      }
    }
    out_ += "</ol>\n";
    if (hidden > 0) AppendMoreReplies(top, hidden);
  }

  void OpenItem(int64_t level) {
    out_ += "<li class=\"parley-item\" aria-level=\"";
    AppendNumber(level);
    out_ += "\">\n";
  }

  void AppendMoreReplies(int64_t index, int64_t hidden) {
    out_ += "<button type=\"button\" class=\"parley-more-replies\" data-parley-expand=\"";
    html::AppendAttribute(&out_, NodeAt(index).comment->id);
    out_ += "\">";
    html::AppendText(&out_, FormatCount(language_, strings_.more_replies, hidden));
    out_ += "</button>\n";
  }

  void AppendLabelled(std::string_view tag, std::string_view classes, std::string_view pattern,
                      std::string_view name, std::string_view text, std::string_view extra) {
    out_ += '<';
    out_ += tag;
    out_ += " class=\"";
    out_ += classes;
    out_ += "\" aria-label=\"";
    html::AppendAttribute(&out_, FormatName(pattern, name));
    out_ += '"';
    out_ += extra;
    out_ += '>';
    html::AppendText(&out_, text);
    out_ += "</";
    out_ += tag;
    out_ += '>';
  }

  void AppendArticle(int64_t index, int64_t level, int64_t number, bool flat) {
    const Node& node = NodeAt(index);
    const Comment& comment = *node.comment;
    const bool placeholder = node.presence == Presence::kPlaceholder;
    out_ += "<article class=\"parley-comment";
    if (placeholder) out_ += " parley-comment-removed";
    if (!placeholder && comment.status == Status::kPending) out_ += " parley-comment-pending";
    if (!placeholder && comment.status == Status::kRejected) out_ += " parley-comment-rejected";
    if (!placeholder && comment.pinned && level == 1) out_ += " parley-comment-pinned";
    out_ += "\" id=\"parley-comment-";
    AppendEncodedId(&out_, comment.id);
    out_ += "\" data-parley-id=\"";
    html::AppendAttribute(&out_, comment.id);
    out_ += "\" data-parley-depth=\"";
    AppendNumber(level);
    out_ += '"';
    if (placeholder) {
      out_ += ">\n<p class=\"parley-removed\">";
      html::AppendText(&out_, comment.status == Status::kDeleted ? strings_.deleted : strings_.unavailable);
      out_ += "</p>\n</article>\n";
      return;
    }
    out_ += " aria-labelledby=\"parley-author-";
    AppendEncodedId(&out_, comment.id);
    out_ += "\">\n";
    AppendHeader(node, number);
    if (node.orphan) {
      out_ += "<p class=\"parley-context parley-orphan\">";
      html::AppendText(&out_, strings_.orphan);
      out_ += "</p>\n";
    } else if (flat && node.parent != -1) {
      const Node& parent = NodeAt(node.parent);
      out_ += "<p class=\"parley-context\"><a href=\"#parley-comment-";
      AppendEncodedId(&out_, parent.comment->id);
      out_ += "\">";
      html::AppendText(&out_, FormatName(strings_.in_reply_to,
                                         parent.presence == Presence::kShown ? DisplayName(parent)
                                                                             : strings_.anonymous));
      out_ += "</a></p>\n";
    }
    out_ += "<div class=\"parley-body\">";
    out_ += markup::RenderHtml(comment.body);
    out_ += "</div>\n";
    AppendActions(node);
    out_ += "</article>\n";
  }

  void AppendHeader(const Node& node, int64_t number) {
    const Comment& comment = *node.comment;
    const Author& author = comment.author;
    out_ += "<header class=\"parley-comment-header\">";
    if (options_.numbered && number > 0) {
      out_ += "<span class=\"parley-number\">";
      AppendNumber(number);
      out_ += ".</span> ";
    }
    const bool link = IsWebsiteLink(author.website);
    out_ += link ? "<a class=\"parley-author\" id=\"parley-author-" : "<span class=\"parley-author\" id=\"parley-author-";
    AppendEncodedId(&out_, comment.id);
    out_ += '"';
    if (link) {
      out_ += " href=\"";
      markup::AppendHref(&out_, author.website);
      out_ += "\" rel=\"nofollow ugc noopener\"";
    }
    // <bdi> keeps a right-to-left (or spoofing) name from reordering the text around it.
    out_ += "><bdi>";
    html::AppendText(&out_, DisplayName(node));
    out_ += link ? "</bdi></a>" : "</bdi></span>";
    for (const std::string& badge : author.badges) {
      std::string_view text;
      if (badge == "staff") text = strings_.badge_staff;
      else if (badge == "verified") text = strings_.badge_verified;
      else if (badge == "moderator") text = strings_.badge_moderator;
      else continue;  // unknown badges are not printed: their names are not vetted text
      out_ += " <span class=\"parley-badge parley-badge-";
      out_ += badge;
      out_ += "\">";
      html::AppendText(&out_, text);
      out_ += "</span>";
    }
    if (options_.said_style) {
      out_ += " <span class=\"parley-said\">";
      html::AppendText(&out_, strings_.said);
      out_ += "</span>";
    }
    out_ += " <a class=\"parley-permalink\" href=\"#parley-comment-";
    AppendEncodedId(&out_, comment.id);
    out_ += "\">";
    if (comment.has_created) {
      out_ += "<time datetime=\"";
      out_ += FormatRfc3339(comment.created);
      out_ += "\">";
      out_ += FormatReadable(comment.created);
      out_ += "</time>";
    } else {
      out_ += '#';
    }
    out_ += "</a>";
    if (comment.has_edited) {
      out_ += " <span class=\"parley-edited\"><time datetime=\"";
      out_ += FormatRfc3339(comment.edited);
      out_ += "\">";
      html::AppendText(&out_, strings_.edited);
      out_ += "</time></span>";
    }
    if (comment.status == Status::kPending || comment.status == Status::kRejected) {
      const bool pending = comment.status == Status::kPending;
      out_ += pending ? " <span class=\"parley-status parley-status-pending\">"
                      : " <span class=\"parley-status parley-status-rejected\">";
      html::AppendText(&out_, pending ? strings_.pending : strings_.rejected);
      out_ += "</span>";
    }
    if (comment.pinned && node.parent == -1) {
      out_ += " <span class=\"parley-pinned\">";
      html::AppendText(&out_, strings_.pinned);
      out_ += "</span>";
    }
    out_ += "</header>\n";
  }

  void AppendActions(const Node& node) {
    const Comment& comment = *node.comment;
    const std::string_view name = DisplayName(node);
    out_ += "<footer class=\"parley-actions\">";
    AppendLabelled("button", "parley-vote parley-upvote", strings_.upvote_label, name, "\u25B2",
                   " type=\"button\" data-parley-action=\"upvote\" aria-pressed=\"false\"");
    out_ += "<span class=\"parley-score\" data-parley-up=\"";
    AppendNumber(comment.upvotes);
    out_ += "\" data-parley-down=\"";
    AppendNumber(comment.downvotes);
    out_ += "\">";
    AppendNumber(comment.upvotes - comment.downvotes);
    out_ += "</span>";
    AppendLabelled("button", "parley-vote parley-downvote", strings_.downvote_label, name, "\u25BC",
                   " type=\"button\" data-parley-action=\"downvote\" aria-pressed=\"false\"");
    out_ += ' ';
    AppendLabelled("button", "parley-reply", strings_.reply_label, name, strings_.reply,
                   " type=\"button\" data-parley-action=\"reply\"");
    out_ += ' ';
    AppendLabelled("button", "parley-report", strings_.report_label, name, strings_.report,
                   " type=\"button\" data-parley-action=\"report\"");
    out_ += "</footer>\n";
  }

  const Thread& thread_;
  const ThreadOptions& options_;
  const i18n::Language language_;
  const i18n::ThreadStrings& strings_;
  std::vector<std::string> expanded_;  // sorted, for binary search
  std::string out_;
};

}  // namespace

std::string RenderThreadHtml(const Thread& thread, const Page& page, const ThreadOptions& options) {
  return ThreadWriter(thread, options).Render(page);
}

RenderResult RenderThreadFromJson(std::string_view comments_json, std::string_view options_json) {
  RenderResult result;
  json::ParseResult comments_document = json::Parse(comments_json, {});
  if (!comments_document.ok()) {
    result.error = "comments: " + comments_document.error + " at byte " +
                   std::to_string(comments_document.error_offset);
    return result;
  }
  ThreadOptions options;
  if (!options_json.empty()) {
    json::ParseResult options_document = json::Parse(options_json, {});
    if (!options_document.ok()) {
      result.error = "options: " + options_document.error + " at byte " +
                     std::to_string(options_document.error_offset);
      return result;
    }
    options = OptionsFromJson(options_document.value, &result.error);
    if (!result.ok()) return result;
  }
  CommentList list = CommentsFromJson(comments_document.value, &result.error);
  if (!result.ok()) return result;
  Thread thread = BuildThread(list.comments, options);
  SortTopLevel(&thread, options.sort);
  const Page page = SelectPage(thread, options, &result.error);
  if (!result.ok()) return result;
  result.html = RenderThreadHtml(thread, page, options);
  return result;
}

}  // namespace parley::thread
