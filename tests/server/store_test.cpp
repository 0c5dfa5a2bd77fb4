#include <gtest/gtest.h>
#include <sqlite3.h>

#include <thread>
#include <vector>

#include "server_test_support.h"
#include "storage/open_store.h"
#include "storage/sqlite_migrations.h"
#include "storage/sqlite_store.h"

namespace parley::storage {
namespace {

using testing::MakeComment;
using testing::ScoreRank;
using testing::TempDir;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = std::make_unique<SqliteStore>(dir_.File("parley.db"), ScoreRank);
  }

  StoredComment Add(StoredComment comment) {
    EXPECT_EQ(store_->InsertComment(&comment), InsertError::kNone) << comment.id;
    return comment;
  }

  std::vector<std::string> Ids(const std::vector<StoredComment>& comments) {
    std::vector<std::string> ids;
    for (const auto& comment : comments) ids.push_back(comment.id);
    return ids;
  }

  TempDir dir_;
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(StoreTest, ThreadIsCreatedByItsFirstComment) {
  EXPECT_FALSE(store_->FindThread("article-1").has_value());
  Add(MakeComment("c1", "article-1", "2026-01-01T00:00:00Z"));
  std::optional<ThreadInfo> thread = store_->FindThread("article-1");
  ASSERT_TRUE(thread.has_value());
  EXPECT_EQ(thread->key, "article-1");
  EXPECT_EQ(thread->created, "2026-01-01T00:00:00Z");
  EXPECT_EQ(thread->published, 1);
  EXPECT_GE(thread->revision, 1);
}

TEST_F(StoreTest, StoresEveryFieldAndReadsItBack) {
  StoredComment comment = MakeComment("c1", "t", "2026-01-01T00:00:00Z");
  comment.author_badges = {"verified", "staff"};
  comment.author_website = "https://example.com/";
  comment.author_email = "reader@example.com";
  comment.ip_hash = "00ff";
  comment.body = "Line one\nline two — «quoted» 😀";
  comment.status = CommentStatus::kPending;
  comment.edit_token_hash = "abc";
  Add(comment);
  std::optional<StoredComment> found = store_->FindComment("c1");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->thread, "t");
  EXPECT_EQ(found->parent, "");
  EXPECT_EQ(found->author_badges, comment.author_badges);
  EXPECT_EQ(found->author_website, comment.author_website);
  EXPECT_EQ(found->author_email, comment.author_email);
  EXPECT_EQ(found->ip_hash, "00ff");
  EXPECT_EQ(found->body, comment.body);
  EXPECT_EQ(found->status, CommentStatus::kPending);
  EXPECT_EQ(found->edit_token_hash, "abc");
  EXPECT_EQ(found->edited, "");
  EXPECT_FALSE(store_->FindComment("missing").has_value());
}

TEST_F(StoreTest, RepliesNeedAParentInTheSameThread) {
  Add(MakeComment("a", "one", "2026-01-01T00:00:00Z"));
  Add(MakeComment("b", "two", "2026-01-01T00:00:00Z"));
  StoredComment cross = MakeComment("c", "one", "2026-01-01T00:01:00Z", "b");
  EXPECT_EQ(store_->InsertComment(&cross), InsertError::kParentNotFound);
  StoredComment missing = MakeComment("d", "one", "2026-01-01T00:01:00Z", "nope");
  EXPECT_EQ(store_->InsertComment(&missing), InsertError::kParentNotFound);
  StoredComment reply = MakeComment("e", "one", "2026-01-01T00:01:00Z", "a");
  EXPECT_EQ(store_->InsertComment(&reply), InsertError::kNone);
  EXPECT_EQ(store_->FindComment("e")->parent, "a");
}

TEST_F(StoreTest, DuplicateIdsAreRefused) {
  Add(MakeComment("same", "t", "2026-01-01T00:00:00Z"));
  StoredComment again = MakeComment("same", "t", "2026-01-01T00:00:01Z");
  EXPECT_EQ(store_->InsertComment(&again), InsertError::kDuplicateId);
}

