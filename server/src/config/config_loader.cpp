#include "config/config_loader.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

namespace parley::config {

namespace {

// Where a value came from: file values may hold relative paths, read against the file's folder.
struct Source {
  std::string name;      // "config.json", "PARLEY_DB", "--db": used in error messages
  std::string base_dir;  // for relative paths; empty outside the config file
};

enum class Kind { kText, kInteger, kBoolean, kList, kPolicy };

// One setting: its names in each source, and how a value is applied. `apply` gets the value
// as text (lists as their items) and returns an error message, or "" when it was accepted.
struct Setting {
  std::string_view key;   // in the JSON file (dots are nesting)
  std::string_view env;   // PARLEY_...
  std::string_view flag;  // without "--"; empty: not a flag (secrets stay out of `ps`)
  Kind kind;
  std::string_view help;
  std::function<std::string(ServerConfig*, const std::vector<std::string>&, const Source&)> apply;
};

std::optional<int64_t> ParseInteger(std::string_view text, int64_t min, int64_t max) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (value < min || value > max) return std::nullopt;
  return value;
}

std::optional<bool> ParseBoolean(std::string_view text) {
  if (text == "true" || text == "1" || text == "yes" || text == "on" || text.empty()) return true;
  if (text == "false" || text == "0" || text == "no" || text == "off") return false;
  return std::nullopt;
}

std::string Resolve(const Source& source, const std::string& path) {
  if (source.base_dir.empty() || path.empty() || std::filesystem::path(path).is_absolute()) {
    return path;
  }
  return (std::filesystem::path(source.base_dir) / path).lexically_normal().string();
}

// Builds an `apply` for an integer setting in [min, max].
template <typename Field>
auto IntegerSetting(Field ServerConfig::*field, int64_t min, int64_t max) {
  return [field, min, max](ServerConfig* config, const std::vector<std::string>& values,
                           const Source&) -> std::string {
    auto value = ParseInteger(values.front(), min, max);
    if (!value) {
      return "must be an integer from " + std::to_string(min) + " to " + std::to_string(max);
    }
    config->*field = static_cast<Field>(*value);
    return "";
  };
}

auto BooleanSetting(bool ServerConfig::*field) {
  return [field](ServerConfig* config, const std::vector<std::string>& values,
                 const Source&) -> std::string {
    auto value = ParseBoolean(values.front());
    if (!value) return "must be true or false";
    config->*field = *value;
    return "";
  };
}

auto RateSetting(abuse::RateLimit ServerConfig::*field) {
  return [field](ServerConfig* config, const std::vector<std::string>& values,
                 const Source&) -> std::string {
    auto limit = abuse::ParseRateLimit(values.front());
    if (!limit) return "must be REQUESTS/SECONDS (e.g. 10/60, 100/1h) or off";
    config->*field = *limit;
    return "";
  };
}

auto ChoiceSetting(std::string ServerConfig::*field, std::vector<std::string> choices) {
  return [field, choices](ServerConfig* config, const std::vector<std::string>& values,
                          const Source&) -> std::string {
    for (const std::string& choice : choices) {
      if (values.front() == choice) {
        config->*field = choice;
        return "";
      }
    }
    std::string message = "must be one of";
    for (const std::string& choice : choices) message += " " + choice;
    return message;
  };
}

std::string ApplyListen(ServerConfig* config, const std::vector<std::string>& values,
                        const Source&) {
  const std::string& text = values.front();
  size_t colon = text.rfind(':');
  if (colon == std::string::npos) return "must be HOST:PORT (e.g. 127.0.0.1:8080, [::1]:8080)";
  std::string host = text.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  auto port = ParseInteger(std::string_view(text).substr(colon + 1), 0, 65535);
  if (host.empty() || !port) return "must be HOST:PORT with a port from 0 to 65535";
  config->listen_host = host;
  config->listen_port = static_cast<int>(*port);
  return "";
}

std::string ApplyDb(ServerConfig* config, const std::vector<std::string>& values,
                    const Source& source) {
  const std::string& url = values.front();
  constexpr std::string_view kSqlite = "sqlite:";
  if (url.compare(0, kSqlite.size(), kSqlite) == 0) {
    config->db = std::string(kSqlite) + Resolve(source, url.substr(kSqlite.size()));
  } else {
    config->db = url;
  }
  return "";
}

std::string ApplyOrigins(ServerConfig* config, const std::vector<std::string>& values,
                         const Source&) {
  config->origins.clear();
  for (std::string origin : values) {
    while (!origin.empty() && origin.back() == '/') origin.pop_back();
    if (origin.empty()) continue;
    bool web = origin.compare(0, 7, "http://") == 0 || origin.compare(0, 8, "https://") == 0;
    if (origin != "*" && (!web || origin.find('/', origin.find("//") + 2) != std::string::npos)) {
      return "'" + origin +
             "' is not an origin: use scheme://host[:port], e.g. https://news.example.com";
    }
    config->origins.push_back(origin);
  }
  return "";
}

std::string ApplyStatic(ServerConfig* config, const std::vector<std::string>& values,
                        const Source& source) {
  config->static_dirs.clear();
  for (const std::string& dir : values) {
    if (!dir.empty()) config->static_dirs.push_back(Resolve(source, dir));
  }
  config->static_dirs_set = true;
  return "";
}

std::string ApplyModeration(ServerConfig* config, const std::vector<std::string>& values,
                            const Source&) {
  auto mode = moderation::ParseModerationMode(values.front());
  if (!mode) return "must be one of post pre first links";
  config->moderation = *mode;
  return "";
}

std::string ApplyPolicy(ServerConfig* config, const std::vector<std::string>& values,
                        const Source& source) {
  // From the file, an object arrives as its JSON text (starting with '{'); otherwise a path.
  if (!values.front().empty() && values.front().front() == '{' && !source.base_dir.empty()) {
    config->policy_json = values.front();
    config->policy_file.clear();
  } else {
    config->policy_file = Resolve(source, values.front());
    config->policy_json.clear();
  }
  return "";
}

const std::vector<Setting>& Settings() {
  static const std::vector<Setting> settings = {
      {"listen", "PARLEY_LISTEN", "listen", Kind::kText,
       "HOST:PORT to listen on (default 127.0.0.1:8080; port 0 picks a free one)", ApplyListen},
      {"db", "PARLEY_DB", "db", Kind::kText,
       "database URL: sqlite:PATH (default sqlite:data/parley.db)", ApplyDb},
      {"origins", "PARLEY_ORIGINS", "origins", Kind::kList,
       "publisher origins allowed to use the API from browsers, comma-separated "
       "(https://news.example.com); the server's own origin is always allowed",
       ApplyOrigins},
      {"static", "PARLEY_STATIC", "static", Kind::kList,
       "folders served under / (browser bundle, pages), comma-separated, first match wins "
       "(default: the bundle next to the program, ../dist, or ./build/dist)",
       ApplyStatic},
      {"secret", "PARLEY_SECRET", "", Kind::kText,
       "key for author tokens (default: generated once, kept in the database)",
       [](ServerConfig* c, const std::vector<std::string>& v, const Source&) {
         c->secret = v.front();
         return std::string();
       }},
      {"signIn.secret", "PARLEY_SIGN_IN_SECRET", "", Kind::kText,
       "HS256 secret shared with the publisher for sign-in tokens (sign-in is off without it)",
       [](ServerConfig* c, const std::vector<std::string>& v, const Source&) {
         c->sign_in_secret = v.front();
         return std::string();
       }},
      {"signIn.leewaySeconds", "PARLEY_SIGN_IN_LEEWAY_SECONDS", "", Kind::kInteger,
       "clock skew allowed on sign-in token expiry (default 60)",
       IntegerSetting(&ServerConfig::sign_in_leeway_seconds, 0, 3600)},
      {"editWindowSeconds", "PARLEY_EDIT_WINDOW_SECONDS", "edit-window", Kind::kInteger,
       "seconds after posting during which an author may edit or delete (default 900)",
       IntegerSetting(&ServerConfig::edit_window_seconds, 0, 366 * 86400)},
      {"moderation.mode", "PARLEY_MODERATION", "moderation", Kind::kText,
       "post (publish at once, default), pre (hold all), first (hold new identities' first "
       "comments), links (hold comments with links)",
       ApplyModeration},
      {"moderation.flagThreshold", "PARLEY_FLAG_THRESHOLD", "flag-threshold", Kind::kInteger,
       "flags from distinct readers that send a comment to review (default 3)",
       IntegerSetting(&ServerConfig::flag_threshold, 1, 1000000)},
      {"policy", "PARLEY_POLICY", "policy", Kind::kPolicy,
       "discussion policy JSON file (in the config file also the policy object itself; "
       "default: the core's default policy)",
       ApplyPolicy},
      {"defaultSort", "PARLEY_DEFAULT_SORT", "default-sort", Kind::kText,
       "order of comments when a request names none: oldest (default), newest, best",
       ChoiceSetting(&ServerConfig::default_sort, {"oldest", "newest", "best"})},
      {"defaultLanguage", "PARLEY_DEFAULT_LANGUAGE", "default-language", Kind::kText,
       "language of messages when a request names none (default en)",
       [](ServerConfig* c, const std::vector<std::string>& v, const Source&) {
         if (v.front().empty() || v.front().size() > 35)
           return std::string("must be a language tag");
         c->default_language = v.front();
         return std::string();
       }},
      {"limits.bodyBytes", "PARLEY_BODY_LIMIT", "body-limit", Kind::kInteger,
       "largest request body in bytes; larger ones get 413 (default 65536)",
       IntegerSetting(&ServerConfig::body_limit_bytes, 1024, 64 * 1024 * 1024)},
      {"limits.commentsPerIp", "PARLEY_LIMIT_COMMENTS_PER_IP", "", Kind::kText,
       "new comments per client address (default 12/60)",
       RateSetting(&ServerConfig::comments_per_ip)},
      {"limits.commentsPerIdentity", "PARLEY_LIMIT_COMMENTS_PER_IDENTITY", "", Kind::kText,
       "new comments per author identity (default 4/60)",
       RateSetting(&ServerConfig::comments_per_identity)},
      {"limits.actionsPerIp", "PARLEY_LIMIT_ACTIONS_PER_IP", "", Kind::kText,
       "votes, flags, edits and deletes per client address (default 120/60)",
       RateSetting(&ServerConfig::actions_per_ip)},
      {"limits.readsPerIp", "PARLEY_LIMIT_READS_PER_IP", "", Kind::kText,
       "GET requests per client address (default off)", RateSetting(&ServerConfig::reads_per_ip)},
      {"threads", "PARLEY_THREADS", "threads", Kind::kInteger,
       "worker threads; each open connection and event stream holds one while it lasts (default "
       "64)",
       IntegerSetting(&ServerConfig::threads, 2, 1024)},
      {"cacheMegabytes", "PARLEY_CACHE_MEGABYTES", "cache-megabytes", Kind::kInteger,
       "memory for public pages and HTML kept by thread revision, rendered and gzipped once per "
       "change (default 64; 0 turns it off)",
       IntegerSetting(&ServerConfig::cache_megabytes, 0, 1 << 20)},
      {"events.keepAliveSeconds", "PARLEY_EVENTS_KEEP_ALIVE_SECONDS", "", Kind::kInteger,
       "seconds between keep-alive comments on event streams (default 15)",
       IntegerSetting(&ServerConfig::events_keep_alive_seconds, 1, 3600)},
      {"events.maxStreams", "PARLEY_EVENTS_MAX_STREAMS", "", Kind::kInteger,
       "event streams open at once; more get 503 and fall back to polling (default 16)",
       IntegerSetting(&ServerConfig::events_max_streams, 0, 100000)},
      {"events.maxStreamSeconds", "PARLEY_EVENTS_MAX_STREAM_SECONDS", "", Kind::kInteger,
       "an event stream ends after this long; browsers reconnect and resume (default 600)",
       IntegerSetting(&ServerConfig::events_max_stream_seconds, 1, 86400)},
      {"trustProxy", "PARLEY_TRUST_PROXY", "trust-proxy", Kind::kBoolean,
       "take the client address from the last X-Forwarded-For entry (default false)",
       BooleanSetting(&ServerConfig::trust_proxy)},
      {"requireOrigin", "PARLEY_REQUIRE_ORIGIN", "require-origin", Kind::kBoolean,
       "refuse state-changing requests without an Origin header (default false)",
       BooleanSetting(&ServerConfig::require_origin)},
      {"mod.insecureCookies", "PARLEY_MOD_INSECURE_COOKIES", "", Kind::kText,
       "moderator session cookies without Secure: auto (default: only for http pages on a "
       "loopback address), true, false",
       ChoiceSetting(&ServerConfig::mod_insecure_cookies, {"auto", "true", "false"})},
      {"log.level", "PARLEY_LOG_LEVEL", "log-level", Kind::kText,
       "debug, info (default), warn or error",
       ChoiceSetting(&ServerConfig::log_level, {"debug", "info", "warn", "error"})},
      {"log.requests", "PARLEY_LOG_REQUESTS", "", Kind::kBoolean,
       "log one line per request (default true)", BooleanSetting(&ServerConfig::log_requests)},
  };
  return settings;
}

std::vector<std::string> SplitList(std::string_view text) {
  std::vector<std::string> items;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    std::string_view item = text.substr(start, comma - start);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (!item.empty()) items.emplace_back(item);
    start = comma + 1;
  }
  return items;
}

