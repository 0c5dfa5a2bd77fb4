// The link URL policy (parley/markup/url.h): which URLs may become links, and how hrefs are
// written.
#include <gtest/gtest.h>

#include <string>

#include "parley/markup/url.h"

namespace {

using parley::markup::AppendHref;
using parley::markup::IsAllowedLinkUrl;

TEST(MarkupUrl, AllowsHttpHttpsMailtoInAnyCase) {
  EXPECT_TRUE(IsAllowedLinkUrl("http://example.com"));
  EXPECT_TRUE(IsAllowedLinkUrl("HTTPS://example.com"));
  EXPECT_TRUE(IsAllowedLinkUrl("MailTo:a@b.c"));
}

TEST(MarkupUrl, AllowsRelativeReferences) {
  for (const char* url : {"", "/a", "../b", "c/d:e", "?q=1", "#top", "//host/x", "plain"}) {
    EXPECT_TRUE(IsAllowedLinkUrl(url)) << url;
  }
}

TEST(MarkupUrl, RefusesOtherSchemesAsBrowsersWouldReadThem) {
  for (const char* url :
       {"javascript:alert(1)", "JAVASCRIPT:x", " \x01javascript:x", "java\tscript:x",
        "java\nscript:x", "vbscript:x", "data:text/html,x", "file:///etc/passwd", "ftp://x",
        "1javascript:x", "a b:c", "httpx:y", "http :x"}) {
    EXPECT_FALSE(IsAllowedLinkUrl(url)) << url;
  }
}

TEST(MarkupUrl, HrefIsStrippedPercentEncodedAndEscaped) {
  std::string out;
  AppendHref(&out, "  http://a.b/p a\th?x=\"1\"&y='2'%41%zz\xC3\xA4 ");
  EXPECT_EQ(out, "http://a.b/p%20ah?x=%221%22&amp;y=&#39;2&#39;%41%25zz%C3%A4");
}

}  // namespace
