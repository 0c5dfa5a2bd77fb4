#include "parley/thread/comment.h"

#include "parley/json.h"
#include "parley/utf8.h"

namespace parley::thread {

namespace {

// Ids are opaque strings, but imports often carry numbers; both read as the same id text.
std::string IdFrom(const json::Value& value) {
  if (value.IsString()) return utf8::Sanitize(value.AsString());
  if (auto integer = value.AsInteger(INT64_MIN / 2, INT64_MAX / 2)) return std::to_string(*integer);
  return {};
}

int64_t CountFrom(const json::Value& value) {
  // Negative, fractional or absurd vote counts are data errors; they count as zero.
  return value.AsInteger(0, int64_t{1} << 40).value_or(0);
}

Status StatusFrom(std::string_view name) {
  if (name.empty() || name == "published") return Status::kPublished;
  if (name == "pending") return Status::kPending;
  if (name == "rejected") return Status::kRejected;
  if (name == "deleted") return Status::kDeleted;
  // A status we do not know (a newer server's, an import's "spam") must not publish the
  // comment: it is held like a pending one.
  return Status::kPending;
}

Author AuthorFrom(const json::Value& value) {
  Author author;
  // A bare string is accepted as the name, as some exports write `"author": "peter"`.
  const json::Value& name = value.IsString() ? value : value["name"];
  author.name = utf8::Sanitize(name.AsString());
  author.id = IdFrom(value["id"]);
  author.website = utf8::Sanitize(value["website"].AsString());
  for (const json::Value& badge : value["badges"].Items()) {
    if (badge.IsString() && !badge.AsString().empty()) {
      author.badges.push_back(utf8::Sanitize(badge.AsString()));
    }
  }
  return author;
}

}  // namespace

std::string_view StatusName(Status status) {
  switch (status) {
    case Status::kPublished: return "published";
    case Status::kPending: return "pending";
    case Status::kRejected: return "rejected";
    case Status::kDeleted: return "deleted";
  }
  return "published";
}

CommentList CommentsFromJson(const json::Value& document, std::string* error) {
  CommentList list;
  if (!document.IsArray()) {
    *error = "the comments must be a JSON array";
    return list;
  }
  list.comments.reserve(document.Items().size());
  for (const json::Value& entry : document.Items()) {
    Comment comment;
    comment.id = IdFrom(entry["id"]);
    if (!entry.IsObject() || comment.id.empty()) {
      ++list.skipped;
      continue;
    }
    comment.parent = IdFrom(entry["parent"]);
    comment.author = AuthorFrom(entry["author"]);
    comment.body = utf8::Sanitize(entry["body"].AsString());
    if (auto created = ParseRfc3339(entry["created"].AsString())) {
      comment.created = *created;
      comment.has_created = true;
    }
    if (auto edited = ParseRfc3339(entry["edited"].AsString())) {
      comment.edited = *edited;
      comment.has_edited = true;
    }
    const json::Value& score = entry["score"];
    if (score.IsObject()) {
      comment.upvotes = CountFrom(score["up"]);
      comment.downvotes = CountFrom(score["down"]);
    } else if (auto net = score.AsInteger(-(int64_t{1} << 40), int64_t{1} << 40)) {
      // A single net score, as simpler exports have: read as that many up or down votes.
      comment.upvotes = *net > 0 ? *net : 0;
      comment.downvotes = *net < 0 ? -*net : 0;
    }
    comment.status = StatusFrom(entry["status"].AsString());
    comment.pinned = entry["pinned"].AsBool();
    list.comments.push_back(std::move(comment));
  }
  return list;
}

}  // namespace parley::thread