// Applies a textual value (environment variable or flag).
std::string ApplyText(const Setting& setting, ServerConfig* config, std::string_view text,
                      const Source& source) {
  std::vector<std::string> values =
      setting.kind == Kind::kList ? SplitList(text) : std::vector<std::string>{std::string(text)};
  std::string error = setting.apply(config, values, source);
  return error.empty() ? "" : source.name + ": " + error;
}

// Applies a value from the JSON file, checking its JSON type first.
std::string ApplyJson(const Setting& setting, ServerConfig* config, const nlohmann::json& value,
                      const Source& source) {
  std::string where = source.name + ": " + std::string(setting.key) + " ";
  std::vector<std::string> values;
  switch (setting.kind) {
    case Kind::kList:
      if (!value.is_array()) return where + "must be an array of strings";
      for (const auto& item : value) {
        if (!item.is_string()) return where + "must be an array of strings";
        values.push_back(item.get<std::string>());
      }
      break;
    case Kind::kInteger:
      if (!value.is_number_integer()) return where + "must be an integer";
      values.push_back(value.dump());
      break;
    case Kind::kBoolean:
      if (!value.is_boolean()) return where + "must be true or false";
      values.push_back(value.get<bool>() ? "true" : "false");
      break;
    case Kind::kPolicy:
      if (value.is_object()) {
        values.push_back(value.dump());
        break;
      }
      [[fallthrough]];
    case Kind::kText:
      if (!value.is_string()) {
        return where + (setting.kind == Kind::kPolicy ? "must be a file path or a policy object"
                                                      : "must be a string");
      }
      values.push_back(value.get<std::string>());
      break;
  }
  if (setting.kind == Kind::kList && values.empty()) values.emplace_back();
  std::string error = setting.apply(config, values, source);
  return error.empty() ? "" : where + error;
}

