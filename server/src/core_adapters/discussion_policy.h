#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

// The one place the server calls the core's discussion policy (parley/policy/): the checks the
// reader's browser runs while they type, enforced again here on every post and edit.
namespace parley::core_adapters {

// What the policy decided about a comment.
enum class PolicyAction { kAllow, kReview, kReject };

// One reason for a verdict; `start`/`end` are byte offsets into the text, or -1 when the
// reason is about the whole comment.
struct PolicyReason {
  std::string code;
  std::string message;  // in the reader's language
  int64_t start = -1;
  int64_t end = -1;
};

// The policy's verdict on one comment.
struct PolicyVerdict {
  PolicyAction action = PolicyAction::kAllow;
  std::vector<PolicyReason> reasons;
};

// The action's name in JSON ("allow", "review", "reject").
std::string_view PolicyActionName(PolicyAction action);

// A loaded policy, immutable and shared by every request.
class DiscussionPolicy {
 public:
  // Loads a policy from JSON text; empty text means the core's default policy. Returns
  // nullptr and a message in `error` when the core refuses the policy.
  static std::shared_ptr<const DiscussionPolicy> Load(std::string_view policy_json,
                                                      std::string* error);

  ~DiscussionPolicy();
  DiscussionPolicy(const DiscussionPolicy&) = delete;
  DiscussionPolicy& operator=(const DiscussionPolicy&) = delete;

  // Checks a comment body; `lang` picks the language of the messages.
  PolicyVerdict Check(std::string_view text, std::string_view lang) const;

  // The verdict as the core prints it (exactly `parley check`'s output and the widget's
  // checkPolicy()), for the dashboard's "test a comment" box.
  std::string VerdictJson(std::string_view text, std::string_view lang) const;

  // The effective policy as JSON, for the widget (GET /api/v1/config): the browser runs the
  // same checks with it, so the reader hears the server's verdict before posting.
  const std::string& EffectiveJson() const;

 private:
  struct Impl;
  explicit DiscussionPolicy(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace parley::core_adapters
