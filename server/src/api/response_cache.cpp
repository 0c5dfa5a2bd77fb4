#include "api/response_cache.h"

#include "encoding/gzip.h"

namespace parley::api {

namespace {

// Smaller bodies gain little from gzip and lose its fixed costs.
constexpr size_t kMinGzipBytes = 1024;
// zlib's default level: a large page costs a few milliseconds, once per revision.
constexpr int kGzipLevel = 6;

}  // namespace

std::optional<ApiResponse> ResponseCache::Find(const std::string& key) {
  if (max_bytes_ == 0) return std::nullopt;
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = index_.find(key);
  if (found == index_.end()) return std::nullopt;
  entries_.splice(entries_.begin(), entries_, found->second);
  return found->second->response;
}

ApiResponse ResponseCache::Store(const std::string& key, ApiResponse response) {
  if (max_bytes_ == 0 || response.status != 200 || response.body.empty()) return response;
  // Made outside the lock: compression is the slow part, and two readers racing on the same
  // new revision only do the work twice.
  response.shared_body = std::make_shared<const std::string>(std::move(response.body));
  response.body.clear();
  if (response.shared_body->size() >= kMinGzipBytes) {
    std::string gzipped = encoding::GzipCompress(*response.shared_body, kGzipLevel);
    if (!gzipped.empty() && gzipped.size() < response.shared_body->size()) {
      response.shared_gzip = std::make_shared<const std::string>(std::move(gzipped));
    }
  }
  size_t bytes = key.size() + response.shared_body->size() +
                 (response.shared_gzip ? response.shared_gzip->size() : 0);
  if (bytes > max_bytes_) return response;
  std::lock_guard<std::mutex> lock(mutex_);
  if (auto existing = index_.find(key); existing != index_.end()) {
    bytes_ -= existing->second->bytes;
    entries_.erase(existing->second);
    index_.erase(existing);
  }
  entries_.push_front(Entry{key, response, bytes});
  index_[key] = entries_.begin();
  bytes_ += bytes;
  while (bytes_ > max_bytes_ && !entries_.empty()) {
    bytes_ -= entries_.back().bytes;
    index_.erase(entries_.back().key);
    entries_.pop_back();
  }
  return response;
}

size_t ResponseCache::bytes() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return bytes_;
}

}  // namespace parley::api
