#pragma once

#include <cstdint>
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
  std::string name;
  std::string id;                   // opaque identity id; empty for anonymous imports
  std::vector<std::string> badges;  // e.g. "staff", "verified", "moderator"
  std::string website;              // shown as a link only if http or https
};

// One comment as the thread builder sees it. Strings are valid UTF-8.
struct Comment {
  std::string id;
  std::string parent;  // empty for a top-level comment
  Author author;
  std::string body;  // markup source
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
};

// Reads the JSON array of comments (the model in docs/THREADS.md). Bad entries are skipped and
// counted, bad fields take safe defaults; only a document that is not an array is an error,
// reported in `error`.
CommentList CommentsFromJson(const json::Value& document, std::string* error);

// The status's name in the JSON model ("published", ...).
std::string_view StatusName(Status status);

}  // namespace parley::thread
