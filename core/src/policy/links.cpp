#include "links.h"

#include <algorithm>
#include <cstdint>

#include "../text/hot.h"

namespace parley::policy::internal {

namespace {

// Top-level domains that make a bare name ("example.com") a link. File extensions that are also
// country codes (.md, .py, .sh, .pl) are left out: "README.md" is not a link.
constexpr std::string_view kLinkTlds =
    " com net org info biz edu gov mil int io co me tv app dev xyz online site top club shop store"
    " live news blog pro name mobi tech link click page world today space website ly to gl cc ws"
    " fm ai eu su am ru ua by kz az ge tr ir uk us ca au nz de fr it es pt nl be ch at se no dk fi"
    " cz sk hu ro bg gr rs hr si lt lv ee ie il in cn jp kr hk tw sg my th vn id ph br ar mx cl za"
    " eg ng ke ";

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A byte table: the scan below asks this of every byte of every comment.
struct LabelChars {
  bool is[256];
  constexpr LabelChars() : is() {
    for (unsigned c = 0; c < 256; ++c) {
      is[c] =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    }
  }
};
constexpr LabelChars kLabelChars;

PARLEY_HOT bool IsLabelChar(char c) { return kLabelChars.is[static_cast<unsigned char>(c)]; }

bool StartsWithNoCase(std::string_view text, size_t pos, std::string_view prefix) {
  if (text.size() - pos < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(text[pos + i]) != prefix[i]) return false;
  }
  return true;
}

// Where a URL's path ends: at whitespace, a quote or angle bracket, without trailing
// punctuation that belongs to the sentence ("see https://x.org/a.").
size_t UrlEnd(std::string_view text, size_t pos) {
  while (pos < text.size()) {
    const char c = text[pos];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '\'' || c == '<' ||
        c == '>' || static_cast<unsigned char>(c) >= 0x80) {
      break;
    }
    ++pos;
  }
  while (pos > 0) {
    const char c = text[pos - 1];
    if (c != '.' && c != ',' && c != ';' && c != ':' && c != '!' && c != '?' && c != ')' &&
        c != ']') {
      break;
    }
    --pos;
  }
  return pos;
}

// Reads a dotted host name at `pos`; returns its end, or `pos` when there is none. `labels`
// and `last_label_start` describe what was read.
size_t ReadHost(std::string_view text, size_t pos, size_t* labels, size_t* last_label_start) {
  size_t end = pos;
  *labels = 0;
  while (end < text.size() && IsLabelChar(text[end])) {
    *last_label_start = end;
    while (end < text.size() && IsLabelChar(text[end])) ++end;
    ++*labels;
    if (end + 1 < text.size() && text[end] == '.' && IsLabelChar(text[end + 1])) {
      ++end;
      continue;
    }
    break;
  }
  return end;
}

std::string LowerHost(std::string_view host) {
  std::string out;
  out.reserve(host.size());
  for (char c : host) out.push_back(Lower(c));
  if (out.compare(0, 4, "www.") == 0) out.erase(0, 4);
  return out;
}

bool IsLinkTld(std::string_view tld) {
  if (tld.size() < 2 || tld.size() > 10) return false;
  std::string needle = " ";
  for (char c : tld) {
    if (c < 'a' || c > 'z') return false;  // bare names count only in lower case ("end.It" no)
    needle.push_back(c);
  }
  needle.push_back(' ');
  return kLinkTlds.find(needle) != std::string_view::npos;
}

// Where the scan below may find a host next: every host has a dot followed by a label
// character ("example.com") or a scheme's "://", so from `pos` this finds the next of those
// and returns the start of the word before it (not before `pos`), or `size` if there is none.
// Most comments have few or none, and the per-word work is then skipped for the rest.
PARLEY_HOT size_t NextCandidate(const char* bytes, size_t size, size_t pos) {
  for (size_t at = pos; at + 1 < size; ++at) {
    // Eight bytes at a time past those with neither character (most of a comment).
    while (at + 9 <= size) {
      const uint64_t word = hot::LoadEight(bytes + at);
      if (hot::BytesEqual(word, '.') | hot::BytesEqual(word, ':')) break;
      at += 8;
    }
    if (at + 1 >= size) break;
    const char c = bytes[at];
    if (c != '.' && c != ':') continue;
    const bool dotted = c == '.' && IsLabelChar(bytes[at + 1]);
    const bool scheme = c == ':' && bytes[at + 1] == '/' && at + 2 < size && bytes[at + 2] == '/';
    if (!dotted && !scheme) continue;
    size_t start = at;
    while (start > pos && IsLabelChar(bytes[start - 1])) --start;
    return start;
  }
  return size;
}

}  // namespace

