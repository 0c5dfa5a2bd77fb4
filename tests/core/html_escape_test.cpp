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

}  // namespace
