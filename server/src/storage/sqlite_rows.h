#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/model.h"
#include "storage/sqlite_connection.h"

// Row mapping and small queries the SQLite store's files share (sqlite_store.cpp for comments
// and threads, sqlite_moderation.cpp for moderation).
namespace parley::storage {

// Every comment query selects these columns in this order; ReadComment depends on it.
inline constexpr std::string_view kCommentSelect =
    "SELECT c.seq, c.id, t.key, p.id, c.author_name, c.author_id, c.author_badges, "
    "c.author_website, c.author_email, c.ip_hash, c.body, c.created, c.edited, c.up, c.down, "
    "c.status, c.pinned, c.flags, c.edit_token_hash, c.moderation_reason, c.moderation_note, "
    "c.moderated_by, c.moderated_at, c.flags_reviewed "
    "FROM comments c JOIN threads t ON t.seq = c.thread_seq "
    "LEFT JOIN comments p ON p.seq = c.parent_seq ";

// Badges are stored comma-joined.
std::vector<std::string> SplitBadges(const std::string& joined);
std::string JoinBadges(const std::vector<std::string>& badges);

// The comment in the current row of a kCommentSelect query.
StoredComment ReadComment(const SqliteStatement& row);

// Every remaining row of a kCommentSelect query.
std::vector<StoredComment> ReadAll(SqliteStatement& statement);

// The storage key of the thread named `key`.
std::optional<int64_t> ThreadSeq(SqliteConnection* connection, std::string_view key);

// Marks a thread changed, for ETags and the response cache.
void BumpRevision(SqliteConnection* connection, int64_t thread_seq);

// A comment's storage keys.
struct CommentKeys {
  int64_t seq;
  int64_t thread_seq;
  int64_t root_seq;
};

// The keys of the comment with public id `id`.
std::optional<CommentKeys> FindKeys(SqliteConnection* connection, std::string_view id);

}  // namespace parley::storage