TEST_F(StoreTest, PagesHoldTopLevelCommentsWithAllTheirReplies) {
  for (int i = 0; i < 5; ++i) {
    std::string id = "r" + std::to_string(i);
    Add(MakeComment(id, "t", "2026-01-01T00:0" + std::to_string(i) + ":00Z"));
    Add(MakeComment(id + "-reply", "t", "2026-01-01T01:0" + std::to_string(i) + ":00Z", id));
    Add(MakeComment(id + "-reply-reply", "t", "2026-01-01T02:0" + std::to_string(i) + ":00Z",
                    id + "-reply"));
  }
  PageQuery query{"t", SortOrder::kOldest, 2, std::nullopt, ""};
  CommentPage first = store_->ListPage(query);
  EXPECT_EQ(Ids(first.comments), (std::vector<std::string>{"r0", "r0-reply", "r0-reply-reply", "r1",
                                                           "r1-reply", "r1-reply-reply"}));
  ASSERT_TRUE(first.next.has_value());
  query.after = first.next;
  CommentPage second = store_->ListPage(query);
  EXPECT_EQ(second.comments.front().id, "r2");
  query.after = second.next;
  CommentPage third = store_->ListPage(query);
  EXPECT_EQ(Ids(third.comments), (std::vector<std::string>{"r4", "r4-reply", "r4-reply-reply"}));
  EXPECT_FALSE(third.next.has_value());
}

TEST_F(StoreTest, NewestAndBestOrdersMatchTheCoreRules) {
  Add(MakeComment("a", "t", "2026-01-01T00:00:00Z"));
  Add(MakeComment("b", "t", "2026-01-01T00:01:00Z"));
  Add(MakeComment("c", "t", "2026-01-01T00:01:00Z"));  // same second as b: id breaks the tie
  Add(MakeComment("d", "t", "2026-01-01T00:02:00Z"));
  store_->SetVote("a", "voter1", 1);
  store_->SetVote("a", "voter2", 1);
  store_->SetVote("d", "voter1", -1);
  auto order = [&](SortOrder sort, int64_t limit) {
    std::vector<std::string> ids;
    PageQuery query{"t", sort, limit, std::nullopt, ""};
    for (;;) {
      CommentPage page = store_->ListPage(query);
      for (const auto& comment : page.comments) ids.push_back(comment.id);
      if (!page.next) break;
      query.after = page.next;
    }
    return ids;
  };
  EXPECT_EQ(order(SortOrder::kOldest, 1), (std::vector<std::string>{"a", "b", "c", "d"}));
  EXPECT_EQ(order(SortOrder::kNewest, 1), (std::vector<std::string>{"d", "c", "b", "a"}));
  // Best: rank descending, then newest first, then id descending.
  EXPECT_EQ(order(SortOrder::kBest, 1), (std::vector<std::string>{"a", "c", "b", "d"}));
  EXPECT_EQ(order(SortOrder::kBest, 10), order(SortOrder::kBest, 1));
}

TEST_F(StoreTest, PinnedCommentsLead) {
  Add(MakeComment("a", "t", "2026-01-01T00:00:00Z"));
  StoredComment pinned = MakeComment("b", "t", "2026-01-01T00:01:00Z");
  pinned.pinned = true;
  Add(pinned);
  CommentPage page = store_->ListPage({"t", SortOrder::kOldest, 10, std::nullopt, ""});
  EXPECT_EQ(Ids(page.comments), (std::vector<std::string>{"b", "a"}));
}

