#include "parley/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace {

using parley::utf8::Sanitize;

const std::string kFffd = "\xEF\xBF\xBD";

TEST(Utf8, WellFormedTextComesBackByteForByte) {
  const std::string text = "Mothers & their Heroes — Հայաստան, Россия, 😀\tand\nlines\r\n";
  EXPECT_TRUE(parley::utf8::IsValid(text));
  EXPECT_EQ(Sanitize(text), text);
}

TEST(Utf8, EachMaximalInvalidSubpartBecomesOneReplacement) {
  // The examples of Unicode 15 section 3.9, "U+FFFD Substitution of Maximal Subparts".
  EXPECT_EQ(Sanitize("\xC0\xAF"), kFffd + kFffd);                          // overlong lead
  EXPECT_EQ(Sanitize("\xE0\x80\xAF"), kFffd + kFffd + kFffd);              // overlong 3-byte
  EXPECT_EQ(Sanitize("\xED\xA0\x80"), kFffd + kFffd + kFffd);              // surrogate
  EXPECT_EQ(Sanitize("\xF4\x90\x80\x80"), kFffd + kFffd + kFffd + kFffd);  // past U+10FFFF
  EXPECT_EQ(Sanitize("\xE1\x80"
                     "a"),
            kFffd + "a");                      // truncated, then ASCII
  EXPECT_EQ(Sanitize("\xF0\x9F\x98"), kFffd);  // truncated at the end
  EXPECT_EQ(Sanitize("a\x80"
                     "b"),
            "a" + kFffd + "b");  // stray continuation
}

TEST(Utf8, ControlsNeverPassThrough) {
  EXPECT_EQ(Sanitize(std::string("a\0b", 3)), "a" + kFffd + "b");
  EXPECT_EQ(Sanitize("\x1B[31m"), kFffd + "[31m");
  EXPECT_EQ(Sanitize("\x7F"), kFffd);
  EXPECT_EQ(Sanitize("\xC2\x85"), kFffd);  // U+0085, a C1 control
  EXPECT_EQ(Sanitize("tab\tcr\rlf\n"), "tab\tcr\rlf\n");
}

TEST(Utf8, FindsWhatMustBeReplacedAtEveryOffset) {
  // The scan skips printable ASCII eight bytes at a time: what it must stop at is found
  // wherever it falls in or across those blocks, and what it may pass (tab, line feed,
  // carriage return, é) stays as it was.
  const std::string plain = "The quick brown fox jumps over the lazy dog, twice.";
  const std::string replacement = "\xEF\xBF\xBD";
  const std::pair<std::string, std::string> cases[] = {{std::string(1, '\0'), replacement},
                                                       {"\x01", replacement},
                                                       {"\x1F", replacement},
                                                       {"\x7F", replacement},
                                                       {"\xC2\x80", replacement},
                                                       {"\xFF", replacement},
                                                       {"\t", "\t"},
                                                       {"\n", "\n"},
                                                       {"\r", "\r"},
                                                       {"\xC3\xA9", "\xC3\xA9"},
                                                       {"~", "~"},
                                                       {" ", " "}};
  for (size_t at = 0; at <= plain.size(); ++at) {
    for (const auto& [inserted, expected] : cases) {
      const std::string text = plain.substr(0, at) + inserted + plain.substr(at);
      EXPECT_EQ(Sanitize(text), plain.substr(0, at) + expected + plain.substr(at)) << "at " << at;
    }
  }
}

TEST(Utf8, SkipsOnlyWholeBlocksOfPrintableAscii) {
  using parley::utf8::SkipPrintableAscii;
  const std::string text = "0123456789abcdef\x7Fxyz";
  EXPECT_EQ(SkipPrintableAscii(text, 0), 16u);  // stops at the block holding DEL
  EXPECT_EQ(SkipPrintableAscii(text, 3), 11u);
  EXPECT_EQ(SkipPrintableAscii("short", 0), 0u);  // fewer than eight bytes: nothing skipped
  EXPECT_EQ(SkipPrintableAscii("abcdefg\n", 0), 0u);
  EXPECT_EQ(SkipPrintableAscii("abcdefgh\x80", 0), 8u);
}

TEST(Utf8, ValidityDistinguishesRealReplacementCharacters) {
  EXPECT_TRUE(parley::utf8::IsValid(kFffd));
  EXPECT_FALSE(parley::utf8::IsValid("\xFF"));
  EXPECT_FALSE(parley::utf8::IsValid("\xE2\x82"));
}

