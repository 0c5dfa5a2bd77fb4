#pragma once

#include <string>
#include <vector>

#include "api/api_context.h"
#include "api/api_types.h"

// The JSON API's handlers (docs/API.md), one per route. Each takes a routed request and the
// shared context and returns the whole response; none keeps state between requests.
namespace parley::api {

// GET /api/v1/threads/{thread}/comments?sort=&cursor=&limit=
ApiResponse ListComments(const ApiRequest& request, const ApiContext& context);

// POST /api/v1/threads/{thread}/comments
ApiResponse CreateComment(const ApiRequest& request, const ApiContext& context);

// PATCH /api/v1/comments/{id}
ApiResponse EditComment(const ApiRequest& request, const ApiContext& context);

// DELETE /api/v1/comments/{id}
ApiResponse DeleteComment(const ApiRequest& request, const ApiContext& context);

// POST /api/v1/comments/{id}/vote
ApiResponse VoteOnComment(const ApiRequest& request, const ApiContext& context);

// POST /api/v1/comments/{id}/flag
ApiResponse FlagComment(const ApiRequest& request, const ApiContext& context);

// GET /api/v1/counts?thread=a&thread=b
ApiResponse CountComments(const ApiRequest& request, const ApiContext& context);

// GET /api/v1/threads/{thread}/html?sort=&page=&cursor=&lang=
ApiResponse RenderThreadPage(const ApiRequest& request, const ApiContext& context);

// GET /api/v1/config
ApiResponse WidgetConfig(const ApiRequest& request, const ApiContext& context);

// The reasons a reader may give when flagging a comment.
const std::vector<std::string>& FlagReasons();

// GET /healthz
ApiResponse Health(const ApiRequest& request, const ApiContext& context);

}  // namespace parley::api
