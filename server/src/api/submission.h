#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "api/api_context.h"
#include "api/api_types.h"
#include "identity/identity.h"
#include "storage/model.h"

namespace parley::api {

// A comment body as submitted (post or edit), checked: the status it gets, or the response
// that refuses it.
struct CheckedBody {
  std::string body;  // the text to store
  storage::CommentStatus status = storage::CommentStatus::kPublished;
  std::optional<ApiResponse> refusal;
};

// Applies everything the server enforces on a body: text clean-up, the discussion policy
// (reject -> 422 with its reasons, review -> held) and the moderation mode. Counts the
// outcome in the metrics.
CheckedBody CheckBody(const ApiContext& context, std::string_view raw_body, std::string_view lang,
                      const identity::Identity& author);

// 403 when a ban covers the identity, email or address; nullopt otherwise.
std::optional<ApiResponse> CheckBans(const ApiContext& context, std::string_view identity_id,
                                     std::string_view email, std::string_view ip_hash);

// Publishes a change to a comment on its thread's event stream, if readers can see it:
// "created"/"edited" carry the public comment, "removed" a redacted one.
void PublishChange(const ApiContext& context, std::string_view type,
                   const storage::StoredComment& comment);

}  // namespace parley::api
