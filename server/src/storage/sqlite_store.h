#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "storage/sqlite_connection.h"
#include "storage/store.h"

namespace parley::storage {

// The Store on one SQLite file. Writes go through a single connection under a mutex (SQLite
// allows one writer at a time anyway, and queuing here beats spinning on SQLITE_BUSY); reads
// use a pool of connections, which WAL lets run alongside the writer.
class SqliteStore : public Store {
 public:
  // Opens `path` (created if missing) and applies pending migrations; `rank` orders
  // SortOrder::kBest. Throws StoreError.
  SqliteStore(std::string path, RankFunction rank);
  ~SqliteStore() override;

  std::string GetOrCreateSetting(std::string_view key,
                                 const std::function<std::string()>& make) override;
  std::optional<ThreadInfo> FindThread(std::string_view key) override;
  std::vector<int64_t> CountPublished(const std::vector<std::string>& keys) override;
  InsertError InsertComment(StoredComment* comment) override;
  std::optional<StoredComment> FindComment(std::string_view id) override;
  CommentPage ListPage(const PageQuery& query) override;
  std::vector<StoredComment> ListThread(std::string_view thread) override;
  bool UpdateComment(const CommentUpdate& update) override;
  std::optional<VoteTally> SetVote(std::string_view comment_id, std::string_view identity_id,
                                   int value) override;
  std::optional<FlagOutcome> AddFlag(std::string_view comment_id, std::string_view identity_id,
                                     std::string_view reason, std::string_view note,
                                     std::string_view now, int64_t threshold) override;
  int64_t CountPublishedBy(std::string_view identity_id) override;
  void AddBan(const Ban& ban) override;
  bool RemoveBan(BanKind kind, std::string_view value) override;
  std::vector<Ban> ListBans() override;
  std::optional<Ban> FindBan(std::string_view identity_id, std::string_view email,
                             std::string_view ip_hash, std::string_view now) override;
  void ForEachThread(const std::function<void(const ThreadInfo&,
                                              const std::vector<StoredComment>&)>& visit) override;
  ImportCounts Import(const std::vector<StoredComment>& comments) override;

  // Moderation, in sqlite_moderation.cpp.
  std::optional<std::string> FindSetting(std::string_view key) override;
  void PutSetting(std::string_view key, std::string_view value) override;
  bool AddModerator(const Moderator& moderator) override;
  bool RemoveModerator(std::string_view name) override;
  std::optional<Moderator> FindModerator(std::string_view name) override;
  std::vector<Moderator> ListModerators() override;
  void CreateSession(const ModeratorSession& session) override;
  std::optional<ModeratorSession> FindSession(std::string_view token_hash,
                                              std::string_view now) override;
  void DeleteSession(std::string_view token_hash) override;
  void AppendAudit(AuditEntry* entry) override;
  std::vector<AuditEntry> ListAudit(int64_t limit, int64_t before) override;
  std::vector<AuditEntry> ExportAudit() override;
  ThreadSettings GetThreadSettings(std::string_view key) override;
  void PutThreadSettings(std::string_view key, const ThreadSettings& settings) override;
  QueuePage ListQueue(const QueueQuery& query) override;
  QueueCounts CountQueues(std::string_view thread) override;
  std::vector<FlagRecord> ListFlags(std::string_view comment_id) override;
  std::optional<StoredComment> Moderate(const ModerationChange& change) override;
  std::vector<StoredComment> ListByAuthor(std::string_view identity_id, int64_t limit) override;
  std::vector<DayCounts> CountDays(std::string_view first_day, std::string_view last_day) override;

 private:
  // A pooled read connection, returned to the pool when the lease ends.
  class ReadLease {
   public:
    ReadLease(SqliteStore* store, std::unique_ptr<SqliteConnection> connection);
    ~ReadLease();
    ReadLease(const ReadLease&) = delete;
    ReadLease& operator=(const ReadLease&) = delete;
    SqliteConnection* operator->() const { return connection_.get(); }
    SqliteConnection* get() const { return connection_.get(); }

   private:
    SqliteStore* store_;
    std::unique_ptr<SqliteConnection> connection_;
  };

  ReadLease AcquireReader();
  void ReleaseReader(std::unique_ptr<SqliteConnection> connection);

  std::string path_;
  RankFunction rank_;
  std::mutex write_mutex_;
  std::unique_ptr<SqliteConnection> writer_;
  std::mutex readers_mutex_;
  std::vector<std::unique_ptr<SqliteConnection>> idle_readers_;
};

}  // namespace parley::storage
