#include "api/handlers.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api/comment_view.h"
#include "api/request_checks.h"
#include "core_adapters/thread_renderer.h"
#include "identity/author_token.h"
#include "identity/signin_token.h"
#include "parley/thread/render.h"
#include "server_test_support.h"
#include "storage/sqlite_store.h"

namespace parley::api {
namespace {

using nlohmann::json;
using testing::TempDir;

constexpr int64_t kStart = 1800000000;  // 2027-01-15T08:00:00Z
constexpr std::string_view kSignInSecret = "shared-with-the-publisher";

// A handler-level test bed: a real SQLite store in a temporary folder, the real core policy
// (with a few site terms), a clock the test moves, and request builders.
class HandlersTest : public ::testing::Test {
 protected:
  HandlersTest() : clock_(kStart) {
    config_.comments_per_ip = {1000, 60};
    config_.comments_per_identity = {1000, 60};
    config_.actions_per_ip = {1000, 60};
    store_ = std::make_unique<storage::SqliteStore>(dir_.File("p.db"), core_adapters::BestRank);
    Rebuild();
  }

  // Rebuilds the context after a test changed the configuration or policy.
  void Rebuild(std::string policy_json = R"({"banned": ["frobnicate"], "suspect": ["wibble"]})") {
    std::string error;
    policy_ = core_adapters::DiscussionPolicy::Load(policy_json, &error);
    ASSERT_NE(policy_, nullptr) << error;
    context_.store = store_.get();
    context_.config = &config_;
    context_.clock = &clock_;
    context_.policy = policy_;
    context_.events = &events_;
    context_.metrics = &metrics_;
    context_.limiter = &limiter_;
    context_.token_secret = "token-secret";
    context_.ip_salt = "ip-salt";
    context_.monotonic_ms = [this] { return clock_.Now() * 1000; };
  }

  ApiRequest Request(std::string method, std::vector<std::string> params, json body = nullptr) {
    ApiRequest request;
    request.method = std::move(method);
    request.path_params = std::move(params);
    if (!body.is_null()) request.body = body.dump();
    request.client_ip = "192.0.2.10";
    return request;
  }

  // Posts a comment as a guest; returns the response body (and the status in *status).
  json Post(const std::string& thread, json body, int* status = nullptr,
            const std::string& author_token = "") {
    ApiRequest request = Request("POST", {thread}, std::move(body));
    if (!author_token.empty()) request.headers.emplace("X-Parley-Author", author_token);
    ApiResponse response = CreateComment(request, context_);
    if (status != nullptr) *status = response.status;
    return json::parse(response.body);
  }

  // Posts and expects 201; returns {"comment", "editToken", "authorToken"}.
  json PostOk(const std::string& thread, const std::string& text, const std::string& name = "Ann",
              const std::string& parent = "", const std::string& author_token = "") {
    json body = {{"body", text}, {"author", {{"name", name}}}};
    if (!parent.empty()) body["parent"] = parent;
    int status = 0;
    json reply = Post(thread, body, &status, author_token);
    EXPECT_EQ(status, 201) << reply.dump();
    return reply;
  }

  json List(const std::string& thread, const std::string& query_sort = "",
            const std::string& viewer_token = "") {
    ApiRequest request = Request("GET", {thread});
    if (!query_sort.empty()) request.query.emplace("sort", query_sort);
    if (!viewer_token.empty()) request.headers.emplace("X-Parley-Author", viewer_token);
    ApiResponse response = ListComments(request, context_);
    EXPECT_EQ(response.status, 200) << response.body;
    return json::parse(response.body);
  }

  static std::string ErrorCode(const ApiResponse& response) {
    return json::parse(response.body)["error"]["code"].get<std::string>();
  }

