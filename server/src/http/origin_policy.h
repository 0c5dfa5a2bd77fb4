#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parley::http {

// Which browser origins may use the API: the publishers' sites from the configuration, plus
// the server's own origin (its pages and the demo). Browsers send Origin on every cross-origin
// request and on same-origin POST, PATCH and DELETE, so this is both the CORS allowlist and
// the cross-site request forgery check.
class OriginPolicy {
 public:
  // `origins` as configured ("https://news.example.com"; "*" allows every origin).
  explicit OriginPolicy(std::vector<std::string> origins);

  // True when `origin` may call the API. `host` is the request's Host header: an origin equal
  // to this server's own is always allowed (a page cannot forge its Origin header).
  bool Allows(std::string_view origin, std::string_view host) const;

 private:
  std::vector<std::string> origins_;
  bool any_ = false;
};

}  // namespace parley::http
