#include "abuse/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace parley::abuse {

namespace {

// Past this many keys, the next Take sweeps out full buckets; a sweep is O(n) but runs at most
// once per this many new keys, so its cost per request stays constant.
constexpr size_t kPruneThreshold = 50000;

std::optional<int64_t> ParsePositive(std::string_view digits) {
  if (digits.empty() || digits.size() > 12) return std::nullopt;
  int64_t value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

double Refilled(double tokens, int64_t elapsed_ms, double capacity, double per_ms) {
  return std::min(capacity,
                  tokens + static_cast<double>(std::max<int64_t>(elapsed_ms, 0)) * per_ms);
}

}  // namespace

std::optional<RateLimit> ParseRateLimit(std::string_view text) {
  if (text == "off" || text == "0") return RateLimit{0, 60};
  size_t slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  auto requests = ParsePositive(text.substr(0, slash));
  std::string_view period = text.substr(slash + 1);
  int64_t unit = 1;
  if (!period.empty()) {
    char last = period.back();
    if (last == 's' || last == 'm' || last == 'h') {
      unit = last == 'h' ? 3600 : last == 'm' ? 60 : 1;
      period.remove_suffix(1);
    }
  }
  auto seconds = ParsePositive(period);
  if (!requests || !seconds || *seconds == 0) return std::nullopt;
  return RateLimit{*requests, *seconds * unit};
}

std::string FormatRateLimit(const RateLimit& limit) {
  if (limit.unlimited()) return "off";
  return std::to_string(limit.requests) + "/" + std::to_string(limit.per_seconds);
}

std::optional<int64_t> RateLimiter::Take(std::string_view key, const RateLimit& limit,
                                         int64_t now_ms) {
  if (limit.unlimited()) return std::nullopt;
  const auto capacity = static_cast<double>(limit.requests);
  const double per_ms = capacity / (static_cast<double>(limit.per_seconds) * 1000.0);
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = buckets_.find(std::string(key));
  if (found == buckets_.end()) {
    if (buckets_.size() >= kPruneThreshold) PruneFullBuckets(now_ms);
    found = buckets_.emplace(std::string(key), Bucket{capacity, now_ms, capacity, per_ms}).first;
  }
  Bucket& bucket = found->second;
  // A changed limit (a reloaded configuration) applies from now on.
  bucket.capacity = capacity;
  bucket.per_ms = per_ms;
  bucket.tokens = Refilled(bucket.tokens, now_ms - bucket.updated_ms, capacity, per_ms);
  bucket.updated_ms = std::max(bucket.updated_ms, now_ms);
  if (bucket.tokens >= 1.0) {
    bucket.tokens -= 1.0;
    return std::nullopt;
  }
  double wait_ms = (1.0 - bucket.tokens) / per_ms;
  return std::max<int64_t>(1, static_cast<int64_t>(std::ceil(wait_ms / 1000.0)));
}

size_t RateLimiter::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return buckets_.size();
}

void RateLimiter::PruneFullBuckets(int64_t now_ms) {
  for (auto it = buckets_.begin(); it != buckets_.end();) {
    const Bucket& bucket = it->second;
    if (Refilled(bucket.tokens, now_ms - bucket.updated_ms, bucket.capacity, bucket.per_ms) >=
        bucket.capacity) {
      it = buckets_.erase(it);
    } else {
      ++it;
    }
  }
}

}  // namespace parley::abuse