TEST(Utf8, AppendEncodesAndRefusesSurrogates) {
  std::string out;
  parley::utf8::Append(&out, U'Ա');
  parley::utf8::Append(&out, 0x1F600);
  parley::utf8::Append(&out, 0xD800);
  parley::utf8::Append(&out, 0x110000);
  EXPECT_EQ(out, "Ա😀" + kFffd + kFffd);
}

TEST(Utf8, DecodeEveryByteValueNeverStalls) {
  std::string all;
  for (int byte = 0; byte < 256; ++byte) all.push_back(static_cast<char>(byte));
  size_t pos = 0;
  size_t steps = 0;
  while (pos < all.size()) {
    const size_t before = pos;
    parley::utf8::Decode(all, &pos);
    ASSERT_GT(pos, before);
    ++steps;
  }
  EXPECT_LE(steps, all.size());
  EXPECT_TRUE(parley::utf8::IsValid(Sanitize(all)));
}

// What the loader hands to JavaScript as UTF-16 must be the same text: every script, astral
// characters as surrogate pairs, U+FFFD itself, at every alignment of the eight-byte path.
TEST(Utf8, ToUtf16GivesTheSameTextAtEveryAlignment) {
  const std::string text =
      "Mothers & their Heroes \xE2\x80\x94 \xD5\x80\xD5\xA1\xD5\xB5, \xD0\xA0\xD0\xBE\xD1\x81, "
      "\xF0\x9F\x98\x80 \xEF\xBF\xBD and a long ASCII tail past eight bytes";
  const std::u16string expected =
      u"Mothers & their Heroes \u2014 \u0540\u0561\u0575, \u0420\u043E\u0441, "
      u"\U0001F600 \uFFFD and a long ASCII tail past eight bytes";
  for (size_t pad = 0; pad < 17; ++pad) {
    const std::string padded = std::string(pad, 'x') + text;
    std::u16string out(padded.size(), u'\0');
    const size_t units = parley::utf8::ToUtf16(padded, out.data());
    ASSERT_NE(units, parley::utf8::kNotUtf8) << pad;
    out.resize(units);
    EXPECT_EQ(out, std::u16string(pad, u'x') + expected) << pad;
  }
}

TEST(Utf8, ToUtf16RefusesMalformedText) {
  for (const std::string bad : {"\xC0\xAF", "abcdefgh\xED\xA0\x80", "\xF0\x9F\x98", "a\x80 b"}) {
    std::u16string out(bad.size(), u'\0');
    EXPECT_EQ(parley::utf8::ToUtf16(bad, out.data()), parley::utf8::kNotUtf8) << bad;
  }
  std::u16string none(1, u'\0');
  EXPECT_EQ(parley::utf8::ToUtf16("", none.data()), 0u);
}

TEST(Utf8, IsAsciiFindsOneHighByteAnywhere) {
  for (size_t size = 0; size < 20; ++size) {
    std::string text(size, 'a');
    EXPECT_TRUE(parley::utf8::IsAscii(text)) << size;
    for (size_t at = 0; at < size; ++at) {
      text[at] = '\xC3';
      EXPECT_FALSE(parley::utf8::IsAscii(text)) << size << " " << at;
      text[at] = 'a';
    }
  }
}

// The markup parser reads a comment in place unless NeedsSanitizing says Sanitize would
// change it: the two must agree on every kind of text.
TEST(Utf8, NeedsSanitizingExactlyWhenSanitizeChangesTheText) {
  const std::string cases[] = {"",
                               "plain words, long enough to pass the eight-byte scan",
                               "tab\tcr\rlf\n",
                               "\xEF\xBF\xBD literal replacement character",
                               "Mothers \xE2\x80\x94 \xD5\x80\xD5\xA1\xD5\xB5 \xF0\x9F\x98\x80",
                               std::string("nul \0 inside", 12),
                               "escape \x1B[31m",
                               "del \x7F",
                               "c1 \xC2\x85 control",
                               "stray \x80 continuation",
                               "truncated at the end \xF0\x9F\x98",
                               "surrogate \xED\xA0\x80 half"};
  for (const std::string& text : cases) {
    EXPECT_EQ(parley::utf8::NeedsSanitizing(text), Sanitize(text) != text) << text;
    for (size_t pad = 1; pad < 9; ++pad) {
      const std::string padded = std::string(pad, 'x') + text;
      EXPECT_EQ(parley::utf8::NeedsSanitizing(padded), Sanitize(padded) != padded) << pad << text;
    }
  }
}

}  // namespace
