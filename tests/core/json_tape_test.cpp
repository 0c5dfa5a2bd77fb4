// The tape (parley/json.h): the reading WebAssembly module's input in place of JSON text. What
// the JavaScript writer produces is covered end to end by tests/widget/thread.test.mjs; here,
// hand-made tapes check that a tape reads as the same JSON text does, and that a malformed one
// is an error rather than a crash or a read past its end.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "parley/json.h"

namespace {

// Builds a tape the way widget/parley-core.mjs does: words first, then the strings' UTF-8.
class TapeWriter {
 public:
  TapeWriter& Word(uint32_t word) {
    words_.push_back(word);
    return *this;
  }
  // A string with its length in UTF-16 code units, as JavaScript counts.
  TapeWriter& String(const std::string& utf8, uint32_t units) {
    text_ += utf8;
    return Word(units);
  }
  TapeWriter& Number(double value) {
    uint64_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    return Word(3).Word(static_cast<uint32_t>(bits)).Word(static_cast<uint32_t>(bits >> 32));
  }
  std::string Bytes() const {
    std::string out;
    auto put = [&](uint32_t word) {
      for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>((word >> shift) & 0xFF));
    };
    put(static_cast<uint32_t>(words_.size()));
    for (uint32_t word : words_) put(word);
    return out + text_;
  }

 private:
  std::vector<uint32_t> words_;
  std::string text_;
};

// The value as compact JSON text, members in document order.
std::string Describe(parley::json::View value) {
  std::string out;
  switch (value.type()) {
    case parley::json::Type::kNull: return "null";
    case parley::json::Type::kBool: return value.AsBool() ? "true" : "false";
    case parley::json::Type::kNumber: parley::json::AppendNumber(&out, value.AsNumber()); return out;
    case parley::json::Type::kString: parley::json::AppendQuoted(&out, value.AsString()); return out;
    case parley::json::Type::kArray:
      out = "[";
      for (parley::json::View item : value.Items()) out += Describe(item) + ",";
      return out + "]";
    case parley::json::Type::kObject:
      out = "{";
      for (const parley::json::MemberView& member : value.Members()) {
        parley::json::AppendQuoted(&out, member.key);
        out += ":" + Describe(member.value) + ",";
      }
      return out + "}";
  }
  return out;
}

std::string Reserialized(const parley::json::Document& document) { return Describe(document.root()); }

}  // namespace

TEST(JsonTape, ReadsAsTheSameJsonTextDoes) {
  // [{"id":"a1","name":"Анна 😀","score":{"up":3,"down":-0.5},"pinned":true,"x":null},false]
  TapeWriter tape;
  tape.Word(5).Word(2);
  tape.Word(6).Word(5);
  tape.String("id", 2).Word(4).String("a1", 2);
  tape.String("name", 4).Word(4).String("Анна 😀", 7);
  tape.String("score", 5).Word(6).Word(2);
  tape.String("up", 2).Number(3);
  tape.String("down", 4).Number(-0.5);
  tape.String("pinned", 6).Word(2);
  tape.String("x", 1).Word(0);
  tape.Word(1);
  const std::string bytes = tape.Bytes();
  const parley::json::Document from_tape(parley::json::kTape, bytes);
  ASSERT_TRUE(from_tape.ok()) << from_tape.error();
  const parley::json::Document from_text(
      R"([{"id":"a1","name":"Анна 😀","score":{"up":3,"down":-0.5},"pinned":true,"x":null},false])");
  ASSERT_TRUE(from_text.ok());
  EXPECT_EQ(Reserialized(from_tape), Reserialized(from_text));
  EXPECT_EQ(from_tape.root().Items().begin().operator*()["name"].AsString(), "Анна 😀");
}

TEST(JsonTape, MalformedTapesAreErrors) {
  const std::string good = TapeWriter().Word(4).String("hello", 5).Bytes();
  ASSERT_TRUE(parley::json::Document(parley::json::kTape, good).ok());
  const std::string cases[] = {
      "",                                                              // no word count
      good.substr(0, good.size() - 1),                                 // text cut short
      good + "x",                                                      // text left over
      TapeWriter().Word(9).Bytes(),                                    // unknown tag
      TapeWriter().Word(5).Word(3).Word(0).Bytes(),                    // array shorter than its count
      TapeWriter().Word(4).String("\xC3\x28", 2).Bytes(),              // invalid UTF-8
      TapeWriter().Word(4).String("\xED\xA0\x80", 1).Bytes(),          // an encoded surrogate
      TapeWriter().Word(4).String("\xE0\x80\xAF", 1).Bytes(),          // overlong
      TapeWriter().Word(4).Word(1u << 30).Bytes(),                     // a string longer than the text
      std::string("\xFF\xFF\xFF\x3F", 4),                              // more words than bytes
      TapeWriter().Word(4).String("\xF0\x9F\x98\x80", 1).Bytes(),      // half of a character
  };
  for (const std::string& bytes : cases) {
    // Each case in a buffer of its own size, so a read past its end is one AddressSanitizer sees.
    const std::vector<char> exact(bytes.begin(), bytes.end());
    const parley::json::Document document(parley::json::kTape, std::string_view(exact.data(), exact.size()));
    EXPECT_FALSE(document.ok()) << testing::PrintToString(bytes);
    EXPECT_TRUE(document.root().IsNull());
  }
  // A non-finite number cannot come from JSON, so not from a tape either.
  EXPECT_FALSE(parley::json::Document(parley::json::kTape, TapeWriter().Number(1.0 / 0.0).Bytes()).ok());
}

TEST(JsonTape, NestingIsCappedAsForText) {
  TapeWriter deep;
  for (int i = 0; i < 100; ++i) deep.Word(5).Word(1);
  deep.Word(0);
  const parley::json::Document document(parley::json::kTape, deep.Bytes());
  EXPECT_FALSE(document.ok());
  EXPECT_EQ(document.error(), "nesting is too deep");
}
