#include "identity/guest_fields.h"

#include "parley/utf8.h"

namespace parley::identity {

namespace {

constexpr size_t kMaxEmailBytes = 254;  // RFC 5321's limit on a forward path
constexpr size_t kMaxWebsiteBytes = 2048;

bool IsWhiteSpace(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

// Invisible characters that can make one name look like another or reorder what follows it
// on the page. Zero-width joiners (U+200C, U+200D) stay: emoji sequences and several scripts
// need them.
bool IsDisguising(char32_t c) {
  return c == 0xAD || c == 0x061C || c == 0x180E || c == 0x200B || c == 0x200E || c == 0x200F ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064) ||
         (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

std::string_view TrimAscii(std::string_view text) {
  while (!text.empty() && static_cast<unsigned char>(text.front()) <= 0x20) text.remove_prefix(1);
  while (!text.empty() && static_cast<unsigned char>(text.back()) <= 0x20) text.remove_suffix(1);
  return text;
}

bool HasSpaceOrControl(std::string_view text) {
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7F) return true;
  }
  return false;
}

char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (LowerAscii(text[i]) != prefix[i]) return false;
  }
  return true;
}

}  // namespace

FieldResult NormalizeDisplayName(std::string_view raw) {
  FieldResult result;
  std::string sanitized = utf8::Sanitize(raw);
  std::string_view text(sanitized);
  size_t characters = 0;
  bool pending_space = false;
  for (size_t pos = 0; pos < text.size();) {
    char32_t c = utf8::Decode(text, &pos);
    if (IsWhiteSpace(c)) {
      pending_space = !result.value.empty();
      continue;
    }
    if (IsDisguising(c)) continue;
    if (pending_space) {
      result.value += ' ';
      ++characters;
      pending_space = false;
    }
    utf8::Append(&result.value, c);
    ++characters;
  }
  if (result.value.empty()) {
    result.error = "Enter a name (1 to 64 characters).";
  } else if (characters > kMaxNameCharacters) {
    result.error = "The name is too long: at most 64 characters.";
  }
  return result;
}

FieldResult NormalizeEmail(std::string_view raw) {
  FieldResult result;
  std::string_view text = TrimAscii(raw);
  if (text.empty()) return result;
  size_t at = text.find('@');
  bool shaped = at != std::string_view::npos && at > 0 && at + 1 < text.size() &&
                text.find('@', at + 1) == std::string_view::npos &&
                text.find('.', at + 1) != std::string_view::npos && text.back() != '.';
  if (text.size() > kMaxEmailBytes || !utf8::IsValid(text) || HasSpaceOrControl(text) || !shaped) {
    result.error = "The email address is not valid.";
    return result;
  }
  result.value.reserve(text.size());
  for (char c : text) result.value += LowerAscii(c);
  return result;
}

FieldResult NormalizeWebsite(std::string_view raw) {
  FieldResult result;
  std::string_view text = TrimAscii(raw);
  if (text.empty()) return result;
  std::string url;
  if (StartsWithNoCase(text, "https://") || StartsWithNoCase(text, "http://")) {
    size_t colon = text.find(':');
    for (size_t i = 0; i < colon; ++i) url += LowerAscii(text[i]);
    url += text.substr(colon);
  } else if (text.find("://") == std::string_view::npos &&
             text.find(':') == std::string_view::npos) {
    url = "https://" + std::string(text);
  } else {
    result.error = "The website must be an http or https address.";
    return result;
  }
  size_t host_start = url.find("://") + 3;
  size_t host_end = url.find_first_of("/?#", host_start);
  std::string_view host = std::string_view(url).substr(
      host_start, host_end == std::string::npos ? std::string::npos : host_end - host_start);
  if (url.size() > kMaxWebsiteBytes || !utf8::IsValid(url) || HasSpaceOrControl(url) ||
      host.empty() || host.find('@') != std::string_view::npos ||
      host.find_first_of("<>\"'\\") != std::string_view::npos) {
    result.error = "The website must be an http or https address.";
    return result;
  }
  result.value = std::move(url);
  return result;
}

}  // namespace parley::identity
