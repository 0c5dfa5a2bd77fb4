#include "parley/html_escape.h"

#include <gtest/gtest.h>

namespace {

TEST(HtmlEscape, TextMakesMarkupInert) {
  std::string out;
  parley::html::AppendText(&out, R"(<script>alert("x") & 'y'</script>)");
  EXPECT_EQ(out, "&lt;script&gt;alert(&quot;x&quot;) &amp; 'y'&lt;/script&gt;");
}

TEST(HtmlEscape, AttributeAlsoEscapesSingleQuotes) {
  std::string out;
  parley::html::AppendAttribute(&out, R"(" onmouseover='x' a=<b>&)");
  EXPECT_EQ(out, "&quot; onmouseover=&#39;x&#39; a=&lt;b&gt;&amp;");
}

TEST(HtmlEscape, PlainTextIsUnchanged) {
  std::string out = "prefix ";
  parley::html::AppendText(&out, "Sylva Portoian, MD");
  EXPECT_EQ(out, "prefix Sylva Portoian, MD");
}

// The escapers skip eight bytes at a time where none can need escaping: every character, at
// every position and next to every byte value (non-ASCII included), is still escaped as the
// byte-by-byte rule says.
TEST(HtmlEscape, EscapesEveryByteAtEveryPosition) {
  const auto reference = [](const std::string& text, bool attribute) {
    std::string out;
    for (const char c : text) {
      if (c == '&') out += "&amp;";
      else if (c == '<') out += "&lt;";
      else if (c == '>') out += "&gt;";
      else if (c == '"') out += "&quot;";
      else if (c == '\'' && attribute) out += "&#39;";
      else out += c;
    }
    return out;
  };
  for (int byte = 0; byte < 256; ++byte) {
    for (size_t at = 0; at < 19; ++at) {
      std::string text(19, 'a');
      text[at] = static_cast<char>(byte);
      text[(at + 5) % 19] = static_cast<char>(255 - byte);
      std::string as_text;
      parley::html::AppendText(&as_text, text);
      std::string as_attribute;
      parley::html::AppendAttribute(&as_attribute, text);
      ASSERT_EQ(as_text, reference(text, false)) << byte << " at " << at;
      ASSERT_EQ(as_attribute, reference(text, true)) << byte << " at " << at;
    }
  }
}

}  // namespace
