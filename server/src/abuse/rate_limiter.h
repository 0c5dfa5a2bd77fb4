#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace parley::abuse {

// At most `requests` per `per_seconds` for one key, with bursts up to `requests`. Zero
// requests means no limit.
struct RateLimit {
  int64_t requests = 0;
  int64_t per_seconds = 60;
  bool unlimited() const { return requests <= 0 || per_seconds <= 0; }
};

// Parses "N/SECONDS" (also "N/Ns", "N/Nm", "N/Nh") or "off"; nullopt for anything else.
std::optional<RateLimit> ParseRateLimit(std::string_view text);

// "N/SECONDS", or "off".
std::string FormatRateLimit(const RateLimit& limit);

// Token buckets by key ("comment-ip:<hash>", "comment-identity:<id>", ...), in memory: each
// instance limits what it sees. Thread-safe. Memory stays bounded: once there are many keys,
// buckets that have refilled completely (and so carry no information) are dropped.
class RateLimiter {
 public:
  // Takes one token from `key`'s bucket at time `now_ms` (a monotonic clock). Returns nullopt
  // when allowed, or the whole seconds until a token is available (for Retry-After, >= 1).
  std::optional<int64_t> Take(std::string_view key, const RateLimit& limit, int64_t now_ms);

  // How many buckets are held (for tests and metrics).
  size_t size() const;

 private:
  struct Bucket {
    double tokens = 0;
    int64_t updated_ms = 0;
    double capacity = 0;
    double per_ms = 0;
  };

  void PruneFullBuckets(int64_t now_ms);

  mutable std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace parley::abuse
