#include "parley/json.h"

#include <gtest/gtest.h>

#include <string>

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

}  // namespace
