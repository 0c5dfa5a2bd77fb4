#include "moderation/moderation_mode.h"

namespace parley::moderation {

std::string_view ModerationModeName(ModerationMode mode) {
  switch (mode) {
    case ModerationMode::kPost:
      return "post";
    case ModerationMode::kPre:
      return "pre";
    case ModerationMode::kFirst:
      return "first";
    case ModerationMode::kLinks:
      return "links";
  }
  return "post";
}

std::optional<ModerationMode> ParseModerationMode(std::string_view name) {
  if (name == "post") return ModerationMode::kPost;
  if (name == "pre") return ModerationMode::kPre;
  if (name == "first") return ModerationMode::kFirst;
  if (name == "links") return ModerationMode::kLinks;
  return std::nullopt;
}

bool ShouldHold(const HoldFacts& facts) {
  // The policy speaks for the site's rules and binds everyone; the mode is a site's extra
  // caution about unknown readers, which its own staff do not need.
  if (facts.policy_wants_review) return true;
  if (facts.trusted_author) return false;
  switch (facts.mode) {
    case ModerationMode::kPost:
      return false;
    case ModerationMode::kPre:
      return true;
    case ModerationMode::kFirst:
      return facts.author_is_new;
    case ModerationMode::kLinks:
      return facts.has_links;
  }
  return false;
}

}  // namespace parley::moderation
