#include "api/mod_support.h"

#include "api/comment_view.h"
#include "parley/utf8.h"

namespace parley::api {

namespace {

nlohmann::json TextOrNull(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

}  // namespace

nlohmann::json ModeratorComment(const ApiContext& context, const storage::StoredComment& comment) {
  nlohmann::json json = PublicComment(comment);
  json["thread"] = comment.thread;
  json["private"] = {{"email", comment.author_email}, {"ipHash", comment.ip_hash}};
  nlohmann::json flags = nlohmann::json::array();
  if (comment.flags > 0) {
    for (const storage::FlagRecord& flag : context.store->ListFlags(comment.id)) {
      flags.push_back({{"reason", flag.reason}, {"note", flag.note}, {"created", flag.created}});
    }
  }
  json["flags"] = flags;
  bool decided = comment.status == storage::CommentStatus::kRejected ||
                 (comment.status == storage::CommentStatus::kDeleted && !comment.moderated_by.empty());
  json["moderation"] = decided ? nlohmann::json{{"reason", TextOrNull(comment.moderation_reason)},
                                                {"note", TextOrNull(comment.moderation_note)},
                                                {"by", TextOrNull(comment.moderated_by)},
                                                {"at", TextOrNull(comment.moderated_at)}}
                               : nlohmann::json(nullptr);
  json["heldBecause"] = comment.status == storage::CommentStatus::kPending
                            ? TextOrNull(comment.moderation_reason)
                            : nlohmann::json(nullptr);
  return json;
}

void Audit(const ApiContext& context, const std::string& moderator, std::string_view action,
           std::string_view target, std::string_view reason, const nlohmann::json& details) {
  storage::AuditEntry entry;
  entry.at = clock::FormatRfc3339(context.clock->Now());
  entry.moderator = moderator;
  entry.action = action;
  entry.target = target;
  entry.reason = reason;
  entry.details = DumpJson(details.is_object() ? details : nlohmann::json::object());
  context.store->AppendAudit(&entry);
}

nlohmann::json AuditJson(const storage::AuditEntry& entry) {
  nlohmann::json details = nlohmann::json::parse(entry.details, nullptr, false);
  return {{"id", entry.id},
          {"at", entry.at},
          {"moderator", entry.moderator},
          {"action", entry.action},
          {"target", entry.target},
          {"reason", entry.reason},
          {"details", details.is_object() ? details : nlohmann::json::object()}};
}

std::optional<ApiResponse> ReadSeqCursor(const ApiRequest& request, int64_t* seq) {
  *seq = 0;
  std::optional<std::string> text = request.Query("cursor");
  if (!text || text->empty()) return std::nullopt;
  int64_t parsed = 0;
  bool ok = text->size() <= 18;
  for (char c : *text) {
    if (c < '0' || c > '9') ok = false;
    if (ok) parsed = parsed * 10 + (c - '0');
  }
  if (!ok || parsed <= 0) {
    return ErrorResponse(400, "invalid_cursor", "The cursor is not valid; start from the first page.");
  }
  *seq = parsed;
  return std::nullopt;
}

ApiResponse NoContent() {
  ApiResponse response;
  response.status = 204;
  response.content_type.clear();
  return response;
}

size_t CharacterCount(std::string_view text) {
  size_t count = 0;
  for (size_t pos = 0; pos < text.size(); ++count) utf8::Decode(text, &pos);
  return count;
}

}  // namespace parley::api
