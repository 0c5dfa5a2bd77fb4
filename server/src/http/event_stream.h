#pragma once

#include <httplib.h>

#include "api/api_context.h"

namespace parley::http {

// GET /api/v1/threads/{thread}/events: server-sent events ("created", "edited", "removed")
// for one thread. Each stream holds a worker thread, so their number is capped (503 beyond,
// and the widget polls instead); streams send a keep-alive comment while idle, end after a
// configured time (browsers reconnect and resume from Last-Event-ID), and end at once when
// the server shuts down.
void ServeEventStream(const httplib::Request& request, httplib::Response& response,
                      const api::ApiContext& context);

// The same for hub channel `channel` (GET /api/v1/mod/events: "queue" events for moderators,
// on api::kModeratorChannel). The caller has checked who may listen.
void ServeChannelStream(const httplib::Request& request, httplib::Response& response,
                        const api::ApiContext& context, const std::string& channel);

}  // namespace parley::http
