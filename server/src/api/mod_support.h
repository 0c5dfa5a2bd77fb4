#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "api/api_context.h"
#include "api/api_types.h"
#include "storage/model.h"

// What the moderation handlers share: the moderator's view of a comment and the audit log.
namespace parley::api {

// A comment as moderators see it: the public JSON plus "thread", "private" {"email",
// "ipHash"}, "flags" [{"reason", "note", "created"}], "moderation" {"reason", "note", "by",
// "at"} (null unless a moderator rejected or deleted it) and "heldBecause" ("policy", "mode",
// "flags"; null unless it is held).
nlohmann::json ModeratorComment(const ApiContext& context, const storage::StoredComment& comment);

// Appends to the audit log as the request's moderator, now.
void Audit(const ApiContext& context, const std::string& moderator, std::string_view action,
           std::string_view target, std::string_view reason,
           const nlohmann::json& details = nlohmann::json::object());

// The audit entry's JSON.
nlohmann::json AuditJson(const storage::AuditEntry& entry);

// Reads a positive storage position from an opaque cursor ("" or absent: 0).
std::optional<ApiResponse> ReadSeqCursor(const ApiRequest& request, int64_t* seq);

// A comment-free 204.
ApiResponse NoContent();

// The number of characters (code points) of valid UTF-8 text.
size_t CharacterCount(std::string_view text);

}  // namespace parley::api
