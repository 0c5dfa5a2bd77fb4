#include "http/routes.h"

#include <nlohmann/json.hpp>

#include "api/handlers.h"
#include "api/mod_handlers.h"

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
      // The moderation API. Login is the only moderator route without a session.
      {"POST", "/api/v1/mod/login", R"(/api/v1/mod/login)", RouteKind::kApi, api::ModLogin,
       false, true},
      {"GET", "/api/v1/mod/session", R"(/api/v1/mod/session)", RouteKind::kApi, api::ModSession,
       true, false},
      {"POST", "/api/v1/mod/logout", R"(/api/v1/mod/logout)", RouteKind::kApi, api::ModLogout,
       true, true},
      {"GET", "/api/v1/mod/routes", R"(/api/v1/mod/routes)", RouteKind::kApi, ListModeratorRoutes,
       true, false},
      {"GET", "/api/v1/mod/queue", R"(/api/v1/mod/queue)", RouteKind::kApi, api::ModQueue, true,
       false},
      {"POST", "/api/v1/mod/comments/{id}/approve", R"(/api/v1/mod/comments/([^/]+)/approve)",
       RouteKind::kApi, api::ModApprove, true, true},
      {"POST", "/api/v1/mod/comments/{id}/reject", R"(/api/v1/mod/comments/([^/]+)/reject)",
       RouteKind::kApi, api::ModReject, true, true},
      {"POST", "/api/v1/mod/comments/{id}/delete", R"(/api/v1/mod/comments/([^/]+)/delete)",
       RouteKind::kApi, api::ModDelete, true, true},
      {"POST", "/api/v1/mod/comments/{id}/pin", R"(/api/v1/mod/comments/([^/]+)/pin)",
       RouteKind::kApi, api::ModPin, true, true},
      {"POST", "/api/v1/mod/bulk", R"(/api/v1/mod/bulk)", RouteKind::kApi, api::ModBulk, true,
       true},
      {"GET", "/api/v1/mod/people/{identity}", R"(/api/v1/mod/people/([^/]+))", RouteKind::kApi,
       api::ModPerson, true, false},
      {"GET", "/api/v1/mod/bans", R"(/api/v1/mod/bans)", RouteKind::kApi, api::ModListBans, true,
       false},
      {"POST", "/api/v1/mod/bans", R"(/api/v1/mod/bans)", RouteKind::kApi, api::ModAddBan, true,
       true},
      {"DELETE", "/api/v1/mod/bans/{kind}/{value}", R"(/api/v1/mod/bans/([^/]+)/([^/]+))",
       RouteKind::kApi, api::ModRemoveBan, true, true},
      {"GET", "/api/v1/mod/threads/{thread}", R"(/api/v1/mod/threads/(.+))", RouteKind::kApi,
       api::ModGetThread, true, false},
      {"PATCH", "/api/v1/mod/threads/{thread}", R"(/api/v1/mod/threads/(.+))", RouteKind::kApi,
       api::ModPatchThread, true, true},
      {"GET", "/api/v1/mod/policy", R"(/api/v1/mod/policy)", RouteKind::kApi, api::ModGetPolicy,
       true, false},
      {"PUT", "/api/v1/mod/policy", R"(/api/v1/mod/policy)", RouteKind::kApi, api::ModPutPolicy,
       true, true},
      {"POST", "/api/v1/mod/policy/test", R"(/api/v1/mod/policy/test)", RouteKind::kApi,
       api::ModTestPolicy, true, true},
      {"GET", "/api/v1/mod/audit", R"(/api/v1/mod/audit)", RouteKind::kApi, api::ModAudit, true,
       false},
      {"GET", "/api/v1/mod/audit/export", R"(/api/v1/mod/audit/export)", RouteKind::kApi,
       api::ModAuditExport, true, false},
      {"GET", "/api/v1/mod/stats", R"(/api/v1/mod/stats)", RouteKind::kApi, api::ModStats, true,
       false},
      {"GET", "/api/v1/mod/events", R"(/api/v1/mod/events)", RouteKind::kModeratorEvents, nullptr,
       true, false},
      {"GET", "/{file}", R"(/.*)", RouteKind::kStaticFiles, nullptr},
  };
  return routes;
}

bool IsModeratorPath(std::string_view path) {
  constexpr std::string_view kPrefix = "/api/v1/mod/";
  return path.substr(0, kPrefix.size()) == kPrefix;
}

api::ApiResponse ListModeratorRoutes(const api::ApiRequest&, const api::ApiContext&) {
  nlohmann::json list = nlohmann::json::array();
  for (const Route& route : Routes()) {
    if (!IsModeratorPath(route.path)) continue;
    list.push_back({{"method", route.method},
                    {"path", route.path},
                    {"session", route.needs_session},
                    {"csrf", route.needs_session && route.changes_state}});
  }
  return api::JsonResponse(200, {{"routes", list}});
}

}  // namespace parley::http
