#include "storage/sqlite_migrations.h"

#include <string>
#include <string_view>

#include "storage/sqlite_connection.h"
#include "storage/store.h"

namespace parley::storage {

namespace {

// Append only: a released migration is never edited, because databases in the field have
// already run it. Version N is kMigrations[N - 1].
constexpr std::string_view kMigrations[] = {
    // 1: threads, comments, votes, flags, bans, settings.
    R"sql(
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE threads (
  seq INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  created TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE comments (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  thread_seq INTEGER NOT NULL REFERENCES threads(seq),
  parent_seq INTEGER REFERENCES comments(seq),
  root_seq INTEGER NOT NULL DEFAULT 0,
  author_name TEXT NOT NULL,
  author_id TEXT NOT NULL DEFAULT '',
  author_badges TEXT NOT NULL DEFAULT '',
  author_website TEXT NOT NULL DEFAULT '',
  author_email TEXT NOT NULL DEFAULT '',
  ip_hash TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL,
  created TEXT NOT NULL,
  edited TEXT,
  up INTEGER NOT NULL DEFAULT 0,
  down INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL CHECK (status IN ('published', 'pending', 'rejected', 'deleted')),
  pinned INTEGER NOT NULL DEFAULT 0,
  flags INTEGER NOT NULL DEFAULT 0,
  edit_token_hash TEXT NOT NULL DEFAULT ''
);
-- A page of a thread: its top-level comments, then each one's replies.
CREATE INDEX comments_by_thread ON comments(thread_seq, parent_seq, created, seq);
CREATE INDEX comments_by_root ON comments(root_seq, created, seq);
-- Counts of published comments per thread and per author.
CREATE INDEX comments_by_thread_status ON comments(thread_seq, status);
CREATE INDEX comments_by_author ON comments(author_id, status);

CREATE TABLE votes (
  comment_seq INTEGER NOT NULL REFERENCES comments(seq),
  identity_id TEXT NOT NULL,
  value INTEGER NOT NULL CHECK (value IN (-1, 1)),
  PRIMARY KEY (comment_seq, identity_id)
) WITHOUT ROWID;

CREATE TABLE flags (
  comment_seq INTEGER NOT NULL REFERENCES comments(seq),
  identity_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created TEXT NOT NULL,
  PRIMARY KEY (comment_seq, identity_id)
) WITHOUT ROWID;

CREATE TABLE bans (
  kind TEXT NOT NULL CHECK (kind IN ('identity', 'email', 'ip')),
  value TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  created TEXT NOT NULL,
  expires TEXT,
  PRIMARY KEY (kind, value)
) WITHOUT ROWID;
)sql",
    // 2: moderation: moderators and their sessions, the audit log, thread settings, and on
    // comments why they are held or rejected, who decided, the flags already reviewed, and
    // whether they were ever held (for the statistics).
    R"sql(
ALTER TABLE comments ADD COLUMN moderation_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE comments ADD COLUMN moderation_note TEXT NOT NULL DEFAULT '';
ALTER TABLE comments ADD COLUMN moderated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE comments ADD COLUMN moderated_at TEXT NOT NULL DEFAULT '';
ALTER TABLE comments ADD COLUMN flags_reviewed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE comments ADD COLUMN held INTEGER NOT NULL DEFAULT 0;
UPDATE comments SET held = 1 WHERE status = 'pending';
-- "Ever held" is kept by the schema itself, whichever code path holds a comment.
CREATE TRIGGER comments_held_on_insert AFTER INSERT ON comments WHEN NEW.status = 'pending'
BEGIN UPDATE comments SET held = 1 WHERE seq = NEW.seq; END;
CREATE TRIGGER comments_held_on_update AFTER UPDATE OF status ON comments
WHEN NEW.status = 'pending'
BEGIN UPDATE comments SET held = 1 WHERE seq = NEW.seq; END;
CREATE INDEX comments_by_status ON comments(status, seq);
CREATE INDEX comments_by_created ON comments(created);

CREATE TABLE moderators (
  name TEXT PRIMARY KEY,
  password_hash TEXT NOT NULL,
  created TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE moderator_sessions (
  token_hash TEXT PRIMARY KEY,
  moderator TEXT NOT NULL,
  csrf_token TEXT NOT NULL,
  created TEXT NOT NULL,
  expires TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX moderator_sessions_by_moderator ON moderator_sessions(moderator);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  moderator TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  details TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE thread_settings (
  key TEXT PRIMARY KEY,
  closed INTEGER NOT NULL DEFAULT 0,
  moderation TEXT,
  auto_close_days INTEGER
) WITHOUT ROWID;
)sql",
};

int64_t UserVersion(SqliteConnection* connection) {
  SqliteStatement statement = connection->Prepare("PRAGMA user_version");
  return statement.Step() ? statement.Int(0) : 0;
}

}  // namespace

int64_t LatestSchemaVersion() { return static_cast<int64_t>(std::size(kMigrations)); }

void MigrateSqlite(SqliteConnection* connection) {
  for (;;) {
    // The version is read inside the write lock: another process may be migrating too.
    SqliteTransaction transaction(connection);
    int64_t version = UserVersion(connection);
    if (version > LatestSchemaVersion()) {
      throw StoreError("the database has schema version " + std::to_string(version) +
                       ", newer than this program's " + std::to_string(LatestSchemaVersion()) +
                       "; upgrade parley");
    }
    if (version == LatestSchemaVersion()) break;
    connection->Exec(kMigrations[static_cast<size_t>(version)]);
    connection->Exec("PRAGMA user_version = " + std::to_string(version + 1));
    transaction.Commit();
  }
}

}  // namespace parley::storage
