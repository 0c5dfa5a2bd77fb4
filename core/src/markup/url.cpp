#include "parley/markup/url.h"

#include "parley/html_escape.h"

namespace parley::markup {

namespace {

// What a browser's URL parser removes before it looks at a URL: C0 controls and spaces at
// either end, and tabs and newlines anywhere (WHATWG URL, "basic URL parser").
bool IsStrippedAtEnds(char c) { return static_cast<unsigned char>(c) <= 0x20; }
bool IsStrippedAnywhere(char c) { return c == '\t' || c == '\n' || c == '\r'; }

std::string_view TrimForBrowser(std::string_view url) {
  while (!url.empty() && IsStrippedAtEnds(url.front())) url.remove_prefix(1);
  while (!url.empty() && IsStrippedAtEnds(url.back())) url.remove_suffix(1);
  return url;
}

char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool IsHexDigit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// The characters CommonMark's reference renderers leave as they are in an href (RFC 3986
// reserved and unreserved characters); '%' is kept only when it starts an escape.
bool IsUrlSafe(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  switch (c) {
    case ';':
    case '/':
    case '?':
    case ':':
    case '@':
    case '&':
    case '=':
    case '+':
    case '$':
    case ',':
    case '-':
    case '_':
    case '.':
    case '!':
    case '~':
    case '*':
    case '\'':
    case '(':
    case ')':
    case '#':
      return true;
    default:
      return false;
  }
}

// True when `raw` spells `name` (lower case) as a browser reads it: any case, tabs and
// newlines ignored.
bool SchemeIs(std::string_view raw, std::string_view name) {
  size_t matched = 0;
  for (char c : raw) {
    if (IsStrippedAnywhere(c)) continue;
    if (matched == name.size() || LowerAscii(c) != name[matched]) return false;
    ++matched;
  }
  return matched == name.size();
}

}  // namespace

bool IsAllowedLinkUrl(std::string_view url) {
  url = TrimForBrowser(url);
  const size_t delimiter = url.find_first_of(":/?#");
  if (delimiter == std::string_view::npos || url[delimiter] != ':') return true;  // relative
  const std::string_view scheme = url.substr(0, delimiter);
  return SchemeIs(scheme, "http") || SchemeIs(scheme, "https") || SchemeIs(scheme, "mailto");
}

void AppendHref(std::string* out, std::string_view url) {
  url = TrimForBrowser(url);
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  encoded.reserve(url.size());
  for (size_t i = 0; i < url.size(); ++i) {
    const char c = url[i];
    if (IsStrippedAnywhere(c)) continue;
    if (IsUrlSafe(c) ||
        (c == '%' && i + 2 < url.size() && IsHexDigit(url[i + 1]) && IsHexDigit(url[i + 2]))) {
      encoded.push_back(c);
      continue;
    }
    const auto byte = static_cast<unsigned char>(c);
    encoded.push_back('%');
    encoded.push_back(kHex[byte >> 4]);
    encoded.push_back(kHex[byte & 0x0F]);
  }
  html::AppendAttribute(out, encoded);
}

}  // namespace parley::markup
