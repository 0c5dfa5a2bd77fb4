#include "storage/sqlite_rows.h"

namespace parley::storage {

std::vector<std::string> SplitBadges(const std::string& joined) {
  std::vector<std::string> badges;
  size_t start = 0;
  while (start < joined.size()) {
    size_t comma = joined.find(',', start);
    if (comma == std::string::npos) comma = joined.size();
    if (comma > start) badges.push_back(joined.substr(start, comma - start));
    start = comma + 1;
  }
  return badges;
}

std::string JoinBadges(const std::vector<std::string>& badges) {
  std::string joined;
  for (const std::string& badge : badges) {
    if (!joined.empty()) joined += ',';
    joined += badge;
  }
  return joined;
}

StoredComment ReadComment(const SqliteStatement& row) {
  StoredComment comment;
  comment.seq = row.Int(0);
  comment.id = row.Text(1);
  comment.thread = row.Text(2);
  comment.parent = row.Text(3);
  comment.author_name = row.Text(4);
  comment.author_id = row.Text(5);
  comment.author_badges = SplitBadges(row.Text(6));
  comment.author_website = row.Text(7);
  comment.author_email = row.Text(8);
  comment.ip_hash = row.Text(9);
  comment.body = row.Text(10);
  comment.created = row.Text(11);
  comment.edited = row.Text(12);
  comment.up = row.Int(13);
  comment.down = row.Int(14);
  comment.status = ParseStatus(row.Text(15)).value_or(CommentStatus::kPending);
  comment.pinned = row.Int(16) != 0;
  comment.flags = row.Int(17);
  comment.edit_token_hash = row.Text(18);
  comment.moderation_reason = row.Text(19);
  comment.moderation_note = row.Text(20);
  comment.moderated_by = row.Text(21);
  comment.moderated_at = row.Text(22);
  comment.flags_reviewed = row.Int(23);
  return comment;
}

std::vector<StoredComment> ReadAll(SqliteStatement& statement) {
  std::vector<StoredComment> comments;
  while (statement.Step()) comments.push_back(ReadComment(statement));
  return comments;
}

std::optional<int64_t> ThreadSeq(SqliteConnection* connection, std::string_view key) {
  SqliteStatement statement = connection->Prepare("SELECT seq FROM threads WHERE key = ?1");
  statement.Bind(1, key);
  if (!statement.Step()) return std::nullopt;
  return statement.Int(0);
}

void BumpRevision(SqliteConnection* connection, int64_t thread_seq) {
  SqliteStatement statement =
      connection->Prepare("UPDATE threads SET revision = revision + 1 WHERE seq = ?1");
  statement.Bind(1, thread_seq).Run();
}

std::optional<CommentKeys> FindKeys(SqliteConnection* connection, std::string_view id) {
  SqliteStatement statement =
      connection->Prepare("SELECT seq, thread_seq, root_seq FROM comments WHERE id = ?1");
  statement.Bind(1, id);
  if (!statement.Step()) return std::nullopt;
  return CommentKeys{statement.Int(0), statement.Int(1), statement.Int(2)};
}

}  // namespace parley::storage
