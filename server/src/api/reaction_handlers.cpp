// POST /api/v1/comments/{id}/vote and /flag: readers reacting to comments.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "api/comment_view.h"
#include "api/handlers.h"
#include "api/request_checks.h"
#include "api/request_identity.h"
#include "api/submission.h"
#include "parley/utf8.h"

namespace parley::api {

namespace {

constexpr size_t kMaxFlagNoteCharacters = 500;

// The comment a reaction targets, and who reacts; or the response that refuses it.
struct Reaction {
  std::optional<storage::StoredComment> comment;
  identity::Identity reader;
  std::optional<ApiResponse> error;
};

Reaction PrepareReaction(const ApiRequest& request, const ApiContext& context) {
  Reaction reaction;
  IdentityResult resolved = ResolveIdentity(request, context, IdentityNeed::kIssueGuest);
  if (resolved.error) {
    reaction.error = resolved.error;
    return reaction;
  }
  reaction.reader = *resolved.identity;
  std::optional<storage::StoredComment> comment =
      context.store->FindComment(request.path_params.at(0));
  // Only published comments take reactions; others are reported as absent, which is what
  // they are to the public.
  if (!comment || comment->status != storage::CommentStatus::kPublished) {
    reaction.error = ErrorResponse(404, "comment_not_found", "There is no comment with this id.");
    return reaction;
  }
  std::string ip_hash = HashIp(context, request.client_ip);
  if (auto limited =
          TakeRateLimit(context, "action-ip:" + ip_hash, context.config->actions_per_ip)) {
    reaction.error = limited;
    return reaction;
  }
  if (auto banned = CheckBans(context, reaction.reader.id, reaction.reader.email, ip_hash)) {
    reaction.error = banned;
    return reaction;
  }
  reaction.comment = std::move(comment);
  return reaction;
}

// Adds the author token to a response when this request created the reader's identity.
ApiResponse WithIssuedToken(nlohmann::json body, const identity::Identity& reader) {
  if (!reader.issued_token.empty()) body["authorToken"] = reader.issued_token;
  ApiResponse response = JsonResponse(200, body);
  if (!reader.issued_token.empty())
    response.headers.emplace("X-Parley-Author", reader.issued_token);
  return response;
}

size_t CountCharacters(std::string_view text) {
  size_t count = 0;
  for (size_t pos = 0; pos < text.size(); ++count) utf8::Decode(text, &pos);
  return count;
}

}  // namespace

const std::vector<std::string>& FlagReasons() {
  static const std::vector<std::string> reasons = {"spam", "abuse", "off-topic", "other"};
  return reasons;
}

ApiResponse VoteOnComment(const ApiRequest& request, const ApiContext& context) {
  JsonBody parsed = ParseJsonObject(request);
  if (parsed.error) return *parsed.error;
  FieldReader reader(parsed.value, "");
  std::optional<int64_t> value = reader.Integer("value", true);
  if (reader.error()) return *reader.error();
  if (*value < -1 || *value > 1) {
    return ErrorResponse(400, "invalid_vote", "A vote is 1 (up), -1 (down) or 0 (withdraw).");
  }
  Reaction reaction = PrepareReaction(request, context);
  if (reaction.error) return *reaction.error;
  if (reaction.comment->author_id == reaction.reader.id) {
    return ErrorResponse(403, "own_comment", "You cannot vote on your own comment.");
  }
  std::optional<storage::VoteTally> tally =
      context.store->SetVote(reaction.comment->id, reaction.reader.id, static_cast<int>(*value));
  if (!tally) return ErrorResponse(404, "comment_not_found", "There is no comment with this id.");
  return WithIssuedToken({{"score", {{"up", tally->up}, {"down", tally->down}}}, {"vote", *value}},
                         reaction.reader);
}

ApiResponse FlagComment(const ApiRequest& request, const ApiContext& context) {
  JsonBody parsed = ParseJsonObject(request);
  if (parsed.error) return *parsed.error;
  FieldReader reader(parsed.value, "");
  std::optional<std::string> reason = reader.String("reason", true);
  std::optional<std::string> note = reader.String("note", false);
  if (reader.error()) return *reader.error();
  const std::vector<std::string>& reasons = FlagReasons();
  if (std::find(reasons.begin(), reasons.end(), *reason) == reasons.end()) {
    return ErrorResponse(400, "invalid_reason",
                         "The reason must be one of: spam, abuse, off-topic, other.");
  }
  std::string clean_note = utf8::Sanitize(note.value_or(""));
  if (CountCharacters(clean_note) > kMaxFlagNoteCharacters) {
    return ErrorResponse(400, "invalid_request", "The note is too long: at most 500 characters.");
  }
  Reaction reaction = PrepareReaction(request, context);
  if (reaction.error) return *reaction.error;
  std::optional<storage::FlagOutcome> outcome = context.store->AddFlag(
      reaction.comment->id, reaction.reader.id, *reason, clean_note,
      clock::FormatRfc3339(context.clock->Now()), context.config->flag_threshold);
  if (!outcome) return ErrorResponse(404, "comment_not_found", "There is no comment with this id.");
  if (outcome->sent_to_review) {
    reaction.comment->status = storage::CommentStatus::kPending;
    PublishChange(context, "removed", *reaction.comment);
    AnnounceToModerators(context, "held", reaction.comment->id);
  } else if (outcome->counted) {
    AnnounceToModerators(context, "flagged", reaction.comment->id);
  }
  // The same answer whether or not this reader had flagged it before: flags are idempotent.
  return WithIssuedToken({{"flagged", true}}, reaction.reader);
}

}  // namespace parley::api
