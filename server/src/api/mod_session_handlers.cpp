// POST /api/v1/mod/login, GET /api/v1/mod/session, POST /api/v1/mod/logout.
#include <nlohmann/json.hpp>

#include "api/mod_handlers.h"
#include "api/mod_session.h"
#include "api/mod_support.h"
#include "api/request_checks.h"
#include "identity/crypto.h"
#include "moderation/password_hash.h"

namespace parley::api {

namespace {

constexpr size_t kTokenBytes = 32;

// A hash no password matches, verified when the name is unknown so that a wrong name costs
// the same scrypt time as a wrong password: response times do not tell which names exist.
const std::string& DecoyHash() {
  static const std::string decoy = moderation::HashPassword(identity::RandomBytes(16));
  return decoy;
}

ApiResponse TooManyAttempts(int64_t retry_after) {
  ApiResponse response = ErrorResponse(
      429, "too_many_attempts",
      "Too many failed sign-ins; try again in " + std::to_string((retry_after + 59) / 60) +
          " minute" + (retry_after > 60 ? "s" : "") + ".",
      {{"retryAfter", retry_after}});
  response.headers.emplace("Retry-After", std::to_string(retry_after));
  return response;
}

ApiResponse SessionBody(const std::string& moderator, const std::string& csrf_token) {
  ApiResponse response =
      JsonResponse(200, {{"moderator", {{"name", moderator}}}, {"csrfToken", csrf_token}});
  response.headers.emplace("Cache-Control", "no-store");
  return response;
}

}  // namespace

ApiResponse ModLogin(const ApiRequest& request, const ApiContext& context) {
  JsonBody parsed = ParseJsonObject(request);
  if (parsed.error) return *parsed.error;
  FieldReader reader(parsed.value, "");
  std::optional<std::string> name = reader.String("name", true);
  std::optional<std::string> password = reader.String("password", true);
  if (reader.error()) return *reader.error();

  const std::string name_key = "mod-login-name:" + *name;
  const std::string ip_key = "mod-login-ip:" + HashIp(context, request.client_ip);
  const int64_t now_ms = context.monotonic_ms();
  if (context.login_failures != nullptr) {
    std::optional<int64_t> wait = context.login_failures->Blocked(name_key, now_ms);
    std::optional<int64_t> ip_wait = context.login_failures->Blocked(ip_key, now_ms);
    if (ip_wait && (!wait || *ip_wait > *wait)) wait = ip_wait;
    if (wait) {
      context.metrics->CountRateLimited();
      return TooManyAttempts(*wait);
    }
  }
  std::optional<storage::Moderator> moderator = context.store->FindModerator(*name);
  bool verified =
      moderation::VerifyPassword(*password, moderator ? moderator->password_hash : DecoyHash());
  if (!moderator || !verified) {
    if (context.login_failures != nullptr) {
      context.login_failures->RecordFailure(name_key, now_ms);
      context.login_failures->RecordFailure(ip_key, now_ms);
    }
    return ErrorResponse(401, "invalid_credentials", "The name or the password is wrong.");
  }
  if (context.login_failures != nullptr) context.login_failures->Clear(name_key);

  std::string token = identity::Base64UrlEncode(identity::RandomBytes(kTokenBytes));
  storage::ModeratorSession session;
  session.token_hash = identity::Hex(identity::Sha256(token));
  session.moderator = moderator->name;
  session.csrf_token = identity::Base64UrlEncode(identity::RandomBytes(kTokenBytes));
  session.created = clock::FormatRfc3339(context.clock->Now());
  session.expires = clock::FormatRfc3339(context.clock->Now() + kSessionSeconds);
  context.store->CreateSession(session);
  Audit(context, moderator->name, "login", "", "");

  ApiResponse response = SessionBody(moderator->name, session.csrf_token);
  response.headers.emplace("Set-Cookie", SessionCookieHeader(request, context, token));
  return response;
}

ApiResponse ModSession(const ApiRequest& request, const ApiContext&) {
  return SessionBody(request.moderator, request.csrf_token);
}

ApiResponse ModLogout(const ApiRequest& request, const ApiContext& context) {
  std::string token = RequestCookie(request, kSessionCookie);
  context.store->DeleteSession(identity::Hex(identity::Sha256(token)));
  Audit(context, request.moderator, "logout", "", "");
  ApiResponse response = NoContent();
  response.headers.emplace("Set-Cookie", SessionCookieHeader(request, context, ""));
  return response;
}

}  // namespace parley::api