// Walks the file's object, applying known keys and refusing unknown ones.
std::string ApplyFileObject(const nlohmann::json& object, const std::string& prefix,
                            ServerConfig* config, const Source& source) {
  for (const auto& [name, value] : object.items()) {
    std::string key = prefix.empty() ? name : prefix + "." + name;
    const Setting* match = nullptr;
    bool is_group = false;
    for (const Setting& setting : Settings()) {
      if (setting.key == key) match = &setting;
      if (setting.key.size() > key.size() &&
          setting.key.compare(0, key.size() + 1, key + ".") == 0) {
        is_group = true;
      }
    }
    if (match != nullptr) {
      std::string error = ApplyJson(*match, config, value, source);
      if (!error.empty()) return error;
    } else if (is_group && value.is_object()) {
      std::string error = ApplyFileObject(value, key, config, source);
      if (!error.empty()) return error;
    } else if (is_group) {
      return source.name + ": " + key + " must be an object";
    } else {
      return source.name + ": unknown setting '" + key + "'";
    }
  }
  return "";
}

std::string LoadFile(const std::string& path, ServerConfig* config) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return "cannot read the config file '" + path + "'";
  std::stringstream contents;
  contents << file.rdbuf();
  nlohmann::json document = nlohmann::json::parse(contents.str(), nullptr, false);
  if (document.is_discarded()) return path + ": not valid JSON";
  if (!document.is_object()) return path + ": must be a JSON object";
  Source source{path, std::filesystem::absolute(path).parent_path().string()};
  return ApplyFileObject(document, "", config, source);
}

}  // namespace