  TempDir dir_;
  config::ServerConfig config_;
  clock::ManualClock clock_;
  std::unique_ptr<storage::SqliteStore> store_;
  std::shared_ptr<const core_adapters::DiscussionPolicy> policy_;
  events::EventHub events_;
  metrics::Metrics metrics_;
  abuse::RateLimiter limiter_;
  ApiContext context_;
};

TEST_F(HandlersTest, AGuestPostsAndEveryoneReadsIt) {
  json reply = PostOk("article-1", "Hello *world*", "  Nare   Ohanian ");
  const json& comment = reply["comment"];
  EXPECT_EQ(comment["status"], "published");
  EXPECT_EQ(comment["author"]["name"], "Nare Ohanian");
  EXPECT_EQ(comment["created"], "2027-01-15T08:00:00Z");
  EXPECT_EQ(comment["parent"], nullptr);
  EXPECT_EQ(comment["edited"], nullptr);
  EXPECT_TRUE(reply["editToken"].is_string());
  ASSERT_TRUE(reply["authorToken"].is_string());
  EXPECT_EQ(identity::VerifyAuthorToken(reply["authorToken"].get<std::string>(), "token-secret"),
            comment["author"]["id"].get<std::string>());

  json page = List("article-1");
  EXPECT_EQ(page["thread"]["id"], "article-1");
  EXPECT_EQ(page["thread"]["count"], 1);
  ASSERT_EQ(page["comments"].size(), 1u);
  EXPECT_EQ(page["comments"][0], comment);
  EXPECT_EQ(page["next"], nullptr);
}

TEST_F(HandlersTest, PublicOutputNeverCarriesPrivateFields) {
  int status = 0;
  json reply =
      Post("t",
           {{"body", "hi"},
            {"author",
             {{"name", "Ann"}, {"email", "ann@example.com"}, {"website", "https://ann.example"}}}},
           &status);
  ASSERT_EQ(status, 201);
  std::string everything = reply.dump() + List("t").dump();
  EXPECT_EQ(everything.find("ann@example.com"), std::string::npos);
  EXPECT_EQ(everything.find("192.0.2.10"), std::string::npos);
  EXPECT_EQ(everything.find("ipHash"), std::string::npos);
  EXPECT_EQ(reply["comment"]["author"]["website"], "https://ann.example");
}

TEST_F(HandlersTest, UnknownThreadsReadAsEmpty) {
  json page = List("never-commented");
  EXPECT_EQ(page["thread"]["count"], 0);
  EXPECT_EQ(page["thread"]["created"], nullptr);
  EXPECT_TRUE(page["comments"].empty());
}

TEST_F(HandlersTest, ThreadIdsMayBePathsButNotControlCharacters) {
  PostOk("/2026/11/a-story/", "hello");
  EXPECT_EQ(List("/2026/11/a-story/")["thread"]["count"], 1);
  for (std::string bad :
       {std::string(""), std::string(300, 'x'), std::string("a\nb"), std::string("bad\xff")}) {
    ApiResponse response = ListComments(Request("GET", {bad}), context_);
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(ErrorCode(response), "invalid_thread");
  }
}

TEST_F(HandlersTest, MalformedBodiesAreClientErrors) {
  struct Case {
    std::string body;
    std::string code;
  };
  std::vector<Case> cases = {
      {"", "invalid_json"},
      {"{", "invalid_json"},
      {"[1,2]", "invalid_json"},
      {"\"text\"", "invalid_json"},
      {R"({"body": "x\ud800"})", "invalid_json"},  // lone surrogate
      {"{\"body\": \"\xc3\x28\"}", "invalid_utf8"},
      {R"({"body": 5, "author": {"name": "A"}})", "invalid_request"},
      {R"({"body": "x", "author": "Ann"})", "invalid_request"},
      {R"({"body": "x", "author": {"name": ["A"]}})", "invalid_request"},
      {R"({"body": "x", "author": {"name": "A"}, "parent": 7})", "invalid_request"},
      {R"({"author": {"name": "A"}})", "invalid_request"},
      {R"({"body": "x"})", "invalid_request"},
      {R"({"body": "x", "author": {}})", "invalid_request"},
      {R"({"body": "x", "author": {"name": "   "}})", "invalid_name"},
      {R"({"body": "x", "author": {"name": "A", "email": "nope"}})", "invalid_email"},
      {R"j({"body": "x", "author": {"name": "A", "website": "javascript:alert(1)"}})j",
       "invalid_website"},
      {R"({"body": "   ", "author": {"name": "A"}})", "empty_body"},
  };
  for (const Case& test : cases) {
    ApiRequest request = Request("POST", {"t"});
    request.body = test.body;
    ApiResponse response = CreateComment(request, context_);
    EXPECT_EQ(response.status, 400) << test.body;
    EXPECT_EQ(ErrorCode(response), test.code) << test.body;
    EXPECT_FALSE(json::parse(response.body)["error"]["message"].get<std::string>().empty());
  }
  EXPECT_FALSE(store_->FindThread("t").has_value());
}

TEST_F(HandlersTest, NullOptionalFieldsCountAsAbsent) {
  int status = 0;
  Post("t", {{"body", "x"}, {"parent", nullptr}, {"author", {{"name", "A"}, {"email", nullptr}}}},
       &status);
  EXPECT_EQ(status, 201);
}

TEST_F(HandlersTest, RepliesNeedAVisibleParentInTheSameThread) {
  std::string parent = PostOk("t", "first")["comment"]["id"];
  json reply = PostOk("t", "a reply", "Bob", parent);
  EXPECT_EQ(reply["comment"]["parent"], parent);

  int status = 0;
  json missing =
      Post("t", {{"body", "x"}, {"author", {{"name", "A"}}}, {"parent", "nope"}}, &status);
  EXPECT_EQ(status, 404);
  EXPECT_EQ(missing["error"]["code"], "parent_not_found");
  json elsewhere =
      Post("other", {{"body", "x"}, {"author", {{"name", "A"}}}, {"parent", parent}}, &status);
  EXPECT_EQ(status, 404);
  EXPECT_FALSE(store_->FindThread("other").has_value());
}

TEST_F(HandlersTest, RepliesToDeletedCommentsAreRefused) {
  json first = PostOk("t", "first");
  ApiRequest remove = Request("DELETE", {first["comment"]["id"]});
  remove.headers.emplace("X-Parley-Edit-Token", first["editToken"]);
  ASSERT_EQ(DeleteComment(remove, context_).status, 204);
  int status = 0;
  json refused =
      Post("t", {{"body", "x"}, {"author", {{"name", "A"}}}, {"parent", first["comment"]["id"]}},
           &status);
  EXPECT_EQ(status, 409);
  EXPECT_EQ(refused["error"]["code"], "parent_deleted");
}

TEST_F(HandlersTest, AnAuthorTokenKeepsOneIdentity) {
  json first = PostOk("t", "one");
  std::string token = first["authorToken"];
  json second = PostOk("t", "two", "Ann", "", token);
  EXPECT_EQ(second["comment"]["author"]["id"], first["comment"]["author"]["id"]);
  EXPECT_FALSE(second.contains("authorToken"));
}

TEST_F(HandlersTest, ForgedAuthorTokensAre401) {
  int status = 0;
  json refused = Post("t", {{"body", "x"}, {"author", {{"name", "A"}}}}, &status,
                      identity::AuthorTokenFor("gaaaaaaaaaaaaaaaa", "not-our-secret"));
  EXPECT_EQ(status, 401);
  EXPECT_EQ(refused["error"]["code"], "invalid_author_token");
  // Reads ignore a bad token instead of failing the page.
  ApiRequest read = Request("GET", {"t"});
  read.headers.emplace("X-Parley-Author", "garbage");
  EXPECT_EQ(ListComments(read, context_).status, 200);
}

TEST_F(HandlersTest, SignInTokensNameTheAuthor) {
  auto post_with = [&](const std::string& token, int* status) {
    ApiRequest request = Request("POST", {"t"}, {{"body", "Signed in"}});
    request.headers.emplace("Authorization", "Bearer " + token);
    ApiResponse response = CreateComment(request, context_);
    *status = response.status;
    return json::parse(response.body);
  };
  std::string token = identity::SignHs256(
      R"({"sub":"acct-7","name":"Staff Writer","email":"w@news.example","exp":1800000600,)"
      R"("badges":["staff"]})",
      kSignInSecret);
  int status = 0;
  json disabled = post_with(token, &status);
  EXPECT_EQ(status, 401);
  EXPECT_EQ(disabled["error"]["code"], "sign_in_disabled");

  config_.sign_in_secret = std::string(kSignInSecret);
  json reply = post_with(token, &status);
  ASSERT_EQ(status, 201) << reply.dump();
  EXPECT_EQ(reply["comment"]["author"]["name"], "Staff Writer");
  EXPECT_EQ(reply["comment"]["author"]["badges"], json({"verified", "staff"}));
  EXPECT_EQ(reply["comment"]["author"]["id"].get<std::string>()[0], 'u');
  EXPECT_FALSE(reply.contains("authorToken"));

  clock_.Advance(3600);
  EXPECT_EQ(post_with(token, &status)["error"]["code"], "token_expired");
  EXPECT_EQ(status, 401);
  clock_.Set(kStart);
  EXPECT_EQ(post_with(identity::SignHs256(R"({"sub":"acct-7","exp":1800000600})", "forged"),
                      &status)["error"]["code"],
            "invalid_token");
  EXPECT_EQ(status, 401);
}

TEST_F(HandlersTest, ThePolicyRejectsWith422AndItsReasons) {
  int status = 0;
  json refused =
      Post("t", {{"body", "please frobnicate this"}, {"author", {{"name", "A"}}}}, &status);
  EXPECT_EQ(status, 422);
  EXPECT_EQ(refused["error"]["code"], "policy_rejected");
  ASSERT_FALSE(refused["error"]["reasons"].empty());
  const json& reason = refused["error"]["reasons"][0];
  EXPECT_EQ(reason["code"], "banned_word");
  EXPECT_EQ(reason["start"], 7);
  EXPECT_EQ(reason["end"], 17);
  EXPECT_FALSE(store_->FindThread("t").has_value());
}

TEST_F(HandlersTest, PolicyReviewHoldsTheCommentForEveryoneButItsAuthor) {
  json held = PostOk("t", "a wibble here");
  EXPECT_EQ(held["comment"]["status"], "pending");
  EXPECT_TRUE(List("t")["comments"].empty());
  json own = List("t", "", held["authorToken"]);
  ASSERT_EQ(own["comments"].size(), 1u);
  EXPECT_EQ(own["comments"][0]["status"], "pending");
  EXPECT_EQ(List("t")["thread"]["count"], 0);
}

TEST_F(HandlersTest, PreModerationHoldsEverythingButStaff) {
  config_.moderation = moderation::ModerationMode::kPre;
  EXPECT_EQ(PostOk("t", "hello")["comment"]["status"], "pending");
  config_.sign_in_secret = std::string(kSignInSecret);
  ApiRequest request = Request("POST", {"t"}, {{"body", "from the newsroom"}});
  request.headers.emplace(
      "Authorization",
      "Bearer " +
          identity::SignHs256(R"({"sub":"s","name":"Editor","exp":1800000600,"badges":["staff"]})",
                              kSignInSecret));
  ApiResponse response = CreateComment(request, context_);
  ASSERT_EQ(response.status, 201) << response.body;
  EXPECT_EQ(json::parse(response.body)["comment"]["status"], "published");
}

TEST_F(HandlersTest, FirstCommentModerationHoldsNewIdentitiesOnly) {
  config_.moderation = moderation::ModerationMode::kFirst;
  json first = PostOk("t", "my first comment");
  EXPECT_EQ(first["comment"]["status"], "pending");
  std::string token = first["authorToken"];
  EXPECT_EQ(PostOk("t", "still new", "Ann", "", token)["comment"]["status"], "pending");
  // A moderator approves the first one (the dashboard comes later; the store does it here).
  storage::CommentUpdate approve;
  approve.id = first["comment"]["id"];
  approve.status = storage::CommentStatus::kPublished;
  store_->UpdateComment(approve);
  EXPECT_EQ(PostOk("t", "now trusted", "Ann", "", token)["comment"]["status"], "published");
}

TEST_F(HandlersTest, LinkModerationHoldsCommentsWithLinks) {
  config_.moderation = moderation::ModerationMode::kLinks;
  EXPECT_EQ(PostOk("t", "no links here")["comment"]["status"], "published");
  EXPECT_EQ(PostOk("t", "see https://example.com/x")["comment"]["status"], "pending");
  EXPECT_EQ(PostOk("t", "see [this](https://example.com)")["comment"]["status"], "pending");
  EXPECT_EQ(PostOk("t", "www.example.com")["comment"]["status"], "pending");
}

TEST_F(HandlersTest, EditsNeedTheEditTokenOrTheAuthorWithinTheWindow) {
  json posted = PostOk("t", "frist");
  std::string id = posted["comment"]["id"];
  auto edit = [&](const std::string& header, const std::string& value, const std::string& text) {
    ApiRequest request = Request("PATCH", {id}, {{"body", text}});
    if (!header.empty()) request.headers.emplace(header, value);
    return EditComment(request, context_);
  };
  EXPECT_EQ(edit("", "", "first").status, 401);
  EXPECT_EQ(ErrorCode(edit("X-Parley-Edit-Token", "wrong", "first")), "forbidden");
  json other = PostOk("t", "someone else");
  EXPECT_EQ(ErrorCode(edit("X-Parley-Author", other["authorToken"], "first")), "forbidden");

  clock_.Advance(60);
  ApiResponse edited = edit("X-Parley-Edit-Token", posted["editToken"], "first");
  ASSERT_EQ(edited.status, 200) << edited.body;
  json comment = json::parse(edited.body)["comment"];
  EXPECT_EQ(comment["body"], "first");
  EXPECT_EQ(comment["edited"], "2027-01-15T08:01:00Z");
  EXPECT_EQ(edit("X-Parley-Author", posted["authorToken"], "first!").status, 200);
  EXPECT_EQ(edit("X-Parley-Edit-Token", posted["editToken"], "a frobnicate").status, 422);
  EXPECT_EQ(store_->FindComment(id)->body, "first!");

  clock_.Advance(15 * 60);
  ApiResponse late = edit("X-Parley-Edit-Token", posted["editToken"], "too late");
  EXPECT_EQ(late.status, 403);
  EXPECT_EQ(ErrorCode(late), "edit_window_closed");
  ApiResponse unknown = EditComment(Request("PATCH", {"nope"}, {{"body", "x"}}), context_);
  EXPECT_EQ(unknown.status, 404);
}

TEST_F(HandlersTest, AnEditThatNeedsReviewHidesThePublishedComment) {
  json posted = PostOk("t", "fine");
  ApiRequest request = Request("PATCH", {posted["comment"]["id"]}, {{"body", "now wibble"}});
  request.headers.emplace("X-Parley-Edit-Token", posted["editToken"]);
  ApiResponse response = EditComment(request, context_);
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(json::parse(response.body)["comment"]["status"], "pending");
  EXPECT_TRUE(List("t")["comments"].empty());
}

TEST_F(HandlersTest, DeletedCommentsLeaveAPlaceholderOnlyWhereRepliesHang) {
  json parent = PostOk("t", "parent");
  json lonely = PostOk("t", "lonely");
  PostOk("t", "reply", "Bob", parent["comment"]["id"]);
  for (const json* posted : {&parent, &lonely}) {
    ApiRequest request = Request("DELETE", {(*posted)["comment"]["id"]});
    request.headers.emplace("X-Parley-Edit-Token", (*posted)["editToken"]);
    EXPECT_EQ(DeleteComment(request, context_).status, 204);
    EXPECT_EQ(DeleteComment(request, context_).status, 204);  // idempotent
  }
  json comments = List("t")["comments"];
  ASSERT_EQ(comments.size(), 2u);
  EXPECT_EQ(comments[0]["status"], "deleted");
  EXPECT_EQ(comments[0]["body"], "");
  EXPECT_EQ(comments[0]["author"]["name"], "");
  EXPECT_EQ(comments[1]["body"], "reply");
  EXPECT_EQ(store_->FindComment(parent["comment"]["id"].get<std::string>())->body, "");
}

TEST_F(HandlersTest, VotesAreOnePerIdentity) {
  json posted = PostOk("t", "vote on me");
  std::string id = posted["comment"]["id"];
  json voter = PostOk("t", "a voter");
  auto vote = [&](json value, const std::string& token) {
    ApiRequest request = Request("POST", {id}, {{"value", value}});
    if (!token.empty()) request.headers.emplace("X-Parley-Author", token);
    return VoteOnComment(request, context_);
  };
  ApiResponse up = vote(1, voter["authorToken"]);
  ASSERT_EQ(up.status, 200) << up.body;
  EXPECT_EQ(json::parse(up.body)["score"], json({{"up", 1}, {"down", 0}}));
  EXPECT_EQ(json::parse(vote(1, voter["authorToken"]).body)["score"]["up"], 1);
  EXPECT_EQ(json::parse(vote(-1, voter["authorToken"]).body)["score"],
            json({{"up", 0}, {"down", 1}}));
  ApiResponse anonymous = vote(1, "");
  EXPECT_TRUE(json::parse(anonymous.body).contains("authorToken"));
  EXPECT_EQ(ErrorCode(vote(2, voter["authorToken"])), "invalid_vote");
  EXPECT_EQ(ErrorCode(vote("up", voter["authorToken"])), "invalid_request");
  EXPECT_EQ(ErrorCode(vote(1, posted["authorToken"])), "own_comment");
  EXPECT_EQ(VoteOnComment(Request("POST", {"nope"}, {{"value", 1}}), context_).status, 404);
}

TEST_F(HandlersTest, EnoughFlagsSendACommentToReview) {
  config_.flag_threshold = 2;
  std::string id = PostOk("t", "contested")["comment"]["id"];
  int64_t before = events_.LastId();
  auto flag = [&](json body) {
    return FlagComment(Request("POST", {id}, std::move(body)), context_);
  };
  EXPECT_EQ(ErrorCode(flag({{"reason", "boring"}})), "invalid_reason");
  EXPECT_EQ(ErrorCode(flag(json::object())), "invalid_request");
  EXPECT_EQ(flag({{"reason", "spam"}}).status, 200);
  EXPECT_EQ(List("t")["comments"].size(), 1u);
  EXPECT_EQ(flag({{"reason", "abuse"}, {"note", "insults"}}).status, 200);
  EXPECT_TRUE(List("t")["comments"].empty());
  auto waited = events_.Wait("t", before, std::chrono::milliseconds(0));
  ASSERT_TRUE(waited.has_value());
  ASSERT_FALSE(waited->events.empty());
  EXPECT_EQ(waited->events.back().type, "removed");
  EXPECT_EQ(flag({{"reason", "spam"}}).status, 404);  // held: no longer public
}

TEST_F(HandlersTest, BansCoverIdentityEmailAndAddress) {
  json posted = PostOk("t", "before the ban");
  std::string token = posted["authorToken"];
  store_->AddBan({storage::BanKind::kIdentity, posted["comment"]["author"]["id"].get<std::string>(),
                  "", "", ""});
  int status = 0;
  json refused = Post("t", {{"body", "after"}, {"author", {{"name", "A"}}}}, &status, token);
  EXPECT_EQ(status, 403);
  EXPECT_EQ(refused["error"]["code"], "banned");

  store_->AddBan({storage::BanKind::kEmail, "troll@example.com", "", "", ""});
  Post("t", {{"body", "x"}, {"author", {{"name", "A"}, {"email", "Troll@Example.com"}}}}, &status);
  EXPECT_EQ(status, 403);

  store_->AddBan({storage::BanKind::kIp, HashIp(context_, "192.0.2.10"), "", "", ""});
  Post("t", {{"body", "x"}, {"author", {{"name", "A"}}}}, &status);
  EXPECT_EQ(status, 403);
}

TEST_F(HandlersTest, RateLimitsAnswer429WithRetryAfter) {
  config_.comments_per_identity = {2, 60};
  json first = PostOk("t", "one");
  std::string token = first["authorToken"];
  PostOk("t", "two", "Ann", "", token);
  ApiRequest request = Request("POST", {"t"}, {{"body", "three"}, {"author", {{"name", "Ann"}}}});
  request.headers.emplace("X-Parley-Author", token);
  ApiResponse limited = CreateComment(request, context_);
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(ErrorCode(limited), "rate_limited");
  auto retry = limited.headers.find("Retry-After");
  ASSERT_NE(retry, limited.headers.end());
  EXPECT_GE(std::stoi(retry->second), 1);
  clock_.Advance(60);
  EXPECT_EQ(CreateComment(request, context_).status, 201);
}

TEST_F(HandlersTest, CountsCoverSeveralThreads) {
  PostOk("a", "1");
  PostOk("a", "2");
  PostOk("b", "3");
  ApiRequest request = Request("GET", {});
  request.query = {{"thread", "a"}, {"thread", "b"}, {"thread", "c"}};
  ApiResponse response = CountComments(request, context_);
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(json::parse(response.body)["counts"], json({{"a", 2}, {"b", 1}, {"c", 0}}));
  EXPECT_EQ(CountComments(Request("GET", {}), context_).status, 400);
}

TEST_F(HandlersTest, PagesFollowTheNextCursor) {
  for (int i = 0; i < 7; ++i) {
    PostOk("t", "comment " + std::to_string(i));
    clock_.Advance(1);
  }
  std::vector<std::string> seen;
  std::optional<std::string> cursor;
  for (int pages = 0; pages < 10; ++pages) {
    ApiRequest request = Request("GET", {"t"});
    request.query = {{"limit", "3"}, {"sort", "newest"}};
    if (cursor) request.query.emplace("cursor", *cursor);
    json page = json::parse(ListComments(request, context_).body);
    for (const json& comment : page["comments"]) seen.push_back(comment["body"]);
    if (page["next"].is_null()) break;
    cursor = page["next"].get<std::string>();
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"comment 6", "comment 5", "comment 4", "comment 3",
                                            "comment 2", "comment 1", "comment 0"}));
  ApiRequest wrong_sort = Request("GET", {"t"});
  wrong_sort.query = {{"sort", "oldest"}, {"cursor", *cursor}};
  EXPECT_EQ(ErrorCode(ListComments(wrong_sort, context_)), "invalid_cursor");
  for (auto [name, value] : std::vector<std::pair<std::string, std::string>>{{"limit", "0"},
                                                                             {"limit", "101"},
                                                                             {"limit", "ten"},
                                                                             {"sort", "random"},
                                                                             {"cursor", "!!"}}) {
    ApiRequest bad = Request("GET", {"t"});
    bad.query.emplace(name, value);
    EXPECT_EQ(ListComments(bad, context_).status, 400) << name << "=" << value;
  }
}

