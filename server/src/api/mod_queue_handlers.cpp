// The moderation queue and moderators' decisions on comments: approve, reject (with a reason
// the author sees), delete, pin, and the same in bulk.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "api/comment_view.h"
#include "api/mod_handlers.h"
#include "api/mod_support.h"
#include "api/query_params.h"
#include "api/request_checks.h"
#include "api/submission.h"
#include "core_adapters/markup_renderer.h"
#include "parley/utf8.h"

namespace parley::api {

namespace {

constexpr int64_t kDefaultQueuePage = 50;
constexpr int64_t kMaxQueuePage = 200;
constexpr size_t kMaxBulk = 200;
constexpr size_t kMaxNoteCharacters = 500;

// The reasons a moderator gives for a rejection; the widget tells the author in their
// language.
const std::vector<std::string>& RejectReasons() {
  static const std::vector<std::string> reasons = {"profanity", "personal_attack", "spam",
                                                   "off_topic", "other"};
  return reasons;
}

std::optional<storage::QueueKind> ParseQueueKind(std::string_view name) {
  if (name == "held") return storage::QueueKind::kHeld;
  if (name == "flagged") return storage::QueueKind::kFlagged;
  if (name == "rejected") return storage::QueueKind::kRejected;
  if (name == "all") return storage::QueueKind::kAll;
  return std::nullopt;
}

// A decision on one comment: the comment as it is now, or the error.
struct Outcome {
  std::optional<storage::StoredComment> comment;
  std::optional<ApiResponse> error;
};

// What a decision needs besides the comment.
struct Decision {
  std::string action;  // approve, reject, delete
  std::string reason;
  std::string note;
};

std::optional<ApiResponse> CheckReason(const Decision& decision) {
  if (decision.action == "reject") {
    const std::vector<std::string>& reasons = RejectReasons();
    if (std::find(reasons.begin(), reasons.end(), decision.reason) == reasons.end()) {
      return ErrorResponse(400, "invalid_reason",
                           "The reason must be one of: profanity, personal_attack, spam, "
                           "off_topic, other.");
    }
  }
  if (CharacterCount(decision.note) > kMaxNoteCharacters ||
      CharacterCount(decision.reason) > kMaxNoteCharacters) {
    return ErrorResponse(400, "invalid_request", "The note is too long: at most 500 characters.");
  }
  return std::nullopt;
}

Outcome Decide(const ApiContext& context, const std::string& moderator, const std::string& id,
               const Decision& decision) {
  Outcome outcome;
  std::optional<storage::StoredComment> before = context.store->FindComment(id);
  if (!before) {
    outcome.error = ErrorResponse(404, "comment_not_found", "There is no comment with this id.");
    return outcome;
  }
  if (before->status == storage::CommentStatus::kDeleted) {
    outcome.error = ErrorResponse(409, "comment_deleted", "This comment was deleted.");
    return outcome;
  }
  storage::ModerationChange change;
  change.id = id;
  change.by = moderator;
  change.at = clock::FormatRfc3339(context.clock->Now());
  change.review_flags = true;
  if (decision.action == "approve") {
    // Publishing it also makes its author known to the "first" mode (a published comment).
    change.status = storage::CommentStatus::kPublished;
    change.reason = "";
    change.note = "";
  } else if (decision.action == "reject") {
    change.status = storage::CommentStatus::kRejected;
    change.reason = decision.reason;
    change.note = decision.note;
  } else {
    // As when an author deletes: the text goes, the row stays for the replies under it.
    change.status = storage::CommentStatus::kDeleted;
    change.body = "";
    change.reason = decision.reason;
    change.note = "";
  }
  outcome.comment = context.store->Moderate(change);
  if (!outcome.comment) {
    outcome.error = ErrorResponse(404, "comment_not_found", "There is no comment with this id.");
    return outcome;
  }
  bool was_public = before->status == storage::CommentStatus::kPublished;
  bool is_public = outcome.comment->status == storage::CommentStatus::kPublished;
  if (!was_public && is_public) PublishChange(context, "created", *outcome.comment);
  if (was_public && !is_public) PublishChange(context, "removed", *outcome.comment);
  nlohmann::json details = nlohmann::json::object();
  if (!decision.note.empty()) details["note"] = decision.note;
  details["thread"] = before->thread;
  details["from"] = storage::StatusName(before->status);
  Audit(context, moderator, decision.action, id, decision.reason, details);
  return outcome;
}

ApiResponse Respond(const ApiContext& context, const Outcome& outcome) {
  if (outcome.error) return *outcome.error;
  return JsonResponse(200, {{"comment", ModeratorComment(context, *outcome.comment)}});
}

// Reads {"reason"?, "note"?} from an optional body (the dashboard sends none for approve).
std::optional<ApiResponse> ReadDecision(const ApiRequest& request, Decision* decision,
                                        bool reason_required) {
  nlohmann::json body = nlohmann::json::object();
  if (!request.body.empty() || reason_required) {
    JsonBody parsed = ParseJsonObject(request);
    if (parsed.error) return parsed.error;
    body = parsed.value;
  }
  FieldReader reader(body, "");
  std::optional<std::string> reason = reader.String("reason", reason_required);
  std::optional<std::string> note = reader.String("note", false);
  if (reader.error()) return reader.error();
  decision->reason = utf8::Sanitize(reason.value_or(""));
  decision->note = utf8::Sanitize(note.value_or(""));
  return CheckReason(*decision);
}

ApiResponse DecideOne(const ApiRequest& request, const ApiContext& context,
                      const std::string& action, bool reason_required) {
  Decision decision;
  decision.action = action;
  if (auto error = ReadDecision(request, &decision, reason_required)) return *error;
  return Respond(context, Decide(context, request.moderator, request.path_params.at(0), decision));
}

}  // namespace

ApiResponse ModQueue(const ApiRequest& request, const ApiContext& context) {
  std::optional<storage::QueueKind> kind = ParseQueueKind(request.Query("kind").value_or("held"));
  if (!kind) {
    return ErrorResponse(400, "invalid_parameter", "kind must be held, flagged, rejected or all.");
  }
  storage::QueueQuery query;
  query.kind = *kind;
  query.limit = kDefaultQueuePage;
  if (auto error = ReadBounded(request, "limit", 1, kMaxQueuePage, &query.limit)) return *error;
  if (auto error = ReadSeqCursor(request, &query.after_seq)) return *error;
  query.thread = request.Query("thread").value_or("");
  if (!query.thread.empty()) {
    if (auto error = CheckThreadKey(query.thread)) return *error;
  }
  storage::QueuePage page = context.store->ListQueue(query);
  nlohmann::json items = nlohmann::json::array();
  for (const storage::StoredComment& comment : page.comments) {
    nlohmann::json json = ModeratorComment(context, comment);
    // The item's bodyHtml (the dashboard's, older than the comment's own) is the same rendering.
    nlohmann::json body_html = json["bodyHtml"];
    items.push_back({{"comment", std::move(json)}, {"thread", comment.thread}, {"bodyHtml", std::move(body_html)}});
  }
  storage::QueueCounts counts = context.store->CountQueues(query.thread);
  ApiResponse response = JsonResponse(
      200, {{"items", items},
            {"next", page.next_seq > 0 ? nlohmann::json(std::to_string(page.next_seq))
                                       : nlohmann::json(nullptr)},
            {"counts",
             {{"held", counts.held}, {"flagged", counts.flagged}, {"rejected", counts.rejected}}}});
  response.headers.emplace("Cache-Control", "no-store");
  return response;
}

ApiResponse ModApprove(const ApiRequest& request, const ApiContext& context) {
  return DecideOne(request, context, "approve", false);
}

ApiResponse ModReject(const ApiRequest& request, const ApiContext& context) {
  return DecideOne(request, context, "reject", true);
}

ApiResponse ModDelete(const ApiRequest& request, const ApiContext& context) {
  return DecideOne(request, context, "delete", false);
}

ApiResponse ModPin(const ApiRequest& request, const ApiContext& context) {
  JsonBody parsed = ParseJsonObject(request);
  if (parsed.error) return *parsed.error;
  auto pinned = parsed.value.find("pinned");
  if (pinned == parsed.value.end() || !pinned->is_boolean()) {
    return ErrorResponse(400, "invalid_request", "The field 'pinned' is required (true or false).");
  }
  const std::string& id = request.path_params.at(0);
  std::optional<storage::StoredComment> before = context.store->FindComment(id);
  if (!before) return ErrorResponse(404, "comment_not_found", "There is no comment with this id.");
  if (before->status == storage::CommentStatus::kDeleted) {
    return ErrorResponse(409, "comment_deleted", "This comment was deleted.");
  }
  storage::ModerationChange change;
  change.id = id;
  change.pinned = pinned->get<bool>();
  change.by = request.moderator;
  change.at = clock::FormatRfc3339(context.clock->Now());
  std::optional<storage::StoredComment> after = context.store->Moderate(change);
  if (!after) return ErrorResponse(404, "comment_not_found", "There is no comment with this id.");
  if (after->status == storage::CommentStatus::kPublished) PublishChange(context, "edited", *after);
  Audit(context, request.moderator, *change.pinned ? "pin" : "unpin", id, "",
        {{"thread", after->thread}});
  return JsonResponse(200, {{"comment", ModeratorComment(context, *after)}});
}

ApiResponse ModBulk(const ApiRequest& request, const ApiContext& context) {
  JsonBody parsed = ParseJsonObject(request);
  if (parsed.error) return *parsed.error;
  FieldReader reader(parsed.value, "");
  Decision decision;
  decision.action = reader.String("action", true).value_or("");
  decision.reason = utf8::Sanitize(reader.String("reason", false).value_or(""));
  decision.note = utf8::Sanitize(reader.String("note", false).value_or(""));
  if (reader.error()) return *reader.error();
  if (decision.action != "approve" && decision.action != "reject" && decision.action != "delete") {
    return ErrorResponse(400, "invalid_request", "action must be approve, reject or delete.");
  }
  auto ids = parsed.value.find("ids");
  if (ids == parsed.value.end() || !ids->is_array() || ids->empty() || ids->size() > kMaxBulk) {
    return ErrorResponse(400, "invalid_request",
                         "The field 'ids' must be an array of 1 to 200 comment ids.");
  }
  for (const nlohmann::json& id : *ids) {
    if (!id.is_string()) {
      return ErrorResponse(400, "invalid_request", "The field 'ids' must hold strings.");
    }
  }
  if (auto error = CheckReason(decision)) return *error;
  nlohmann::json results = nlohmann::json::array();
  for (const nlohmann::json& id : *ids) {
    Outcome outcome = Decide(context, request.moderator, id.get<std::string>(), decision);
    nlohmann::json result = {{"id", id}, {"ok", !outcome.error.has_value()}};
    if (outcome.error) {
      nlohmann::json error = nlohmann::json::parse(outcome.error->body)["error"];
      result["error"] = error["code"];
      result["message"] = error["message"];
    }
    results.push_back(std::move(result));
  }
  return JsonResponse(200, {{"results", results}});
}

}  // namespace parley::api
