#pragma once

#include <map>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The API's handlers work on these plain values rather than on the HTTP library's types, so
// they can be called directly by tests and the HTTP glue (http/) stays thin.
namespace parley::api {

// Orders header names without regard to case, as HTTP requires.
struct CaseInsensitiveLess {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const;
};

// One API request, already routed.
struct ApiRequest {
  std::string method;
  std::vector<std::string> path_params;  // the route's captures, URL-decoded
  std::multimap<std::string, std::string> query;
  std::multimap<std::string, std::string, CaseInsensitiveLess> headers;
  std::string body;
  std::string client_ip;
  // Set by the HTTP layer on moderator routes once the session checked out.
  std::string moderator;
  std::string csrf_token;

  // The first value of header `name`, or "".
  std::string Header(std::string_view name) const;
  // The first value of query parameter `name`.
  std::optional<std::string> Query(const std::string& name) const;
  // Every value of query parameter `name`, in order.
  std::vector<std::string> QueryAll(const std::string& name) const;
};

// One API response.
struct ApiResponse {
  int status = 200;
  std::string body;
  // No charset parameter: JSON is UTF-8 by definition (RFC 8259), and the HTTP library only
  // gzips bodies whose type is exactly "application/json".
  std::string content_type = "application/json";
  std::multimap<std::string, std::string, CaseInsensitiveLess> headers;
  // A cached response's content, shared with the cache instead of copied: `shared_body`
  // stands in for `body`, and `shared_gzip`, when set, is the same content gzipped, sent to
  // clients that accept it.
  std::shared_ptr<const std::string> shared_body;
  std::shared_ptr<const std::string> shared_gzip;
};

// A JSON response.
ApiResponse JsonResponse(int status, const nlohmann::json& body);

// The API's error shape, {"error": {"code", "message"}}, with `status` (always 4xx for a
// client's mistake). `code` is stable for programs; `message` is for people.
ApiResponse ErrorResponse(int status, std::string_view code, std::string_view message);

// An error with extra members in the error object (e.g. the policy's "reasons").
ApiResponse ErrorResponse(int status, std::string_view code, std::string_view message,
                          const nlohmann::json& details);

// 429 with Retry-After (seconds) in the header and in the body.
ApiResponse RateLimitedResponse(int64_t retry_after_seconds);

// Serialises JSON for the wire: compact, and invalid UTF-8 (never expected: inputs are
// checked) replaced rather than thrown on.
std::string DumpJson(const nlohmann::json& value);

}  // namespace parley::api
