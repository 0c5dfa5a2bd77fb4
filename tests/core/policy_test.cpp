// The discussion policy: tests/corpus/policy.json (which the Node suite runs against the
// WebAssembly core too), the policy file format, and the no-false-positive sets.
#include "parley/policy/policy.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "../support/corpus.h"
#include "parley/policy/check.h"
#include "parley/policy/messages.h"
#include "parley/policy/verdict.h"

namespace {

using parley::policy::Action;
using parley::policy::CheckComment;
using parley::policy::DefaultPolicy;
using parley::policy::ParsePolicy;
using parley::policy::Verdict;

nlohmann::json Corpus() {
  static const nlohmann::json corpus =
      parley::testing::ReadJsonFile(PARLEY_SOURCE_DIR "/tests/corpus/policy.json");
  return corpus;
}

std::string CaseName(const ::testing::TestParamInfo<nlohmann::json>& param_info) {
  std::string out;
  for (char c : param_info.param["name"].get<std::string>()) {
    out += (std::isalnum(static_cast<unsigned char>(c)) != 0) ? c : '_';
  }
  return out + "_" + std::to_string(param_info.index);
}

std::vector<nlohmann::json> Section(const char* name) {
  const auto section = Corpus()[name];
  return std::vector<nlohmann::json>(section.begin(), section.end());
}

class PolicyCorpus : public ::testing::TestWithParam<nlohmann::json> {};

TEST_P(PolicyCorpus, GivesTheExpectedVerdict) {
  const nlohmann::json& entry = GetParam();
  const std::string text = entry["text"];
  parley::policy::ParsedPolicy parsed;
  if (entry.contains("policy")) parsed = ParsePolicy(entry["policy"].dump());
  ASSERT_TRUE(parsed.ok()) << parsed.error;
  const auto& policy = entry.contains("policy") ? parsed.policy : DefaultPolicy();
  const Verdict verdict = CheckComment(text, policy, entry.value("lang", "en"));
  const std::string json = parley::policy::VerdictToJson(verdict);
  const nlohmann::json& expect = entry["expect"];

  EXPECT_EQ(parley::policy::ActionName(verdict.action), expect["action"].get<std::string>())
      << json;
  if (expect.contains("codes")) {
    std::vector<std::string> codes;
    for (const auto& reason : verdict.reasons) {
      codes.emplace_back(parley::policy::ReasonCodeName(reason.code));
    }
    EXPECT_EQ(codes, expect["codes"].get<std::vector<std::string>>()) << json;
  }
  if (expect.contains("spans")) {
    std::vector<std::string> spans;
    for (const auto& reason : verdict.reasons) {
      if (reason.has_span) spans.push_back(text.substr(reason.start, reason.end - reason.start));
    }
    EXPECT_EQ(spans, expect["spans"].get<std::vector<std::string>>()) << json;
  }
  if (expect.contains("messages")) {
    std::vector<std::string> messages;
    for (const auto& reason : verdict.reasons) messages.push_back(reason.message);
    EXPECT_EQ(messages, expect["messages"].get<std::vector<std::string>>());
  }
  // The JSON the CLI and the browser print is the verdict, faithfully.
  const nlohmann::json reparsed = nlohmann::json::parse(json);
  EXPECT_EQ(reparsed["reasons"].size(), verdict.reasons.size());
}

INSTANTIATE_TEST_SUITE_P(Corpus, PolicyCorpus, ::testing::ValuesIn(Section("cases")), CaseName);

class PolicyErrors : public ::testing::TestWithParam<nlohmann::json> {};

TEST_P(PolicyErrors, NameTheProblem) {
  const auto parsed = ParsePolicy(GetParam()["policy"].get<std::string>());
  ASSERT_FALSE(parsed.ok());
  const std::string expected = GetParam()["error"];
  EXPECT_EQ(parsed.error.substr(0, expected.size()), expected) << parsed.error;
}

INSTANTIATE_TEST_SUITE_P(Corpus, PolicyErrors, ::testing::ValuesIn(Section("policyErrors")),
                         CaseName);

TEST(PolicyFile, TheShippedDefaultPolicyIsTheCompiledDefault) {
  const std::string shipped =
      parley::testing::ReadFile(PARLEY_SOURCE_DIR "/core/policy/default-policy.json");
  EXPECT_EQ(parley::policy::PolicyToJson(DefaultPolicy()), shipped);
  const auto parsed = ParsePolicy(shipped);
  ASSERT_TRUE(parsed.ok()) << parsed.error;
  EXPECT_EQ(parley::policy::PolicyToJson(parsed.policy), shipped);
}

TEST(PolicyFile, RoundTripsEveryField) {
  const auto parsed = ParsePolicy(R"({
    "languages": ["ru", "en"], "banned": ["foo", "*bar*"], "suspect": ["baz"],
    "allow": ["foo fighters"], "minLength": 2, "maxLength": 300, "maxLinks": 0,
    "blockedDomains": ["spam.example"], "personalAttacks": "reject",
    "shouting": {"action": "off", "minLetters": 10, "capitalsPercent": 90},
    "floods": {"action": "reject", "maxRepeatedCharacters": 4, "maxRepeatedWords": 2},
    "_comment": "ignored"})");
  ASSERT_TRUE(parsed.ok()) << parsed.error;
  const std::string json = parley::policy::PolicyToJson(parsed.policy);
  const auto again = ParsePolicy(json);
  ASSERT_TRUE(again.ok()) << again.error;
  EXPECT_EQ(parley::policy::PolicyToJson(again.policy), json);
  EXPECT_NE(json.find("\"languages\": [\"ru\", \"en\"]"), std::string::npos) << json;
  EXPECT_EQ(json.find("_comment"), std::string::npos);
}

