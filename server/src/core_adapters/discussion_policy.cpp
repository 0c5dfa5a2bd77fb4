#include "core_adapters/discussion_policy.h"

#include "parley/policy/check.h"
#include "parley/policy/policy.h"
#include "parley/policy/verdict.h"

namespace parley::core_adapters {

struct DiscussionPolicy::Impl {
  policy::Policy policy;
  std::string effective_json;
};

namespace {

PolicyAction ToAction(policy::Action action) {
  switch (action) {
    case policy::Action::kAllow:
      return PolicyAction::kAllow;
    case policy::Action::kReview:
      return PolicyAction::kReview;
    case policy::Action::kReject:
      return PolicyAction::kReject;
  }
  return PolicyAction::kReject;
}

}  // namespace

std::string_view PolicyActionName(PolicyAction action) {
  switch (action) {
    case PolicyAction::kAllow:
      return "allow";
    case PolicyAction::kReview:
      return "review";
    case PolicyAction::kReject:
      return "reject";
  }
  return "reject";
}

std::shared_ptr<const DiscussionPolicy> DiscussionPolicy::Load(std::string_view policy_json,
                                                               std::string* error) {
  auto impl = std::make_unique<Impl>();
  if (policy_json.empty()) {
    impl->policy = policy::DefaultPolicy();
  } else {
    policy::ParsedPolicy parsed = policy::ParsePolicy(policy_json);
    if (!parsed.ok()) {
      *error = parsed.error;
      return nullptr;
    }
    impl->policy = parsed.policy;
  }
  impl->effective_json = policy::PolicyToJson(impl->policy);
  return std::shared_ptr<const DiscussionPolicy>(new DiscussionPolicy(std::move(impl)));
}

DiscussionPolicy::DiscussionPolicy(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

DiscussionPolicy::~DiscussionPolicy() = default;

PolicyVerdict DiscussionPolicy::Check(std::string_view text, std::string_view lang) const {
  policy::Verdict verdict = policy::CheckComment(text, impl_->policy, lang);
  PolicyVerdict result;
  result.action = ToAction(verdict.action);
  for (const policy::Reason& reason : verdict.reasons) {
    PolicyReason converted;
    converted.code = std::string(policy::ReasonCodeName(reason.code));
    converted.message = reason.message;
    if (reason.has_span) {
      converted.start = reason.start;
      converted.end = reason.end;
    }
    result.reasons.push_back(std::move(converted));
  }
  return result;
}

std::string DiscussionPolicy::VerdictJson(std::string_view text, std::string_view lang) const {
  return policy::VerdictToJson(policy::CheckComment(text, impl_->policy, lang));
}

const std::string& DiscussionPolicy::EffectiveJson() const { return impl_->effective_json; }

}  // namespace parley::core_adapters
