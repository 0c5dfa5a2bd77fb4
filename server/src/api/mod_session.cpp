#include "api/mod_session.h"

#include "http/ascii_case.h"
#include "identity/crypto.h"

namespace parley::api {

using http::AsciiLower;

namespace {

// The host part of a Host header or an origin's authority ("127.0.0.1:8080", "[::1]:80").
std::string HostName(std::string_view authority) {
  if (!authority.empty() && authority.front() == '[') {
    size_t close = authority.find(']');
    return AsciiLower(authority.substr(1, close == std::string_view::npos ? authority.npos : close - 1));
  }
  return AsciiLower(authority.substr(0, authority.find(':')));
}

bool IsLoopbackName(const std::string& host) {
  return host == "localhost" || host == "::1" || host.compare(0, 4, "127.") == 0;
}

// True when the page asking is plain http on a loopback address: the demo and the tests.
// A browser on https always says so in Origin, and a TLS proxy in X-Forwarded-Proto.
bool PlainLoopback(const ApiRequest& request) {
  std::string origin = AsciiLower(request.Header("Origin"));
  if (!origin.empty() && origin.compare(0, 7, "http://") != 0) return false;
  if (AsciiLower(request.Header("X-Forwarded-Proto")) == "https") return false;
  std::string host = HostName(request.Header("Host"));
  if (!origin.empty() && !IsLoopbackName(HostName(std::string_view(origin).substr(7)))) {
    return false;
  }
  return IsLoopbackName(host);
}

}  // namespace

std::string RequestCookie(const ApiRequest& request, std::string_view name) {
  auto [begin, end] = request.headers.equal_range("Cookie");
  for (auto it = begin; it != end; ++it) {
    std::string_view header = it->second;
    size_t start = 0;
    while (start < header.size()) {
      size_t semicolon = header.find(';', start);
      std::string_view pair = header.substr(
          start, semicolon == std::string_view::npos ? header.npos : semicolon - start);
      while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
      size_t equals = pair.find('=');
      if (equals != std::string_view::npos && pair.substr(0, equals) == name) {
        return std::string(pair.substr(equals + 1));
      }
      if (semicolon == std::string_view::npos) break;
      start = semicolon + 1;
    }
  }
  return "";
}

std::optional<storage::ModeratorSession> FindModeratorSession(const ApiRequest& request,
                                                              const ApiContext& context) {
  std::string token = RequestCookie(request, kSessionCookie);
  // 32 bytes in base64url are 43 characters; anything else cannot be one of ours.
  if (token.size() != 43) return std::nullopt;
  return context.store->FindSession(identity::Hex(identity::Sha256(token)),
                                    clock::FormatRfc3339(context.clock->Now()));
}

std::string SessionCookieHeader(const ApiRequest& request, const ApiContext& context,
                                std::string_view token) {
  const std::string& setting = context.config->mod_insecure_cookies;
  bool secure = setting == "false" || (setting == "auto" && !PlainLoopback(request));
  std::string cookie = std::string(kSessionCookie) + "=" + std::string(token) +
                       "; HttpOnly; SameSite=Strict; Path=/; Max-Age=" +
                       (token.empty() ? "0" : std::to_string(kSessionSeconds));
  if (secure) cookie += "; Secure";
  return cookie;
}

}  // namespace parley::api
