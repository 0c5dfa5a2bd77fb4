#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "abuse/rate_limiter.h"
#include "api/api_context.h"
#include "api/api_types.h"

// Checks every handler makes on what a client sent, each turning a mistake into a 4xx with a
// message that names the problem.
namespace parley::api {

// A request body parsed as a JSON object, or the 400 to answer.
struct JsonBody {
  nlohmann::json value;
  std::optional<ApiResponse> error;
};

// Parses the body: it must be valid UTF-8 and a JSON object.
JsonBody ParseJsonObject(const ApiRequest& request);

// Reads typed members of a JSON object, remembering the first mistake. A member that is
// null counts as absent, so clients may send `"email": null`.
class FieldReader {
 public:
  // `path` prefixes member names in messages ("author." gives "author.name").
  FieldReader(const nlohmann::json& object, std::string path);

  std::optional<std::string> String(const std::string& key, bool required);
  std::optional<int64_t> Integer(const std::string& key, bool required);
  // A member that must be an object; nullptr when absent (or after a mistake).
  const nlohmann::json* Object(const std::string& key, bool required);

  // The 400 for the first mistake, if any.
  const std::optional<ApiResponse>& error() const { return error_; }

 private:
  const nlohmann::json* Find(const std::string& key, bool required, std::string_view type);
  void Fail(const std::string& message);

  const nlohmann::json& object_;
  std::string path_;
  std::optional<ApiResponse> error_;
};

// The longest thread key, in bytes.
inline constexpr size_t kMaxThreadKeyBytes = 256;

// A thread key (the publisher's id for an article: "article-123", "/2026/11/story/") must be
// 1 to 256 bytes of valid UTF-8 without control characters; otherwise the 400 to answer.
std::optional<ApiResponse> CheckThreadKey(std::string_view key);

// The salted hash an IP address is stored and matched as (hex, 128 bits).
std::string HashIp(const ApiContext& context, std::string_view ip);

// Takes a token from `key`'s bucket; the 429 to answer when there is none.
std::optional<ApiResponse> TakeRateLimit(const ApiContext& context, const std::string& key,
                                         const abuse::RateLimit& limit);

// The language for messages: `explicit_lang` if valid, else the query's `lang`, else the first
// Accept-Language tag, else the configured default.
std::string RequestLanguage(const ApiRequest& request, const ApiContext& context,
                            std::string_view explicit_lang = {});

}  // namespace parley::api
