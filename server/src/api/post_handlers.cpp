// POST /api/v1/threads/{thread}/comments: a reader's new comment or reply.
#include <nlohmann/json.hpp>

#include "api/comment_view.h"
#include "api/handlers.h"
#include "api/request_checks.h"
#include "api/request_identity.h"
#include "api/submission.h"
#include "identity/crypto.h"
#include "identity/guest_fields.h"

namespace parley::api {

namespace {

// Comment ids: 10 random Crockford base32 characters (50 bits). Unguessable enough that ids
// cannot be enumerated, short enough for URLs; a collision is caught by the store and retried.
constexpr size_t kCommentIdLength = 10;
constexpr int kIdAttempts = 4;
// Edit tokens: 24 random bytes (192 bits); only their SHA-256 is stored.
constexpr size_t kEditTokenBytes = 24;

// The author fields of a new comment, normalised, or the 400 that refuses them.
struct AuthorFields {
  std::string name;
  std::string email;
  std::string website;
  std::optional<ApiResponse> error;
};

AuthorFields ReadAuthor(const nlohmann::json* author_json, const identity::Identity& author) {
  AuthorFields fields;
  std::optional<std::string> name;
  std::optional<std::string> email;
  std::optional<std::string> website;
  if (author_json != nullptr) {
    FieldReader reader(*author_json, "author.");
    // A signed-in account brings its own name; a guest must give one.
    name = reader.String("name", author.name.empty());
    email = reader.String("email", false);
    website = reader.String("website", false);
    if (reader.error()) {
      fields.error = reader.error();
      return fields;
    }
  } else if (author.name.empty()) {
    fields.error = ErrorResponse(400, "invalid_request",
                                 "The field 'author' is required (an object with a name).");
    return fields;
  }
  if (!author.name.empty()) {
    fields.name = author.name;
  } else {
    identity::FieldResult normalized = identity::NormalizeDisplayName(name.value_or(""));
    if (!normalized.ok()) {
      fields.error = ErrorResponse(400, "invalid_name", normalized.error);
      return fields;
    }
    fields.name = normalized.value;
  }
  if (!author.email.empty()) {
    fields.email = author.email;
  } else {
    identity::FieldResult normalized = identity::NormalizeEmail(email.value_or(""));
    if (!normalized.ok()) {
      fields.error = ErrorResponse(400, "invalid_email", normalized.error);
      return fields;
    }
    fields.email = normalized.value;
  }
  identity::FieldResult normalized_website = identity::NormalizeWebsite(website.value_or(""));
  if (!normalized_website.ok()) {
    fields.error = ErrorResponse(400, "invalid_website", normalized_website.error);
    return fields;
  }
  fields.website = normalized_website.value;
  return fields;
}

// The parent a reply names, or the error: it must be a comment of this thread the author can
// see, and still open for replies.
std::optional<ApiResponse> CheckParent(const ApiContext& context, const std::string& parent_id,
                                       const std::string& thread, const std::string& viewer_id) {
  std::optional<storage::StoredComment> parent = context.store->FindComment(parent_id);
  if (parent && parent->thread == thread && parent->status == storage::CommentStatus::kDeleted) {
    return ErrorResponse(409, "parent_deleted", "The comment you are replying to was deleted.");
  }
  // A rejected comment stays visible to its author but takes no replies.
  if (!parent || parent->thread != thread || !ViewerMaySee(*parent, viewer_id) ||
      parent->status == storage::CommentStatus::kRejected) {
    return ErrorResponse(404, "parent_not_found",
                         "The comment you are replying to is not in this thread.");
  }
  return std::nullopt;
}

}  // namespace

ApiResponse CreateComment(const ApiRequest& request, const ApiContext& context) {
  const std::string& thread = request.path_params.at(0);
  if (auto error = CheckThreadKey(thread)) return *error;
  JsonBody parsed = ParseJsonObject(request);
  if (parsed.error) return *parsed.error;

  FieldReader reader(parsed.value, "");
  std::optional<std::string> body = reader.String("body", true);
  std::optional<std::string> parent = reader.String("parent", false);
  std::optional<std::string> lang = reader.String("lang", false);
  const nlohmann::json* author_json = reader.Object("author", false);
  if (reader.error()) return *reader.error();

  IdentityResult resolved = ResolveIdentity(request, context, IdentityNeed::kIssueGuest);
  if (resolved.error) return *resolved.error;
  const identity::Identity& author = *resolved.identity;

  AuthorFields fields = ReadAuthor(author_json, author);
  if (fields.error) return *fields.error;

  // Limits before anything costly (policy, storage); failed attempts count too, so the
  // policy cannot be probed at speed. The identity's limit goes first: one noisy identity
  // must not use up the allowance of everyone behind the same address.
  std::string ip_hash = HashIp(context, request.client_ip);
  if (auto limited = TakeRateLimit(context, "comment-identity:" + author.id,
                                   context.config->comments_per_identity)) {
    return *limited;
  }
  if (auto limited =
          TakeRateLimit(context, "comment-ip:" + ip_hash, context.config->comments_per_ip)) {
    return *limited;
  }
  if (auto banned = CheckBans(context, author.id, fields.email, ip_hash)) return *banned;
  ThreadRules rules = ReadThreadRules(context, thread);
  if (rules.closed) {
    return ErrorResponse(403, "thread_closed", "This discussion is closed to new comments.");
  }
  if (parent && !parent->empty()) {
    if (auto error = CheckParent(context, *parent, thread, author.id)) return *error;
  }

  CheckedBody checked = CheckBody(
      context, *body, RequestLanguage(request, context, lang.value_or("")), author, rules.mode);
  if (checked.refusal) return *checked.refusal;

  std::string edit_token = identity::Base64UrlEncode(identity::RandomBytes(kEditTokenBytes));
  storage::StoredComment comment;
  comment.thread = thread;
  comment.parent = parent.value_or("");
  comment.author_name = fields.name;
  comment.author_id = author.id;
  comment.author_badges = author.badges;
  comment.author_website = fields.website;
  comment.author_email = fields.email;
  comment.ip_hash = ip_hash;
  comment.body = checked.body;
  comment.created = clock::FormatRfc3339(context.clock->Now());
  comment.status = checked.status;
  comment.moderation_reason = checked.hold_reason;
  comment.edit_token_hash = identity::Hex(identity::Sha256(edit_token));

  storage::InsertError inserted = storage::InsertError::kDuplicateId;
  for (int attempt = 0; attempt < kIdAttempts && inserted == storage::InsertError::kDuplicateId;
       ++attempt) {
    comment.id = identity::RandomId(kCommentIdLength);
    inserted = context.store->InsertComment(&comment);
  }
  if (inserted == storage::InsertError::kParentNotFound) {
    return ErrorResponse(404, "parent_not_found",
                         "The comment you are replying to is not in this thread.");
  }
  if (inserted != storage::InsertError::kNone) {
    throw storage::StoreError("could not find a free comment id");
  }
  if (comment.status == storage::CommentStatus::kPublished) {
    PublishChange(context, "created", comment);
  } else {
    AnnounceToModerators(context, "held", comment.id);
  }

  nlohmann::json reply = {{"comment", OwnComment(comment)}, {"editToken", edit_token}};
  if (!author.issued_token.empty()) reply["authorToken"] = author.issued_token;
  ApiResponse response = JsonResponse(201, reply);
  if (!author.issued_token.empty())
    response.headers.emplace("X-Parley-Author", author.issued_token);
  return response;
}

}  // namespace parley::api
