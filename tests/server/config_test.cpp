#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "config/config_loader.h"
#include "server_test_support.h"

namespace parley::config {
namespace {

using testing::TempDir;

// Runs LoadServerConfig on `args` with `env` as the whole environment.
ConfigResult Load(const std::vector<std::string>& args,
                  const std::map<std::string, std::string>& env = {}) {
  cli::ParseResult parsed = cli::ParseOptions(args, ServeOptionSpec());
  EXPECT_TRUE(parsed.ok()) << parsed.error;
  return LoadServerConfig(parsed.options,
                          [env](std::string_view name) -> std::optional<std::string> {
                            auto found = env.find(std::string(name));
                            if (found == env.end()) return std::nullopt;
                            return found->second;
                          });
}

void WriteFile(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

TEST(Config, DefaultsAreSafeForAFirstRun) {
  ConfigResult result = Load({});
  ASSERT_TRUE(result.ok()) << result.error;
  const ServerConfig& config = result.config;
  EXPECT_EQ(config.listen_host, "127.0.0.1");
  EXPECT_EQ(config.listen_port, 8080);
  EXPECT_EQ(config.db, "sqlite:data/parley.db");
  EXPECT_EQ(config.edit_window_seconds, 900);
  EXPECT_EQ(config.moderation, moderation::ModerationMode::kPost);
  EXPECT_TRUE(config.origins.empty());
  EXPECT_FALSE(config.static_dirs_set);
  EXPECT_FALSE(config.comments_per_ip.unlimited());
  EXPECT_TRUE(config.reads_per_ip.unlimited());
  EXPECT_TRUE(config.sign_in_secret.empty());
}

TEST(Config, FlagsBeatEnvironmentBeatsFile) {
  TempDir dir;
  std::string file = dir.File("parley.json");
  WriteFile(file, R"({"listen": "0.0.0.0:1000", "editWindowSeconds": 60, "threads": 4,
                      "moderation": {"mode": "pre"}})");
  ConfigResult result =
      Load({"--config", file, "--listen", "127.0.0.1:3000"},
           {{"PARLEY_LISTEN", "127.0.0.1:2000"}, {"PARLEY_EDIT_WINDOW_SECONDS", "120"}});
  ASSERT_TRUE(result.ok()) << result.error;
  EXPECT_EQ(result.config.listen_port, 3000);         // flag
  EXPECT_EQ(result.config.edit_window_seconds, 120);  // environment
  EXPECT_EQ(result.config.threads, 4);                // file
  EXPECT_EQ(result.config.moderation, moderation::ModerationMode::kPre);
}

TEST(Config, TheConfigFileCanComeFromTheEnvironment) {
  TempDir dir;
  WriteFile(dir.File("c.json"), R"({"threads": 7})");
  ConfigResult result = Load({}, {{"PARLEY_CONFIG", dir.File("c.json")}});
  ASSERT_TRUE(result.ok()) << result.error;
  EXPECT_EQ(result.config.threads, 7);
}

TEST(Config, RelativePathsInTheFileAreReadFromItsFolder) {
  TempDir dir;
  WriteFile(dir.File("c.json"),
            R"({"db": "sqlite:data/p.db", "static": ["dist"], "policy": "policy.json"})");
  ConfigResult result = Load({"--config", dir.File("c.json")});
  ASSERT_TRUE(result.ok()) << result.error;
  EXPECT_EQ(result.config.db, "sqlite:" + dir.File("data/p.db"));
  EXPECT_EQ(result.config.static_dirs, (std::vector<std::string>{dir.File("dist")}));
  EXPECT_TRUE(result.config.static_dirs_set);
  EXPECT_EQ(result.config.policy_file, dir.File("policy.json"));
}

TEST(Config, ThePolicyMayBeInlineInTheFile) {
  TempDir dir;
  WriteFile(dir.File("c.json"), R"({"policy": {"maxLength": 300}})");
  ConfigResult result = Load({"--config", dir.File("c.json")});
  ASSERT_TRUE(result.ok()) << result.error;
  EXPECT_EQ(result.config.policy_json, R"({"maxLength":300})");
  EXPECT_TRUE(result.config.policy_file.empty());
}

TEST(Config, ListsAndRatesAndBooleans) {
  ConfigResult result =
      Load({"--origins", "https://a.example, https://b.example/", "--trust-proxy"},
           {{"PARLEY_LIMIT_COMMENTS_PER_IP", "30/1h"},
            {"PARLEY_LIMIT_READS_PER_IP", "off"},
            {"PARLEY_LOG_REQUESTS", "false"}});
  ASSERT_TRUE(result.ok()) << result.error;
  EXPECT_EQ(result.config.origins,
            (std::vector<std::string>{"https://a.example", "https://b.example"}));
  EXPECT_TRUE(result.config.trust_proxy);
  EXPECT_EQ(result.config.comments_per_ip.requests, 30);
  EXPECT_EQ(result.config.comments_per_ip.per_seconds, 3600);
  EXPECT_TRUE(result.config.reads_per_ip.unlimited());
  EXPECT_FALSE(result.config.log_requests);
}

TEST(Config, MistakesNameTheirSourceAndSetting) {
  TempDir dir;
  WriteFile(dir.File("typo.json"), R"({"lisen": "0.0.0.0:1"})");
  EXPECT_NE(Load({"--config", dir.File("typo.json")}).error.find("unknown setting 'lisen'"),
            std::string::npos);
  WriteFile(dir.File("type.json"), R"({"threads": "four"})");
  EXPECT_NE(Load({"--config", dir.File("type.json")}).error.find("threads must be an integer"),
            std::string::npos);
  WriteFile(dir.File("nested.json"), R"({"moderation": {"mood": "pre"}})");
  EXPECT_NE(Load({"--config", dir.File("nested.json")}).error.find("moderation.mood"),
            std::string::npos);
  WriteFile(dir.File("broken.json"), "{");
  EXPECT_NE(Load({"--config", dir.File("broken.json")}).error.find("not valid JSON"),
            std::string::npos);
  EXPECT_NE(Load({"--config", dir.File("missing.json")}).error.find("cannot read"),
            std::string::npos);
  EXPECT_NE(Load({}, {{"PARLEY_THREADS", "many"}}).error.find("PARLEY_THREADS"), std::string::npos);
  EXPECT_NE(Load({"--listen", "nowhere"}).error.find("--listen"), std::string::npos);
  EXPECT_NE(Load({"--listen", "host:70000"}).error.find("port"), std::string::npos);
  EXPECT_NE(Load({"--moderation", "sometimes"}).error.find("post pre first links"),
            std::string::npos);
  EXPECT_NE(Load({"--origins", "https://a.example/path"}).error.find("not an origin"),
            std::string::npos);
  EXPECT_NE(Load({}, {{"PARLEY_LIMIT_ACTIONS_PER_IP", "lots"}}).error.find("REQUESTS/SECONDS"),
            std::string::npos);
}

TEST(Config, ListenAcceptsIpv6) {
  ConfigResult result = Load({"--listen", "[::1]:9000"});
  ASSERT_TRUE(result.ok()) << result.error;
  EXPECT_EQ(result.config.listen_host, "::1");
  EXPECT_EQ(result.config.listen_port, 9000);
}

TEST(Config, SecretsAreNotFlags) {
  cli::OptionSpec spec = ServeOptionSpec();
  for (std::string_view flag : spec.valued) {
    EXPECT_EQ(flag.find("secret"), std::string_view::npos) << flag;
  }
}

TEST(Config, HelpListsEverySettingWithItsVariable) {
  std::string help = SettingsHelp();
  for (std::string_view name : {"listen", "PARLEY_DB", "--origins", "signIn.secret",
                                "limits.commentsPerIp", "events.maxStreams"}) {
    EXPECT_NE(help.find(name), std::string::npos) << name;
  }
}

TEST(RateLimitText, ParsesCountsAndPeriods) {
  EXPECT_EQ(abuse::ParseRateLimit("10/60")->per_seconds, 60);
  EXPECT_EQ(abuse::ParseRateLimit("10/2m")->per_seconds, 120);
  EXPECT_EQ(abuse::ParseRateLimit("5/1h")->requests, 5);
  EXPECT_TRUE(abuse::ParseRateLimit("off")->unlimited());
  for (std::string bad : {"", "10", "/60", "10/0", "ten/60", "10/60x", "-1/60"}) {
    EXPECT_FALSE(abuse::ParseRateLimit(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace parley::config
