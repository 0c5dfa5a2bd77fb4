// Comment markup: the shared corpus (tests/corpus/markup.json, also run against the
// WebAssembly build by tests/widget/markup.test.mjs), the event stream, and the input rules.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "parley/markup/html_renderer.h"
#include "parley/markup/parser.h"
#include "parley/utf8.h"

namespace {

using parley::markup::RenderHtml;

// The shared corpus; empty (and the test failed) when the file is missing.
nlohmann::json LoadMarkupCorpus() {
  std::ifstream file(PARLEY_SOURCE_DIR "/tests/corpus/markup.json");
  EXPECT_TRUE(file) << "missing tests/corpus/markup.json";
  return file ? nlohmann::json::parse(file) : nlohmann::json::array();
}

TEST(MarkupCorpus, EveryExampleRendersAsExpected) {
  const nlohmann::json corpus = LoadMarkupCorpus();
  ASSERT_GT(corpus.size(), 40u);
  for (const nlohmann::json& example : corpus) {
    const std::string name = example["name"];
    EXPECT_EQ(RenderHtml(example["input"].get<std::string>()), example["html"].get<std::string>())
        << "corpus example: " << name;
  }
}

// A thread writes each body straight after its own markup (AppendHtml): what the document
// already holds, however it ends, must not change the fragment, e.g. by a line break put
// before the first block.
TEST(MarkupCorpus, AppendedToADocumentIsTheSameFragment) {
  const nlohmann::json corpus = LoadMarkupCorpus();
  ASSERT_GT(corpus.size(), 40u);
  for (const nlohmann::json& example : corpus) {
    const std::string input = example["input"];
    for (const std::string document : {"<div class=\"parley-body\">", "<p>x</p>\n"}) {
      std::string out = document;
      parley::markup::AppendHtml(input, &out);
      EXPECT_EQ(out, document + RenderHtml(input)) << "corpus example: " << example["name"];
    }
  }
}

// Records events as text, checking that every enter has its leave.
class RecordingSink final : public parley::markup::EventSink {
 public:
  void EnterBlock(parley::markup::BlockType type, const parley::markup::BlockDetail&) override {
    log += "[B" + std::to_string(static_cast<int>(type));
    open.push_back('B');
  }
  void LeaveBlock(parley::markup::BlockType type) override {
    log += "B" + std::to_string(static_cast<int>(type)) + "]";
    balanced = balanced && !open.empty() && open.back() == 'B';
    if (!open.empty()) open.pop_back();
  }
  void EnterSpan(parley::markup::SpanType type, const parley::markup::SpanDetail&) override {
    log += "(S" + std::to_string(static_cast<int>(type));
    open.push_back('S');
  }
  void LeaveSpan(parley::markup::SpanType type) override {
    log += "S" + std::to_string(static_cast<int>(type)) + ")";
    balanced = balanced && !open.empty() && open.back() == 'S';
    if (!open.empty()) open.pop_back();
  }
  void Text(parley::markup::TextType, std::string_view text) override {
    log += "'" + std::string(text) + "'";
  }

  std::string log;
  std::string open;
  bool balanced = true;
};

TEST(MarkupEvents, ParagraphWithEmphasisIsReportedInOrder) {
  RecordingSink sink;
  parley::markup::Parse("a *b*", sink);
  // Document(0) > Paragraph(5) > "a ", Emphasis(0) > "b".
  EXPECT_EQ(sink.log, "[B0[B5'a '(S0'b'S0)B5]B0]");
}

TEST(MarkupEvents, TightListItemsReportNoParagraph) {
  RecordingSink sink;
  parley::markup::Parse("- x", sink);
  EXPECT_EQ(sink.log, "[B0[B2[B4'x'B4]B2]B0]");
}

TEST(MarkupEvents, EventsNestOnHostileInput) {
  const std::string inputs[] = {"***a**b*c_d__e~~f~~", "[a *b](c) d*",      "> - > 1. *x\n> y*",
                                "`a *b` c*",           "<http://a*b*> *c*", "**[x](y**z)**"};
  for (const std::string& input : inputs) {
    RecordingSink sink;
    parley::markup::Parse(input, sink);
    EXPECT_TRUE(sink.balanced) << input;
    EXPECT_TRUE(sink.open.empty()) << input;
  }
}

TEST(MarkupInput, LineEndsAreFoundAtEveryAlignment) {
  // Line ends (and carriage returns) are looked for eight bytes at a time: each must be found
  // wherever it falls in a block of eight, and bytes that are '\n' or '\r' with the high bit
  // set (U+00CA is C3 8A, U+00CD is C3 8D) must not count as one.
  for (size_t pad = 1; pad < 20; ++pad) {
    const std::string lead(pad, 'a');
    EXPECT_EQ(RenderHtml(lead + "\n\nb"), "<p>" + lead + "</p>\n<p>b</p>\n") << pad;
    EXPECT_EQ(RenderHtml(lead + "\r\n\r\nb"), "<p>" + lead + "</p>\n<p>b</p>\n") << pad;
    EXPECT_EQ(RenderHtml(lead + "\rb"), "<p>" + lead + "<br>\nb</p>\n") << pad;
    const std::string high = "\xC3\x8A\xC3\x8D";
    EXPECT_EQ(RenderHtml(lead + high + " b"), "<p>" + lead + high + " b</p>\n") << pad;
    EXPECT_EQ(RenderHtml(lead + high + "\n\nb"), "<p>" + lead + high + "</p>\n<p>b</p>\n") << pad;
  }
}

TEST(MarkupInput, InvalidUtf8BecomesReplacementCharacters) {
  EXPECT_EQ(RenderHtml("a\xFF"
                       "b\xC3"),
            "<p>a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD</p>\n");
  EXPECT_EQ(RenderHtml(std::string("x\0y", 3)), "<p>x\xEF\xBF\xBDy</p>\n");
}

TEST(MarkupInput, OutputIsValidUtf8ForArbitraryBytes) {
  std::string bytes;
  for (int i = 0; i < 4096; ++i) bytes.push_back(static_cast<char>((i * 131 + 7) % 256));
  const std::string html = RenderHtml(bytes);
  EXPECT_TRUE(parley::utf8::IsValid(html));
  size_t pos = 0;
  while (pos < html.size())
    EXPECT_FALSE(parley::utf8::IsForbiddenControl(parley::utf8::Decode(html, &pos)));
}

TEST(MarkupInput, SameOutputWhateverTheLineEndings) {
  EXPECT_EQ(RenderHtml("> a\r\n> b\r\n\r\n- c\r- d"), RenderHtml("> a\n> b\n\n- c\n- d"));
}

TEST(MarkupNesting, ListsDeeperThanTheCapAreText) {
  std::string input;
  for (int i = 0; i < 40; ++i) input += std::string(static_cast<size_t>(i) * 2, ' ') + "- x\n";
  const std::string html = RenderHtml(input);
  size_t lists = 0;
  for (size_t pos = html.find("<ul>"); pos != std::string::npos; pos = html.find("<ul>", pos + 1))
    ++lists;
  EXPECT_EQ(lists, parley::markup::kMaxNesting);
}

}  // namespace
