// The SqliteStore's moderation half: moderators, sessions, the audit log, thread settings,
// the queues and moderators' decisions (the comment half is sqlite_store.cpp).
#include "storage/sqlite_rows.h"
#include "storage/sqlite_store.h"

namespace parley::storage {

namespace {

// The queues' filters and orders. Held and flagged comments are worked through oldest first;
// rejected and all are looked back on, newest first. Storage order (seq) follows creation.
struct QueueShape {
  std::string_view where;
  bool newest_first;
};

QueueShape ShapeOf(QueueKind kind) {
  switch (kind) {
    case QueueKind::kHeld:
      return {"c.status = 'pending'", false};
    case QueueKind::kFlagged:
      return {"c.status = 'published' AND c.flags > c.flags_reviewed", false};
    case QueueKind::kRejected:
      return {"c.status = 'rejected'", true};
    case QueueKind::kAll:
      break;
  }
  return {"1 = 1", true};
}

AuditEntry ReadAudit(const SqliteStatement& row) {
  return AuditEntry{row.Int(0),  row.Text(1), row.Text(2), row.Text(3),
                    row.Text(4), row.Text(5), row.Text(6)};
}

constexpr std::string_view kAuditSelect =
    "SELECT id, at, moderator, action, target, reason, details FROM audit_log ";

}  // namespace

std::optional<std::string> SqliteStore::FindSetting(std::string_view key) {
  ReadLease reader = AcquireReader();
  SqliteStatement statement = reader->Prepare("SELECT value FROM settings WHERE key = ?1");
  statement.Bind(1, key);
  if (!statement.Step()) return std::nullopt;
  return statement.Text(0);
}

void SqliteStore::PutSetting(std::string_view key, std::string_view value) {
  std::lock_guard<std::mutex> lock(write_mutex_);
  SqliteTransaction transaction(writer_.get());
  SqliteStatement statement = writer_->Prepare(
      "INSERT INTO settings (key, value) VALUES (?1, ?2) "
      "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  statement.Bind(1, key).Bind(2, value).Run();
  transaction.Commit();
}

bool SqliteStore::AddModerator(const Moderator& moderator) {
  std::lock_guard<std::mutex> lock(write_mutex_);
  SqliteTransaction transaction(writer_.get());
  SqliteStatement statement = writer_->Prepare(
      "INSERT INTO moderators (name, password_hash, created) VALUES (?1, ?2, ?3) "
      "ON CONFLICT DO NOTHING");
  statement.Bind(1, moderator.name).Bind(2, moderator.password_hash).Bind(3, moderator.created);
  statement.Run();
  bool added = writer_->Changes() > 0;
  transaction.Commit();
  return added;
}

bool SqliteStore::RemoveModerator(std::string_view name) {
  std::lock_guard<std::mutex> lock(write_mutex_);
  SqliteTransaction transaction(writer_.get());
  SqliteStatement remove = writer_->Prepare("DELETE FROM moderators WHERE name = ?1");
  remove.Bind(1, name).Run();
  bool removed = writer_->Changes() > 0;
  SqliteStatement sessions = writer_->Prepare("DELETE FROM moderator_sessions WHERE moderator = ?1");
  sessions.Bind(1, name).Run();
  transaction.Commit();
  return removed;
}

std::optional<Moderator> SqliteStore::FindModerator(std::string_view name) {
  ReadLease reader = AcquireReader();
  SqliteStatement statement =
      reader->Prepare("SELECT name, password_hash, created FROM moderators WHERE name = ?1");
  statement.Bind(1, name);
  if (!statement.Step()) return std::nullopt;
  return Moderator{statement.Text(0), statement.Text(1), statement.Text(2)};
}

std::vector<Moderator> SqliteStore::ListModerators() {
  ReadLease reader = AcquireReader();
  SqliteStatement statement =
      reader->Prepare("SELECT name, password_hash, created FROM moderators ORDER BY name");
  std::vector<Moderator> moderators;
  while (statement.Step()) {
    moderators.push_back(Moderator{statement.Text(0), statement.Text(1), statement.Text(2)});
  }
  return moderators;
}

void SqliteStore::CreateSession(const ModeratorSession& session) {
  std::lock_guard<std::mutex> lock(write_mutex_);
  SqliteTransaction transaction(writer_.get());
  SqliteStatement expired = writer_->Prepare("DELETE FROM moderator_sessions WHERE expires <= ?1");
  expired.Bind(1, session.created).Run();
  SqliteStatement insert = writer_->Prepare(
      "INSERT INTO moderator_sessions (token_hash, moderator, csrf_token, created, expires) "
      "VALUES (?1, ?2, ?3, ?4, ?5)");
  insert.Bind(1, session.token_hash)
      .Bind(2, session.moderator)
      .Bind(3, session.csrf_token)
      .Bind(4, session.created)
      .Bind(5, session.expires)
      .Run();
  transaction.Commit();
}

std::optional<ModeratorSession> SqliteStore::FindSession(std::string_view token_hash,
                                                         std::string_view now) {
  ReadLease reader = AcquireReader();
  // The moderator must still exist: removing an account ends its sessions at once.
  SqliteStatement statement = reader->Prepare(
      "SELECT s.token_hash, s.moderator, s.csrf_token, s.created, s.expires "
      "FROM moderator_sessions s JOIN moderators m ON m.name = s.moderator "
      "WHERE s.token_hash = ?1 AND s.expires > ?2");
  statement.Bind(1, token_hash).Bind(2, now);
  if (!statement.Step()) return std::nullopt;
  return ModeratorSession{statement.Text(0), statement.Text(1), statement.Text(2),
                          statement.Text(3), statement.Text(4)};
}

void SqliteStore::DeleteSession(std::string_view token_hash) {
  std::lock_guard<std::mutex> lock(write_mutex_);
  SqliteTransaction transaction(writer_.get());
  SqliteStatement statement =
      writer_->Prepare("DELETE FROM moderator_sessions WHERE token_hash = ?1");
  statement.Bind(1, token_hash).Run();
  transaction.Commit();
}

void SqliteStore::AppendAudit(AuditEntry* entry) {
  std::lock_guard<std::mutex> lock(write_mutex_);
  SqliteTransaction transaction(writer_.get());
  SqliteStatement statement = writer_->Prepare(
      "INSERT INTO audit_log (at, moderator, action, target, reason, details) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  statement.Bind(1, entry->at)
      .Bind(2, entry->moderator)
      .Bind(3, entry->action)
      .Bind(4, entry->target)
      .Bind(5, entry->reason)
      .Bind(6, entry->details.empty() ? std::string_view("{}") : std::string_view(entry->details))
      .Run();
  entry->id = writer_->LastInsertRowId();
  transaction.Commit();
}

std::vector<AuditEntry> SqliteStore::ListAudit(int64_t limit, int64_t before) {
  ReadLease reader = AcquireReader();
  SqliteStatement statement = reader->Prepare(
      std::string(kAuditSelect) + "WHERE ?1 = 0 OR id < ?1 ORDER BY id DESC LIMIT ?2");
  statement.Bind(1, before).Bind(2, limit);
  std::vector<AuditEntry> entries;
  while (statement.Step()) entries.push_back(ReadAudit(statement));
  return entries;
}

std::vector<AuditEntry> SqliteStore::ExportAudit() {
  ReadLease reader = AcquireReader();
  SqliteStatement statement = reader->Prepare(std::string(kAuditSelect) + "ORDER BY id");
  std::vector<AuditEntry> entries;
  while (statement.Step()) entries.push_back(ReadAudit(statement));
  return entries;
}

ThreadSettings SqliteStore::GetThreadSettings(std::string_view key) {
  ReadLease reader = AcquireReader();
  SqliteStatement statement = reader->Prepare(
      "SELECT closed, moderation, auto_close_days FROM thread_settings WHERE key = ?1");
  statement.Bind(1, key);
  ThreadSettings settings;
  if (statement.Step()) {
    settings.closed = statement.Int(0) != 0;
    settings.moderation = statement.Text(1);
    settings.auto_close_days = statement.Int(2);
  }
  return settings;
}

void SqliteStore::PutThreadSettings(std::string_view key, const ThreadSettings& settings) {
  std::lock_guard<std::mutex> lock(write_mutex_);
  SqliteTransaction transaction(writer_.get());
  SqliteStatement statement = writer_->Prepare(
      "INSERT INTO thread_settings (key, closed, moderation, auto_close_days) "
      "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (key) DO UPDATE SET closed = excluded.closed, "
      "moderation = excluded.moderation, auto_close_days = excluded.auto_close_days");
  statement.Bind(1, key)
      .Bind(2, int64_t{settings.closed ? 1 : 0})
      .BindOrNull(3, settings.moderation);
  if (settings.auto_close_days > 0) {
    statement.Bind(4, settings.auto_close_days);
  } else {
    statement.BindNull(4);
  }
  statement.Run();
  // Closing a thread changes what its pages say to writers: caches must see a new revision.
  if (std::optional<int64_t> thread = ThreadSeq(writer_.get(), key)) {
    BumpRevision(writer_.get(), *thread);
  }
  transaction.Commit();
}

QueuePage SqliteStore::ListQueue(const QueueQuery& query) {
  QueueShape shape = ShapeOf(query.kind);
  std::string sql(kCommentSelect);
  sql += "WHERE " + std::string(shape.where) + " AND (?1 = '' OR t.key = ?1)";
  sql += shape.newest_first ? " AND (?2 = 0 OR c.seq < ?2) ORDER BY c.seq DESC"
                            : " AND c.seq > ?2 ORDER BY c.seq ASC";
  sql += " LIMIT ?3";
  ReadLease reader = AcquireReader();
  SqliteStatement statement = reader->Prepare(sql);
  statement.Bind(1, query.thread).Bind(2, query.after_seq).Bind(3, query.limit + 1);
  QueuePage page;
  page.comments = ReadAll(statement);
  if (static_cast<int64_t>(page.comments.size()) > query.limit) {
    page.comments.resize(static_cast<size_t>(query.limit));
    page.next_seq = page.comments.back().seq;
  }
  return page;
}

QueueCounts SqliteStore::CountQueues(std::string_view thread) {
  ReadLease reader = AcquireReader();
  SqliteStatement statement = reader->Prepare(
      "SELECT COALESCE(SUM(c.status = 'pending'), 0), "
      "COALESCE(SUM(c.status = 'published' AND c.flags > c.flags_reviewed), 0), "
      "COALESCE(SUM(c.status = 'rejected'), 0) "
      "FROM comments c JOIN threads t ON t.seq = c.thread_seq "
      "WHERE c.status IN ('pending', 'published', 'rejected') AND (?1 = '' OR t.key = ?1)");
  statement.Bind(1, thread);
  QueueCounts counts;
  if (statement.Step()) counts = QueueCounts{statement.Int(0), statement.Int(1), statement.Int(2)};
  return counts;
}

std::vector<FlagRecord> SqliteStore::ListFlags(std::string_view comment_id) {
  ReadLease reader = AcquireReader();
  SqliteStatement statement = reader->Prepare(
      "SELECT f.reason, f.note, f.created FROM flags f JOIN comments c ON c.seq = f.comment_seq "
      "WHERE c.id = ?1 ORDER BY f.created, f.identity_id");
  statement.Bind(1, comment_id);
  std::vector<FlagRecord> flags;
  while (statement.Step()) {
    flags.push_back(FlagRecord{statement.Text(0), statement.Text(1), statement.Text(2)});
  }
  return flags;
}

std::optional<StoredComment> SqliteStore::Moderate(const ModerationChange& change) {
  std::lock_guard<std::mutex> lock(write_mutex_);
  SqliteTransaction transaction(writer_.get());
  std::optional<CommentKeys> keys = FindKeys(writer_.get(), change.id);
  if (!keys) return std::nullopt;
  SqliteStatement update = writer_->Prepare(
      "UPDATE comments SET status = COALESCE(?2, status), pinned = COALESCE(?3, pinned), "
      "body = COALESCE(?4, body), moderation_reason = COALESCE(?5, moderation_reason), "
      "moderation_note = COALESCE(?6, moderation_note), moderated_by = ?7, moderated_at = ?8, "
      "flags_reviewed = CASE WHEN ?9 THEN flags ELSE flags_reviewed END WHERE seq = ?1");
  update.Bind(1, keys->seq);
  if (change.status) {
    update.Bind(2, StatusName(*change.status));
  } else {
    update.BindNull(2);
  }
  if (change.pinned) {
    update.Bind(3, int64_t{*change.pinned ? 1 : 0});
  } else {
    update.BindNull(3);
  }
  if (change.body) {
    update.Bind(4, *change.body);
  } else {
    update.BindNull(4);
  }
  if (change.reason) {
    update.Bind(5, *change.reason);
  } else {
    update.BindNull(5);
  }
  if (change.note) {
    update.Bind(6, *change.note);
  } else {
    update.BindNull(6);
  }
  update.Bind(7, change.by).Bind(8, change.at).Bind(9, int64_t{change.review_flags ? 1 : 0});
  update.Run();
  BumpRevision(writer_.get(), keys->thread_seq);
  SqliteStatement read = writer_->Prepare(std::string(kCommentSelect) + "WHERE c.seq = ?1");
  read.Bind(1, keys->seq);
  std::optional<StoredComment> result;
  if (read.Step()) result = ReadComment(read);
  transaction.Commit();
  return result;
}

std::vector<StoredComment> SqliteStore::ListByAuthor(std::string_view identity_id,
                                                     int64_t limit) {
  ReadLease reader = AcquireReader();
  SqliteStatement statement = reader->Prepare(
      std::string(kCommentSelect) + "WHERE c.author_id = ?1 ORDER BY c.created DESC, c.seq DESC "
                                    "LIMIT ?2");
  statement.Bind(1, identity_id).Bind(2, limit);
  return ReadAll(statement);
}

std::vector<DayCounts> SqliteStore::CountDays(std::string_view first_day,
                                              std::string_view last_day) {
  ReadLease reader = AcquireReader();
  // Times are RFC 3339 UTC text, so a day is the first ten characters and ranges compare as
  // text; "~" sorts after every time of the last day.
  SqliteStatement statement = reader->Prepare(
      "SELECT substr(created, 1, 10) AS day, COUNT(*), SUM(held), SUM(status = 'rejected'), "
      "SUM(flags > 0) FROM comments WHERE created >= ?1 AND created < ?2 || '~' "
      "GROUP BY day ORDER BY day");
  statement.Bind(1, first_day).Bind(2, last_day);
  std::vector<DayCounts> days;
  while (statement.Step()) {
    days.push_back(DayCounts{statement.Text(0), statement.Int(1), statement.Int(2),
                             statement.Int(3), statement.Int(4)});
  }
  return days;
}

}  // namespace parley::storage
