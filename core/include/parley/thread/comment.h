#pragma once

#include <cstdint>
#include <forward_list>
#include <string>
#include <string_view>
#include <vector>

#include "parley/json.h"
#include "parley/thread/timestamp.h"

namespace parley::thread {

// Where a comment stands in moderation.
enum class Status { kPublished, kPending, kRejected, kDeleted };

// Who wrote a comment, as readers may see it (never an email or IP).
struct Author {
  std::string_view name;
  std::string_view id;                   // opaque identity id; empty for anonymous imports
  std::vector<std::string_view> badges;  // e.g. "staff", "verified", "moderator"
  std::string_view website;              // shown as a link only if http or https
};

// One comment as the thread builder sees it. The strings are views (into the JSON text the
// comments were read from, or into CommentList::owned_text), so reading a thread copies no
// text; whoever makes Comments keeps that text alive while they are used. They are valid
// UTF-8 without forbidden control characters (utf8::Sanitize), except the body, which the
// markup renderer sanitises itself.
struct Comment {
  std::string_view id;
  std::string_view parent;  // empty for a top-level comment
  Author author;
  std::string_view body;  // markup source
  // The body's HTML as Parley's server rendered it (`bodyHtml` in the JSON): what the reading
  // module shows, so a reader's browser need not download the markup renderer. Trusted as it
  // is, so only ServerRenderedBody (render.h) reads it, and only the widget asks for that.
  std::string_view body_html;
  Timestamp created;
  bool has_created = false;  // false when the input had no valid RFC 3339 date
  Timestamp edited;
  bool has_edited = false;
  int64_t upvotes = 0;
  int64_t downvotes = 0;
  Status status = Status::kPublished;
  bool pinned = false;
};

// Comments read from JSON, and how many entries had to be skipped (not an object, no id).
struct CommentList {
  std::vector<Comment> comments;
  size_t skipped = 0;
  // Text the JSON did not hold as such: numeric ids written as text, strings whose control
  // characters were replaced. A list, so the comments' views stay put as it grows or moves.
  std::forward_list<std::string> owned_text;
};

// Reads the JSON array of comments (the model in docs/THREADS.md). Bad entries are skipped and
// counted, bad fields take safe defaults; only a document that is not an array is an error,
// reported in `error`. The comments view `document`'s text, which must outlive them.
CommentList CommentsFromJson(json::View document, std::string* error);

// The status's name in the JSON model ("published", ...).
std::string_view StatusName(Status status);

}  // namespace parley::thread
