#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley::policy::internal {

// A host name written in a comment, as a link or as plain text.
struct HostMention {
  uint32_t start;  // byte range of the whole link ("https://example.com/a?b") or name
  uint32_t end;
  std::string host;  // lower case, without "www." and a trailing dot
  bool is_link;      // counts against maxLinks: a URL with a scheme, a "www." address, or a
                     // bare name under a common top-level domain ("example.com", not "Mr.Putin")
};

// Every host name in `text`, in order. ASCII host names only; linear time.
std::vector<HostMention> FindHosts(std::string_view text);

// True when `host` is `domain` or one of its subdomains ("news.spam.example" under
// "spam.example").
bool HostIsUnder(std::string_view host, std::string_view domain);

// Normalises a blockedDomains entry: lower case, without a scheme, "www.", "*." or a path.
// Returns false when what is left is not a host name.
bool NormalizeDomain(std::string_view entry, std::string* domain);

}  // namespace parley::policy::internal
