// Runs tests/corpus/threads.json, the corpus the Node suite runs against the WebAssembly core.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../support/corpus.h"
#include "parley/thread/render.h"
#include "parley/utf8.h"

namespace {

// The comment ids in the order their articles appear (data-parley-id, attribute-escaped).
std::vector<std::string> ArticleOrder(const std::string& html) {
  std::vector<std::string> ids;
  const std::string marker = "data-parley-id=\"";
  for (size_t at = html.find(marker); at != std::string::npos; at = html.find(marker, at)) {
    at += marker.size();
    ids.push_back(html.substr(at, html.find('"', at) - at));
  }
  return ids;
}

class ThreadCorpus : public ::testing::TestWithParam<nlohmann::json> {};

TEST_P(ThreadCorpus, RendersAsExpected) {
  const nlohmann::json& entry = GetParam();
  const nlohmann::json& expect = entry["expect"];
  const std::string options = entry.contains("options") ? entry["options"].dump() : "";
  auto result = parley::thread::RenderThreadFromJson(entry["comments"].dump(), options);
  if (expect.contains("error")) {
    EXPECT_NE(result.error.find(expect["error"].get<std::string>()), std::string::npos) << result.error;
    EXPECT_EQ(result.html, "");
    return;
  }
  ASSERT_TRUE(result.ok()) << result.error;
  if (expect.contains("order")) {
    EXPECT_EQ(ArticleOrder(result.html), expect["order"].get<std::vector<std::string>>()) << result.html;
  }
  for (const auto& text : expect.value("contains", nlohmann::json::array())) {
    EXPECT_NE(result.html.find(text.get<std::string>()), std::string::npos)
        << "missing: " << text << "\n" << result.html;
  }
  for (const auto& text : expect.value("absent", nlohmann::json::array())) {
    EXPECT_EQ(result.html.find(text.get<std::string>()), std::string::npos)
        << "present: " << text << "\n" << result.html;
  }
}

// Everything the thread adds around ASCII comments in English is ASCII (the vote arrows are
// character references), so JavaScript can hold the HTML as one byte per character and the
// loader takes it over as Latin-1 (tests/widget/core.test.mjs).
TEST_P(ThreadCorpus, AsciiCommentsInEnglishRenderAsAscii) {
  const nlohmann::json& entry = GetParam();
  const std::string comments = entry["comments"].dump();
  const std::string options = entry.contains("options") ? entry["options"].dump() : "";
  const std::string lang = entry.contains("options") && entry["options"].is_object()
                               ? entry["options"].value("lang", std::string("en"))
                               : "en";
  using parley::utf8::IsAscii;
  if (!IsAscii(comments) || !IsAscii(options) || lang.rfind("en", 0) != 0) {
    GTEST_SKIP() << "not ASCII comments in English";
  }
  auto result = parley::thread::RenderThreadFromJson(comments, options);
  if (!result.ok()) GTEST_SKIP() << "an error case";
  EXPECT_TRUE(IsAscii(result.html)) << result.html;
  EXPECT_EQ(result.html.find("\u25B2"), std::string::npos);
}

std::vector<nlohmann::json> LoadCorpus() {
  auto corpus = parley::testing::ReadJsonFile(PARLEY_SOURCE_DIR "/tests/corpus/threads.json");
  return {corpus.begin(), corpus.end()};
}

std::string CaseName(const ::testing::TestParamInfo<nlohmann::json>& info) {
  std::string name;
  for (char c : info.param["name"].get<std::string>()) {
    name += (std::isalnum(static_cast<unsigned char>(c)) != 0) ? c : '_';
  }
  return name + "_" + std::to_string(info.index);
}

INSTANTIATE_TEST_SUITE_P(Corpus, ThreadCorpus, ::testing::ValuesIn(LoadCorpus()), CaseName);

}  // namespace
