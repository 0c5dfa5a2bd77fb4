#include "bare_url.h"

#include "parley/utf8.h"
#include "unicode.h"

namespace parley::markup {

namespace {

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool IsUrlEnd(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '<'; }

// The end of the domain starting at text[pos], or pos when there is no valid domain: segments
// of letters, digits, '_' and '-' (non-ASCII letters too, for internationalised names)
// separated by '.', with no '_' in the last two segments. As in GitHub's implementation, a
// domain without a period ("localhost") is accepted.
size_t ScanDomain(std::string_view text, size_t pos) {
  size_t i = pos;
  bool underscore_in_last = false;
  bool underscore_in_previous = false;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '.') {
      underscore_in_previous = underscore_in_last;
      underscore_in_last = false;
      ++i;
    } else if (c == '_') {
      underscore_in_last = true;
      ++i;
    } else if (c == '-' || IsAsciiAlnum(c)) {
      ++i;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      size_t next = i;
      const char32_t code_point = utf8::Decode(text, &next);
      if (IsUnicodeWhitespace(code_point) || IsUnicodePunctuation(code_point)) break;
      i = next;
    } else {
      break;
    }
  }
  if (i == pos || underscore_in_last || underscore_in_previous) return pos;
  return i;
}

}  // namespace

size_t MatchBareUrl(std::string_view text, size_t pos) {
  const std::string_view rest = text.substr(pos);
  size_t prefix = 0;
  if (rest.substr(0, 4) == "www.") {
    prefix = 4;
  } else if (rest.substr(0, 7) == "http://") {
    prefix = 7;
  } else if (rest.substr(0, 8) == "https://") {
    prefix = 8;
  } else {
    return 0;
  }
  const size_t domain_end = ScanDomain(text, pos + prefix);
  if (domain_end == pos + prefix) return 0;
  size_t end = domain_end;
  size_t opening = 0;
  size_t closing = 0;
  while (end < text.size() && !IsUrlEnd(text[end])) {
    if (text[end] == '(') ++opening;
    if (text[end] == ')') ++closing;
    ++end;
  }
  // Trailing characters that end sentences rather than URLs.
  while (end > pos + prefix + 1) {
    const char last = text[end - 1];
    switch (last) {
      case '?':
      case '!':
      case '.':
      case ',':
      case ':':
      case '*':
      case '_':
      case '~':
      case '"':
      case '\'':
        --end;
        continue;
      case ')':
        if (closing > opening) {
          --closing;
          --end;
          continue;
        }
        break;
      case ';': {
        size_t start = end - 1;
        while (start > pos && IsAsciiAlnum(text[start - 1])) --start;
        if (start < end - 1 && start > pos && text[start - 1] == '&') {
          end = start - 1;
          continue;
        }
        break;
      }
      default:
        break;
    }
    break;
  }
  return end > pos + prefix ? end - pos : 0;
}

}  // namespace parley::markup
