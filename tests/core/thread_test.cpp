#include <gtest/gtest.h>

#include <deque>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "parley/json.h"
#include "parley/thread/build.h"
#include "parley/thread/comment.h"
#include "parley/thread/page.h"
#include "parley/thread/render.h"

namespace {

using parley::thread::BuildThread;
using parley::thread::Comment;
using parley::thread::ThreadOptions;
using parley::thread::WilsonLowerBound;

// Comments view their text, so the ids made for a test are kept here for the whole run.
std::string_view Keep(std::string text) {
  static std::deque<std::string> kept;
  kept.push_back(std::move(text));
  return kept.back();
}

Comment Make(std::string id, std::string parent, int64_t minute) {
  Comment comment;
  comment.id = Keep(std::move(id));
  comment.parent = Keep(std::move(parent));
  comment.author.name = "A";
  comment.body = "x";
  comment.created.unix_ms = minute * 60000;
  comment.has_created = true;
  return comment;
}

TEST(Wilson, RanksConfidenceOverRawRatio) {
  EXPECT_EQ(WilsonLowerBound(0, 0), 0);
  EXPECT_GT(WilsonLowerBound(100, 10), WilsonLowerBound(1, 0));  // many good votes beat one
  EXPECT_GT(WilsonLowerBound(10, 0), WilsonLowerBound(10, 5));
  EXPECT_NEAR(WilsonLowerBound(1, 0), 0.2065, 1e-4);
  EXPECT_LT(WilsonLowerBound(1000000, 0), 1.0);
}

TEST(BuildThread, AVeryDeepChainNeedsNoRecursion) {
  // 200,000 nested replies: building and rendering must not grow the C++ stack with depth.
  std::vector<Comment> comments;
  comments.push_back(Make("0", "", 0));
  for (int i = 1; i < 200000; ++i) comments.push_back(Make(std::to_string(i), std::to_string(i - 1), i));
  ThreadOptions options;
  auto thread = BuildThread(comments, options);
  ASSERT_EQ(thread.top_level.size(), 1u);
  EXPECT_EQ(thread.shown_count, 200000);
  std::string error;
  auto page = parley::thread::SelectPage(thread, options, &error);
  const std::string html = parley::thread::RenderThreadHtml(thread, page, options);
  EXPECT_NE(html.find("data-parley-id=\"199999\""), std::string::npos);
  EXPECT_NE(html.find("in reply to A"), std::string::npos);
}

TEST(BuildThread, ALongCycleIsBrokenOnce) {
  std::vector<Comment> comments;
  const int n = 50000;
  for (int i = 0; i < n; ++i) comments.push_back(Make(std::to_string(i), std::to_string((i + 1) % n), i));
  auto thread = BuildThread(comments, {});
  EXPECT_EQ(thread.cycles_broken, 1u);
  ASSERT_EQ(thread.top_level.size(), 1u);
  EXPECT_EQ(thread.nodes[static_cast<size_t>(thread.top_level[0])].comment->id, "0");
  EXPECT_EQ(thread.shown_count, n);
}

TEST(BuildThread, EveryCommentIsPlacedOnce) {
  std::vector<Comment> comments;
  for (int i = 0; i < 1000; ++i) {
    // A mix: roots, replies to earlier and later comments, orphans, duplicates, self-replies.
    std::string parent = i % 7 == 0 ? "" : std::to_string((i * 31) % 1000);
    if (i % 11 == 0) parent = "missing-" + std::to_string(i);
    comments.push_back(Make(std::to_string(i % 997), parent, i));
  }
  auto thread = BuildThread(comments, {});
  EXPECT_EQ(thread.duplicates_dropped, 3u);
  std::vector<int> seen(thread.nodes.size(), 0);
  std::vector<int64_t> stack(thread.top_level.begin(), thread.top_level.end());
  while (!stack.empty()) {
    const int64_t index = stack.back();
    stack.pop_back();
    ++seen[static_cast<size_t>(index)];
    for (int64_t reply : thread.nodes[static_cast<size_t>(index)].replies) stack.push_back(reply);
  }
  for (size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i], 1) << thread.nodes[i].comment->id;
  EXPECT_EQ(thread.shown_count, 997);
}

