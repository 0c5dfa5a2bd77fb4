#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace parley::abuse {

// Counts failures (wrong passwords) per key over a sliding window and says when a key has had
// too many: unlike a token bucket, successes cost nothing and only failures are remembered.
// In memory, per process. Thread-safe.
class FailureWindow {
 public:
  // At most `max_failures` per `window_ms`; one more attempt is refused until the oldest
  // failure leaves the window.
  FailureWindow(int64_t max_failures, int64_t window_ms)
      : max_failures_(max_failures), window_ms_(window_ms) {}

  // Nullopt when `key` may try again at `now_ms`, else the whole seconds until it may (>= 1).
  std::optional<int64_t> Blocked(std::string_view key, int64_t now_ms);

  // Records a failure of `key` at `now_ms`.
  void RecordFailure(std::string_view key, int64_t now_ms);

  // Forgets `key`'s failures (after a success).
  void Clear(std::string_view key);

 private:
  void Expire(std::deque<int64_t>* times, int64_t now_ms) const;

  int64_t max_failures_;
  int64_t window_ms_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<int64_t>> failures_;
};

}  // namespace parley::abuse
