#include "parley/thread/comment.h"

#include "parley/json.h"
#include "parley/utf8.h"

#include "../text/decimal.h"
#include "../text/hot.h"

namespace parley::thread {

namespace {

// The fields of one comment entry, as views into the document. A single pass over the
// members fills them; a repeated key keeps its last value, as json lookups do.
struct Fields {
  json::View id, parent, author, body, body_html, created, edited, score, status, pinned;
};

Fields FieldsOf(json::View entry) {
  Fields fields;
  for (const json::MemberView& member : entry.Members()) {
    const std::string_view key = member.key;
    json::View* slot = nullptr;
    if (hot::Equal(key, "id")) slot = &fields.id;
    else if (hot::Equal(key, "parent")) slot = &fields.parent;
    else if (hot::Equal(key, "author")) slot = &fields.author;
    else if (hot::Equal(key, "body")) slot = &fields.body;
    else if (hot::Equal(key, "bodyHtml")) slot = &fields.body_html;
    else if (hot::Equal(key, "created")) slot = &fields.created;
    else if (hot::Equal(key, "edited")) slot = &fields.edited;
    else if (hot::Equal(key, "score")) slot = &fields.score;
    else if (hot::Equal(key, "status")) slot = &fields.status;
    else if (hot::Equal(key, "pinned")) slot = &fields.pinned;
    if (slot != nullptr) *slot = member.value;
  }
  return fields;
}

// `text` as utf8::Sanitize would make it, copied into `owned` only when that changes it (for
// JSON strings, which are valid UTF-8 already, only when they hold a forbidden control).
std::string_view Clean(std::string_view text, std::forward_list<std::string>* owned) {
  if (!utf8::NeedsSanitizing(text)) return text;
  owned->push_front(utf8::Sanitize(text));
  return owned->front();
}

// Ids are opaque strings, but imports often carry numbers; both read as the same id text.
std::string_view IdFrom(json::View value, std::forward_list<std::string>* owned) {
  if (value.IsString()) return Clean(value.AsString(), owned);
  if (auto integer = value.AsInteger(INT64_MIN / 2, INT64_MAX / 2)) {
    owned->push_front(text::Decimal(*integer));
    return owned->front();
  }
  return {};
}

int64_t CountFrom(json::View value) {
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

Author AuthorFrom(json::View value, std::forward_list<std::string>* owned) {
  Author author;
  // A bare string is accepted as the name, as some exports write `"author": "peter"`.
  if (value.IsString()) {
    author.name = Clean(value.AsString(), owned);
    return author;
  }
  json::View name, id, website, badges;
  for (const json::MemberView& member : value.Members()) {
    if (hot::Equal(member.key, "name")) name = member.value;
    else if (hot::Equal(member.key, "id")) id = member.value;
    else if (hot::Equal(member.key, "website")) website = member.value;
    else if (hot::Equal(member.key, "badges")) badges = member.value;
  }
  author.name = Clean(name.AsString(), owned);
  author.id = IdFrom(id, owned);
  author.website = Clean(website.AsString(), owned);
  for (json::View badge : badges.Items()) {
    if (badge.IsString() && !badge.AsString().empty()) author.badges.push_back(Clean(badge.AsString(), owned));
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

CommentList CommentsFromJson(json::View document, std::string* error) {
  CommentList list;
  if (!document.IsArray()) {
    *error = "the comments must be a JSON array";
    return list;
  }
  list.comments.reserve(document.size());
  for (json::View entry : document.Items()) {
    const Fields fields = FieldsOf(entry);
    Comment comment;
    comment.id = IdFrom(fields.id, &list.owned_text);
    if (!entry.IsObject() || comment.id.empty()) {
      ++list.skipped;
      continue;
    }
    comment.parent = IdFrom(fields.parent, &list.owned_text);
    comment.author = AuthorFrom(fields.author, &list.owned_text);
    comment.body = fields.body.AsString();  // the markup renderer sanitises it
    comment.body_html = fields.body_html.AsString();  // used only by ServerRenderedBody
    if (auto created = ParseRfc3339(fields.created.AsString())) {
      comment.created = *created;
      comment.has_created = true;
    }
    if (auto edited = ParseRfc3339(fields.edited.AsString())) {
      comment.edited = *edited;
      comment.has_edited = true;
    }
    if (fields.score.IsObject()) {
      comment.upvotes = CountFrom(fields.score["up"]);
      comment.downvotes = CountFrom(fields.score["down"]);
    } else if (auto net = fields.score.AsInteger(-(int64_t{1} << 40), int64_t{1} << 40)) {
      // A single net score, as simpler exports have: read as that many up or down votes.
      comment.upvotes = *net > 0 ? *net : 0;
      comment.downvotes = *net < 0 ? -*net : 0;
    }
    comment.status = StatusFrom(fields.status.AsString());
    comment.pinned = fields.pinned.AsBool();
    list.comments.push_back(std::move(comment));
  }
  return list;
}

}  // namespace parley::thread