TEST(BuildThread, FindsIdsThatShareTheirFirstBytes) {
  // Ids alike in their first bytes, duplicates among them, and ids that differ only past a
  // zero byte are all told apart, and every reply finds its own parent.
  std::vector<std::string> ids;
  for (int i = 0; i < 300; ++i) ids.push_back("comment-" + std::to_string(1000000 + i));
  ids.push_back(std::string("ab", 2));
  ids.push_back(std::string("ab\0", 3));
  ids.push_back(std::string("ab\0\0z", 5));
  std::vector<Comment> comments;
  for (size_t i = 0; i < ids.size(); ++i) {
    comments.push_back(Make(ids[i], i == 0 ? "" : ids[(i * 7) % i], static_cast<int>(i)));
  }
  for (int i = 0; i < 5; ++i) {  // duplicates
    comments.push_back(Make(ids[static_cast<size_t>(i * 50)], "", 900 + i));
  }
  auto thread = BuildThread(comments, {});
  EXPECT_EQ(thread.duplicates_dropped, 5u);
  ASSERT_EQ(thread.nodes.size(), ids.size());
  for (const auto& node : thread.nodes) {
    EXPECT_FALSE(node.orphan) << node.comment->id;
    if (node.comment->parent.empty()) continue;
    ASSERT_NE(node.parent, -1) << node.comment->id;
    EXPECT_EQ(thread.nodes[static_cast<size_t>(node.parent)].comment->id, node.comment->parent);
  }
  EXPECT_EQ(thread.shown_count, static_cast<int64_t>(ids.size()));
}

TEST(RenderThread, OutputGrowsLinearlyWithComments) {
  // The rendered size per comment is the same for 1,000 and 10,000 comments: no hidden
  // quadratic output (repeated counts, nested copies).
  auto render = [](int n) {
    std::vector<Comment> comments;
    for (int i = 0; i < n; ++i) comments.push_back(Make(std::to_string(100000 + i), i % 3 ? std::to_string(100000 + i - 1) : "", i));
    ThreadOptions options;
    auto thread = BuildThread(comments, options);
    parley::thread::SortTopLevel(&thread, options.sort);
    std::string error;
    return parley::thread::RenderThreadHtml(thread, parley::thread::SelectPage(thread, options, &error), options).size();
  };
  const double small = static_cast<double>(render(1000)) / 1000;
  const double large = static_cast<double>(render(10000)) / 10000;
  EXPECT_NEAR(large / small, 1.0, 0.02);
}

TEST(CommentsFromJson, ViewsTheInputAndCopiesOnlyWhatItRewrites) {
  const std::string text =
      R"([{"id": "c1", "author": {"name": "Ann", "badges": ["staff", ""]}, "body": "*hi*\u0000"},)"
      R"( {"id": 42, "parent": "c1", "author": "bad\u0001name\u0085!", "status": "x", "status": "deleted"},)"
      R"( {"parent": "c1"}, 7])";
  const parley::json::Document document(text);
  ASSERT_TRUE(document.ok()) << document.error();
  std::string error;
  const parley::thread::CommentList list = parley::thread::CommentsFromJson(document.root(), &error);
  ASSERT_TRUE(error.empty()) << error;
  ASSERT_EQ(list.comments.size(), 2u);
  EXPECT_EQ(list.skipped, 2u);
  const Comment& first = list.comments[0];
  const auto in_input = [&](std::string_view view) {
    return view.data() >= text.data() && view.data() + view.size() <= text.data() + text.size();
  };
  EXPECT_EQ(first.id, "c1");
  EXPECT_TRUE(in_input(first.id));
  EXPECT_TRUE(in_input(first.author.name));
  EXPECT_EQ(first.author.badges, (std::vector<std::string_view>{"staff"}));
  EXPECT_EQ(first.body, std::string_view("*hi*\0", 5));  // the markup renderer sanitises bodies
  const Comment& second = list.comments[1];
  EXPECT_EQ(second.id, "42");  // a number read as id text, kept in owned_text
  EXPECT_EQ(second.parent, "c1");
  EXPECT_EQ(second.author.name, "bad\xEF\xBF\xBDname\xEF\xBF\xBD!");  // controls replaced
  EXPECT_EQ(second.status, parley::thread::Status::kDeleted);  // the last of repeated keys
  EXPECT_EQ(std::distance(list.owned_text.begin(), list.owned_text.end()), 2);
  std::string not_array;
  parley::thread::CommentsFromJson(parley::json::Document("{}").root(), &not_array);
  EXPECT_EQ(not_array, "the comments must be a JSON array");
}

}  // namespace
