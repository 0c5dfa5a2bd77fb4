#include "http/static_files.h"

#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "encoding/gzip.h"
#include "identity/crypto.h"

namespace parley::http {

namespace {

constexpr int64_t kMaxFileBytes = 64 * 1024 * 1024;
// Below this, gzip's header and trailer eat most of the gain.
constexpr size_t kMinCompressBytes = 256;

bool IsCompressible(std::string_view content_type) {
  return content_type.compare(0, 5, "text/") == 0 ||
         content_type.find("javascript") != std::string_view::npos ||
         content_type.find("json") != std::string_view::npos ||
         content_type.find("wasm") != std::string_view::npos ||
         content_type.find("svg") != std::string_view::npos;
}

// The path as folder-relative segments, or nullopt if any segment is empty after the first,
// "..", or hidden (starts with '.'), or contains a backslash or NUL.
std::optional<std::string> SafeRelativePath(std::string_view path) {
  if (path.empty() || path.front() != '/') return std::nullopt;
  std::string relative;
  size_t start = 1;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view segment = path.substr(start, slash - start);
    if (!segment.empty()) {
      if (segment.front() == '.' || segment.find('\\') != std::string_view::npos ||
          segment.find('\0') != std::string_view::npos) {
        return std::nullopt;
      }
      if (!relative.empty()) relative += '/';
      relative += segment;
    }
    start = slash + 1;
  }
  if (path.back() == '/' || relative.empty()) {
    relative += relative.empty() ? "index.html" : "/index.html";
  }
  return relative;
}

bool EtagMatches(std::string_view if_none_match, std::string_view etag) {
  return !if_none_match.empty() &&
         (if_none_match == "*" || if_none_match.find(etag) != std::string_view::npos);
}

}  // namespace

StaticFiles::StaticFiles(std::vector<std::string> dirs) : dirs_(std::move(dirs)) {}

std::shared_ptr<const StaticFiles::Entry> StaticFiles::Load(const std::string& file) {
  struct stat info {};
  if (::stat(file.c_str(), &info) != 0 || !S_ISREG(info.st_mode) || info.st_size > kMaxFileBytes) {
    return nullptr;
  }
  int64_t mtime_ns = static_cast<int64_t>(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto found = cache_.find(file);
    if (found != cache_.end() && found->second->mtime_ns == mtime_ns &&
        found->second->size == info.st_size) {
      return found->second;
    }
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return nullptr;
  std::ostringstream contents;
  contents << in.rdbuf();
  auto entry = std::make_shared<Entry>();
  entry->mtime_ns = mtime_ns;
  entry->size = info.st_size;
  entry->identity = std::make_shared<const std::string>(contents.str());
  entry->etag = "\"" + identity::Hex(identity::Sha256(*entry->identity).substr(0, 12)) + "\"";
  if (IsCompressible(ContentTypeFor(file)) && entry->identity->size() >= kMinCompressBytes) {
    std::string gzipped = encoding::GzipCompress(*entry->identity, 9);
    if (!gzipped.empty() && gzipped.size() < entry->identity->size()) {
      entry->gzipped = std::make_shared<const std::string>(std::move(gzipped));
    }
  }
  std::lock_guard<std::mutex> lock(mutex_);
  cache_[file] = entry;
  return entry;
}

std::optional<StaticResponse> StaticFiles::Find(std::string_view path,
                                                std::string_view accept_encoding,
                                                std::string_view if_none_match) {
  std::optional<std::string> relative = SafeRelativePath(path);
  if (!relative) return std::nullopt;
  for (const std::string& dir : dirs_) {
    std::string file = dir + "/" + *relative;
    std::shared_ptr<const Entry> entry = Load(file);
    if (entry == nullptr) continue;
    StaticResponse response;
    response.content_type = std::string(ContentTypeFor(file));
    bool gzip = entry->gzipped != nullptr && encoding::AcceptsGzip(accept_encoding);
    // Each representation has its own tag, so a cache never serves gzip bytes to a client
    // that asked for the plain file.
    response.etag = gzip ? entry->etag.substr(0, entry->etag.size() - 1) + "-gz\"" : entry->etag;
    if (EtagMatches(if_none_match, response.etag)) {
      response.status = 304;
      return response;
    }
    response.gzip = gzip;
    response.body = gzip ? entry->gzipped : entry->identity;
    return response;
  }
  return std::nullopt;
}

std::string_view ContentTypeFor(std::string_view file_name) {
  size_t dot = file_name.rfind('.');
  std::string_view extension = dot == std::string_view::npos ? "" : file_name.substr(dot + 1);
  if (extension == "html") return "text/html; charset=utf-8";
  if (extension == "js" || extension == "mjs") return "text/javascript; charset=utf-8";
  if (extension == "css") return "text/css; charset=utf-8";
  if (extension == "wasm") return "application/wasm";
  if (extension == "json" || extension == "map") return "application/json; charset=utf-8";
  if (extension == "svg") return "image/svg+xml";
  if (extension == "png") return "image/png";
  if (extension == "ico") return "image/x-icon";
  if (extension == "txt") return "text/plain; charset=utf-8";
  if (extension == "woff2") return "font/woff2";
  return "application/octet-stream";
}

}  // namespace parley::http
