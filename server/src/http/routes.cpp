#include "http/routes.h"

#include "api/handlers.h"

namespace parley::http {

const std::vector<Route>& Routes() {
  // Thread ids may contain '/' (publishers often use the article's path), so a thread route
  // captures everything up to its fixed last segment.
  static const std::vector<Route> routes = {
      {"GET", "/api/v1/threads/{thread}/comments", R"(/api/v1/threads/(.+)/comments)",
       RouteKind::kApi, api::ListComments},
      {"POST", "/api/v1/threads/{thread}/comments", R"(/api/v1/threads/(.+)/comments)",
       RouteKind::kApi, api::CreateComment},
      {"GET", "/api/v1/threads/{thread}/html", R"(/api/v1/threads/(.+)/html)", RouteKind::kApi,
       api::RenderThreadPage},
      {"GET", "/api/v1/threads/{thread}/events", R"(/api/v1/threads/(.+)/events)",
       RouteKind::kEventStream, nullptr},
      {"PATCH", "/api/v1/comments/{id}", R"(/api/v1/comments/([^/]+))", RouteKind::kApi,
       api::EditComment},
      {"DELETE", "/api/v1/comments/{id}", R"(/api/v1/comments/([^/]+))", RouteKind::kApi,
       api::DeleteComment},
      {"POST", "/api/v1/comments/{id}/vote", R"(/api/v1/comments/([^/]+)/vote)", RouteKind::kApi,
       api::VoteOnComment},
      {"POST", "/api/v1/comments/{id}/flag", R"(/api/v1/comments/([^/]+)/flag)", RouteKind::kApi,
       api::FlagComment},
      {"GET", "/api/v1/counts", R"(/api/v1/counts)", RouteKind::kApi, api::CountComments},
      {"GET", "/api/v1/config", R"(/api/v1/config)", RouteKind::kApi, api::WidgetConfig},
      {"GET", "/healthz", R"(/healthz)", RouteKind::kApi, api::Health},
      {"GET", "/metrics", R"(/metrics)", RouteKind::kMetrics, nullptr},
      {"GET", "/{file}", R"(/.*)", RouteKind::kStaticFiles, nullptr},
  };
  return routes;
}

}  // namespace parley::http
