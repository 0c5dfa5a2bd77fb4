// CommonMark conformance of comment markup, measured on the examples of the CommonMark spec
// (../shared/corpora/commonmark/spec.json) from the sections comments use. Examples of what
// comments deliberately leave out (headings, raw HTML, images) are skipped; outputs are
// compared after normalising what the renderer does differently by design (rel attributes on
// links, <br> for every line break, HTML5 void tags).
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>

#include "parley/markup/html_renderer.h"

namespace {

void ReplaceAll(std::string* text, const std::string& from, const std::string& to) {
  for (size_t pos = text->find(from); pos != std::string::npos;
       pos = text->find(from, pos + to.size())) {
    text->replace(pos, from.size(), to);
  }
}

// What the comparison ignores: line breaks rendered as <br> (soft breaks are text in the spec),
// XHTML-style void tags, and the rel attribute every comment link carries.
std::string Normalize(std::string html) {
  ReplaceAll(&html, " rel=\"nofollow ugc noopener\"", "");
  ReplaceAll(&html, "<br />", "<br>");
  ReplaceAll(&html, "<hr />", "<hr>");
  ReplaceAll(&html, "<br>\n", "\n");
  return html;
}

// True when the example uses raw HTML: some tag-like text of the input reaches the expected
// output verbatim, which only raw HTML does.
bool UsesRawHtml(const std::string& markdown, const std::string& html) {
  for (size_t pos = markdown.find('<'); pos != std::string::npos;
       pos = markdown.find('<', pos + 1)) {
    if (pos + 1 >= markdown.size()) break;
    const char next = markdown[pos + 1];
    if (!std::isalpha(static_cast<unsigned char>(next)) && next != '/' && next != '!' &&
        next != '?') {
      continue;
    }
    const size_t close = markdown.find('>', pos);
    if (close == std::string::npos) continue;
    if (html.find(markdown.substr(pos, close + 1 - pos)) != std::string::npos) return true;
  }
  return false;
}

bool Skipped(const nlohmann::json& example) {
  static const std::set<std::string> kLeftOut = {"ATX headings", "Setext headings", "HTML blocks",
                                                 "Raw HTML", "Images"};
  static const std::regex kHeadingOrImage("<h[1-6][ >]|<img ");
  const std::string section = example["section"];
  const std::string markdown = example["markdown"];
  const std::string html = example["html"];
  return kLeftOut.count(section) > 0 || std::regex_search(html, kHeadingOrImage) ||
         UsesRawHtml(markdown, html);
}

TEST(MarkupCommonMark, AtLeastNinetyPercentOfApplicableSpecExamplesPass) {
  std::ifstream file(PARLEY_SHARED_DIR "/corpora/commonmark/spec.json");
  ASSERT_TRUE(file) << "missing ../shared/corpora/commonmark/spec.json";
  const nlohmann::json examples = nlohmann::json::parse(file);

  struct Count {
    int passed = 0;
    int total = 0;
    std::string failed;
  };
  std::map<std::string, Count> sections;
  int passed = 0;
  int total = 0;
  int skipped = 0;
  for (const nlohmann::json& example : examples) {
    if (Skipped(example)) {
      ++skipped;
      continue;
    }
    const std::string markdown = example["markdown"];
    const std::string expected = example["html"];
    const bool ok = Normalize(parley::markup::RenderHtml(markdown)) == Normalize(expected);
    Count& count = sections[example["section"]];
    ++count.total;
    ++total;
    if (ok) {
      ++count.passed;
      ++passed;
    } else {
      count.failed += " " + std::to_string(example["example"].get<int>());
    }
  }
  std::printf("CommonMark conformance (%d examples skipped: headings, raw HTML, images)\n",
              skipped);
  for (const auto& [section, count] : sections) {
    std::printf("  %-42s %3d/%3d%s%s\n", section.c_str(), count.passed, count.total,
                count.failed.empty() ? "" : "  failing:", count.failed.c_str());
  }
  const double ratio = total == 0 ? 0 : static_cast<double>(passed) / total;
  std::printf("  %-42s %3d/%3d (%.1f%%)\n", "overall", passed, total, ratio * 100);
  EXPECT_GE(ratio, 0.90);
}

}  // namespace
