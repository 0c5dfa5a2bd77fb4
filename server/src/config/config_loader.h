#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "cli/options.h"
#include "config/server_config.h"

namespace parley::config {

// Looks an environment variable up; tests pass a map instead of the real environment.
using EnvironmentLookup = std::function<std::optional<std::string>(std::string_view name)>;

// The process environment.
EnvironmentLookup ProcessEnvironment();

// The outcome of LoadServerConfig: the configuration, or a message naming the source and
// setting that was wrong ("config.json: limits.bodyBytes must be a positive integer").
struct ConfigResult {
  ServerConfig config;
  std::string error;
  bool ok() const { return error.empty(); }
};

// Builds the configuration: defaults, then the JSON file named by --config or PARLEY_CONFIG,
// then PARLEY_* variables, then flags. Unknown keys in the file are errors (a typo must not
// silently leave a default in place).
ConfigResult LoadServerConfig(const cli::ParsedOptions& flags, const EnvironmentLookup& env);

// The flags `parley serve` accepts, for cli::ParseOptions.
cli::OptionSpec ServeOptionSpec();

// The settings table as help text: file key, environment variable, flag and meaning.
std::string SettingsHelp();

}  // namespace parley::config
