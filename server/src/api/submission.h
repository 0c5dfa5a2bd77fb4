#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "api/api_context.h"
#include "api/api_types.h"
#include "identity/identity.h"
#include "moderation/moderation_mode.h"
#include "storage/model.h"

namespace parley::api {

// A comment body as submitted (post or edit), checked: the status it gets, or the response
// that refuses it.
struct CheckedBody {
  std::string body;  // the text to store
  storage::CommentStatus status = storage::CommentStatus::kPublished;
  std::string hold_reason;  // when held: "policy" (its review verdict) or "mode"
  std::optional<ApiResponse> refusal;
};

// What a thread's settings mean for a new comment now: the site's moderation mode or the
// thread's own, and whether it is closed (by a moderator, or by its auto-close age).
struct ThreadRules {
  moderation::ModerationMode mode = moderation::ModerationMode::kPost;
  bool closed = false;
};

// The rules of `thread` for a comment written now.
ThreadRules ReadThreadRules(const ApiContext& context, const std::string& thread);

// Applies everything the server enforces on a body: text clean-up, the discussion policy
// (reject -> 422 with its reasons, review -> held) and the moderation mode `mode`. Counts the
// outcome in the metrics.
CheckedBody CheckBody(const ApiContext& context, std::string_view raw_body, std::string_view lang,
                      const identity::Identity& author, moderation::ModerationMode mode);

// 403 when a ban covers the identity, email or address; nullopt otherwise.
std::optional<ApiResponse> CheckBans(const ApiContext& context, std::string_view identity_id,
                                     std::string_view email, std::string_view ip_hash);

// Publishes a change to a comment on its thread's event stream, if readers can see it:
// "created"/"edited" carry the public comment, "removed" a redacted one.
void PublishChange(const ApiContext& context, std::string_view type,
                   const storage::StoredComment& comment);

// Tells moderators' dashboards (GET /api/v1/mod/events) that a comment joined a queue:
// `kind` "held" or "flagged".
void AnnounceToModerators(const ApiContext& context, std::string_view kind,
                          std::string_view comment_id);

// The event hub's channel for moderators: not a valid thread key (it holds a control
// character), so no reader's stream can ever subscribe to it.
inline constexpr std::string_view kModeratorChannel = "\x01moderators";

}  // namespace parley::api
