#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "abuse/failure_window.h"
#include "abuse/rate_limiter.h"
#include "api/response_cache.h"
#include "clock/clock.h"
#include "config/server_config.h"
#include "core_adapters/discussion_policy.h"
#include "events/event_hub.h"
#include "metrics/metrics.h"
#include "moderation/site_policy.h"
#include "storage/store.h"

namespace parley::api {

// What every handler works with. Handlers keep no state of their own between requests: all
// of it lives in the store (durable) or in these shared, thread-safe services (per process),
// which is what lets several instances share one database later.
struct ApiContext {
  storage::Store* store = nullptr;
  const config::ServerConfig* config = nullptr;
  const clock::Clock* clock = nullptr;
  std::shared_ptr<const core_adapters::DiscussionPolicy> policy;
  events::EventHub* events = nullptr;
  metrics::Metrics* metrics = nullptr;
  abuse::RateLimiter* limiter = nullptr;
  ResponseCache* cache = nullptr;         // optional: public reads by thread revision
  std::string token_secret;               // signs author tokens and derives signed-in ids
  std::string ip_salt;                    // salts the hashes IP addresses are stored as
  std::function<int64_t()> monotonic_ms;  // for rate limits; unaffected by clock changes
  // Optional: the policy moderators may replace at run time (else `policy` stays in force).
  moderation::SitePolicy* site_policy = nullptr;
  // Optional: failed moderator logins per name and per address (else logins are unlimited).
  abuse::FailureWindow* login_failures = nullptr;
};

// The discussion policy in force for this request.
inline std::shared_ptr<const core_adapters::DiscussionPolicy> CurrentPolicy(
    const ApiContext& context) {
  return context.site_policy != nullptr ? context.site_policy->Get() : context.policy;
}

}  // namespace parley::api