TEST(PolicyFile, PartialFilesKeepTheDefaults) {
  const auto parsed = ParsePolicy(R"({"maxLinks": 7})");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed.policy.settings().max_links, 7);
  EXPECT_EQ(parsed.policy.settings().max_length, DefaultPolicy().settings().max_length);
  EXPECT_EQ(parsed.policy.settings().languages, DefaultPolicy().settings().languages);
}

TEST(PolicyFile, CopiesShareTheCompiledPolicy) {
  auto parsed = ParsePolicy(R"({"banned": ["flibbertigibbet"]})");
  ASSERT_TRUE(parsed.ok());
  parley::policy::Policy copy = parsed.policy;
  parley::policy::Policy moved = std::move(parsed.policy);
  EXPECT_EQ(&copy.compiled(), &moved.compiled());
  copy = DefaultPolicy();
  EXPECT_EQ(CheckComment("flibbertigibbet", moved).action, Action::kReject);
  EXPECT_EQ(CheckComment("flibbertigibbet", copy).action, Action::kAllow);
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return lines;
}

TEST(PolicyFalsePositives, NoneOnTheScunthorpeSectionOfBlns) {
  const auto lines = Lines(parley::testing::ReadFile(PARLEY_SHARED_DIR "/corpora/policy/blns.txt"));
  size_t checked = 0;
  bool inside = false;
  for (const std::string& line : lines) {
    if (line.rfind("#\tScunthorpe Problem", 0) == 0) {
      inside = true;
      continue;
    }
    if (!inside) continue;
    if (line.rfind("#\tHuman injection", 0) == 0) break;
    if (line.empty() || line[0] == '#') continue;
    ++checked;
    const Verdict verdict = CheckComment(line, DefaultPolicy());
    EXPECT_EQ(verdict.action, Action::kAllow)
        << line << ": " << parley::policy::VerdictToJson(verdict);
  }
  EXPECT_EQ(checked, 22u);
}

TEST(PolicyFalsePositives, NoneOnTheSeedPage) {
  const std::string seed =
      parley::testing::ReadFile(PARLEY_SHARED_DIR "/seed/news-article-with-comments.txt");
  ASSERT_FALSE(seed.empty());
  EXPECT_EQ(CheckComment(seed, DefaultPolicy()).action, Action::kAllow)
      << parley::policy::VerdictToJson(CheckComment(seed, DefaultPolicy()));
  // Paragraph by paragraph too: a comment is often one of them.
  size_t start = 0;
  while (start < seed.size()) {
    size_t end = seed.find("\n\n", start);
    if (end == std::string::npos) end = seed.size();
    const std::string paragraph = seed.substr(start, end - start);
    if (paragraph.find_first_not_of(" \n") != std::string::npos) {
      const Verdict verdict = CheckComment(paragraph, DefaultPolicy());
      EXPECT_EQ(verdict.action, Action::kAllow) << paragraph;
    }
    start = end + 2;
  }
}

