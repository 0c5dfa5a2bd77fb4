#include "metrics/metrics.h"

#include <cstdio>

#include "parley/version.h"

namespace parley::metrics {

namespace {

// Label values are route templates and methods (never user input), but escape anyway so
// the exposition can never be broken by one.
std::string Label(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

std::string Number(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.9g", value);
  return buffer;
}

}  // namespace

void Metrics::RecordRequest(std::string_view method, std::string_view route, int status,
                            double seconds) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++requests_[{std::string(method), std::string(route), status}];
  Histogram& histogram = latency_[std::string(route)];
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++histogram.buckets[i];
  }
  ++histogram.count;
  histogram.sum += seconds;
}

void Metrics::CountComment(CommentOutcome outcome) {
  switch (outcome) {
    case CommentOutcome::kPublished:
      ++published_;
      break;
    case CommentOutcome::kHeld:
      ++held_;
      break;
    case CommentOutcome::kRejected:
      ++rejected_;
      break;
  }
}

void Metrics::CountRateLimited() { ++rate_limited_; }

std::string Metrics::Render(int open_streams) const {
  std::string out;
  out += "# HELP parley_build_info The running version of Parley.\n";
  out += "# TYPE parley_build_info gauge\n";
  out += "parley_build_info{version=\"" + Label(Version()) + "\"} 1\n";

  out += "# HELP parley_comments_total Comments submitted, by what the server did with them.\n";
  out += "# TYPE parley_comments_total counter\n";
  out += "parley_comments_total{outcome=\"published\"} " + std::to_string(published_.load()) + "\n";
  out += "parley_comments_total{outcome=\"held\"} " + std::to_string(held_.load()) + "\n";
  out += "parley_comments_total{outcome=\"rejected\"} " + std::to_string(rejected_.load()) + "\n";

  out += "# HELP parley_rate_limited_total Requests refused with 429.\n";
  out += "# TYPE parley_rate_limited_total counter\n";
  out += "parley_rate_limited_total " + std::to_string(rate_limited_.load()) + "\n";

  out += "# HELP parley_event_streams Open server-sent event streams.\n";
  out += "# TYPE parley_event_streams gauge\n";
  out += "parley_event_streams " + std::to_string(open_streams) + "\n";

  std::lock_guard<std::mutex> lock(mutex_);
  out += "# HELP parley_http_requests_total HTTP requests answered.\n";
  out += "# TYPE parley_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    const auto& [method, route, status] = key;
    out += "parley_http_requests_total{method=\"" + Label(method) + "\",route=\"" + Label(route) +
           "\",status=\"" + std::to_string(status) + "\"} " + std::to_string(count) + "\n";
  }
  out += "# HELP parley_http_request_duration_seconds Time to answer HTTP requests.\n";
  out += "# TYPE parley_http_request_duration_seconds histogram\n";
  for (const auto& [route, histogram] : latency_) {
    std::string label = "route=\"" + Label(route) + "\"";
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      out += "parley_http_request_duration_seconds_bucket{" + label + ",le=\"" +
             Number(kBuckets[i]) + "\"} " + std::to_string(histogram.buckets[i]) + "\n";
    }
    out += "parley_http_request_duration_seconds_bucket{" + label + ",le=\"+Inf\"} " +
           std::to_string(histogram.count) + "\n";
    out +=
        "parley_http_request_duration_seconds_sum{" + label + "} " + Number(histogram.sum) + "\n";
    out += "parley_http_request_duration_seconds_count{" + label + "} " +
           std::to_string(histogram.count) + "\n";
  }
  return out;
}

}  // namespace parley::metrics
