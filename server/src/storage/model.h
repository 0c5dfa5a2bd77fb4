#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// What the store keeps. The public comment model (docs/API.md) is a view of StoredComment
// without its private fields; the JSON mapping lives in api/comment_json.h.
namespace parley::storage {

// Where a comment stands in moderation.
enum class CommentStatus { kPublished, kPending, kRejected, kDeleted };

// The status's name in JSON and in the database ("published", ...).
std::string_view StatusName(CommentStatus status);

// The status named `name`, or nullopt.
std::optional<CommentStatus> ParseStatus(std::string_view name);

// One comment with everything the server knows about it.
struct StoredComment {
  int64_t seq = 0;     // storage order; internal, never in public output
  std::string id;      // public, opaque (see docs/API.md, "Comment ids")
  std::string thread;  // the thread's key, e.g. "article-123"
  std::string parent;  // the parent comment's id; empty for a top-level comment
  std::string author_name;
  std::string author_id;  // opaque identity id; empty for anonymous imports
  std::vector<std::string> author_badges;
  std::string author_website;
  std::string author_email;  // private: never in public output
  std::string ip_hash;       // private: salted hash of the poster's IP address
  std::string body;          // markup source
  std::string created;       // RFC 3339, UTC, whole seconds
  std::string edited;        // empty when never edited
  int64_t up = 0;
  int64_t down = 0;
  CommentStatus status = CommentStatus::kPublished;
  bool pinned = false;
  int64_t flags = 0;            // distinct identities that flagged it
  std::string edit_token_hash;  // private: hex SHA-256 of the edit token
  // Why the comment is held ("policy", "mode", "flags") or was rejected ("spam", ...); empty
  // when neither. Shown to its author only.
  std::string moderation_reason;
  std::string moderation_note;  // a moderator's note to the author (rejections)
  std::string moderated_by;     // the moderator who last decided on it
  std::string moderated_at;
  int64_t flags_reviewed = 0;  // flags a moderator has already seen (approving reviews them)
};

// A thread as the API reports it. Threads are created by their first comment.
struct ThreadInfo {
  std::string key;
  std::string created;
  int64_t revision = 0;  // bumped by every change to the thread's comments (for ETags)
  int64_t published = 0;
};

// The orders a page of top-level comments can be read in: the core thread builder's orders
// (parley/thread/page.h), so a page of JSON and the server-rendered HTML agree. Pinned comments
// lead; then oldest: created, id ascending; newest: created, id descending; best: rank
// descending (the store's rank function of the votes), then created, id descending.
enum class SortOrder { kOldest, kNewest, kBest };

// Ranks a comment for SortOrder::kBest from its votes; higher comes first.
using RankFunction = int64_t (*)(int64_t up, int64_t down);

// Where the previous page ended: the sort key of its last top-level comment.
struct PageCursor {
  bool pinned = false;
  int64_t rank = 0;  // used by kBest only
  std::string created;
  std::string id;
};

// A request for one page of a thread: `limit` top-level comments after `after`, each with all
// of its replies. `viewer_id` sees their own pending comments.
struct PageQuery {
  std::string thread;
  SortOrder sort = SortOrder::kOldest;
  int64_t limit = 50;
  std::optional<PageCursor> after;
  std::string viewer_id;
};

// One page: the top-level comments in order, then their replies in creation order. Includes
// comments the viewer may not see when they have visible replies (the caller redacts them).
struct CommentPage {
  std::vector<StoredComment> comments;
  std::optional<PageCursor> next;  // set when there are more top-level comments
};

// A change to an existing comment's text or state.
struct CommentUpdate {
  std::string id;
  std::optional<std::string> body;
  std::optional<CommentStatus> status;
  std::optional<std::string> edited;
  std::optional<std::string> moderation_reason;  // set with a new hold ("policy", "mode")
};

// The outcome of a vote: the comment's new tallies.
struct VoteTally {
  int64_t up = 0;
  int64_t down = 0;
};

// The outcome of a flag.
struct FlagOutcome {
  bool counted = false;         // false when this identity had already flagged the comment
  bool sent_to_review = false;  // the flag crossed the threshold and the comment was held
};

// What a ban matches.
enum class BanKind { kIdentity, kEmail, kIp };

// The kind's name ("identity", "email", "ip").
std::string_view BanKindName(BanKind kind);

// The kind named `name`, or nullopt.
std::optional<BanKind> ParseBanKind(std::string_view name);

// A ban on an identity id, an email address or an IP address (stored as its salted hash).
struct Ban {
  BanKind kind = BanKind::kIdentity;
  std::string value;
  std::string reason;
  std::string created;
  std::string expires;  // empty for a permanent ban
};

// What an import did.
struct ImportCounts {
  int64_t threads_created = 0;
  int64_t comments_added = 0;
  int64_t comments_skipped = 0;  // already present (same id): never overwritten
};

// A moderator account; the password only as its scrypt hash (moderation/password_hash.h).
struct Moderator {
  std::string name;
  std::string password_hash;
  std::string created;
};

// A signed-in moderator's session: the cookie's token is kept only as its SHA-256.
struct ModeratorSession {
  std::string token_hash;  // hex SHA-256 of the cookie value
  std::string moderator;
  std::string csrf_token;  // must come back in X-Parley-CSRF on state-changing requests
  std::string created;
  std::string expires;
};

// One line of the audit log: who did what to which target, when and why.
struct AuditEntry {
  int64_t id = 0;  // increasing
  std::string at;
  std::string moderator;
  std::string action;   // "approve", "reject", "ban", "login", ...
  std::string target;   // a comment id, a thread key, "identity:g...", ...
  std::string reason;
  std::string details;  // a JSON object
};

// A moderator's settings for one thread (threads need not exist yet).
struct ThreadSettings {
  bool closed = false;
  std::string moderation;       // a moderation mode's name; empty for the site's
  int64_t auto_close_days = 0;  // closes this many days after the thread's creation; 0 never
};

// The moderation queues.
enum class QueueKind {
  kHeld,      // pending, oldest first
  kFlagged,   // published with flags no moderator has reviewed, oldest first
  kRejected,  // rejected, newest first
  kAll,       // everything, newest first
};

// One page of a queue: `limit` comments after storage position `after_seq` (0: the start).
struct QueueQuery {
  QueueKind kind = QueueKind::kHeld;
  std::string thread;  // only this thread when set
  int64_t limit = 50;
  int64_t after_seq = 0;
};

// A page of a queue; `next_seq` is where the following page starts (0: none).
struct QueuePage {
  std::vector<StoredComment> comments;
  int64_t next_seq = 0;
};

// How many comments wait in each queue.
struct QueueCounts {
  int64_t held = 0;
  int64_t flagged = 0;
  int64_t rejected = 0;
};

// One reader's flag on a comment.
struct FlagRecord {
  std::string reason;
  std::string note;
  std::string created;
};

// A moderator's decision on one comment; unset members stay as they are.
struct ModerationChange {
  std::string id;
  std::optional<CommentStatus> status;
  std::optional<bool> pinned;
  std::optional<std::string> body;
  std::optional<std::string> reason;  // moderation_reason
  std::optional<std::string> note;
  std::string by;
  std::string at;
  bool review_flags = false;  // marks every flag so far as seen
};

// Comments of one UTC day ("YYYY-MM-DD") by what became of them.
struct DayCounts {
  std::string day;
  int64_t comments = 0;  // created that day
  int64_t held = 0;      // of those, held for review at some point
  int64_t rejected = 0;  // of those, rejected by a moderator
  int64_t flagged = 0;   // of those, flagged by readers
};

}  // namespace parley::storage
