#pragma once

#include <optional>

#include "api/api_context.h"
#include "api/api_types.h"
#include "identity/identity.h"

namespace parley::api {

// What a handler needs to know about the author of a request.
enum class IdentityNeed {
  kOptional,    // reads: use valid credentials, ignore missing or bad ones
  kIssueGuest,  // writes: bad credentials are 401; none at all makes a new guest identity
  kRequired,    // bad credentials are 401; none at all gives no identity (and no error)
};

// The author of a request, or the 401 to answer.
struct IdentityResult {
  std::optional<identity::Identity> identity;
  std::optional<ApiResponse> error;
};

// Resolves the request's author: `Authorization: Bearer <sign-in token>` (a publisher's
// account, when sign-in is configured), else `X-Parley-Author: <author token>` (a guest).
IdentityResult ResolveIdentity(const ApiRequest& request, const ApiContext& context,
                               IdentityNeed need);

}  // namespace parley::api
