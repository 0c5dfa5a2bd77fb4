// PATCH and DELETE /api/v1/comments/{id}: authors changing their mind within the edit window.
#include <nlohmann/json.hpp>

#include "api/comment_view.h"
#include "api/handlers.h"
#include "api/request_checks.h"
#include "api/request_identity.h"
#include "api/submission.h"
#include "identity/crypto.h"

namespace parley::api {

namespace {

// A comment the request may change, or the response that says why not.
struct Editable {
  std::optional<storage::StoredComment> comment;
  identity::Identity author;
  std::optional<ApiResponse> error;
};

// Either credential proves authorship: the comment's edit token (X-Parley-Edit-Token), or the
// identity that wrote it (author token or sign-in token). Checked in that order of cost.
Editable FindEditable(const ApiRequest& request, const ApiContext& context) {
  Editable result;
  const std::string& id = request.path_params.at(0);
  std::optional<storage::StoredComment> comment = context.store->FindComment(id);
  if (!comment) {
    result.error = ErrorResponse(404, "comment_not_found", "There is no comment with this id.");
    return result;
  }
  std::string edit_token = request.Header("X-Parley-Edit-Token");
  bool by_token = !edit_token.empty() && !comment->edit_token_hash.empty() &&
                  identity::ConstantTimeEquals(identity::Hex(identity::Sha256(edit_token)),
                                               comment->edit_token_hash);
  IdentityResult resolved = ResolveIdentity(request, context, IdentityNeed::kRequired);
  if (!by_token && resolved.error) {
    result.error = resolved.error;
    return result;
  }
  if (resolved.identity) result.author = *resolved.identity;
  bool by_identity = resolved.identity && !comment->author_id.empty() &&
                     resolved.identity->id == comment->author_id;
  if (!by_token && !by_identity) {
    bool sent_credentials = !edit_token.empty() || resolved.identity.has_value();
    result.error = sent_credentials
                       ? ErrorResponse(403, "forbidden", "Only the author can change this comment.")
                       : ErrorResponse(401, "missing_credentials",
                                       "Send the comment's edit token in X-Parley-Edit-Token.");
    return result;
  }
  if (result.author.id.empty()) result.author.id = comment->author_id;
  result.comment = std::move(comment);
  return result;
}

std::optional<ApiResponse> CheckWindow(const ApiContext& context,
                                       const storage::StoredComment& comment) {
  std::optional<int64_t> created = clock::ParseRfc3339(comment.created);
  if (!created || context.clock->Now() > *created + context.config->edit_window_seconds) {
    return ErrorResponse(403, "edit_window_closed",
                         "Comments can be changed for " +
                             std::to_string(context.config->edit_window_seconds / 60) +
                             " minutes after posting.");
  }
  return std::nullopt;
}

}  // namespace

ApiResponse EditComment(const ApiRequest& request, const ApiContext& context) {
  JsonBody parsed = ParseJsonObject(request);
  if (parsed.error) return *parsed.error;
  FieldReader reader(parsed.value, "");
  std::optional<std::string> body = reader.String("body", true);
  std::optional<std::string> lang = reader.String("lang", false);
  if (reader.error()) return *reader.error();

  Editable editable = FindEditable(request, context);
  if (editable.error) return *editable.error;
  storage::StoredComment& comment = *editable.comment;
  if (comment.status == storage::CommentStatus::kDeleted) {
    return ErrorResponse(409, "comment_deleted", "This comment was deleted.");
  }
  if (comment.status == storage::CommentStatus::kRejected) {
    return ErrorResponse(409, "comment_rejected", "A moderator removed this comment.");
  }
  if (auto closed = CheckWindow(context, comment)) return *closed;
  std::string ip_hash = HashIp(context, request.client_ip);
  if (auto limited =
          TakeRateLimit(context, "action-ip:" + ip_hash, context.config->actions_per_ip)) {
    return *limited;
  }
  if (auto banned = CheckBans(context, comment.author_id, comment.author_email, ip_hash)) {
    return *banned;
  }
  editable.author.badges = comment.author_badges;
  CheckedBody checked =
      CheckBody(context, *body, RequestLanguage(request, context, lang.value_or("")),
                editable.author, ReadThreadRules(context, comment.thread).mode);
  if (checked.refusal) return *checked.refusal;

  // An edit never publishes a comment a moderator is holding; it can send a published one
  // back to review.
  bool was_published = comment.status == storage::CommentStatus::kPublished;
  storage::CommentStatus status = was_published ? checked.status : storage::CommentStatus::kPending;
  storage::CommentUpdate update;
  update.id = comment.id;
  update.body = checked.body;
  update.status = status;
  update.edited = clock::FormatRfc3339(context.clock->Now());
  // A comment the edit sends back to review says why; one already held keeps its reason.
  if (was_published && status == storage::CommentStatus::kPending) {
    update.moderation_reason = checked.hold_reason;
    comment.moderation_reason = checked.hold_reason;
  }
  if (!context.store->UpdateComment(update)) {
    return ErrorResponse(404, "comment_not_found", "There is no comment with this id.");
  }
  comment.body = *update.body;
  comment.status = status;
  comment.edited = *update.edited;
  if (was_published) {
    PublishChange(context, status == storage::CommentStatus::kPublished ? "edited" : "removed",
                  comment);
    if (status == storage::CommentStatus::kPending) AnnounceToModerators(context, "held", comment.id);
  }
  return JsonResponse(200, {{"comment", OwnComment(comment)}});
}

ApiResponse DeleteComment(const ApiRequest& request, const ApiContext& context) {
  Editable editable = FindEditable(request, context);
  if (editable.error) return *editable.error;
  storage::StoredComment& comment = *editable.comment;
  ApiResponse done;
  done.status = 204;
  done.content_type.clear();
  if (comment.status == storage::CommentStatus::kDeleted) return done;
  if (auto closed = CheckWindow(context, comment)) return *closed;
  std::string ip_hash = HashIp(context, request.client_ip);
  if (auto limited =
          TakeRateLimit(context, "action-ip:" + ip_hash, context.config->actions_per_ip)) {
    return *limited;
  }
  // The text goes; the row stays so replies keep their place (shown as a placeholder).
  storage::CommentUpdate update;
  update.id = comment.id;
  update.body = "";
  update.status = storage::CommentStatus::kDeleted;
  if (!context.store->UpdateComment(update)) {
    return ErrorResponse(404, "comment_not_found", "There is no comment with this id.");
  }
  if (comment.status == storage::CommentStatus::kPublished) {
    PublishChange(context, "removed", comment);
  }
  return done;
}

}  // namespace parley::api