TEST_F(StoreTest, PagesShowPendingCommentsOnlyToTheirAuthor) {
  StoredComment held = MakeComment("held", "t", "2026-01-01T00:00:00Z");
  held.status = CommentStatus::kPending;
  held.author_id = "gauthor";
  Add(held);
  Add(MakeComment("shown", "t", "2026-01-01T00:01:00Z"));
  EXPECT_EQ(Ids(store_->ListPage({"t", SortOrder::kOldest, 10, std::nullopt, ""}).comments),
            (std::vector<std::string>{"shown"}));
  EXPECT_EQ(Ids(store_->ListPage({"t", SortOrder::kOldest, 10, std::nullopt, "gauthor"}).comments),
            (std::vector<std::string>{"held", "shown"}));
}

TEST_F(StoreTest, HiddenTopLevelCommentsWithVisibleRepliesStayOnThePage) {
  StoredComment deleted = MakeComment("gone", "t", "2026-01-01T00:00:00Z");
  deleted.status = CommentStatus::kDeleted;
  Add(deleted);
  Add(MakeComment("reply", "t", "2026-01-01T00:01:00Z", "gone"));
  StoredComment lonely = MakeComment("lonely", "t", "2026-01-01T00:02:00Z");
  lonely.status = CommentStatus::kDeleted;
  Add(lonely);
  EXPECT_EQ(Ids(store_->ListPage({"t", SortOrder::kOldest, 10, std::nullopt, ""}).comments),
            (std::vector<std::string>{"gone", "reply"}));
}

TEST_F(StoreTest, UnknownThreadsHaveEmptyPagesAndZeroCounts) {
  EXPECT_TRUE(
      store_->ListPage({"nope", SortOrder::kOldest, 10, std::nullopt, ""}).comments.empty());
  Add(MakeComment("a", "t", "2026-01-01T00:00:00Z"));
  StoredComment held = MakeComment("b", "t", "2026-01-01T00:00:00Z");
  held.status = CommentStatus::kPending;
  Add(held);
  EXPECT_EQ(store_->CountPublished({"t", "nope", "t"}), (std::vector<int64_t>{1, 0, 1}));
}

TEST_F(StoreTest, UpdatesChangeBodyStatusAndEditedAndBumpTheRevision) {
  Add(MakeComment("a", "t", "2026-01-01T00:00:00Z"));
  int64_t before = store_->FindThread("t")->revision;
  CommentUpdate update;
  update.id = "a";
  update.body = "new text";
  update.status = CommentStatus::kPending;
  update.edited = "2026-01-01T00:05:00Z";
  EXPECT_TRUE(store_->UpdateComment(update));
  StoredComment after = *store_->FindComment("a");
  EXPECT_EQ(after.body, "new text");
  EXPECT_EQ(after.status, CommentStatus::kPending);
  EXPECT_EQ(after.edited, "2026-01-01T00:05:00Z");
  EXPECT_GT(store_->FindThread("t")->revision, before);
  update.id = "missing";
  EXPECT_FALSE(store_->UpdateComment(update));
}

TEST_F(StoreTest, OneVotePerIdentityThatCanChangeOrBeWithdrawn) {
  Add(MakeComment("a", "t", "2026-01-01T00:00:00Z"));
  EXPECT_EQ(store_->SetVote("a", "x", 1)->up, 1);
  EXPECT_EQ(store_->SetVote("a", "x", 1)->up, 1);  // again: still one vote
  VoteTally changed = *store_->SetVote("a", "x", -1);
  EXPECT_EQ(changed.up, 0);
  EXPECT_EQ(changed.down, 1);
  store_->SetVote("a", "y", 1);
  VoteTally withdrawn = *store_->SetVote("a", "x", 0);
  EXPECT_EQ(withdrawn.up, 1);
  EXPECT_EQ(withdrawn.down, 0);
  EXPECT_FALSE(store_->SetVote("missing", "x", 1).has_value());
}

