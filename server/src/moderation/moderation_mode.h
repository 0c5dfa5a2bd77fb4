#pragma once

#include <optional>
#include <string_view>

namespace parley::moderation {

// When a comment that passed the discussion policy is published at once or held for a
// moderator. A policy verdict of "review" holds a comment in every mode.
enum class ModerationMode {
  kPost,   // publish at once, moderate afterwards (the default)
  kPre,    // hold every comment
  kFirst,  // hold comments from identities without a published comment yet
  kLinks,  // hold comments that contain links
};

// The mode's name in configuration ("post", "pre", "first", "links").
std::string_view ModerationModeName(ModerationMode mode);

// The mode named `name`, or nullopt.
std::optional<ModerationMode> ParseModerationMode(std::string_view name);

// What the hold decision looks at.
struct HoldFacts {
  ModerationMode mode = ModerationMode::kPost;
  bool policy_wants_review = false;  // the discussion policy said "review"
  bool trusted_author = false;       // staff or moderator: skips the mode's holds
  bool author_is_new = false;        // no published comment yet
  bool has_links = false;
};

// True when the comment must wait for a moderator.
bool ShouldHold(const HoldFacts& facts);

}  // namespace parley::moderation
