#include "api/api_types.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace parley::api {

namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

bool CaseInsensitiveLess::operator()(std::string_view a, std::string_view b) const {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                      [](char x, char y) { return Lower(x) < Lower(y); });
}

std::string ApiRequest::Header(std::string_view name) const {
  auto found = headers.find(name);
  return found == headers.end() ? std::string() : found->second;
}

std::optional<std::string> ApiRequest::Query(const std::string& name) const {
  auto found = query.find(name);
  if (found == query.end()) return std::nullopt;
  return found->second;
}

std::vector<std::string> ApiRequest::QueryAll(const std::string& name) const {
  std::vector<std::string> values;
  auto [begin, end] = query.equal_range(name);
  for (auto it = begin; it != end; ++it) values.push_back(it->second);
  return values;
}

std::string DumpJson(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

ApiResponse JsonResponse(int status, const nlohmann::json& body) {
  ApiResponse response;
  response.status = status;
  response.body = DumpJson(body);
  return response;
}

ApiResponse ErrorResponse(int status, std::string_view code, std::string_view message) {
  return ErrorResponse(status, code, message, nlohmann::json::object());
}

ApiResponse ErrorResponse(int status, std::string_view code, std::string_view message,
                          const nlohmann::json& details) {
  nlohmann::json error = details.is_object() ? details : nlohmann::json::object();
  error["code"] = code;
  error["message"] = message;
  return JsonResponse(status, {{"error", error}});
}

ApiResponse RateLimitedResponse(int64_t retry_after_seconds) {
  ApiResponse response =
      ErrorResponse(429, "rate_limited",
                    "Too many requests; try again in " + std::to_string(retry_after_seconds) +
                        " second" + (retry_after_seconds == 1 ? "" : "s") + ".",
                    {{"retryAfter", retry_after_seconds}});
  response.headers.emplace("Retry-After", std::to_string(retry_after_seconds));
  return response;
}

}  // namespace parley::api