EnvironmentLookup ProcessEnvironment() {
  return [](std::string_view name) -> std::optional<std::string> {
    const char* value = std::getenv(std::string(name).c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

ConfigResult LoadServerConfig(const cli::ParsedOptions& flags, const EnvironmentLookup& env) {
  ConfigResult result;
  std::optional<std::string> file = flags.Get("config");
  if (!file) file = env("PARLEY_CONFIG");
  if (file && !file->empty()) {
    result.error = LoadFile(*file, &result.config);
    if (!result.ok()) return result;
  }
  for (const Setting& setting : Settings()) {
    if (auto value = env(setting.env)) {
      result.error =
          ApplyText(setting, &result.config, *value, Source{std::string(setting.env), ""});
      if (!result.ok()) return result;
    }
  }
  for (const Setting& setting : Settings()) {
    if (setting.flag.empty()) continue;
    if (auto value = flags.Get(setting.flag)) {
      result.error =
          ApplyText(setting, &result.config, *value, Source{"--" + std::string(setting.flag), ""});
      if (!result.ok()) return result;
    }
  }
  return result;
}

cli::OptionSpec ServeOptionSpec() {
  cli::OptionSpec spec;
  spec.valued.push_back("config");
  for (const Setting& setting : Settings()) {
    if (setting.flag.empty()) continue;
    if (setting.kind == Kind::kBoolean) {
      spec.flags.push_back(setting.flag);
    } else {
      spec.valued.push_back(setting.flag);
    }
  }
  return spec;
}

std::string SettingsHelp() {
  constexpr size_t kWidth = 88;
  constexpr std::string_view kIndent = "      ";
  std::string help;
  for (const Setting& setting : Settings()) {
    help += "  " + std::string(setting.key);
    help += "  [" + std::string(setting.env);
    if (!setting.flag.empty()) help += ", --" + std::string(setting.flag);
    help += "]\n";
    // Word-wrapped so --help reads well in an 80-to-90-column terminal.
    std::string line(kIndent);
    std::string_view text = setting.help;
    while (!text.empty()) {
      size_t space = text.find(' ');
      std::string_view word = text.substr(0, space);
      if (line.size() > kIndent.size() && line.size() + 1 + word.size() > kWidth) {
        help += line + "\n";
        line = kIndent;
      }
      if (line.size() > kIndent.size()) line += ' ';
      line += word;
      text = space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
    }
    help += line + "\n";
  }
  return help;
}

}  // namespace parley::config
