#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::cli {

// What a subcommand accepts: `--name VALUE` options (also `--name=VALUE`) and `--name` flags.
struct OptionSpec {
  std::vector<std::string_view> valued;
  std::vector<std::string_view> flags;
  bool allow_positional = false;
};

// A parsed command line: options by name (flags map to ""), positional arguments in order.
struct ParsedOptions {
  std::map<std::string, std::string, std::less<>> values;
  std::vector<std::string> positional;
  bool help = false;  // --help or -h was given

  bool Has(std::string_view name) const { return values.find(name) != values.end(); }
  std::optional<std::string> Get(std::string_view name) const;
};

// Parses `args` against `spec`. Returns the options, or an error message naming the offending
// argument (unknown option, missing value, unexpected argument).
struct ParseResult {
  ParsedOptions options;
  std::string error;
  bool ok() const { return error.empty(); }
};
ParseResult ParseOptions(const std::vector<std::string>& args, const OptionSpec& spec);

}  // namespace parley::cli
