#include "storage/sqlite_store.h"

#include <utility>

#include "storage/sqlite_migrations.h"
#include "storage/sqlite_rows.h"

namespace parley::storage {

namespace {

// One component of a page's order and the statement parameter its cursor value binds to.
struct SortKey {
  std::string_view expression;
  bool descending;
  int parameter;
};

std::vector<SortKey> SortKeys(SortOrder sort) {
  // The core's orders (see SortOrder). Ties end on the id, which is unique, so the order is
  // total and a cursor names exactly one position; SQLite compares text bytewise, as
  // std::string does in the core.
  switch (sort) {
    case SortOrder::kNewest:
      return {{"c.pinned", true, 3}, {"c.created", true, 5}, {"c.id", true, 6}};
    case SortOrder::kBest:
      return {{"c.pinned", true, 3},
              {"parley_rank(c.up, c.down)", true, 4},
              {"c.created", true, 5},
              {"c.id", true, 6}};
    case SortOrder::kOldest:
      break;
  }
  return {{"c.pinned", true, 3}, {"c.created", false, 5}, {"c.id", false, 6}};
}

// "Comes after the cursor" in lexicographic order over `keys`, for keyset pagination:
// k1 > v1 OR (k1 = v1 AND (k2 > v2 OR (k2 = v2 AND ...))), with < for descending keys.
std::string AfterCursorCondition(const std::vector<SortKey>& keys, size_t index = 0) {
  const SortKey& key = keys[index];
  std::string parameter = "?" + std::to_string(key.parameter);
  std::string comparison =
      std::string(key.expression) + (key.descending ? " < " : " > ") + parameter;
  if (index + 1 == keys.size()) return comparison;
  return "(" + comparison + " OR (" + std::string(key.expression) + " = " + parameter + " AND " +
         AfterCursorCondition(keys, index + 1) + "))";
}

std::string PageSql(SortOrder sort, bool has_cursor) {
  // A top-level comment belongs on a page when the viewer may see it (their own held and
  // rejected comments included) or any of its replies;
  // a hidden one with visible replies is shown redacted so the replies keep their place.
  std::string visible =
      "(%.status = 'published' OR (%.status IN ('pending', 'rejected') AND ?2 <> '' AND "
      "%.author_id = ?2))";
  auto visible_as = [&](char alias) {
    std::string text = visible;
    for (size_t at = text.find('%'); at != std::string::npos; at = text.find('%', at)) {
      text[at] = alias;
    }
    return text;
  };
  std::vector<SortKey> keys = SortKeys(sort);
  std::string sql(kCommentSelect);
  sql += "WHERE c.thread_seq = ?1 AND c.parent_seq IS NULL AND (" + visible_as('c') +
         " OR EXISTS (SELECT 1 FROM comments d WHERE d.root_seq = c.seq AND d.seq <> c.seq AND " +
         visible_as('d') + "))";
  if (has_cursor) sql += " AND " + AfterCursorCondition(keys);
  sql += " ORDER BY ";
  for (size_t i = 0; i < keys.size(); ++i) {
    if (i > 0) sql += ", ";
    sql += std::string(keys[i].expression) + (keys[i].descending ? " DESC" : " ASC");
  }
  sql += " LIMIT ?7";
  return sql;
}

// The thread's seq, creating the thread if needed; `created` is set when it was created.
int64_t EnsureThread(SqliteConnection* connection, std::string_view key, std::string_view now,
                     bool* created) {
  if (auto seq = ThreadSeq(connection, key)) {
    *created = false;
    return *seq;
  }
  SqliteStatement insert =
      connection->Prepare("INSERT INTO threads (key, created, revision) VALUES (?1, ?2, 0)");
  insert.Bind(1, key).Bind(2, now).Run();
  *created = true;
  return connection->LastInsertRowId();
}

// Inserts `comment` into the thread `thread_seq` under `parent` (if any) and sets its seq.
void InsertRow(SqliteConnection* connection, StoredComment* comment, int64_t thread_seq,
               const std::optional<CommentKeys>& parent) {
  SqliteStatement insert = connection->Prepare(
      "INSERT INTO comments (id, thread_seq, parent_seq, root_seq, author_name, author_id, "
      "author_badges, author_website, author_email, ip_hash, body, created, edited, up, down, "
      "status, pinned, flags, edit_token_hash, moderation_reason) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
      "?19, ?20)");
  insert.Bind(1, comment->id).Bind(2, thread_seq);
  if (parent) {
    insert.Bind(3, parent->seq).Bind(4, parent->root_seq);
  } else {
    insert.BindNull(3).Bind(4, int64_t{0});
  }
  insert.Bind(5, comment->author_name)
      .Bind(6, comment->author_id)
      .Bind(7, JoinBadges(comment->author_badges))
      .Bind(8, comment->author_website)
      .Bind(9, comment->author_email)
      .Bind(10, comment->ip_hash)
      .Bind(11, comment->body)
      .Bind(12, comment->created)
      .BindOrNull(13, comment->edited)
      .Bind(14, comment->up)
      .Bind(15, comment->down)
      .Bind(16, StatusName(comment->status))
      .Bind(17, int64_t{comment->pinned ? 1 : 0})
      .Bind(18, comment->flags)
      .Bind(19, comment->edit_token_hash)
      .Bind(20, comment->moderation_reason)
      .Run();
  comment->seq = connection->LastInsertRowId();
  if (!parent) {
    // A top-level comment is its own root; the seq is known only after the insert.
    SqliteStatement root = connection->Prepare("UPDATE comments SET root_seq = seq WHERE seq = ?1");
    root.Bind(1, comment->seq).Run();
  }
}

}  // namespace

SqliteStore::ReadLease::ReadLease(SqliteStore* store, std::unique_ptr<SqliteConnection> connection)
    : store_(store), connection_(std::move(connection)) {}

SqliteStore::ReadLease::~ReadLease() { store_->ReleaseReader(std::move(connection_)); }

SqliteStore::SqliteStore(std::string path, RankFunction rank)
    : path_(std::move(path)), rank_(rank) {
  writer_ = std::make_unique<SqliteConnection>(path_, rank_);
  MigrateSqlite(writer_.get());
}

SqliteStore::~SqliteStore() = default;

SqliteStore::ReadLease SqliteStore::AcquireReader() {
  {
    std::lock_guard<std::mutex> lock(readers_mutex_);
    if (!idle_readers_.empty()) {
      std::unique_ptr<SqliteConnection> connection = std::move(idle_readers_.back());
      idle_readers_.pop_back();
      return ReadLease(this, std::move(connection));
    }
  }
  // The pool grows to the number of threads reading at once (bounded by the server's thread
  // pool) and keeps those connections with their prepared statements.
  return ReadLease(this, std::make_unique<SqliteConnection>(path_, rank_));
}

void SqliteStore::ReleaseReader(std::unique_ptr<SqliteConnection> connection) {
  if (connection == nullptr) return;
  std::lock_guard<std::mutex> lock(readers_mutex_);
  idle_readers_.push_back(std::move(connection));
}

std::string SqliteStore::GetOrCreateSetting(std::string_view key,
                                            const std::function<std::string()>& make) {
  std::lock_guard<std::mutex> lock(write_mutex_);
  SqliteTransaction transaction(writer_.get());
  SqliteStatement select = writer_->Prepare("SELECT value FROM settings WHERE key = ?1");
  select.Bind(1, key);
  if (select.Step()) return select.Text(0);
  std::string value = make();
  SqliteStatement insert = writer_->Prepare("INSERT INTO settings (key, value) VALUES (?1, ?2)");
  insert.Bind(1, key).Bind(2, value).Run();
  transaction.Commit();
  return value;
}

std::optional<ThreadInfo> SqliteStore::FindThread(std::string_view key) {
  ReadLease reader = AcquireReader();
  SqliteStatement statement = reader->Prepare(
      "SELECT t.key, t.created, t.revision, (SELECT COUNT(*) FROM comments c "
      "WHERE c.thread_seq = t.seq AND c.status = 'published') FROM threads t WHERE t.key = ?1");
  statement.Bind(1, key);
  if (!statement.Step()) return std::nullopt;
  return ThreadInfo{statement.Text(0), statement.Text(1), statement.Int(2), statement.Int(3)};
}

std::vector<int64_t> SqliteStore::CountPublished(const std::vector<std::string>& keys) {
  ReadLease reader = AcquireReader();
  std::vector<int64_t> counts;
  counts.reserve(keys.size());
  for (const std::string& key : keys) {
    SqliteStatement statement = reader->Prepare(
        "SELECT COUNT(*) FROM comments c JOIN threads t ON t.seq = c.thread_seq "
        "WHERE t.key = ?1 AND c.status = 'published'");
    statement.Bind(1, key);
    counts.push_back(statement.Step() ? statement.Int(0) : 0);
  }
  return counts;
}

InsertError SqliteStore::InsertComment(StoredComment* comment) {
  std::lock_guard<std::mutex> lock(write_mutex_);
  SqliteTransaction transaction(writer_.get());
  if (FindKeys(writer_.get(), comment->id)) return InsertError::kDuplicateId;
  bool thread_created = false;
  int64_t thread_seq =
      EnsureThread(writer_.get(), comment->thread, comment->created, &thread_created);
  std::optional<CommentKeys> parent;
  if (!comment->parent.empty()) {
    parent = FindKeys(writer_.get(), comment->parent);
    // Checked again here, inside the write lock, although handlers check first: the parent
    // must exist in this very thread when the reply is committed.
    if (!parent || parent->thread_seq != thread_seq) return InsertError::kParentNotFound;
  }
  InsertRow(writer_.get(), comment, thread_seq, parent);
  BumpRevision(writer_.get(), thread_seq);
  transaction.Commit();
  return InsertError::kNone;
}

std::optional<StoredComment> SqliteStore::FindComment(std::string_view id) {
  ReadLease reader = AcquireReader();
  SqliteStatement statement = reader->Prepare(std::string(kCommentSelect) + "WHERE c.id = ?1");
  statement.Bind(1, id);
  if (!statement.Step()) return std::nullopt;
  return ReadComment(statement);
}

CommentPage SqliteStore::ListPage(const PageQuery& query) {
  CommentPage page;
  ReadLease reader = AcquireReader();
  std::optional<int64_t> thread_seq = ThreadSeq(reader.get(), query.thread);
  if (!thread_seq || query.limit <= 0) return page;

  std::vector<StoredComment> roots;
  {
    SqliteStatement statement = reader->Prepare(PageSql(query.sort, query.after.has_value()));
    statement.Bind(1, *thread_seq).Bind(2, query.viewer_id);
    if (query.after) {
      statement.Bind(3, int64_t{query.after->pinned ? 1 : 0})
          .Bind(4, query.after->rank)
          .Bind(5, query.after->created)
          .Bind(6, query.after->id);
    }
    statement.Bind(7, query.limit + 1);
    roots = ReadAll(statement);
  }
  if (static_cast<int64_t>(roots.size()) > query.limit) {
    roots.resize(static_cast<size_t>(query.limit));
    const StoredComment& last = roots.back();
    page.next = PageCursor{last.pinned, rank_(last.up, last.down), last.created, last.id};
  }
  for (StoredComment& root : roots) {
    int64_t root_seq = root.seq;
    page.comments.push_back(std::move(root));
    SqliteStatement replies =
        reader->Prepare(std::string(kCommentSelect) +
                        "WHERE c.root_seq = ?1 AND c.seq <> ?1 ORDER BY c.created, c.seq");
    replies.Bind(1, root_seq);
    while (replies.Step()) page.comments.push_back(ReadComment(replies));
  }
  return page;
}

std::vector<StoredComment> SqliteStore::ListThread(std::string_view thread) {
  ReadLease reader = AcquireReader();
  SqliteStatement statement =
      reader->Prepare(std::string(kCommentSelect) + "WHERE t.key = ?1 ORDER BY c.created, c.seq");
  statement.Bind(1, thread);
  return ReadAll(statement);
}

bool SqliteStore::UpdateComment(const CommentUpdate& update) {
  std::lock_guard<std::mutex> lock(write_mutex_);
  SqliteTransaction transaction(writer_.get());
  std::optional<CommentKeys> keys = FindKeys(writer_.get(), update.id);
  if (!keys) return false;
  if (update.body) {
    SqliteStatement statement = writer_->Prepare("UPDATE comments SET body = ?2 WHERE seq = ?1");
    statement.Bind(1, keys->seq).Bind(2, *update.body).Run();
  }
  if (update.status) {
    SqliteStatement statement = writer_->Prepare("UPDATE comments SET status = ?2 WHERE seq = ?1");
    statement.Bind(1, keys->seq).Bind(2, StatusName(*update.status)).Run();
  }
  if (update.moderation_reason) {
    SqliteStatement statement =
        writer_->Prepare("UPDATE comments SET moderation_reason = ?2 WHERE seq = ?1");
    statement.Bind(1, keys->seq).Bind(2, *update.moderation_reason).Run();
  }
  if (update.edited) {
    SqliteStatement statement = writer_->Prepare("UPDATE comments SET edited = ?2 WHERE seq = ?1");
    statement.Bind(1, keys->seq).BindOrNull(2, *update.edited).Run();
  }
  BumpRevision(writer_.get(), keys->thread_seq);
  transaction.Commit();
  return true;
}

std::optional<VoteTally> SqliteStore::SetVote(std::string_view comment_id,
                                              std::string_view identity_id, int value) {
  std::lock_guard<std::mutex> lock(write_mutex_);
  SqliteTransaction transaction(writer_.get());
  std::optional<CommentKeys> keys = FindKeys(writer_.get(), comment_id);
  if (!keys) return std::nullopt;
  int64_t previous = 0;
  {
    SqliteStatement select =
        writer_->Prepare("SELECT value FROM votes WHERE comment_seq = ?1 AND identity_id = ?2");
    select.Bind(1, keys->seq).Bind(2, identity_id);
    if (select.Step()) previous = select.Int(0);
  }
  if (previous != value) {
    if (value == 0) {
      SqliteStatement remove =
          writer_->Prepare("DELETE FROM votes WHERE comment_seq = ?1 AND identity_id = ?2");
      remove.Bind(1, keys->seq).Bind(2, identity_id).Run();
    } else {
      SqliteStatement upsert = writer_->Prepare(
          "INSERT INTO votes (comment_seq, identity_id, value) VALUES (?1, ?2, ?3) "
          "ON CONFLICT (comment_seq, identity_id) DO UPDATE SET value = excluded.value");
      upsert.Bind(1, keys->seq).Bind(2, identity_id).Bind(3, int64_t{value}).Run();
    }
    int64_t up_change = (value == 1 ? 1 : 0) - (previous == 1 ? 1 : 0);
    int64_t down_change = (value == -1 ? 1 : 0) - (previous == -1 ? 1 : 0);
    SqliteStatement tally =
        writer_->Prepare("UPDATE comments SET up = up + ?2, down = down + ?3 WHERE seq = ?1");
    tally.Bind(1, keys->seq).Bind(2, up_change).Bind(3, down_change).Run();
    BumpRevision(writer_.get(), keys->thread_seq);
  }
  SqliteStatement read = writer_->Prepare("SELECT up, down FROM comments WHERE seq = ?1");
  read.Bind(1, keys->seq);
  VoteTally result;
  if (read.Step()) result = VoteTally{read.Int(0), read.Int(1)};
  transaction.Commit();
  return result;
}

std::optional<FlagOutcome> SqliteStore::AddFlag(std::string_view comment_id,
                                                std::string_view identity_id,
                                                std::string_view reason, std::string_view note,
                                                std::string_view now, int64_t threshold) {
  std::lock_guard<std::mutex> lock(write_mutex_);
  SqliteTransaction transaction(writer_.get());
  std::optional<CommentKeys> keys = FindKeys(writer_.get(), comment_id);
  if (!keys) return std::nullopt;
  FlagOutcome outcome;
  SqliteStatement insert = writer_->Prepare(
      "INSERT INTO flags (comment_seq, identity_id, reason, note, created) "
      "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING");
  insert.Bind(1, keys->seq).Bind(2, identity_id).Bind(3, reason).Bind(4, note).Bind(5, now).Run();
  outcome.counted = writer_->Changes() > 0;
  if (outcome.counted) {
    SqliteStatement count =
        writer_->Prepare("UPDATE comments SET flags = flags + 1 WHERE seq = ?1");
    count.Bind(1, keys->seq).Run();
    SqliteStatement hold = writer_->Prepare(
        "UPDATE comments SET status = 'pending', moderation_reason = 'flags' "
        "WHERE seq = ?1 AND status = 'published' AND flags - flags_reviewed >= ?2");
    hold.Bind(1, keys->seq).Bind(2, threshold).Run();
    outcome.sent_to_review = writer_->Changes() > 0;
    if (outcome.sent_to_review) BumpRevision(writer_.get(), keys->thread_seq);
  }
  transaction.Commit();
  return outcome;
}

int64_t SqliteStore::CountPublishedBy(std::string_view identity_id) {
  ReadLease reader = AcquireReader();
  SqliteStatement statement = reader->Prepare(
      "SELECT COUNT(*) FROM comments WHERE author_id = ?1 AND status = 'published'");
  statement.Bind(1, identity_id);
  return statement.Step() ? statement.Int(0) : 0;
}

void SqliteStore::AddBan(const Ban& ban) {
  std::lock_guard<std::mutex> lock(write_mutex_);
  SqliteTransaction transaction(writer_.get());
  SqliteStatement statement = writer_->Prepare(
      "INSERT INTO bans (kind, value, reason, created, expires) VALUES (?1, ?2, ?3, ?4, ?5) "
      "ON CONFLICT (kind, value) DO UPDATE SET reason = excluded.reason, "
      "created = excluded.created, expires = excluded.expires");
  statement.Bind(1, BanKindName(ban.kind))
      .Bind(2, ban.value)
      .Bind(3, ban.reason)
      .Bind(4, ban.created)
      .BindOrNull(5, ban.expires)
      .Run();
  transaction.Commit();
}

bool SqliteStore::RemoveBan(BanKind kind, std::string_view value) {
  std::lock_guard<std::mutex> lock(write_mutex_);
  SqliteTransaction transaction(writer_.get());
  SqliteStatement statement = writer_->Prepare("DELETE FROM bans WHERE kind = ?1 AND value = ?2");
  statement.Bind(1, BanKindName(kind)).Bind(2, value).Run();
  bool removed = writer_->Changes() > 0;
  transaction.Commit();
  return removed;
}

std::vector<Ban> SqliteStore::ListBans() {
  ReadLease reader = AcquireReader();
  SqliteStatement statement = reader->Prepare(
      "SELECT kind, value, reason, created, expires FROM bans ORDER BY created, kind, value");
  std::vector<Ban> bans;
  while (statement.Step()) {
    bans.push_back(Ban{ParseBanKind(statement.Text(0)).value_or(BanKind::kIdentity),
                       statement.Text(1), statement.Text(2), statement.Text(3), statement.Text(4)});
  }
  return bans;
}

std::optional<Ban> SqliteStore::FindBan(std::string_view identity_id, std::string_view email,
                                        std::string_view ip_hash, std::string_view now) {
  ReadLease reader = AcquireReader();
  SqliteStatement statement = reader->Prepare(
      "SELECT kind, value, reason, created, expires FROM bans "
      "WHERE ((kind = 'identity' AND ?1 <> '' AND value = ?1) "
      "OR (kind = 'email' AND ?2 <> '' AND value = ?2) "
      "OR (kind = 'ip' AND ?3 <> '' AND value = ?3)) "
      "AND (expires IS NULL OR expires > ?4) LIMIT 1");
  statement.Bind(1, identity_id).Bind(2, email).Bind(3, ip_hash).Bind(4, now);
  if (!statement.Step()) return std::nullopt;
  return Ban{ParseBanKind(statement.Text(0)).value_or(BanKind::kIdentity), statement.Text(1),
             statement.Text(2), statement.Text(3), statement.Text(4)};
}

void SqliteStore::ForEachThread(
    const std::function<void(const ThreadInfo&, const std::vector<StoredComment>&)>& visit) {
  std::vector<ThreadInfo> threads;
  {
    ReadLease reader = AcquireReader();
    SqliteStatement statement =
        reader->Prepare("SELECT key, created, revision FROM threads ORDER BY seq");
    while (statement.Step()) {
      threads.push_back(ThreadInfo{statement.Text(0), statement.Text(1), statement.Int(2), 0});
    }
  }
  for (const ThreadInfo& thread : threads) visit(thread, ListThread(thread.key));
}

ImportCounts SqliteStore::Import(const std::vector<StoredComment>& comments) {
  std::lock_guard<std::mutex> lock(write_mutex_);
  SqliteTransaction transaction(writer_.get());
  ImportCounts counts;
  for (const StoredComment& source : comments) {
    if (FindKeys(writer_.get(), source.id)) {
      ++counts.comments_skipped;
      continue;
    }
    bool thread_created = false;
    int64_t thread_seq =
        EnsureThread(writer_.get(), source.thread, source.created, &thread_created);
    if (thread_created) ++counts.threads_created;
    std::optional<CommentKeys> parent;
    if (!source.parent.empty()) {
      parent = FindKeys(writer_.get(), source.parent);
      if (!parent || parent->thread_seq != thread_seq) {
        throw StoreError("comment '" + source.id + "' replies to '" + source.parent +
                         "', which is not in thread '" + source.thread + "'");
      }
    }
    StoredComment copy = source;
    InsertRow(writer_.get(), &copy, thread_seq, parent);
    BumpRevision(writer_.get(), thread_seq);
    ++counts.comments_added;
  }
  transaction.Commit();
  return counts;
}

}  // namespace parley::storage
