#pragma once

#include <cstddef>
#include <string_view>

// Bare URLs in running text ("see https://example.com/a_b."), linked the way GitHub Flavored
// Markdown's extended autolinks are: http://, https:// or www. followed by a valid domain and
// anything up to whitespace or '<', minus trailing punctuation, unbalanced closing parentheses
// and a trailing entity-like "&name;".
namespace parley::markup {

// True when a bare URL may start after `previous` (the character before it, or '\n' at the
// start of the text): whitespace, or one of * _ ~ ( " ' which typically wrap a URL.
inline bool MayPrecedeBareUrl(char previous) {
  switch (previous) {
    case ' ':
    case '\t':
    case '\n':
    case '*':
    case '_':
    case '~':
    case '(':
    case '"':
    case '\'':
      return true;
    default:
      return false;
  }
}

// The length of the bare URL starting at text[pos], or 0 if there is none.
size_t MatchBareUrl(std::string_view text, size_t pos);

// True when the URL matched by MatchBareUrl starts with "www." and so needs "http://".
inline bool BareUrlNeedsScheme(std::string_view url) { return url.substr(0, 4) == "www."; }

}  // namespace parley::markup
