#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>
#include <thread>

#include "api/api_context.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "config/config_loader.h"
#include "core_adapters/discussion_policy.h"
#include "core_adapters/thread_renderer.h"
#include "http/http_server.h"
#include "identity/installation_secrets.h"
#include "logging/json_log.h"
#include "parley/version.h"
#include "storage/open_store.h"

namespace parley::cli {

namespace {

std::string Help() {
  return "Usage: parley serve [--db sqlite:PATH] [--listen HOST:PORT] [--config FILE] [OPTIONS]\n"
         "\n"
         "Runs the comment server: the JSON API under /api/v1/, live updates (server-sent\n"
         "events), server-rendered thread HTML, /healthz, /metrics and the browser bundle.\n"
         "Settings come from the JSON file named by --config (or PARLEY_CONFIG), then PARLEY_*\n"
         "environment variables, then flags; later sources win. Logs are JSON, one object per\n"
         "line, on stderr. SIGTERM or SIGINT stops the server gracefully.\n"
         "\n"
         "Settings (config file key  [environment variable, flag]):\n" +
         config::SettingsHelp() +
         "\n"
         "See docs/OPERATIONS.md for deployment and docs/API.md for the API.\n";
}

// The browser bundle when no static folder is configured: the one built next to this program
// (build/native/parley -> build/dist), else ./build/dist.
std::vector<std::string> DefaultStaticDirs() {
  std::error_code error;
  std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", error);
  std::vector<std::filesystem::path> candidates;
  if (!error) candidates.push_back(program.parent_path().parent_path() / "dist");
  candidates.push_back(std::filesystem::current_path(error) / "build" / "dist");
  for (const auto& candidate : candidates) {
    if (std::filesystem::is_directory(candidate, error))
      return {candidate.lexically_normal().string()};
  }
  return {};
}

bool ReadFile(const std::string& path, std::string* contents) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return false;
  std::ostringstream buffer;
  buffer << file.rdbuf();
  *contents = buffer.str();
  return true;
}

int64_t MonotonicMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

int RunServe(const std::vector<std::string>& args, CommandIo& io) {
  ParseResult parsed = ParseOptions(args, config::ServeOptionSpec());
  if (!parsed.ok()) return UsageError("serve", parsed.error, io);
  if (parsed.options.help) {
    io.out << Help();
    return kExitOk;
  }
  config::ConfigResult loaded =
      config::LoadServerConfig(parsed.options, config::ProcessEnvironment());
  if (!loaded.ok()) return Failure("serve", loaded.error, io);
  config::ServerConfig config = loaded.config;
  if (!config.static_dirs_set) config.static_dirs = DefaultStaticDirs();
  logging::JsonLog log(logging::ParseLogLevel(config.log_level));

  std::string policy_json = config.policy_json;
  if (!config.policy_file.empty() && !ReadFile(config.policy_file, &policy_json)) {
    return Failure("serve", "cannot read the policy file '" + config.policy_file + "'", io);
  }
  std::string policy_error;
  auto policy = core_adapters::DiscussionPolicy::Load(policy_json, &policy_error);
  if (policy == nullptr) return Failure("serve", "the discussion policy: " + policy_error, io);

  std::unique_ptr<storage::Store> store;
  identity::InstallationSecrets secrets;
  try {
    std::string error;
    store = storage::OpenStore(config.db, core_adapters::BestRank, &error);
    if (store == nullptr) return Failure("serve", error, io);
    secrets = identity::LoadInstallationSecrets(store.get(), config.secret);
    // A policy a moderator saved from the dashboard wins over the configured one.
    if (std::optional<std::string> saved = store->FindSetting("mod.policy")) {
      auto saved_policy = core_adapters::DiscussionPolicy::Load(*saved, &policy_error);
      if (saved_policy == nullptr) {
        return Failure("serve", "the policy saved by a moderator: " + policy_error, io);
      }
      policy = saved_policy;
    }
  } catch (const storage::StoreError& error) {
    return Failure("serve", error.what(), io);
  }

  clock::SystemClock system_clock;
  metrics::Metrics metrics;
  abuse::RateLimiter limiter;
  // More than 5 failed moderator sign-ins per name or per address in 15 minutes wait.
  abuse::FailureWindow login_failures(5, 15 * 60 * 1000);
  moderation::SitePolicy site_policy(policy);
  api::ResponseCache cache(static_cast<size_t>(config.cache_megabytes) * 1024 * 1024);
  // Event ids start at the start time in microseconds, so they keep increasing across
  // restarts and a browser resuming from an older process is told to reload.
  events::EventHub events(std::chrono::duration_cast<std::chrono::microseconds>(
                              std::chrono::system_clock::now().time_since_epoch())
                              .count());
  api::ApiContext context;
  context.store = store.get();
  context.config = &config;
  context.clock = &system_clock;
  context.policy = policy;
  context.events = &events;
  context.metrics = &metrics;
  context.limiter = &limiter;
  context.cache = &cache;
  context.token_secret = secrets.token_secret;
  context.ip_salt = secrets.ip_salt;
  context.monotonic_ms = MonotonicMs;
  context.site_policy = &site_policy;
  context.login_failures = &login_failures;

  // Signals are taken by one thread with sigwait, never by a handler: the workers this
  // server starts inherit the blocked mask, so SIGTERM cannot interrupt a write mid-way.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  sigset_t previous;
  pthread_sigmask(SIG_BLOCK, &stop_signals, &previous);
  signal(SIGPIPE, SIG_IGN);

  http::HttpServer server(context, &log);
  int port = server.Bind(config.listen_host, config.listen_port);
  if (port < 0) {
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    return Failure(
        "serve",
        "cannot listen on " + config.listen_host + ":" + std::to_string(config.listen_port), io);
  }
  std::string host = config.listen_host.find(':') != std::string::npos
                         ? "[" + config.listen_host + "]"
                         : config.listen_host;
  std::string url = "http://" + host + ":" + std::to_string(port) + "/";

  std::atomic<bool> signalled{false};
  std::thread watcher([&] {
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    signalled = true;
    log.Log(logging::LogLevel::kInfo, "shutting down",
            {{"signal", signal_number == SIGINT ? "SIGINT" : "SIGTERM"}});
    server.Stop();
  });
  log.Log(logging::LogLevel::kInfo, "listening",
          {{"url", url},
           {"version", std::string(Version())},
           {"db", config.db},
           {"threads", config.threads},
           {"static", config.static_dirs},
           {"moderation", moderation::ModerationModeName(config.moderation)}});
  io.out << "Parley is serving " << url << std::endl;

  bool served = server.Run();
  // Wake the watcher if the server ended on its own (the socket failed). The signal mask is
  // not restored: the process ends next, and a late SIGTERM must not kill it mid-cleanup.
  if (!signalled) pthread_kill(watcher.native_handle(), SIGTERM);
  watcher.join();
  log.Log(logging::LogLevel::kInfo, "stopped");
  return served ? kExitOk : Failure("serve", "the listening socket failed", io);
}

}  // namespace

Command ServeCommand() {
  static const std::string help = Help();
  return {"serve", "run the comment server (HTTP API, live updates, HTML, bundle)", help, RunServe};
}

}  // namespace parley::cli
