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

TEST(TermMatcher, LongTextsFindWhatTheirSentencesFind) {
  // Long texts are walked in several lanes at once (term_match_scan.h): every match must be
  // the one a walk of its sentence alone finds, wherever the lanes happen to split the text.
  const auto matcher = Compile({"*fuck*", "piece of shit", "idiot", "ass", "бля", "shit*"});
  const std::vector<std::string> sentences = {"You are an idiot",
                                              "what a piece of shit",
                                              "motherfucking nonsense",
                                              "nothing here at all",
                                              "бля буду",
                                              "ass ass ass",
                                              "shitty weather",
                                              "pieceofshit",
                                              "f.u.c.k this",
                                              "a sassy class",
                                              "idiots and idiot",
                                              "no match in this one either"};
  // A first word of 1 to 24 letters (no two alike, which would fold to one symbol) moves the
  // lanes' boundaries through the sentences.
  for (size_t repeat = 1; repeat <= 40; repeat += 13) {
    for (size_t shift = 1; shift <= 24; ++shift) {
      std::string text = std::string("bcdefghjkmnpqrtuvwxyzBCD").substr(0, shift);
      std::vector<std::string> expected;
      for (size_t r = 0; r < repeat; ++r) {
        for (const auto& sentence : sentences) {
          text += ". " + sentence;
          const auto found = Found(matcher, sentence);
          expected.insert(expected.end(), found.begin(), found.end());
        }
      }
      ASSERT_EQ(Found(matcher, text), expected) << repeat << " repeats, shifted by " << shift;
    }
  }
}

TEST(TermMatcher, KeepsTheTermsOfTwoGroupsApart) {
  // The same spelling in both groups is two terms; within a group, spellings that fold alike
  // ("a" and Cyrillic "а") are one.
  std::vector<TermSpec> specs = {{"idiot", TermKind::kBanned},
                                 {"you", TermKind::kBanned},
                                 {"idiot", TermKind::kBanned, false, 1},
                                 {"a", TermKind::kBanned, false, 1},
                                 {"\xd0\xb0", TermKind::kBanned, false, 1}};
  std::vector<TermMatcher::Error> errors;
  std::vector<TermMatcher::Merge> merges;
  const TermMatcher matcher = TermMatcher::Compile(specs, &errors, &merges);
  EXPECT_TRUE(errors.empty());
  ASSERT_EQ(merges.size(), 1u);
  EXPECT_EQ(merges[0].absorbed + merges[0].kept, 7u);  // terms 3 and 4
  // In order of position, the longer first; each group's matches are its own.
  std::vector<std::pair<uint8_t, uint32_t>> found;
  for (const auto& match : matcher.FindAll(FoldForMatching("you are a idiot"))) {
    found.emplace_back(match.group, match.term);
  }
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0], (std::pair<uint8_t, uint32_t>{0, 1}));  // "you"
  EXPECT_EQ(found[1].first, 1);                               // "a" or "а"
  EXPECT_TRUE(found[1].second == 3 || found[1].second == 4);
  EXPECT_EQ(found[2].first + found[3].first, 1);  // "idiot" once for each group
  EXPECT_EQ(found[2].second + found[3].second, 2u);
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
