#pragma once

// ASCII lower case for the parts of HTTP that compare case-insensitively (origins, hosts,
// scheme headers). Not for text: other letters pass unchanged.

#include <string>
#include <string_view>

namespace parley::http {

inline std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace parley::http