TEST(PolicyCheck, AcceptsAnyBytes) {
  const std::string bytes = std::string(
      "f\xFFu\xC0"
      "ck \x00 \xED\xA0\x80 you idiot",
      20);
  const Verdict verdict = CheckComment(bytes, DefaultPolicy());
  for (const auto& reason : verdict.reasons) {
    if (reason.has_span) {
      EXPECT_LE(reason.start, reason.end);
      EXPECT_LE(reason.end, bytes.size());
    }
  }
  const std::string json = parley::policy::VerdictToJson(verdict);
  EXPECT_TRUE(nlohmann::json::accept(json)) << json;
}

TEST(PolicyCheck, FindsALinkAtTheVeryEndOfTextsOfEveryLength) {
  // The scans skip eight bytes at a time: texts of every length, with a dot or colon exactly
  // where a skip stops, must neither read past their end (the sanitizer builds check that) nor
  // miss a link in their last bytes. Each text is a buffer of its own size, so reading past it
  // is a real overflow.
  const auto parsed = ParsePolicy(R"({"maxLinks": 0, "minLength": 1})");
  ASSERT_TRUE(parsed.error.empty()) << parsed.error;
  const auto check = [&](const std::string& text) {
    const std::unique_ptr<char[]> bytes(new char[text.size()]);
    std::memcpy(bytes.get(), text.data(), text.size());
    return CheckComment(std::string_view(bytes.get(), text.size()), parsed.policy);
  };
  for (size_t length = 1; length <= 40; ++length) {
    const std::string words =
        std::string("thequickbrownfoxjumpsoverthelazydogagain").substr(0, length);
    for (const char* end : {"", ".", ":", ":/"}) {
      EXPECT_EQ(check(words + end).action, Action::kAllow) << words << end;
    }
    for (const std::string& linked : {words + ".com", "http://" + words}) {
      const Verdict verdict = check(linked);
      ASSERT_EQ(verdict.reasons.size(), 1u) << linked;
      EXPECT_EQ(parley::policy::ReasonCodeName(verdict.reasons[0].code), "too_many_links");
      EXPECT_EQ(verdict.reasons[0].end, linked.size());
    }
  }
}

TEST(PolicyCheck, ReasonsWithoutSpanHaveNoOffsets) {
  const Verdict verdict = CheckComment("", DefaultPolicy());
  EXPECT_EQ(
      parley::policy::VerdictToJson(verdict),
      R"({"action":"reject","reasons":[{"code":"too_short","message":"Your comment is too short."}]})");
}

TEST(PolicyCheck, CapsTheReasonsButNotTheAction) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "shit fuck ";
  const Verdict verdict = CheckComment(text, DefaultPolicy());
  EXPECT_EQ(verdict.action, Action::kReject);
  EXPECT_LE(verdict.reasons.size(), 60u);
}

TEST(PolicyCheck, MessagesFallBackToEnglish) {
  using parley::policy::ReasonCode;
  using parley::policy::ReasonMessage;
  EXPECT_EQ(ReasonMessage(ReasonCode::kBannedWord, "zz"),
            ReasonMessage(ReasonCode::kBannedWord, "en"));
  EXPECT_EQ(ReasonMessage(ReasonCode::kBannedWord, "RU"),
            ReasonMessage(ReasonCode::kBannedWord, "ru-RU"));
  for (std::string_view lang : {"en", "ru", "hy", "fr", "de", "es", "ar"}) {
    EXPECT_NE(parley::policy::MessageLanguages().find(lang), std::string_view::npos);
    for (int code = 0; code <= static_cast<int>(ReasonCode::kFlood); ++code) {
      EXPECT_FALSE(ReasonMessage(static_cast<ReasonCode>(code), lang).empty());
    }
  }
}

// Pathological inputs cost time in proportion to their length.
TEST(PolicyCheck, IsLinearOnPathologicalInput) {
  const auto time = [](const std::string& text) {
    const auto start = std::chrono::steady_clock::now();
    (void)CheckComment(text, DefaultPolicy());
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
  };
  const auto repeat = [](const std::string& unit, size_t times) {
    std::string out;
    for (size_t i = 0; i < times; ++i) out += unit;
    return out;
  };
  for (const std::string unit : {"a ", "f.", "you ", "fuuu", "\xD1\x8B", "!!", "you are a ",
                                 "tit for ", "a.b.", "http://a.b/ ", "fuckfuck", "\xE2\x80\x8B"}) {
    (void)time(repeat(unit, 2000));
    const double small = time(repeat(unit, 20000));
    const double large = time(repeat(unit, 80000));
    EXPECT_LT(large, small * 10 + 20) << unit << ": " << small << " ms, then " << large << " ms";
  }
}

}  // namespace