TEST_F(StoreTest, EnoughDistinctFlagsSendACommentToReview) {
  Add(MakeComment("a", "t", "2026-01-01T00:00:00Z"));
  const std::string now = "2026-01-01T00:10:00Z";
  EXPECT_TRUE(store_->AddFlag("a", "x", "spam", "", now, 2)->counted);
  FlagOutcome repeated = *store_->AddFlag("a", "x", "spam", "", now, 2);
  EXPECT_FALSE(repeated.counted);
  EXPECT_FALSE(repeated.sent_to_review);
  EXPECT_EQ(store_->FindComment("a")->status, CommentStatus::kPublished);
  FlagOutcome second = *store_->AddFlag("a", "y", "abuse", "rude", now, 2);
  EXPECT_TRUE(second.sent_to_review);
  EXPECT_EQ(store_->FindComment("a")->status, CommentStatus::kPending);
  EXPECT_FALSE(store_->AddFlag("a", "z", "spam", "", now, 2)->sent_to_review);
}

TEST_F(StoreTest, BansMatchAnyOfTheirKeysUntilTheyExpire) {
  store_->AddBan({BanKind::kIdentity, "gbad", "spam", "2026-01-01T00:00:00Z", ""});
  store_->AddBan(
      {BanKind::kEmail, "troll@example.com", "", "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z"});
  store_->AddBan({BanKind::kIp, "abcd", "", "2026-01-01T00:00:00Z", ""});
  const std::string jan = "2026-01-15T00:00:00Z";
  EXPECT_TRUE(store_->FindBan("gbad", "", "", jan).has_value());
  EXPECT_TRUE(store_->FindBan("gok", "troll@example.com", "", jan).has_value());
  EXPECT_FALSE(store_->FindBan("gok", "troll@example.com", "", "2026-03-01T00:00:00Z").has_value());
  EXPECT_TRUE(store_->FindBan("", "", "abcd", jan).has_value());
  EXPECT_FALSE(store_->FindBan("gok", "ok@example.com", "ef01", jan).has_value());
  EXPECT_FALSE(store_->FindBan("", "", "", jan).has_value());  // empty keys never match
  EXPECT_EQ(store_->ListBans().size(), 3u);
  EXPECT_TRUE(store_->RemoveBan(BanKind::kIdentity, "gbad"));
  EXPECT_FALSE(store_->RemoveBan(BanKind::kIdentity, "gbad"));
  EXPECT_FALSE(store_->FindBan("gbad", "", "", jan).has_value());
}

TEST_F(StoreTest, SettingsAreCreatedOnceAndKept) {
  int made = 0;
  auto make = [&] {
    ++made;
    return std::string("secret-") + std::to_string(made);
  };
  EXPECT_EQ(store_->GetOrCreateSetting("key", make), "secret-1");
  EXPECT_EQ(store_->GetOrCreateSetting("key", make), "secret-1");
  store_.reset();
  SqliteStore reopened(dir_.File("parley.db"), ScoreRank);
  EXPECT_EQ(reopened.GetOrCreateSetting("key", make), "secret-1");
  EXPECT_EQ(made, 1);
}

TEST_F(StoreTest, CommentsSurviveReopening) {
  Add(MakeComment("a", "t", "2026-01-01T00:00:00Z"));
  store_.reset();
  SqliteStore reopened(dir_.File("parley.db"), ScoreRank);
  EXPECT_TRUE(reopened.FindComment("a").has_value());
}

TEST_F(StoreTest, ImportAddsNewCommentsAndSkipsExistingOnes) {
  Add(MakeComment("a", "t", "2026-01-01T00:00:00Z"));
  std::vector<StoredComment> batch = {
      MakeComment("a", "t", "2026-01-01T00:00:00Z"),
      MakeComment("b", "t", "2026-01-01T00:01:00Z", "a"),
      MakeComment("c", "new-thread", "2026-01-01T00:02:00Z"),
  };
  batch[0].body = "must not overwrite";
  ImportCounts counts = store_->Import(batch);
  EXPECT_EQ(counts.comments_added, 2);
  EXPECT_EQ(counts.comments_skipped, 1);
  EXPECT_EQ(counts.threads_created, 1);
  EXPECT_EQ(store_->FindComment("a")->body, "Comment a");
  ImportCounts again = store_->Import(batch);
  EXPECT_EQ(again.comments_added, 0);
  EXPECT_EQ(again.comments_skipped, 3);
}

