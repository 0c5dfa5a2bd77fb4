#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>

namespace parley::metrics {

// What became of a submitted comment.
enum class CommentOutcome { kPublished, kHeld, kRejected };

// The server's counters, rendered in the Prometheus text format (GET /metrics). Routes are
// labelled by their template ("/api/v1/comments/{id}"), never by the raw path, so the number
// of series stays fixed however many threads and comments there are. Thread-safe.
class Metrics {
 public:
  // One answered request: `route` is the route template, or "unmatched".
  void RecordRequest(std::string_view method, std::string_view route, int status, double seconds);

  // One comment posted (or edited) and what the server did with it.
  void CountComment(CommentOutcome outcome);

  // One request refused with 429.
  void CountRateLimited();

  // The exposition text; `open_streams` is the current number of event streams.
  std::string Render(int open_streams) const;

 private:
  // Upper bounds of the latency histogram's buckets, in seconds.
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1.0,  2.5};
  struct Histogram {
    std::array<uint64_t, kBuckets.size()> buckets{};
    uint64_t count = 0;
    double sum = 0;
  };

  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, uint64_t> requests_;
  std::map<std::string, Histogram> latency_;
  std::atomic<uint64_t> published_{0};
  std::atomic<uint64_t> held_{0};
  std::atomic<uint64_t> rejected_{0};
  std::atomic<uint64_t> rate_limited_{0};
};

}  // namespace parley::metrics
