#pragma once

#include <memory>
#include <mutex>
#include <utility>

#include "core_adapters/discussion_policy.h"

namespace parley::moderation {

// The discussion policy in force, which moderators may replace while the server runs
// (PUT /api/v1/mod/policy). Requests take a reference to the current one and keep using it
// to the end, so a change never splits one request between two policies. Thread-safe.
class SitePolicy {
 public:
  explicit SitePolicy(std::shared_ptr<const core_adapters::DiscussionPolicy> policy)
      : policy_(std::move(policy)) {}

  std::shared_ptr<const core_adapters::DiscussionPolicy> Get() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return policy_;
  }

  void Set(std::shared_ptr<const core_adapters::DiscussionPolicy> policy) {
    std::lock_guard<std::mutex> lock(mutex_);
    policy_ = std::move(policy);
  }

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<const core_adapters::DiscussionPolicy> policy_;
};

}  // namespace parley::moderation
