#pragma once

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "storage/model.h"

namespace parley::storage {

// A failure of the storage itself (disk full, database locked too long, corrupt file), never
// of the request. The HTTP layer answers 503 and logs it; commands exit with status 1.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Why InsertComment refused a comment.
enum class InsertError { kNone, kParentNotFound, kDuplicateId };

// Everything the server keeps, behind one interface so SQLite can be joined by PostgreSQL
// without touching the handlers. Every method is safe to call from many threads at once, and
// every write is durable when it returns (the API's 2xx promise rests on that).
class Store {
 public:
  virtual ~Store() = default;

  // The value stored under `key`, creating it with `make()` on first use. Used for secrets
  // the server generates once and must keep across restarts (token key, IP hash salt).
  virtual std::string GetOrCreateSetting(std::string_view key,
                                         const std::function<std::string()>& make) = 0;

  // The thread named `key`, or nullopt before its first comment.
  virtual std::optional<ThreadInfo> FindThread(std::string_view key) = 0;

  // Published comments per thread key (0 for unknown threads), in the order asked.
  virtual std::vector<int64_t> CountPublished(const std::vector<std::string>& keys) = 0;

  // Adds a comment, creating its thread on the first comment. `comment.seq` is ignored; the
  // parent, when set, must be a comment of the same thread. Returns the stored comment.
  virtual InsertError InsertComment(StoredComment* comment) = 0;

  // The comment with public id `id`.
  virtual std::optional<StoredComment> FindComment(std::string_view id) = 0;

  // One page of a thread (see PageQuery).
  virtual CommentPage ListPage(const PageQuery& query) = 0;

  // Every comment of a thread in creation order, whatever its status.
  virtual std::vector<StoredComment> ListThread(std::string_view thread) = 0;

  // Applies `update`; false when the comment does not exist.
  virtual bool UpdateComment(const CommentUpdate& update) = 0;

  // Records `identity_id`'s vote (1, -1, or 0 to withdraw) on a comment, replacing an earlier
  // one, and returns the new tallies; nullopt when the comment does not exist.
  virtual std::optional<VoteTally> SetVote(std::string_view comment_id,
                                           std::string_view identity_id, int value) = 0;

  // Records a flag; holds a published comment for review once `threshold` identities flagged
  // it. Nullopt when the comment does not exist.
  virtual std::optional<FlagOutcome> AddFlag(std::string_view comment_id,
                                             std::string_view identity_id, std::string_view reason,
                                             std::string_view note, std::string_view now,
                                             int64_t threshold) = 0;

  // How many published comments `identity_id` has (0 means a new identity).
  virtual int64_t CountPublishedBy(std::string_view identity_id) = 0;

  // Adds or replaces a ban.
  virtual void AddBan(const Ban& ban) = 0;

  // Lifts a ban; false when there was none.
  virtual bool RemoveBan(BanKind kind, std::string_view value) = 0;

  // Every ban, expired ones included.
  virtual std::vector<Ban> ListBans() = 0;

  // The first ban in force at `now` matching any of the non-empty values.
  virtual std::optional<Ban> FindBan(std::string_view identity_id, std::string_view email,
                                     std::string_view ip_hash, std::string_view now) = 0;

  // Every thread and its comments, threads in creation order, comments in creation order:
  // the export. `visit` is called once per thread.
  virtual void ForEachThread(
      const std::function<void(const ThreadInfo&, const std::vector<StoredComment>&)>& visit) = 0;

  // Adds comments in one transaction: parents before replies, ids kept, existing ids skipped
  // (never overwritten), threads created as needed. `comments` must be ordered so that every
  // parent comes before its replies or already exists.
  virtual ImportCounts Import(const std::vector<StoredComment>& comments) = 0;

  // Moderation (storage/sqlite_moderation.cpp for SQLite).

  // A setting's value, or nullopt; and setting one (replacing it).
  virtual std::optional<std::string> FindSetting(std::string_view key) = 0;
  virtual void PutSetting(std::string_view key, std::string_view value) = 0;

  // Adds a moderator; false when the name is taken.
  virtual bool AddModerator(const Moderator& moderator) = 0;
  // Removes a moderator and ends their sessions; false when there was none.
  virtual bool RemoveModerator(std::string_view name) = 0;
  virtual std::optional<Moderator> FindModerator(std::string_view name) = 0;
  virtual std::vector<Moderator> ListModerators() = 0;

  // Stores a session (and forgets expired ones); finds one in force at `now`; ends one.
  virtual void CreateSession(const ModeratorSession& session) = 0;
  virtual std::optional<ModeratorSession> FindSession(std::string_view token_hash,
                                                      std::string_view now) = 0;
  virtual void DeleteSession(std::string_view token_hash) = 0;

  // Appends to the audit log (sets `entry->id`); a page of it newest first, before id
  // `before` (0: from the newest); and all of it oldest first.
  virtual void AppendAudit(AuditEntry* entry) = 0;
  virtual std::vector<AuditEntry> ListAudit(int64_t limit, int64_t before) = 0;
  virtual std::vector<AuditEntry> ExportAudit() = 0;

  // A thread's settings (defaults when it has none), and replacing them.
  virtual ThreadSettings GetThreadSettings(std::string_view key) = 0;
  virtual void PutThreadSettings(std::string_view key, const ThreadSettings& settings) = 0;

  // The moderation queues.
  virtual QueuePage ListQueue(const QueueQuery& query) = 0;
  virtual QueueCounts CountQueues(std::string_view thread) = 0;
  virtual std::vector<FlagRecord> ListFlags(std::string_view comment_id) = 0;

  // Applies a moderator's decision (bumping the thread's revision); the comment as it is now,
  // or nullopt when it does not exist.
  virtual std::optional<StoredComment> Moderate(const ModerationChange& change) = 0;

  // An identity's comments across threads, newest first.
  virtual std::vector<StoredComment> ListByAuthor(std::string_view identity_id,
                                                  int64_t limit) = 0;

  // Comments per UTC day from `first_day` to `last_day` ("YYYY-MM-DD"), days without
  // comments left out.
  virtual std::vector<DayCounts> CountDays(std::string_view first_day,
                                           std::string_view last_day) = 0;
};

}  // namespace parley::storage
