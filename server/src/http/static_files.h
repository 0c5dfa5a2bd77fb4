#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::http {

// A static file ready to send, in the representation the client accepts.
struct StaticResponse {
  int status = 200;                         // 200, or 304 when the client's copy is current
  std::shared_ptr<const std::string> body;  // shared with the cache; empty for 304
  std::string content_type;
  std::string etag;
  bool gzip = false;  // body is gzip-encoded (Content-Encoding: gzip)
};

// Serves the browser bundle (embed.js, the .wasm, CSS) and pages from a list of folders, the
// first match winning. Bundle names carry no content hash, so responses get a short max-age
// plus an ETag for cheap revalidation; compressible types are gzipped once and the result
// cached until the file changes on disk. Thread-safe.
class StaticFiles {
 public:
  explicit StaticFiles(std::vector<std::string> dirs);

  // The file for URL path `path` (already percent-decoded), or nullopt when there is none or
  // the path tries to leave the folders or reach hidden files.
  std::optional<StaticResponse> Find(std::string_view path, std::string_view accept_encoding,
                                     std::string_view if_none_match);

  // The Cache-Control value sent with every file.
  static constexpr std::string_view kCacheControl = "public, max-age=300";

  const std::vector<std::string>& dirs() const { return dirs_; }

 private:
  struct Entry {
    int64_t mtime_ns = 0;
    int64_t size = 0;
    std::shared_ptr<const std::string> identity;
    std::shared_ptr<const std::string> gzipped;  // null when not worth compressing
    std::string etag;
  };

  std::shared_ptr<const Entry> Load(const std::string& file);

  std::vector<std::string> dirs_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const Entry>> cache_;
};

// The MIME type for a file name's extension (application/wasm for .wasm, ...).
std::string_view ContentTypeFor(std::string_view file_name);

}  // namespace parley::http