TEST_F(HandlersTest, UnchangedThreadsAnswer304) {
  PostOk("t", "one");
  ApiResponse first = ListComments(Request("GET", {"t"}), context_);
  std::string tag = first.headers.find("ETag")->second;
  ApiRequest again = Request("GET", {"t"});
  again.headers.emplace("If-None-Match", tag);
  EXPECT_EQ(ListComments(again, context_).status, 304);
  PostOk("t", "two");
  EXPECT_EQ(ListComments(again, context_).status, 200);
}

TEST_F(HandlersTest, ServerHtmlIsTheCoreRenderingOfThePublicComments) {
  json parent = PostOk("t", "Parent *comment*", "<script>alert(1)</script>");
  PostOk("t", "Reply with [link](javascript:alert(1))", "Bob", parent["comment"]["id"]);
  ApiRequest request = Request("GET", {"t"});
  request.query = {{"sort", "newest"}, {"lang", "ru"}};
  ApiResponse html = RenderThreadPage(request, context_);
  ASSERT_EQ(html.status, 200) << html.body;
  EXPECT_EQ(html.content_type, "text/html; charset=utf-8");
  // The server takes each body as the bodyHtml of its own view; rendering the same comments'
  // markup afresh gives the same bytes.
  parley::thread::RenderResult expected = parley::thread::RenderThreadFromJson(
      DumpJson(List("t")["comments"]), R"({"sort":"newest","lang":"ru"})");
  ASSERT_TRUE(expected.ok()) << expected.error;
  EXPECT_EQ(html.body, expected.html);
  EXPECT_EQ(html.body.find("<script>"), std::string::npos);
  EXPECT_EQ(html.body.find("javascript:"), std::string::npos);

  ApiRequest bad = Request("GET", {"t"});
  bad.query = {{"cursor", "not-a-cursor"}};
  EXPECT_EQ(RenderThreadPage(bad, context_).status, 400);
}