std::vector<HostMention> FindHosts(std::string_view text) {
  std::vector<HostMention> hosts;
  const char* bytes = text.data();
  const size_t size = text.size();
  size_t pos = 0;
  while (pos < size) {
    pos = NextCandidate(bytes, size, pos);
    // A name starts at a label character that follows none (nor ".", "@" or "/"): skip to the
    // next label character, and past the rest of a run that cannot start one.
    while (pos < size && !IsLabelChar(bytes[pos])) ++pos;
    if (pos == size) break;
    const char before = pos > 0 ? bytes[pos - 1] : ' ';
    if (IsLabelChar(before) || before == '.' || before == '@' || before == '/') {
      while (pos < size && IsLabelChar(bytes[pos])) ++pos;
      continue;
    }
    // Most words are no host: one not followed by "." or ":" (a scheme's "://") is skipped
    // whole, as the full reading below would skip it.
    size_t word_end = pos + 1;
    while (word_end < size && IsLabelChar(bytes[word_end])) ++word_end;
    if (word_end == size || (bytes[word_end] != '.' && bytes[word_end] != ':')) {
      pos = word_end;
      continue;
    }
    const size_t start = pos;
    size_t host_start = pos;
    bool link = false;
    if (StartsWithNoCase(text, pos, "https://") || StartsWithNoCase(text, pos, "http://") ||
        StartsWithNoCase(text, pos, "ftp://")) {
      host_start = text.find("://", pos) + 3;
      link = true;
    } else if (StartsWithNoCase(text, pos, "www.")) {
      link = true;
    }
    size_t labels = 0;
    size_t last_label = host_start;
    const size_t host_end = ReadHost(text, host_start, &labels, &last_label);
    if (labels < 2 && !(link && labels >= 1 && host_start != start)) {
      // Not a dotted name (and not "http://localhost"): skip the word.
      pos = std::max(host_end, pos + 1);
      while (pos < text.size() && IsLabelChar(text[pos])) ++pos;
      continue;
    }
    const std::string_view tld = text.substr(last_label, host_end - last_label);
    bool alpha_tld = !tld.empty();
    for (char c : tld) alpha_tld = alpha_tld && IsAlpha(c);
    if (!link && (!alpha_tld || (host_end < text.size() && text[host_end] == '@'))) {
      pos = host_end;  // "3.14", "e.g", or the local part of an e-mail address
      continue;
    }
    link = link || IsLinkTld(tld);
    size_t end = host_end;
    if (link && end < text.size() &&
        (text[end] == '/' || text[end] == ':' || text[end] == '?' || text[end] == '#')) {
      end = UrlEnd(text, end);
    }
    hosts.push_back(HostMention{static_cast<uint32_t>(start), static_cast<uint32_t>(end),
                                LowerHost(text.substr(host_start, host_end - host_start)), link});
    pos = end;
  }
  return hosts;
}

bool HostIsUnder(std::string_view host, std::string_view domain) {
  if (host == domain) return true;
  return host.size() > domain.size() && host[host.size() - domain.size() - 1] == '.' &&
         host.substr(host.size() - domain.size()) == domain;
}

bool NormalizeDomain(std::string_view entry, std::string* domain) {
  while (!entry.empty() && entry.front() == ' ') entry.remove_prefix(1);
  while (!entry.empty() && entry.back() == ' ') entry.remove_suffix(1);
  std::string out;
  for (char c : entry) out.push_back(Lower(c));
  for (std::string_view scheme : {"https://", "http://"}) {
    if (out.compare(0, scheme.size(), scheme) == 0) out.erase(0, scheme.size());
  }
  const size_t path = out.find_first_of("/?#:");
  if (path != std::string::npos) out.erase(path);
  if (out.compare(0, 2, "*.") == 0) out.erase(0, 2);
  while (!out.empty() && out.front() == '.') out.erase(0, 1);
  if (out.compare(0, 4, "www.") == 0) out.erase(0, 4);
  while (!out.empty() && out.back() == '.') out.pop_back();
  if (out.empty() || out.find('.') == std::string::npos || out.find("..") != std::string::npos) {
    return false;
  }
  for (char c : out) {
    if (!IsLabelChar(c) && c != '.') return false;
  }
  *domain = std::move(out);
  return true;
}

}  // namespace parley::policy::internal
