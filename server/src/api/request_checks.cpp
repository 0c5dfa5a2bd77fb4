#include "api/request_checks.h"

#include "identity/ip_address.h"
#include "parley/utf8.h"

namespace parley::api {

namespace {

bool IsLanguageTag(std::string_view tag) {
  if (tag.empty() || tag.size() > 35) return false;
  for (char c : tag) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

JsonBody ParseJsonObject(const ApiRequest& request) {
  JsonBody result;
  if (!utf8::IsValid(request.body)) {
    result.error = ErrorResponse(400, "invalid_utf8", "The request body is not valid UTF-8.");
    return result;
  }
  if (request.body.empty()) {
    result.error = ErrorResponse(400, "invalid_json", "The request body must be a JSON object.");
    return result;
  }
  try {
    // Depth is bounded by the body limit; nlohmann's parser is iterative for nesting, and it
    // refuses lone surrogates and other invalid escapes.
    result.value = nlohmann::json::parse(request.body);
  } catch (const nlohmann::json::parse_error& error) {
    std::string message = error.what();
    // nlohmann's messages start with "[json.exception.parse_error.101] parse error at ...".
    size_t detail = message.find("] ");
    result.error =
        ErrorResponse(400, "invalid_json",
                      "The request body is not valid JSON: " +
                          (detail == std::string::npos ? message : message.substr(detail + 2)));
    return result;
  }
  if (!result.value.is_object()) {
    result.error = ErrorResponse(400, "invalid_json", "The request body must be a JSON object.");
  }
  return result;
}

FieldReader::FieldReader(const nlohmann::json& object, std::string path)
    : object_(object), path_(std::move(path)) {}

void FieldReader::Fail(const std::string& message) {
  if (!error_) error_ = ErrorResponse(400, "invalid_request", message);
}

const nlohmann::json* FieldReader::Find(const std::string& key, bool required,
                                        std::string_view type) {
  if (error_) return nullptr;
  auto found = object_.find(key);
  if (found == object_.end() || found->is_null()) {
    if (required) Fail("The field '" + path_ + key + "' is required (" + std::string(type) + ").");
    return nullptr;
  }
  return &*found;
}

std::optional<std::string> FieldReader::String(const std::string& key, bool required) {
  const nlohmann::json* value = Find(key, required, "a string");
  if (value == nullptr) return std::nullopt;
  if (!value->is_string()) {
    Fail("The field '" + path_ + key + "' must be a string.");
    return std::nullopt;
  }
  return value->get<std::string>();
}

std::optional<int64_t> FieldReader::Integer(const std::string& key, bool required) {
  const nlohmann::json* value = Find(key, required, "an integer");
  if (value == nullptr) return std::nullopt;
  if (!value->is_number_integer()) {
    Fail("The field '" + path_ + key + "' must be an integer.");
    return std::nullopt;
  }
  return value->get<int64_t>();
}

const nlohmann::json* FieldReader::Object(const std::string& key, bool required) {
  const nlohmann::json* value = Find(key, required, "an object");
  if (value == nullptr) return nullptr;
  if (!value->is_object()) {
    Fail("The field '" + path_ + key + "' must be an object.");
    return nullptr;
  }
  return value;
}

std::optional<ApiResponse> CheckThreadKey(std::string_view key) {
  bool controls = false;
  if (utf8::IsValid(key)) {
    for (size_t pos = 0; pos < key.size();) {
      if (utf8::IsForbiddenControl(utf8::Decode(key, &pos))) controls = true;
    }
  }
  if (key.empty() || key.size() > kMaxThreadKeyBytes || !utf8::IsValid(key) || controls ||
      key.find_first_of("\t\r\n") != std::string_view::npos) {
    return ErrorResponse(400, "invalid_thread",
                         "A thread id must be 1 to 256 bytes of text without control characters.");
  }
  return std::nullopt;
}

std::string HashIp(const ApiContext& context, std::string_view ip) {
  return identity::HashIpAddress(context.ip_salt, ip);
}

std::optional<ApiResponse> TakeRateLimit(const ApiContext& context, const std::string& key,
                                         const abuse::RateLimit& limit) {
  std::optional<int64_t> retry_after = context.limiter->Take(key, limit, context.monotonic_ms());
  if (!retry_after) return std::nullopt;
  context.metrics->CountRateLimited();
  return RateLimitedResponse(*retry_after);
}

std::string RequestLanguage(const ApiRequest& request, const ApiContext& context,
                            std::string_view explicit_lang) {
  if (IsLanguageTag(explicit_lang)) return std::string(explicit_lang);
  if (auto lang = request.Query("lang"); lang && IsLanguageTag(*lang)) return *lang;
  std::string accept = request.Header("Accept-Language");
  size_t end = accept.find_first_of(",;");
  std::string first = accept.substr(0, end);
  while (!first.empty() && first.back() == ' ') first.pop_back();
  while (!first.empty() && first.front() == ' ') first.erase(0, 1);
  if (IsLanguageTag(first) && first != "*") return first;
  return context.config->default_language;
}

}  // namespace parley::api
