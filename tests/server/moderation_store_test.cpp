#include <gtest/gtest.h>

#include "abuse/failure_window.h"
#include "moderation/password_hash.h"
#include "server_test_support.h"
#include "storage/sqlite_store.h"

namespace parley {
namespace {

TEST(PasswordHash, VerifiesOnlyTheRightPasswordAndSaltsEachHash) {
  std::string hash = moderation::HashPassword("correct horse battery");
  EXPECT_EQ(hash.rfind("scrypt$32768$8$1$", 0), 0u) << hash;
  EXPECT_TRUE(moderation::VerifyPassword("correct horse battery", hash));
  EXPECT_FALSE(moderation::VerifyPassword("correct horse batterz", hash));
  EXPECT_FALSE(moderation::VerifyPassword("", hash));
  EXPECT_NE(hash, moderation::HashPassword("correct horse battery"));
  EXPECT_FALSE(moderation::VerifyPassword("x", "scrypt$1$1$1$bad$"));
  EXPECT_FALSE(moderation::VerifyPassword("x", "plain text"));
}

TEST(FailureWindow, BlocksAfterTheLimitUntilTheOldestFailureLeaves) {
  abuse::FailureWindow window(5, 15 * 60 * 1000);
  for (int i = 0; i < 5; ++i) {
    EXPECT_FALSE(window.Blocked("name:a", i * 1000));
    window.RecordFailure("name:a", i * 1000);
  }
  ASSERT_TRUE(window.Blocked("name:a", 5000));
  EXPECT_EQ(*window.Blocked("name:a", 5000), 15 * 60 - 5);
  EXPECT_FALSE(window.Blocked("name:b", 5000));
  EXPECT_FALSE(window.Blocked("name:a", 15 * 60 * 1000 + 1));
  window.Clear("name:a");
  EXPECT_FALSE(window.Blocked("name:a", 6000));
}

class ModerationStoreTest : public ::testing::Test {
 protected:
  testing::TempDir dir_;
  storage::SqliteStore store_{dir_.File("p.db"), testing::ScoreRank};
};

TEST_F(ModerationStoreTest, ModeratorsAndSessions) {
  EXPECT_TRUE(store_.AddModerator({"ani", "hash", "2026-11-28T00:00:00Z"}));
  EXPECT_FALSE(store_.AddModerator({"ani", "other", "2026-11-28T00:00:00Z"}));
  store_.CreateSession({"t1", "ani", "csrf", "2026-11-28T00:00:00Z", "2026-11-28T12:00:00Z"});
  ASSERT_TRUE(store_.FindSession("t1", "2026-11-28T01:00:00Z"));
  EXPECT_EQ(store_.FindSession("t1", "2026-11-28T01:00:00Z")->csrf_token, "csrf");
  EXPECT_FALSE(store_.FindSession("t1", "2026-11-28T12:00:00Z"));  // expired
  EXPECT_TRUE(store_.RemoveModerator("ani"));
  EXPECT_FALSE(store_.FindSession("t1", "2026-11-28T01:00:00Z"));  // ended with the account
}

TEST_F(ModerationStoreTest, QueuesDecisionsAndDays) {
  storage::StoredComment held = testing::MakeComment("c1", "t", "2026-11-27T10:00:00Z");
  held.status = storage::CommentStatus::kPending;
  held.moderation_reason = "mode";
  ASSERT_EQ(store_.InsertComment(&held), storage::InsertError::kNone);
  storage::StoredComment flagged = testing::MakeComment("c2", "t", "2026-11-28T10:00:00Z");
  ASSERT_EQ(store_.InsertComment(&flagged), storage::InsertError::kNone);
  store_.AddFlag("c2", "g1", "spam", "", "2026-11-28T11:00:00Z", 3);
  int64_t revision = store_.FindThread("t")->revision;

  storage::QueueCounts counts = store_.CountQueues("");
  EXPECT_EQ(counts.held, 1);
  EXPECT_EQ(counts.flagged, 1);
  storage::QueuePage page = store_.ListQueue({storage::QueueKind::kHeld, "", 10, 0});
  ASSERT_EQ(page.comments.size(), 1u);
  EXPECT_EQ(page.comments[0].moderation_reason, "mode");

  storage::ModerationChange reject;
  reject.id = "c1";
  reject.status = storage::CommentStatus::kRejected;
  reject.reason = "spam";
  reject.note = "no ads";
  reject.by = "ani";
  reject.at = "2026-11-28T12:00:00Z";
  std::optional<storage::StoredComment> after = store_.Moderate(reject);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->moderation_note, "no ads");
  EXPECT_GT(store_.FindThread("t")->revision, revision);

  storage::ModerationChange approve;
  approve.id = "c2";
  approve.review_flags = true;
  approve.by = "ani";
  store_.Moderate(approve);
  counts = store_.CountQueues("t");
  EXPECT_EQ(counts.held, 0);
  EXPECT_EQ(counts.flagged, 0);
  EXPECT_EQ(counts.rejected, 1);

  std::vector<storage::DayCounts> days = store_.CountDays("2026-11-27", "2026-11-28");
  ASSERT_EQ(days.size(), 2u);
  EXPECT_EQ(days[0].day, "2026-11-27");
  EXPECT_EQ(days[0].held, 1);  // held once, rejected since
  EXPECT_EQ(days[0].rejected, 1);
  EXPECT_EQ(days[1].flagged, 1);
}

TEST_F(ModerationStoreTest, AuditPagesNewestFirstAndThreadSettings) {
  for (int i = 0; i < 3; ++i) {
    storage::AuditEntry entry{0, "2026-11-28T00:00:0" + std::to_string(i) + "Z", "ani", "approve",
                              "c" + std::to_string(i), "", "{}"};
    store_.AppendAudit(&entry);
    EXPECT_EQ(entry.id, i + 1);
  }
  std::vector<storage::AuditEntry> first = store_.ListAudit(2, 0);
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[0].target, "c2");
  EXPECT_EQ(store_.ListAudit(2, first.back().id).size(), 1u);
  EXPECT_EQ(store_.ExportAudit().front().target, "c0");

  EXPECT_FALSE(store_.GetThreadSettings("a").closed);
  store_.PutThreadSettings("a", {true, "pre", 7});
  storage::ThreadSettings settings = store_.GetThreadSettings("a");
  EXPECT_TRUE(settings.closed);
  EXPECT_EQ(settings.moderation, "pre");
  EXPECT_EQ(settings.auto_close_days, 7);
}

}  // namespace
}  // namespace parley
