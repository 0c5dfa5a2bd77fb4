#include "api/submission.h"

#include <nlohmann/json.hpp>

#include "api/comment_view.h"
#include "core_adapters/markup_renderer.h"
#include "moderation/moderation_mode.h"
#include "parley/utf8.h"

namespace parley::api {

namespace {

bool IsBlank(std::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    char32_t c = utf8::Decode(text, &pos);
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x3000 ||
                 (c >= 0x2000 && c <= 0x200B) || c == 0xFEFF;
    if (!space) return false;
  }
  return true;
}

}  // namespace

ThreadRules ReadThreadRules(const ApiContext& context, const std::string& thread) {
  ThreadRules rules;
  rules.mode = context.config->moderation;
  storage::ThreadSettings settings = context.store->GetThreadSettings(thread);
  if (auto mode = moderation::ParseModerationMode(settings.moderation)) rules.mode = *mode;
  rules.closed = settings.closed;
  if (!rules.closed && settings.auto_close_days > 0) {
    std::optional<storage::ThreadInfo> info = context.store->FindThread(thread);
    std::optional<int64_t> created = info ? clock::ParseRfc3339(info->created) : std::nullopt;
    rules.closed = created && context.clock->Now() >= *created + settings.auto_close_days * 86400;
  }
  return rules;
}

CheckedBody CheckBody(const ApiContext& context, std::string_view raw_body, std::string_view lang,
                      const identity::Identity& author, moderation::ModerationMode mode) {
  CheckedBody checked;
  // Stored as the renderer will read it: NUL and other controls that must never reach a page
  // become U+FFFD here, once, so exports and every renderer see the same text.
  checked.body = utf8::Sanitize(raw_body);
  if (IsBlank(checked.body)) {
    checked.refusal = ErrorResponse(400, "empty_body", "Write something before posting.");
    return checked;
  }
  core_adapters::PolicyVerdict verdict = CurrentPolicy(context)->Check(checked.body, lang);
  if (verdict.action == core_adapters::PolicyAction::kReject) {
    nlohmann::json reasons = nlohmann::json::array();
    for (const core_adapters::PolicyReason& reason : verdict.reasons) {
      // The shape of `parley check` and checkPolicy(): offsets only when the reason points at
      // text, so the widget highlights exactly what the server objected to.
      nlohmann::json entry = {{"code", reason.code}, {"message", reason.message}};
      if (reason.start >= 0) {
        entry["start"] = reason.start;
        entry["end"] = reason.end;
      }
      reasons.push_back(std::move(entry));
    }
    std::string message = verdict.reasons.empty()
                              ? "This comment goes against the site's discussion policy."
                              : verdict.reasons.front().message;
    checked.refusal = ErrorResponse(422, "policy_rejected", message,
                                    {{"action", "reject"}, {"reasons", reasons}});
    context.metrics->CountComment(metrics::CommentOutcome::kRejected);
    return checked;
  }
  moderation::HoldFacts facts;
  facts.mode = mode;
  facts.policy_wants_review = verdict.action == core_adapters::PolicyAction::kReview;
  facts.trusted_author = identity::IsTrusted(author);
  // Only the mode that needs each fact pays for computing it.
  if (facts.mode == moderation::ModerationMode::kFirst && !facts.trusted_author) {
    facts.author_is_new = context.store->CountPublishedBy(author.id) == 0;
  }
  if (facts.mode == moderation::ModerationMode::kLinks && !facts.trusted_author) {
    facts.has_links = core_adapters::RendersLink(checked.body);
  }
  bool hold = moderation::ShouldHold(facts);
  checked.status = hold ? storage::CommentStatus::kPending : storage::CommentStatus::kPublished;
  if (hold) checked.hold_reason = facts.policy_wants_review ? "policy" : "mode";
  context.metrics->CountComment(hold ? metrics::CommentOutcome::kHeld
                                     : metrics::CommentOutcome::kPublished);
  return checked;
}

std::optional<ApiResponse> CheckBans(const ApiContext& context, std::string_view identity_id,
                                     std::string_view email, std::string_view ip_hash) {
  std::optional<storage::Ban> ban = context.store->FindBan(
      identity_id, email, ip_hash, clock::FormatRfc3339(context.clock->Now()));
  if (!ban) return std::nullopt;
  // Which of the three matched is not said: that would tell a banned user what to change.
  // A suspension says when it ends, so the reader knows it is not for ever.
  if (!ban->expires.empty()) {
    return ErrorResponse(403, "suspended",
                         "You cannot post or react on this site until " + ban->expires + ".",
                         {{"until", ban->expires}});
  }
  return ErrorResponse(403, "banned", "You can no longer post or react on this site.");
}

void AnnounceToModerators(const ApiContext& context, std::string_view kind,
                          std::string_view comment_id) {
  nlohmann::json data = {{"kind", kind}, {"id", comment_id}};
  context.events->Publish(kModeratorChannel, "queue", DumpJson(data));
}

void PublishChange(const ApiContext& context, std::string_view type,
                   const storage::StoredComment& comment) {
  nlohmann::json data = {
      {"comment", type == "removed" ? RedactedComment(comment) : PublicComment(comment)}};
  context.events->Publish(comment.thread, type, DumpJson(data));
}

}  // namespace parley::api
