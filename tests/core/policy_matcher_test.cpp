// The term matcher: word boundaries, wildcards, variants, runs, and the byte offsets of what it
// finds.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "parley/policy/term_matcher.h"

namespace {

using parley::policy::TermKind;
using parley::policy::TermMatcher;
using parley::policy::TermSpec;
using parley::text::FoldForMatching;

TermMatcher Compile(const std::vector<std::string>& terms, TermKind kind = TermKind::kBanned) {
  std::vector<TermSpec> specs;
  for (const auto& term : terms) specs.push_back(TermSpec{term, kind});
  std::vector<TermMatcher::Error> errors;
  TermMatcher matcher = TermMatcher::Compile(specs, &errors);
  EXPECT_TRUE(errors.empty());
  return matcher;
}

// The text of every match, in order.
std::vector<std::string> Found(const TermMatcher& matcher, const std::string& text) {
  std::vector<std::string> found;
  for (const auto& match : matcher.FindAll(FoldForMatching(text))) {
    found.push_back(text.substr(match.start, match.end - match.start));
  }
  return found;
}

using Strings = std::vector<std::string>;

TEST(TermMatcher, MatchesWholeWordsOnly) {
  const auto matcher = Compile({"cunt", "ass", "cock", "penis", "shit", "бля"});
  EXPECT_EQ(Found(matcher, "Scunthorpe assassination cocktail Penistone Matsushita"), Strings{});
  EXPECT_EQ(Found(matcher, "оскорблять корабля"), Strings{});
  EXPECT_EQ(Found(matcher, "a cunt, an ass; shit!"), (Strings{"cunt", "ass", "shit"}));
  EXPECT_EQ(Found(matcher, "бля!"), Strings{"бля"});
}

TEST(TermMatcher, ReportsByteOffsetsInTheOriginal) {
  const auto matcher = Compile({"fuck"});
  const std::string text = "Ты — ｆｕｃｋ";
  const auto matches = matcher.FindAll(FoldForMatching(text));
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].start, text.find("ｆ"));
  EXPECT_EQ(matches[0].end, text.size());
}

TEST(TermMatcher, WildcardsFloatAndReportTheWholeWordPart) {
  const auto matcher = Compile({"*fuck*", "cunt*", "*shit"});
  EXPECT_EQ(Found(matcher, "motherfucking cunts bullshit"),
            (Strings{"motherfucking", "cunts", "bullshit"}));
  EXPECT_EQ(Found(matcher, "Scunthorpe shitake"), Strings{});
}

TEST(TermMatcher, MatchesPluralsAndOneWordSpellingsOfPhrases) {
  const auto matcher = Compile({"twat", "blow job"});
  EXPECT_EQ(Found(matcher, "twats, a blow job, blowjobs, blow-job"),
            (Strings{"twats", "blow job", "blowjobs", "blow-job"}));
}

TEST(TermMatcher, StretchedLettersMatchButDoubledOnesAreSpelling) {
  const auto matcher = Compile({"fuck", "ass", "shite", "raper"});
  EXPECT_EQ(Found(matcher, "fuuuuck asssss"), (Strings{"fuuuuck", "asssss"}));
  EXPECT_EQ(Found(matcher, "as Shiite rapper fuuck"), Strings{});
}

TEST(TermMatcher, LetsLStandForI) {
  const auto matcher = Compile({"slut", "alligator", "spic"});
  EXPECT_EQ(Found(matcher, "s1ut sIut a1ligator"), (Strings{"s1ut", "sIut", "a1ligator"}));
  EXPECT_EQ(Found(matcher, "SPLC"), Strings{});  // but an "l" in the text is not an "i"
}

TEST(TermMatcher, KeepsTheStrongestKindForTheSameSpelling) {
  std::vector<TermSpec> specs = {
      {"damn", TermKind::kSuspect}, {"damn", TermKind::kBanned}, {"DAMN", TermKind::kSuspect}};
  std::vector<TermMatcher::Merge> merges;
  const auto matcher = TermMatcher::Compile(specs, nullptr, &merges);
  const auto matches = matcher.FindAll(FoldForMatching("damn"));
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].kind, TermKind::kBanned);
  EXPECT_FALSE(merges.empty());  // each spelling (also the plural) reports its merges
}

TEST(TermMatcher, RefusesTermsWithoutLetters) {
  std::vector<TermMatcher::Error> errors;
  (void)TermMatcher::Compile({{"ok"}, {"***"}, {"  "}}, &errors);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].term, 1u);
  EXPECT_EQ(errors[0].message, "has no letters or digits");
}

TEST(TermMatcher, IsLinearInTheText) {
  std::vector<std::string> terms;
  for (int i = 0; i < 64; ++i) terms.push_back(std::string(static_cast<size_t>(i) + 1, 'a'));
  terms.push_back("*a*");
  const auto matcher = Compile(terms);
  const auto time = [&](size_t length) {
    const std::string text(length, 'a');
    const auto start = std::chrono::steady_clock::now();
    (void)matcher.FindAll(FoldForMatching(text));
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
  };
  (void)time(10000);
  const double small = time(50000);
  const double large = time(200000);
  EXPECT_LT(large, small * 10 + 20) << small << " ms, then " << large << " ms";
}

}  // namespace
