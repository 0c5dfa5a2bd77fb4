#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "abuse/rate_limiter.h"
#include "moderation/moderation_mode.h"

namespace parley::config {

// Everything `parley serve` can be told, with its defaults. Filled from a JSON file, then
// PARLEY_* environment variables, then command-line flags (each later source wins); see
// LoadServerConfig and docs/OPERATIONS.md.
struct ServerConfig {
  std::string listen_host = "127.0.0.1";
  int listen_port = 8080;
  std::string db = "sqlite:data/parley.db";
  // Publisher origins allowed to call the API from a browser ("https://news.example.com");
  // the server's own origin is always allowed. "*" allows every origin.
  std::vector<std::string> origins;
  // Folders served under "/" (the browser bundle, demo pages), first match wins. Unset: the
  // bundle next to the program (../dist) or ./build/dist, whichever exists.
  std::vector<std::string> static_dirs;
  bool static_dirs_set = false;
  // Key for author tokens and signed-in ids; generated once and kept in the database if unset.
  std::string secret;
  // Shared HS256 secret for publishers' sign-in tokens; sign-in is off while it is empty.
  std::string sign_in_secret;
  int64_t sign_in_leeway_seconds = 60;
  int64_t edit_window_seconds = 15 * 60;
  moderation::ModerationMode moderation = moderation::ModerationMode::kPost;
  int64_t flag_threshold = 3;
  // The discussion policy: a file path, or (from the config file) the policy object itself.
  std::string policy_file;
  std::string policy_json;
  std::string default_sort = "oldest";
  std::string default_language = "en";
  int64_t body_limit_bytes = 64 * 1024;
  abuse::RateLimit comments_per_ip{12, 60};
  abuse::RateLimit comments_per_identity{4, 60};
  abuse::RateLimit actions_per_ip{120, 60};  // votes, flags, edits, deletes
  abuse::RateLimit reads_per_ip{0, 60};      // every GET; off by default
  int threads = 64;
  // Memory for rendered public reads, by thread revision (0 turns the cache off).
  int64_t cache_megabytes = 64;
  int64_t events_keep_alive_seconds = 15;
  int events_max_streams = 16;
  int64_t events_max_stream_seconds = 10 * 60;
  // Take the client address from the last X-Forwarded-For entry (behind a reverse proxy).
  bool trust_proxy = false;
  // Refuse state-changing requests that carry no Origin header (non-browser clients).
  bool require_origin = false;
  // Moderator session cookies without `Secure`: "auto" (only for plain-http pages on a
  // loopback address, as in the demo), "true" (always; only behind nothing but localhost) or
  // "false" (never).
  std::string mod_insecure_cookies = "auto";
  std::string log_level = "info";
  bool log_requests = true;
};

}  // namespace parley::config