TEST_F(HandlersTest, ChangesReachTheEventHub) {
  int64_t start = events_.LastId();
  json posted = PostOk("t", "live");
  ApiRequest edit = Request("PATCH", {posted["comment"]["id"]}, {{"body", "live!"}});
  edit.headers.emplace("X-Parley-Edit-Token", posted["editToken"]);
  EditComment(edit, context_);
  ApiRequest remove = Request("DELETE", {posted["comment"]["id"]});
  remove.headers.emplace("X-Parley-Edit-Token", posted["editToken"]);
  DeleteComment(remove, context_);
  config_.moderation = moderation::ModerationMode::kPre;
  PostOk("t", "held: not announced");
  auto waited = events_.Wait("t", start, std::chrono::milliseconds(0));
  ASSERT_TRUE(waited.has_value());
  std::vector<std::string> types;
  for (const auto& event : waited->events) types.push_back(event.type);
  EXPECT_EQ(types, (std::vector<std::string>{"created", "edited", "removed"}));
  EXPECT_EQ(json::parse(waited->events[0].data)["comment"]["body"], "live");
  EXPECT_EQ(json::parse(waited->events[2].data)["comment"]["body"], "");
}

TEST_F(HandlersTest, WidgetConfigCarriesThePolicyAndSettings) {
  ApiResponse response = WidgetConfig(Request("GET", {}), context_);
  ASSERT_EQ(response.status, 200);
  json body = json::parse(response.body);
  EXPECT_TRUE(body["policy"].is_object());
  EXPECT_EQ(body["policy"]["banned"], json({"frobnicate"}));
  EXPECT_EQ(body["editWindowSeconds"], 900);
  EXPECT_EQ(body["moderation"], "post");
  EXPECT_EQ(body["signIn"], false);
  EXPECT_EQ(body["limits"]["nameCharacters"], 64);
}