TEST_F(StoreTest, ImportIsAllOrNothing) {
  std::vector<StoredComment> batch = {
      MakeComment("a", "t", "2026-01-01T00:00:00Z"),
      MakeComment("b", "t", "2026-01-01T00:01:00Z", "not-there"),
  };
  EXPECT_THROW(store_->Import(batch), StoreError);
  EXPECT_FALSE(store_->FindComment("a").has_value());
}

TEST_F(StoreTest, ExportVisitsThreadsInCreationOrderWithAllComments) {
  Add(MakeComment("a", "first", "2026-01-01T00:00:00Z"));
  Add(MakeComment("b", "second", "2026-01-01T00:01:00Z"));
  StoredComment held = MakeComment("c", "first", "2026-01-01T00:02:00Z");
  held.status = CommentStatus::kRejected;
  Add(held);
  std::vector<std::string> seen;
  store_->ForEachThread([&](const ThreadInfo& thread, const std::vector<StoredComment>& comments) {
    seen.push_back(thread.key + ":" + std::to_string(comments.size()));
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"first:2", "second:1"}));
}

TEST_F(StoreTest, ConcurrentWritersAndReadersAllSucceed) {
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        StoredComment comment = MakeComment("w" + std::to_string(t) + "-" + std::to_string(i),
                                            "busy", "2026-01-01T00:00:00Z");
        EXPECT_EQ(store_->InsertComment(&comment), InsertError::kNone);
        store_->ListPage({"busy", SortOrder::kNewest, 10, std::nullopt, ""});
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(store_->CountPublished({"busy"}).front(), 100);
}

TEST_F(StoreTest, UsesWalAndFullSyncAndTheLatestSchema) {
  store_.reset();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(dir_.File("parley.db").c_str(), &db), SQLITE_OK);
  auto single = [&](const char* sql) {
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db, sql, -1, &statement, nullptr);
    sqlite3_step(statement);
    std::string value = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    sqlite3_finalize(statement);
    return value;
  };
  EXPECT_EQ(single("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(single("PRAGMA user_version"), std::to_string(LatestSchemaVersion()));
  sqlite3_close(db);
  // synchronous is per connection: check the store's own connection sets FULL (2).
  SqliteConnection connection(dir_.File("parley.db"), ScoreRank);
  SqliteStatement statement = connection.Prepare("PRAGMA synchronous");
  ASSERT_TRUE(statement.Step());
  EXPECT_EQ(statement.Int(0), 2);
}

TEST_F(StoreTest, RefusesADatabaseFromANewerVersion) {
  store_.reset();
  {
    SqliteConnection connection(dir_.File("parley.db"), ScoreRank);
    connection.Exec("PRAGMA user_version = 999");
  }
  EXPECT_THROW(SqliteStore(dir_.File("parley.db"), ScoreRank), StoreError);
}

TEST(OpenStore, AcceptsSqliteUrlsAndExplainsOthers) {
  TempDir dir;
  std::string error;
  EXPECT_NE(OpenStore("sqlite:" + dir.File("nested/folder/p.db"), ScoreRank, &error), nullptr);
  EXPECT_EQ(OpenStore("postgres://localhost/parley", ScoreRank, &error), nullptr);
  EXPECT_NE(error.find("PostgreSQL"), std::string::npos);
  EXPECT_EQ(OpenStore("mysql://x", ScoreRank, &error), nullptr);
  EXPECT_EQ(OpenStore("sqlite:", ScoreRank, &error), nullptr);
}

}  // namespace
}  // namespace parley::storage
