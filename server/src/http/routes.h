#pragma once

#include <string_view>
#include <vector>

#include "api/api_context.h"
#include "api/api_types.h"

namespace parley::http {

// The kinds of route the server has: JSON handlers, and the few the HTTP layer serves itself.
enum class RouteKind { kApi, kEventStream, kModeratorEvents, kMetrics, kStaticFiles };

// One route. The table drives both registration and documentation: a test checks that
// docs/openapi.json describes exactly these routes.
struct Route {
  std::string_view method;
  std::string_view path;     // as documented: "/api/v1/comments/{id}"
  std::string_view pattern;  // what the HTTP library matches (a regex over the decoded path)
  RouteKind kind;
  api::ApiResponse (*handler)(const api::ApiRequest&, const api::ApiContext&);  // kApi only
  // Moderator routes (/api/v1/mod/...): a session is required (else 401 not_signed_in), and
  // when the route also changes state, the session's CSRF token in X-Parley-CSRF (else 403
  // csrf_failed). The HTTP layer enforces both from these two fields before any handler runs,
  // and a test enumerates them over every moderator route.
  bool needs_session = false;
  bool changes_state = false;
};

// Every route, in matching order (first match wins).
const std::vector<Route>& Routes();

// True for a path of the moderation API, which only the server's own pages may use.
bool IsModeratorPath(std::string_view path);

// GET /api/v1/mod/routes: the moderator routes of the table, for the authorization test.
api::ApiResponse ListModeratorRoutes(const api::ApiRequest& request,
                                     const api::ApiContext& context);

}  // namespace parley::http
