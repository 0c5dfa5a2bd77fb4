#pragma once

#include <string_view>
#include <vector>

#include "api/api_context.h"
#include "api/api_types.h"

namespace parley::http {

// The kinds of route the server has: JSON handlers, and the few the HTTP layer serves itself.
enum class RouteKind { kApi, kEventStream, kMetrics, kStaticFiles };

// One route. The table drives both registration and documentation: a test checks that
// docs/openapi.json describes exactly these routes.
struct Route {
  std::string_view method;
  std::string_view path;     // as documented: "/api/v1/comments/{id}"
  std::string_view pattern;  // what the HTTP library matches (a regex over the decoded path)
  RouteKind kind;
  api::ApiResponse (*handler)(const api::ApiRequest&, const api::ApiContext&);  // kApi only
};

// Every route, in matching order (first match wins).
const std::vector<Route>& Routes();

}  // namespace parley::http
