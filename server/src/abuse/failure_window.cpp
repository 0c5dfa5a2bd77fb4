#include "abuse/failure_window.h"

#include <algorithm>
#include <iterator>

namespace parley::abuse {

namespace {

// Beyond this many keys, keys whose failures have all expired are dropped.
constexpr size_t kPruneAbove = 10000;

}  // namespace

void FailureWindow::Expire(std::deque<int64_t>* times, int64_t now_ms) const {
  while (!times->empty() && times->front() + window_ms_ <= now_ms) times->pop_front();
}

std::optional<int64_t> FailureWindow::Blocked(std::string_view key, int64_t now_ms) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = failures_.find(std::string(key));
  if (found == failures_.end()) return std::nullopt;
  Expire(&found->second, now_ms);
  if (static_cast<int64_t>(found->second.size()) < max_failures_) return std::nullopt;
  int64_t wait_ms = found->second.front() + window_ms_ - now_ms;
  return std::max<int64_t>(1, (wait_ms + 999) / 1000);
}

void FailureWindow::RecordFailure(std::string_view key, int64_t now_ms) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (failures_.size() > kPruneAbove) {
    for (auto it = failures_.begin(); it != failures_.end();) {
      Expire(&it->second, now_ms);
      it = it->second.empty() ? failures_.erase(it) : std::next(it);
    }
  }
  std::deque<int64_t>& times = failures_[std::string(key)];
  Expire(&times, now_ms);
  times.push_back(now_ms);
}

void FailureWindow::Clear(std::string_view key) {
  std::lock_guard<std::mutex> lock(mutex_);
  failures_.erase(std::string(key));
}

}  // namespace parley::abuse
