#include "parley/json.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using parley::json::Parse;
using parley::json::Serialize;
using parley::json::Value;

TEST(Json, ReadsNestedDocumentsLikeTheProblem) {
  auto parsed = Parse(R"([{"id": "c1", "parent": null, "author": {"name": "N.ohanian"},
                           "score": {"up": 3, "down": 1}, "pinned": true}])");
  ASSERT_TRUE(parsed.ok()) << parsed.error;
  const Value& comment = parsed.value.Items().at(0);
  EXPECT_EQ(comment["id"].AsString(), "c1");
  EXPECT_TRUE(comment["parent"].IsNull());
  EXPECT_EQ(comment["author"]["name"].AsString(), "N.ohanian");
  EXPECT_EQ(comment["score"]["up"].AsInteger(0, 100), 3);
  EXPECT_TRUE(comment["pinned"].AsBool());
  // Missing keys and wrong types read as null, never crash.
  EXPECT_TRUE(comment["missing"]["deeper"].IsNull());
  EXPECT_EQ(comment["id"]["name"].AsString("fallback"), "fallback");
  EXPECT_TRUE(comment["author"].Items().empty());
}

TEST(Json, StringsDecodeEscapesAndSurrogatePairs) {
  auto parsed = Parse(R"(["a\"b\\c\/\n\t", "\u0531\u0436", "\ud83d\ude00", "\ud800x", "\udc00"])");
  ASSERT_TRUE(parsed.ok()) << parsed.error;
  const auto& items = parsed.value.Items();
  EXPECT_EQ(items[0].AsString(), "a\"b\\c/\n\t");
  EXPECT_EQ(items[1].AsString(), "Աж");
  EXPECT_EQ(items[2].AsString(), "😀");
  EXPECT_EQ(items[3].AsString(), "\xEF\xBF\xBDx");  // lone high surrogate
  EXPECT_EQ(items[4].AsString(), "\xEF\xBF\xBD");   // lone low surrogate
}

TEST(Json, InvalidUtf8InStringsBecomesReplacement) {
  auto parsed = Parse("[\"a\xFF" "b\"]");
  ASSERT_TRUE(parsed.ok()) << parsed.error;
  EXPECT_EQ(parsed.value.Items()[0].AsString(), "a\xEF\xBF\xBD" "b");
}

TEST(Json, NumbersFollowTheGrammar) {
  auto parsed = Parse("[0, -1, 12.5, 1e3, -0.25E-2]");
  ASSERT_TRUE(parsed.ok()) << parsed.error;
  const auto& items = parsed.value.Items();
  EXPECT_EQ(items[0].AsNumber(), 0);
  EXPECT_EQ(items[1].AsInteger(-10, 10), -1);
  EXPECT_EQ(items[2].AsNumber(), 12.5);
  EXPECT_FALSE(items[2].AsInteger(0, 100).has_value());
  EXPECT_EQ(items[3].AsInteger(0, 100000), 1000);
  EXPECT_EQ(items[4].AsNumber(), -0.0025);
  for (const char* bad : {"01", "1.", ".5", "-", "1e", "+1", "NaN", "Infinity", "1e999", "0x10"}) {
    EXPECT_FALSE(Parse(bad).ok()) << bad;
  }
}

TEST(Json, ErrorsSayWhatAndWhere) {
  auto parsed = Parse(R"({"body": "hello", "author": })");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error, "unexpected character");
  EXPECT_EQ(parsed.error_offset, 28u);
  EXPECT_EQ(Parse("[1, 2").error, "unterminated array");
  EXPECT_EQ(Parse("\"abc").error, "unterminated string");
  EXPECT_EQ(Parse("{\"a\" 1}").error, "expected ':' after object key");
  EXPECT_EQ(Parse("[1] x").error, "unexpected text after the JSON value");
  EXPECT_EQ(Parse("").error, "unexpected end of input");
  EXPECT_EQ(Parse("\"a\tb\"").error, "control character in string");
  EXPECT_EQ(Parse("\"\\x\"").error, "invalid escape in string");
  EXPECT_TRUE(Parse("[1]").value.IsArray());
  EXPECT_TRUE(Parse("[1").value.IsNull());
}

TEST(Json, DeepNestingIsRefusedNotRecursedInto) {
  const std::string deep(100000, '[');
  auto parsed = Parse(deep);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error, "nesting is too deep");
  EXPECT_TRUE(Parse(std::string(64, '[') + std::string(64, ']')).ok());
  EXPECT_FALSE(Parse(std::string(65, '[') + std::string(65, ']')).ok());
}

TEST(Json, RepeatedKeysReadTheLastOne) {
  auto parsed = Parse(R"({"status": "published", "status": "deleted"})");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed.value["status"].AsString(), "deleted");
  EXPECT_EQ(parsed.value.Members().size(), 2u);
}

