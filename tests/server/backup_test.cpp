#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "backup/export_format.h"
#include "cli/cli.h"
#include "server_test_support.h"
#include "storage/sqlite_store.h"

namespace parley::backup {
namespace {

using nlohmann::json;
using testing::MakeComment;
using testing::ScoreRank;
using testing::TempDir;

std::string ExportOf(storage::Store* store) {
  std::ostringstream out;
  WriteExport(store, "2026-06-01T00:00:00Z", out);
  return out.str();
}

TEST(Backup, ExportThenImportRestoresEverything) {
  TempDir dir;
  storage::SqliteStore source(dir.File("source.db"), ScoreRank);
  storage::StoredComment first = MakeComment("a", "article-1", "2026-01-01T00:00:00Z");
  first.author_email = "ann@example.com";
  first.ip_hash = "0123abcd";
  first.author_badges = {"verified"};
  first.author_website = "https://ann.example";
  first.up = 3;
  first.pinned = true;
  source.InsertComment(&first);
  storage::StoredComment reply = MakeComment("b", "article-1", "2026-01-01T00:01:00Z", "a");
  reply.status = storage::CommentStatus::kPending;
  reply.edited = "2026-01-01T00:02:00Z";
  source.InsertComment(&reply);
  storage::StoredComment other = MakeComment("c", "/2026/story/", "2026-01-02T00:00:00Z");
  source.InsertComment(&other);
  std::string text = ExportOf(&source);

  json document = json::parse(text);
  EXPECT_EQ(document["parley"], "export");
  EXPECT_EQ(document["version"], 1);
  ASSERT_EQ(document["threads"].size(), 2u);
  EXPECT_EQ(document["threads"][0]["comments"][0]["private"]["email"], "ann@example.com");
  // The body's HTML is derived from the body, so an export keeps only the source.
  EXPECT_FALSE(document["threads"][0]["comments"][0].contains("bodyHtml"));

  ParsedImport parsed = ReadExport(text);
  ASSERT_TRUE(parsed.ok()) << parsed.errors.front();
  EXPECT_EQ(parsed.threads, 2u);
  storage::SqliteStore target(dir.File("target.db"), ScoreRank);
  storage::ImportCounts counts = target.Import(parsed.comments);
  EXPECT_EQ(counts.comments_added, 3);
  EXPECT_EQ(counts.threads_created, 2);
  EXPECT_EQ(ExportOf(&target), text);

  storage::ImportCounts again = target.Import(ReadExport(text).comments);
  EXPECT_EQ(again.comments_added, 0);
  EXPECT_EQ(again.comments_skipped, 3);
}

TEST(Backup, RepliesBeforeTheirParentsAreReordered) {
  json document = {{"parley", "export"},
                   {"version", 1},
                   {"threads",
                    {{{"id", "t"},
                      {"comments",
                       {{{"id", "child"},
                         {"parent", "root"},
                         {"author", {{"name", "B"}}},
                         {"body", "re"},
                         {"created", "2026-01-01T00:01:00+02:00"},
                         {"status", "published"}},
                        {{"id", "root"},
                         {"parent", nullptr},
                         {"author", {{"name", "A"}}},
                         {"body", "hi"},
                         {"created", "2026-01-01T00:00:00.123Z"},
                         {"status", "published"}}}}}}}};
  ParsedImport parsed = ReadExport(document.dump());
  ASSERT_TRUE(parsed.ok()) << parsed.errors.front();
  ASSERT_EQ(parsed.comments.size(), 2u);
  EXPECT_EQ(parsed.comments[0].id, "root");
  EXPECT_EQ(parsed.comments[0].created, "2026-01-01T00:00:00Z");
  EXPECT_EQ(parsed.comments[1].created, "2025-12-31T22:01:00Z");
}

TEST(Backup, ProblemsAreReportedAndNothingIsImported) {
  json comment = {{"id", "x"},
                  {"author", {{"name", "A"}}},
                  {"body", "b"},
                  {"created", "2026-01-01T00:00:00Z"},
                  {"status", "published"}};
  auto document_with = [&](json comments) {
    return json({{"parley", "export"},
                 {"version", 1},
                 {"threads", {{{"id", "t"}, {"comments", comments}}}}})
        .dump();
  };
  EXPECT_FALSE(ReadExport("not json").ok());
  EXPECT_FALSE(ReadExport(R"({"threads": []})").ok());
  EXPECT_FALSE(ReadExport(R"({"parley": "export", "version": 9, "threads": []})").ok());
  json bad_status = comment;
  bad_status["status"] = "visible";
  EXPECT_FALSE(ReadExport(document_with({bad_status})).ok());
  json bad_date = comment;
  bad_date["created"] = "yesterday";
  EXPECT_FALSE(ReadExport(document_with({bad_date})).ok());
  EXPECT_FALSE(ReadExport(document_with({comment, comment})).ok());  // duplicate id
  json self_reply = comment;
  self_reply["parent"] = "x";
  ParsedImport cycle = ReadExport(document_with({self_reply}));
  ASSERT_FALSE(cycle.ok());
  EXPECT_NE(cycle.errors.front().find("cycle"), std::string::npos);
  json hostile_site = comment;
  hostile_site["author"]["website"] = "javascript:alert(1)";
  EXPECT_FALSE(ReadExport(document_with({hostile_site})).ok());
}

TEST(Backup, CommandsRoundTripThroughFiles) {
  TempDir dir;
  std::string db = "sqlite:" + dir.File("cli.db");
  {
    storage::SqliteStore store(dir.File("cli.db"), ScoreRank);
    storage::StoredComment comment = MakeComment("a", "t", "2026-01-01T00:00:00Z");
    store.InsertComment(&comment);
  }
  auto run = [](const std::vector<std::string>& args, const std::string& input = "") {
    std::istringstream in(input);
    std::ostringstream out;
    std::ostringstream err;
    cli::CommandIo io{in, out, err};
    int code = cli::Run(args, io);
    return std::make_tuple(code, out.str(), err.str());
  };
  auto [export_code, exported, export_err] = run({"export", "--db", db});
  ASSERT_EQ(export_code, 0) << export_err;
  std::string target = "sqlite:" + dir.File("copy.db");
  auto [import_code, import_out, import_err] =
      run({"import", "--from", "json", "--db", target, "-"}, exported);
  ASSERT_EQ(import_code, 0) << import_err;
  EXPECT_NE(import_out.find("imported 1 comments"), std::string::npos);
  auto [again_code, again_out, again_err] =
      run({"import", "--from", "json", "--db", target, "-"}, exported);
  EXPECT_NE(again_out.find("skipped 1 already present"), std::string::npos);
  EXPECT_EQ(std::get<0>(run({"import", "--from", "disqus", "--db", target, "-"})), 2);
  EXPECT_EQ(std::get<0>(run({"import", "--db", target, "-"})), 2);
  EXPECT_EQ(std::get<0>(run({"import", "--from", "json", "--db", target, "-"}, "{}")), 1);

  auto [ban_code, ban_out, ban_err] =
      run({"ban", "--db", target, "--ip", "192.0.2.1", "--reason", "spam"});
  EXPECT_EQ(ban_code, 0) << ban_err;
  auto [list_code, list_out, list_err] = run({"ban", "--db", target, "--list"});
  EXPECT_NE(list_out.find("\"kind\":\"ip\""), std::string::npos);
  EXPECT_EQ(list_out.find("192.0.2.1"), std::string::npos);  // stored hashed
  EXPECT_EQ(std::get<0>(run({"ban", "--db", target})), 2);
  EXPECT_EQ(std::get<0>(run({"ban", "--db", target, "--email", "x@y.z", "--until", "soon"})), 2);
}

}  // namespace
}  // namespace parley::backup
