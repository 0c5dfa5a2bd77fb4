#pragma once

#include "api/api_context.h"
#include "api/api_types.h"

// The moderation API (docs/API.md, "Moderation"), one handler per route of http/routes.cpp.
// The HTTP layer has already checked the session and the CSRF token of the routes that need
// them and put the moderator's name in `request.moderator`.
namespace parley::api {

// POST /api/v1/mod/login, GET /api/v1/mod/session, POST /api/v1/mod/logout
ApiResponse ModLogin(const ApiRequest& request, const ApiContext& context);
ApiResponse ModSession(const ApiRequest& request, const ApiContext& context);
ApiResponse ModLogout(const ApiRequest& request, const ApiContext& context);

// GET /api/v1/mod/queue?kind=&limit=&cursor=&thread=
ApiResponse ModQueue(const ApiRequest& request, const ApiContext& context);

// POST /api/v1/mod/comments/{id}/approve, /reject, /delete, /pin
ApiResponse ModApprove(const ApiRequest& request, const ApiContext& context);
ApiResponse ModReject(const ApiRequest& request, const ApiContext& context);
ApiResponse ModDelete(const ApiRequest& request, const ApiContext& context);
ApiResponse ModPin(const ApiRequest& request, const ApiContext& context);

// POST /api/v1/mod/bulk
ApiResponse ModBulk(const ApiRequest& request, const ApiContext& context);

// GET /api/v1/mod/people/{identity}
ApiResponse ModPerson(const ApiRequest& request, const ApiContext& context);

// GET and POST /api/v1/mod/bans, DELETE /api/v1/mod/bans/{kind}/{value}
ApiResponse ModListBans(const ApiRequest& request, const ApiContext& context);
ApiResponse ModAddBan(const ApiRequest& request, const ApiContext& context);
ApiResponse ModRemoveBan(const ApiRequest& request, const ApiContext& context);

// GET and PATCH /api/v1/mod/threads/{thread}
ApiResponse ModGetThread(const ApiRequest& request, const ApiContext& context);
ApiResponse ModPatchThread(const ApiRequest& request, const ApiContext& context);

// GET and PUT /api/v1/mod/policy, POST /api/v1/mod/policy/test
ApiResponse ModGetPolicy(const ApiRequest& request, const ApiContext& context);
ApiResponse ModPutPolicy(const ApiRequest& request, const ApiContext& context);
ApiResponse ModTestPolicy(const ApiRequest& request, const ApiContext& context);

// GET /api/v1/mod/audit?limit=&cursor=, GET /api/v1/mod/audit/export
ApiResponse ModAudit(const ApiRequest& request, const ApiContext& context);
ApiResponse ModAuditExport(const ApiRequest& request, const ApiContext& context);

// GET /api/v1/mod/stats?days=
ApiResponse ModStats(const ApiRequest& request, const ApiContext& context);

}  // namespace parley::api
