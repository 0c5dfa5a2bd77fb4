#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "api/api_types.h"

namespace parley::api {

// Public read responses (a page of comments, a thread's HTML) kept by thread revision, so a
// popular article is serialised, rendered and gzipped once per change rather than once per
// reader. Keys contain the revision read from the store before the content, so an entry can
// never be served for a newer revision: after any change readers miss once and then hit again.
// Bounded by bytes, least recently used first out. Thread-safe.
class ResponseCache {
 public:
  // `max_bytes` 0 disables the cache.
  explicit ResponseCache(size_t max_bytes) : max_bytes_(max_bytes) {}

  // The cached response for `key`, or nullopt.
  std::optional<ApiResponse> Find(const std::string& key);

  // Keeps a copy of `response` (a 200 with a body) under `key` and returns it as it will be
  // served from now on: its body shared and, when worth it, a gzipped copy made once here.
  ApiResponse Store(const std::string& key, ApiResponse response);

  size_t bytes() const;

 private:
  struct Entry {
    std::string key;
    ApiResponse response;
    size_t bytes = 0;
  };

  size_t max_bytes_;
  mutable std::mutex mutex_;
  std::list<Entry> entries_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  size_t bytes_ = 0;
};

}  // namespace parley::api
