#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "api/api_context.h"
#include "api/api_types.h"
#include "storage/model.h"

// Moderator sessions: an HttpOnly, SameSite=Strict cookie holding 32 random bytes, stored
// only as their SHA-256, plus a CSRF token the dashboard sends back in X-Parley-CSRF.
namespace parley::api {

// The cookie's name.
inline constexpr std::string_view kSessionCookie = "parley_mod";

// How long a session lasts: 12 hours.
inline constexpr int64_t kSessionSeconds = 12 * 60 * 60;

// The session the request's cookie names, if it is in force.
std::optional<storage::ModeratorSession> FindModeratorSession(const ApiRequest& request,
                                                              const ApiContext& context);

// The value of cookie `name` in the request's Cookie header, or "".
std::string RequestCookie(const ApiRequest& request, std::string_view name);

// The Set-Cookie value for a new session token (`token` empty: one that clears the cookie).
// `Secure` unless the configuration says otherwise or, by default, the request came from a
// plain-http page on a loopback address (the demo and tests), where browsers would drop it.
std::string SessionCookieHeader(const ApiRequest& request, const ApiContext& context,
                                std::string_view token);

}  // namespace parley::api