TEST_F(HandlersTest, MetricsCountWhatBecameOfComments) {
  PostOk("t", "published");
  PostOk("t", "wibble held");
  Post("t", {{"body", "frobnicate"}, {"author", {{"name", "A"}}}});
  std::string text = metrics_.Render(0);
  EXPECT_NE(text.find("parley_comments_total{outcome=\"published\"} 1"), std::string::npos);
  EXPECT_NE(text.find("parley_comments_total{outcome=\"held\"} 1"), std::string::npos);
  EXPECT_NE(text.find("parley_comments_total{outcome=\"rejected\"} 1"), std::string::npos);
}

TEST(CommentView, RedactsHiddenCommentsThatHaveVisibleReplies) {
  using storage::CommentStatus;
  std::vector<storage::StoredComment> comments = {
      testing::MakeComment("a", "t", "2026-01-01T00:00:00Z"),
      testing::MakeComment("b", "t", "2026-01-01T00:01:00Z", "a"),
      testing::MakeComment("c", "t", "2026-01-01T00:02:00Z", "b"),
      testing::MakeComment("d", "t", "2026-01-01T00:03:00Z"),
  };
  comments[0].status = CommentStatus::kRejected;
  comments[1].status = CommentStatus::kPending;
  comments[3].status = CommentStatus::kDeleted;
  json view = PublicView(comments, "");
  ASSERT_EQ(view.size(), 3u);
  EXPECT_EQ(view[0]["status"], "deleted");
  EXPECT_EQ(view[0]["body"], "");
  EXPECT_EQ(view[1]["status"], "deleted");
  EXPECT_EQ(view[2]["id"], "c");
  json own = PublicView(comments, "gb");  // b's author sees b
  EXPECT_EQ(own[1]["status"], "pending");
  EXPECT_EQ(own[1]["body"], "Comment b");
}

}  // namespace
}  // namespace parley::api
