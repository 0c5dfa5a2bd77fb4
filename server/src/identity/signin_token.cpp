#include "identity/signin_token.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "identity/crypto.h"

namespace parley::identity {

namespace {

// Badges a publisher may grant; anything else in the claim is ignored.
constexpr std::string_view kKnownBadges[] = {"staff", "moderator", "verified"};

// A sane upper bound: real tokens are a few hundred bytes; this keeps hostile ones cheap.
constexpr size_t kMaxTokenBytes = 8192;

bool IsKnownBadge(std::string_view badge) {
  return std::find(std::begin(kKnownBadges), std::end(kKnownBadges), badge) !=
         std::end(kKnownBadges);
}

// A NumericDate claim as whole seconds, or nullopt when absent or not a finite number.
std::optional<int64_t> NumericDate(const nlohmann::json& payload, const char* name) {
  auto found = payload.find(name);
  if (found == payload.end() || !found->is_number()) return std::nullopt;
  double value = found->get<double>();
  if (!(value > -1e15 && value < 1e15)) return std::nullopt;
  return static_cast<int64_t>(value);
}

}  // namespace

SignInResult VerifySignInToken(std::string_view token, std::string_view secret, int64_t now,
                               int64_t leeway_seconds) {
  SignInResult result;
  if (token.size() > kMaxTokenBytes || secret.empty()) {
    result.error = SignInError::kMalformed;
    return result;
  }
  size_t first_dot = token.find('.');
  size_t second_dot =
      first_dot == std::string_view::npos ? first_dot : token.find('.', first_dot + 1);
  if (second_dot == std::string_view::npos ||
      token.find('.', second_dot + 1) != std::string_view::npos) {
    result.error = SignInError::kMalformed;
    return result;
  }
  std::string_view header_part = token.substr(0, first_dot);
  std::string_view payload_part = token.substr(first_dot + 1, second_dot - first_dot - 1);
  std::string_view signature_part = token.substr(second_dot + 1);

  auto header_bytes = Base64UrlDecode(header_part);
  auto payload_bytes = Base64UrlDecode(payload_part);
  auto signature = Base64UrlDecode(signature_part);
  if (!header_bytes || !payload_bytes || !signature) {
    result.error = SignInError::kMalformed;
    return result;
  }
  nlohmann::json header = nlohmann::json::parse(*header_bytes, nullptr, false);
  if (!header.is_object()) {
    result.error = SignInError::kMalformed;
    return result;
  }
  auto alg = header.find("alg");
  if (alg == header.end() || !alg->is_string() || alg->get<std::string>() != "HS256") {
    result.error = SignInError::kWrongAlgorithm;
    return result;
  }
  std::string expected = HmacSha256(secret, token.substr(0, second_dot));
  if (!ConstantTimeEquals(*signature, expected)) {
    result.error = SignInError::kBadSignature;
    return result;
  }

  nlohmann::json payload = nlohmann::json::parse(*payload_bytes, nullptr, false);
  if (!payload.is_object()) {
    result.error = SignInError::kMalformed;
    return result;
  }
  auto sub = payload.find("sub");
  auto expires = NumericDate(payload, "exp");
  if (sub == payload.end() || !sub->is_string() || sub->get_ref<const std::string&>().empty() ||
      !expires) {
    result.error = SignInError::kMissingClaims;
    return result;
  }
  if (now > *expires + leeway_seconds) {
    result.error = SignInError::kExpired;
    return result;
  }
  if (auto not_before = NumericDate(payload, "nbf");
      not_before && now + leeway_seconds < *not_before) {
    result.error = SignInError::kNotYetValid;
    return result;
  }
  result.claims.subject = sub->get<std::string>();
  result.claims.expires = *expires;
  if (auto name = payload.find("name"); name != payload.end() && name->is_string()) {
    result.claims.name = name->get<std::string>();
  }
  if (auto email = payload.find("email"); email != payload.end() && email->is_string()) {
    result.claims.email = email->get<std::string>();
  }
  if (auto badges = payload.find("badges"); badges != payload.end() && badges->is_array()) {
    for (const auto& badge : *badges) {
      if (badge.is_string() && IsKnownBadge(badge.get_ref<const std::string&>())) {
        result.claims.badges.push_back(badge.get<std::string>());
      }
    }
  }
  return result;
}

std::string_view SignInErrorMessage(SignInError error) {
  switch (error) {
    case SignInError::kNone:
      return "The sign-in token is valid.";
    case SignInError::kMalformed:
      return "The sign-in token is not a well-formed JWT.";
    case SignInError::kWrongAlgorithm:
      return "The sign-in token must be signed with HS256.";
    case SignInError::kBadSignature:
      return "The sign-in token's signature does not match.";
    case SignInError::kExpired:
      return "The sign-in token has expired; sign in again.";
    case SignInError::kNotYetValid:
      return "The sign-in token is not valid yet.";
    case SignInError::kMissingClaims:
      return "The sign-in token needs the claims 'sub' and 'exp'.";
  }
  return "The sign-in token was refused.";
}

std::string SignHs256(std::string_view payload_json, std::string_view secret) {
  std::string signing_input =
      Base64UrlEncode(R"({"alg":"HS256","typ":"JWT"})") + "." + Base64UrlEncode(payload_json);
  return signing_input + "." + Base64UrlEncode(HmacSha256(secret, signing_input));
}

}  // namespace parley::identity
