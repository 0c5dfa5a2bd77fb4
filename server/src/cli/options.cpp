#include "cli/options.h"

#include <algorithm>

namespace parley::cli {

namespace {

bool Contains(const std::vector<std::string_view>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

std::optional<std::string> ParsedOptions::Get(std::string_view name) const {
  auto found = values.find(name);
  if (found == values.end()) return std::nullopt;
  return found->second;
}

ParseResult ParseOptions(const std::vector<std::string>& args, const OptionSpec& spec) {
  ParseResult result;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--help" || arg == "-h") {
      result.options.help = true;
      continue;
    }
    if (arg == "--") {
      // Everything after `--` is positional, as in every Unix tool.
      for (++i; i < args.size(); ++i) {
        if (!spec.allow_positional) {
          result.error = "unexpected argument '" + args[i] + "'";
          return result;
        }
        result.options.positional.push_back(args[i]);
      }
      break;
    }
    if (arg.size() > 2 && arg.compare(0, 2, "--") == 0) {
      std::string_view body(arg);
      body.remove_prefix(2);
      std::string_view name = body;
      std::optional<std::string> inline_value;
      if (auto equals = body.find('='); equals != std::string_view::npos) {
        name = body.substr(0, equals);
        inline_value = std::string(body.substr(equals + 1));
      }
      if (Contains(spec.flags, name)) {
        if (inline_value) {
          result.error = "option '--" + std::string(name) + "' takes no value";
          return result;
        }
        result.options.values[std::string(name)] = "";
      } else if (Contains(spec.valued, name)) {
        if (inline_value) {
          result.options.values[std::string(name)] = *inline_value;
        } else if (i + 1 < args.size()) {
          result.options.values[std::string(name)] = args[++i];
        } else {
          result.error = "option '--" + std::string(name) + "' needs a value";
          return result;
        }
      } else {
        result.error = "unknown option '--" + std::string(name) + "'";
        return result;
      }
      continue;
    }
    if (arg.size() > 1 && arg[0] == '-') {
      result.error = "unknown option '" + arg + "'";
      return result;
    }
    if (!spec.allow_positional) {
      result.error = "unexpected argument '" + arg + "'";
      return result;
    }
    result.options.positional.push_back(arg);
  }
  return result;
}

}  // namespace parley::cli
