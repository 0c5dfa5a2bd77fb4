#include "api/comment_view.h"

#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>

#include "core_adapters/markup_renderer.h"

namespace parley::api {

namespace {

nlohmann::json NullableText(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

}  // namespace

nlohmann::json CommentModel(const storage::StoredComment& comment) {
  nlohmann::json author = {{"name", comment.author_name}};
  if (!comment.author_id.empty()) author["id"] = comment.author_id;
  if (!comment.author_badges.empty()) author["badges"] = comment.author_badges;
  if (!comment.author_website.empty()) author["website"] = comment.author_website;
  return {
      {"id", comment.id},
      {"parent", NullableText(comment.parent)},
      {"author", author},
      {"body", comment.body},
      {"created", comment.created},
      {"edited", NullableText(comment.edited)},
      {"score", {{"up", comment.up}, {"down", comment.down}}},
      {"status", storage::StatusName(comment.status)},
      {"pinned", comment.pinned},
  };
}

nlohmann::json PublicComment(const storage::StoredComment& comment) {
  nlohmann::json json = CommentModel(comment);
  // Rendered here, by the same core, so a reader's browser shows comments without
  // downloading the markup renderer (docs/API.md).
  json["bodyHtml"] = core_adapters::RenderMarkup(comment.body);
  return json;
}

nlohmann::json OwnComment(const storage::StoredComment& comment) {
  nlohmann::json json = PublicComment(comment);
  bool explained = comment.status == storage::CommentStatus::kPending ||
                   comment.status == storage::CommentStatus::kRejected;
  if (explained && !comment.moderation_reason.empty()) {
    json["moderation"] = {{"reason", comment.moderation_reason},
                          {"note", NullableText(comment.moderation_note)}};
  }
  return json;
}

nlohmann::json RedactedComment(const storage::StoredComment& comment) {
  return {
      {"id", comment.id},
      {"parent", NullableText(comment.parent)},
      {"author", {{"name", ""}}},
      {"body", ""},
      {"bodyHtml", ""},
      {"created", comment.created},
      {"edited", nullptr},
      {"score", {{"up", 0}, {"down", 0}}},
      {"status", "deleted"},
      {"pinned", false},
  };
}

bool ViewerMaySee(const storage::StoredComment& comment, std::string_view viewer_id) {
  switch (comment.status) {
    case storage::CommentStatus::kPublished:
      return true;
    case storage::CommentStatus::kPending:
    case storage::CommentStatus::kRejected:
      // Their author keeps seeing them, with the reason (OwnComment); nobody else does.
      return !viewer_id.empty() && comment.author_id == viewer_id;
    case storage::CommentStatus::kDeleted:
      return false;
  }
  return false;
}

nlohmann::json PublicView(const std::vector<storage::StoredComment>& comments,
                          std::string_view viewer_id) {
  std::unordered_map<std::string_view, size_t> index_of;
  index_of.reserve(comments.size());
  for (size_t i = 0; i < comments.size(); ++i) index_of.emplace(comments[i].id, i);

  // Mark every comment that is visible or an ancestor of a visible one. Each walk up the
  // tree stops at the first comment already marked, so the whole pass is linear; the step
  // bound guards against a cycle in imported data.
  std::vector<bool> keep(comments.size(), false);
  std::vector<bool> visible(comments.size(), false);
  for (size_t i = 0; i < comments.size(); ++i) {
    if (!ViewerMaySee(comments[i], viewer_id)) continue;
    visible[i] = true;
    size_t at = i;
    for (size_t steps = 0; steps <= comments.size() && !keep[at]; ++steps) {
      keep[at] = true;
      auto parent = index_of.find(comments[at].parent);
      if (comments[at].parent.empty() || parent == index_of.end()) break;
      at = parent->second;
    }
  }
  nlohmann::json view = nlohmann::json::array();
  for (size_t i = 0; i < comments.size(); ++i) {
    if (!keep[i]) continue;
    if (!visible[i]) {
      view.push_back(RedactedComment(comments[i]));
    } else if (!viewer_id.empty() && comments[i].author_id == viewer_id) {
      view.push_back(OwnComment(comments[i]));
    } else {
      view.push_back(PublicComment(comments[i]));
    }
  }
  return view;
}

}  // namespace parley::api
