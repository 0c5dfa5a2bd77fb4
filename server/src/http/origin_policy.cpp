#include "http/origin_policy.h"

#include <algorithm>

#include "http/ascii_case.h"

namespace parley::http {

OriginPolicy::OriginPolicy(std::vector<std::string> origins) {
  for (const std::string& origin : origins) {
    if (origin == "*") {
      any_ = true;
    } else {
      origins_.push_back(AsciiLower(origin));
    }
  }
}

bool OriginPolicy::Allows(std::string_view origin, std::string_view host) const {
  // "null" is what sandboxed frames and file: pages send; it names no site to trust.
  if (origin.empty() || origin == "null") return false;
  if (any_) return true;
  std::string normalized = AsciiLower(origin);
  if (std::find(origins_.begin(), origins_.end(), normalized) != origins_.end()) return true;
  if (!host.empty()) {
    std::string own_host = AsciiLower(host);
    if (normalized == "http://" + own_host || normalized == "https://" + own_host) return true;
  }
  return false;
}

}  // namespace parley::http
