// Text folding: what single characters fold to (fold.h) and how whole texts become symbols for
// matching (folded_text.h), with the byte ranges that map matches back to the original.
#include <gtest/gtest.h>

#include <string>

#include "parley/text/fold.h"
#include "parley/text/folded_text.h"

namespace {

using parley::text::CharClass;
using parley::text::FoldCodePoint;
using parley::text::FoldForMatching;
using parley::text::KeysToString;

std::u32string Folded(char32_t code_point) {
  const auto fold = FoldCodePoint(code_point);
  return std::u32string(fold.folded, fold.size);
}

std::string Keys(const std::string& text) { return KeysToString(FoldForMatching(text)); }

TEST(FoldCodePoint, LowerCasesAsciiAndKeepsDigitsAndPunctuation) {
  EXPECT_EQ(Folded('A'), U"a");
  EXPECT_TRUE(FoldCodePoint('A').upper);
  EXPECT_FALSE(FoldCodePoint('a').upper);
  EXPECT_EQ(Folded('7'), U"7");
  EXPECT_EQ(FoldCodePoint('!').char_class, CharClass::kPunct);
  EXPECT_EQ(FoldCodePoint('\n').char_class, CharClass::kSpace);
}

TEST(FoldCodePoint, RemovesDiacriticsAndCase) {
  EXPECT_EQ(Folded(U'É'), U"e");
  EXPECT_EQ(Folded(U'ç'), U"c");
  EXPECT_EQ(Folded(U'Ā'), U"a");
  EXPECT_TRUE(FoldCodePoint(U'Ā').upper);
  EXPECT_EQ(Folded(U'ё'), U"e");
  EXPECT_EQ(Folded(U'й'), Folded(U'и'));
}

TEST(FoldCodePoint, AppliesCompatibilityForms) {
  EXPECT_EQ(Folded(U'ﬁ'), U"fi");
  EXPECT_EQ(Folded(U'ß'), U"ss");
  EXPECT_EQ(Folded(U'ｆ'), U"f");  // fullwidth
  EXPECT_EQ(Folded(U'𝐟'), U"f");   // mathematical bold
  EXPECT_EQ(Folded(U'ⓕ'), U"f");   // circled
  EXPECT_EQ(Folded(U'🅵'), U"f");   // negative squared, by its name
  EXPECT_EQ(Folded(U'ᶠ'), U"f");   // modifier letter
  EXPECT_EQ(Folded(U'ᴋ'), U"k");   // small capital
  EXPECT_EQ(Folded(U'！'), U"!");
  EXPECT_EQ(FoldCodePoint(U'！').char_class, CharClass::kPunct);
}

TEST(FoldCodePoint, MapsLookAlikesOfOtherScriptsToLatin) {
  EXPECT_EQ(Folded(U'а'), U"a");  // Cyrillic
  EXPECT_EQ(Folded(U'о'), U"o");
  EXPECT_EQ(Folded(U'с'), U"c");
  EXPECT_EQ(Folded(U'ο'), U"o");  // Greek
  EXPECT_EQ(Folded(U'ϲ'), U"c");  // lunate sigma: drawn as "c", though it decomposes to "ς"
  EXPECT_EQ(Folded(U'օ'), U"o");  // Armenian
  EXPECT_EQ(Folded(U'ս'), U"u");
}

TEST(FoldCodePoint, KeepsCapitalAndSmallLettersTogether) {
  // Cyrillic "В" looks like "B", so "в" folds with it; Russian words match in any case.
  EXPECT_EQ(Folded(U'В'), U"b");
  EXPECT_EQ(Folded(U'в'), U"b");
  EXPECT_EQ(Folded(U'Н'), Folded(U'н'));
  EXPECT_EQ(Folded(U'Ж'), Folded(U'ж'));
  EXPECT_EQ(Folded(U'Ք'), Folded(U'ք'));
  // Capitals shaped like "I" fold to "i", as Latin "I" does.
  EXPECT_EQ(Folded(U'І'), U"i");
  EXPECT_EQ(Folded(U'Ι'), U"i");
}

TEST(FoldCodePoint, DropsZeroWidthCharactersAndMarks) {
  for (char32_t c : {U'\u200B', U'\u200C', U'\u200D', U'\u2060', U'\uFEFF', U'\u00AD', U'\u0301',
                     U'\u0336', U'\uFE0F', U'\U000E0041'}) {
    EXPECT_EQ(FoldCodePoint(c).char_class, CharClass::kDrop) << static_cast<uint32_t>(c);
    EXPECT_EQ(FoldCodePoint(c).size, 0);
  }
}

TEST(FoldCodePoint, ClassesSymbolsAndOtherScripts) {
  EXPECT_EQ(FoldCodePoint(U'😀').char_class, CharClass::kPunct);
  EXPECT_EQ(FoldCodePoint(U'…').char_class, CharClass::kPunct);
  EXPECT_EQ(FoldCodePoint(U'\u3000').char_class, CharClass::kSpace);
  EXPECT_EQ(FoldCodePoint(U'中').char_class, CharClass::kLetter);
  EXPECT_EQ(Folded(U'中'), U"中");
}

TEST(FoldForMatching, ReadsLeetspeakOnlyInsideWords) {
  EXPECT_EQ(Keys("sh1t @ss $hit h3ll0"), "shit as shit helo");  // runs are written once
  EXPECT_EQ(Keys("2020, $5 and 7 people"), "2020,5 and 7 people");
  EXPECT_EQ(Keys("fuck!"), "fuck");
  EXPECT_EQ(Keys("sh!t"), "shit");
}

TEST(FoldForMatching, JoinsSingleCharactersButNotWords) {
  EXPECT_EQ(Keys("f.u.c.k"), "fuck");
  EXPECT_EQ(Keys("f u c k off"), "fuck of");
  EXPECT_EQ(Keys("f-u-c-k"), "fuck");
  EXPECT_EQ(Keys("a.s.s"), "as");
  EXPECT_EQ(Keys("of uck"), "of uck");
  EXPECT_EQ(Keys("u r a moron"), "u r a moron");  // three spaced letters are words
  EXPECT_EQ(Keys("a f-u-c-k"), "a fuck");         // separators must agree
}

TEST(FoldForMatching, CollapsesRunsAndRemembersTheirLength) {
  const auto folded = FoldForMatching("fuuuck");
  ASSERT_EQ(folded.symbols.size(), 4u);
  EXPECT_EQ(folded.symbols[1].key, U'u');
  EXPECT_EQ(folded.symbols[1].run, 3u);
  const auto russian = FoldForMatching("ыыы");  // folds to "bl" three times, not "blblbl"
  ASSERT_EQ(russian.symbols.size(), 2u);
  EXPECT_EQ(russian.symbols[0].run, 3u);
}

TEST(FoldForMatching, RunsStopCountingAtTheirCapButKeepTheirSpan) {
  const std::string text = "f" + std::string(300, 'u') + "ck";
  const auto folded = FoldForMatching(text);
  ASSERT_EQ(folded.symbols.size(), 4u);
  EXPECT_EQ(folded.symbols[1].run, parley::text::kMaxSymbolRun);
  EXPECT_EQ(folded.symbols[1].start, 1u);
  EXPECT_EQ(folded.symbols[1].end, 301u);
  // The original's run is counted in full for the flood rule.
  ASSERT_EQ(folded.repeats.size(), 1u);
  EXPECT_EQ(folded.repeats[0].length, 300u);
}

TEST(FoldForMatching, LetterSpansCoverDroppedCharactersAndRunsIgnoreCase) {
  // "HelLoo", a zero-width space, " world ", "e" with a combining acute, "t", "é". The
  // zero-width space belongs to the letter before it; "lL" is one run of two whatever the case.
  const std::string text = "HelLoo\xe2\x80\x8b world e\xcc\x81t\xc3\xa9";
  const auto folded = FoldForMatching(text);
  EXPECT_EQ(KeysToString(folded), "helo world ete");
  ASSERT_GE(folded.symbols.size(), 3u);
  EXPECT_EQ(folded.symbols[2].key, U'l');
  EXPECT_EQ(folded.symbols[2].run, 2u);
  EXPECT_EQ(folded.symbols[2].start, 2u);
  EXPECT_EQ(folded.symbols[2].end, 4u);
  EXPECT_EQ(folded.symbols[3].key, U'o');
  EXPECT_EQ(folded.symbols[3].run, 2u);
  EXPECT_EQ(folded.symbols[3].start, 4u);
  EXPECT_EQ(folded.symbols[3].end, 9u);  // through the zero-width space
  EXPECT_EQ(folded.letters, 14u);
  EXPECT_EQ(folded.capitals, 2u);
  // Runs of one character in the original, case and all: "oo" only ("lL" differs in case).
  ASSERT_EQ(folded.repeats.size(), 1u);
  EXPECT_EQ(folded.repeats[0].code_point, U'o');
  EXPECT_EQ(folded.repeats[0].start, 4u);
  EXPECT_EQ(folded.repeats[0].end, 6u);
}

TEST(FoldForMatching, MarksSoftBoundariesInsideWords) {
  const auto folded = FoldForMatching("bull-shit");
  EXPECT_EQ(KeysToString(folded), "bulshit");
  size_t segment_starts = 0;
  for (const auto& symbol : folded.symbols) {
    if (symbol.flags & parley::text::kSegmentStart) ++segment_starts;
  }
  EXPECT_EQ(segment_starts, 2u);
  const auto contraction = FoldForMatching("you're");
  EXPECT_TRUE(contraction.symbols[3].flags & parley::text::kAfterApostrophe);
}

TEST(FoldForMatching, SeparatesWordsWithGapsThatSayWhatSeparatesThem) {
  EXPECT_EQ(Keys("one two, three. four\nfive"), "one two,thre.four.five");
}

TEST(FoldForMatching, KeepsTheOriginalBytesOfEverySymbol) {
  const std::string text =
      "X f\xE2\x80\x8B"
      "u\xCC\x81"
      "ck";  // zero-width space, combining acute
  const auto folded = FoldForMatching(text);
  ASSERT_EQ(KeysToString(folded), "x fuck");
  const auto& f = folded.symbols[2];
  EXPECT_EQ(text.substr(f.start, f.end - f.start), "f\xE2\x80\x8B");
  const auto& u = folded.symbols[3];
  EXPECT_EQ(text.substr(u.start, u.end - u.start), "u\xCC\x81");
}

TEST(FoldForMatching, TreatsMalformedUtf8AsPunctuation) {
  EXPECT_EQ(Keys("ab\xFF"
                 "cd"),
            "abcd");  // joined softly, like "ab.cd"
  EXPECT_EQ(Keys("ab \xC0\x80 cd"), "ab,cd");
}

}  // namespace