TEST(Json, SerializeRoundTripsAndEscapesForScripts) {
  const std::string text =
      R"({"a":[1,-2,0.5,true,false,null],"b":"q\"\\\n\u0001\u003c/script>","c":{}})";
  auto parsed = Parse(text);
  ASSERT_TRUE(parsed.ok()) << parsed.error;
  EXPECT_EQ(Serialize(parsed.value), text);
  std::string quoted;
  parley::json::AppendQuoted(&quoted, "line\u2028sep\xFF");
  EXPECT_EQ(quoted, "\"line\\u2028sep\xEF\xBF\xBD\"");
}

// The Document reads exactly what Parse reads; the tree is made from it, so these check the
// views themselves: strings in place, iteration, lookups and the failure cases.
TEST(JsonDocument, ViewsStringsInTheInputAndDecodesOnlyWhatItMust) {
  const std::string text = R"([{"id": "c1", "body": "plain", "escaped": "a\nb\u00e9", "n": -2.5,)"
                           R"( "ok": true, "none": null, "list": [1, [2, {}], "x"]}, 7])";
  const parley::json::Document document(text);
  ASSERT_TRUE(document.ok()) << document.error();
  const parley::json::View root = document.root();
  ASSERT_TRUE(root.IsArray());
  EXPECT_EQ(root.size(), 2u);
  const parley::json::View comment = *root.Items().begin();
  EXPECT_EQ(comment.size(), 7u);
  const std::string_view body = comment["body"].AsString();
  EXPECT_EQ(body, "plain");
  EXPECT_TRUE(body.data() >= text.data() && body.data() < text.data() + text.size());  // no copy
  EXPECT_EQ(comment["escaped"].AsString(), "a\nb\xC3\xA9");
  EXPECT_EQ(comment["n"].AsNumber(), -2.5);
  EXPECT_FALSE(comment["n"].AsInteger(-10, 10).has_value());
  EXPECT_TRUE(comment["ok"].AsBool());
  EXPECT_TRUE(comment["none"].IsNull());
  EXPECT_TRUE(comment["missing"]["deeper"].IsNull());
  EXPECT_EQ(comment["id"]["x"].AsString("fallback"), "fallback");
  std::vector<std::string> keys;
  for (const parley::json::MemberView& member : comment.Members()) keys.emplace_back(member.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"id", "body", "escaped", "n", "ok", "none", "list"}));
  // Iteration skips whole subtrees: the list has three items, whatever they hold.
  size_t items = 0;
  for (parley::json::View item : comment["list"].Items()) {
    ++items;
    if (items == 2) {
      EXPECT_EQ(item.size(), 2u);
    }
  }
  EXPECT_EQ(items, 3u);
  size_t top = 0;
  for (parley::json::View item : root.Items()) {
    if (++top == 2) {
      EXPECT_EQ(item.AsInteger(0, 10), 7);
    }
  }
  EXPECT_EQ(top, 2u);
  for (parley::json::View item : comment.Items()) ADD_FAILURE() << "an object has no items " << item.size();
}

TEST(JsonDocument, RepeatedKeysReadTheLastOne) {
  const parley::json::Document document(R"({"status": "published", "status": "deleted"})");
  ASSERT_TRUE(document.ok());
  EXPECT_EQ(document.root()["status"].AsString(), "deleted");
  EXPECT_EQ(document.root().size(), 2u);
}

TEST(JsonDocument, MalformedUtf8AndEscapesMatchTheTree) {
  for (const std::string& text : {std::string("[\"a\xFF" "b\", \"\\ud83d\\ude00\", \"\\ud800x\", \"ok \xEF\xBF\xBD\"]"),
                                 std::string("[\"\xC3\", \"\xE2\x82\", \"\xED\xA0\x80\"]")}) {
    const parley::json::Document document(text);
    const auto tree = Parse(text);
    ASSERT_TRUE(document.ok() && tree.ok()) << document.error();
    size_t i = 0;
    for (parley::json::View item : document.root().Items()) {
      EXPECT_EQ(item.AsString(), tree.value.Items().at(i).AsString()) << i;
      ++i;
    }
    EXPECT_EQ(i, tree.value.Items().size());
  }
}

TEST(JsonDocument, ErrorsAreTheSameAsParse) {
  for (const std::string& text :
       {std::string(R"({"body": "hello", "author": })"), std::string("[1, 2"), std::string("\"abc"),
        std::string("{\"a\" 1}"), std::string("[1] x"), std::string(""), std::string("\"a\tb\""),
        std::string("\"\\x\""), std::string("\"abcdefghij\\u12"), std::string(100, '['),
        std::string("[\"long plain run without an end")}) {
    const parley::json::Document document(text);
    const auto tree = Parse(text);
    EXPECT_FALSE(document.ok()) << text;
    EXPECT_EQ(document.error(), tree.error) << text;
    EXPECT_EQ(document.error_offset(), tree.error_offset) << text;
    EXPECT_TRUE(document.root().IsNull());
  }
}

}  // namespace
