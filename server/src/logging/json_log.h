#pragma once

#include <cstdio>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string_view>

namespace parley::logging {

// How much to log.
enum class LogLevel { kDebug, kInfo, kWarn, kError };

// Parses "debug", "info", "warn", "error" (anything else is kInfo).
LogLevel ParseLogLevel(std::string_view name);

// Structured logs: one JSON object per line ({"time", "level", "msg", ...fields}), each written
// with a single write so lines from many threads never interleave. Client addresses are never
// logged, only what the API stores (salted hashes), if anything.
class JsonLog {
 public:
  explicit JsonLog(LogLevel level, std::FILE* out = stderr) : level_(level), out_(out) {}

  // Logs `message` with extra `fields` (a JSON object) if `level` is enabled.
  void Log(LogLevel level, std::string_view message,
           const nlohmann::json& fields = nlohmann::json::object());

  bool Enabled(LogLevel level) const { return level >= level_; }

 private:
  LogLevel level_;
  std::FILE* out_;
  std::mutex mutex_;
};

}  // namespace parley::logging
