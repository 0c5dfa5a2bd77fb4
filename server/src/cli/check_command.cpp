#include <fstream>
#include <istream>
#include <iterator>
#include <ostream>
#include <string>

#include "cli/commands.h"
#include "cli/options.h"
#include "parley/json.h"
#include "parley/policy/check.h"
#include "parley/policy/policy.h"

namespace parley::cli {

namespace {

constexpr std::string_view kHelp =
    "Usage: parley check [--policy FILE] [--lang LANG] [--jsonl] [--print-policy]\n"
    "\n"
    "Reads a comment body on stdin and prints the discussion policy's verdict as one line of\n"
    "JSON, exactly what the WebAssembly core's checkPolicy(text, policyJson, lang) returns:\n"
    "  "
    "{\"action\":\"allow\"|\"review\"|\"reject\",\"reasons\":[{\"code\",\"message\",\"start\","
    "\"end\"}]}\n"
    "start and end are byte offsets into the input; reasons about the whole comment (too_short,\n"
    "too_long, shouting) have neither. The exit code is 0 whatever the verdict.\n"
    "\n"
    "Options:\n"
    "  --policy FILE   a policy file (docs/POLICY.md); fields it leaves out keep the defaults\n"
    "  --lang LANG     language of the messages: en (default), ru, hy, fr, de, es, ar\n"
    "  --jsonl         batch mode: each input line is a JSON string holding one comment; one\n"
    "                  verdict line is printed per input line (for tests and benchmarks)\n"
    "  --print-policy  print the complete policy file in effect (defaults merged) and exit\n"
    "\n"
    "A policy file that cannot be read or is not valid exits 1 with the reason.\n";

constexpr std::string_view kName = "check";

bool ReadFile(const std::string& path, std::string* contents) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return false;
  contents->assign(std::istreambuf_iterator<char>(file), {});
  return !file.bad();
}

int RunBatch(const policy::Policy& policy, std::string_view lang, CommandIo& io) {
  std::string line;
  size_t number = 0;
  while (std::getline(io.in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const json::ParseResult parsed = json::Parse(line);
    if (!parsed.ok() || !parsed.value.IsString()) {
      return Failure(kName, "line " + std::to_string(number) + " of stdin is not a JSON string",
                     io);
    }
    io.out << policy::VerdictToJson(policy::CheckComment(parsed.value.AsString(), policy, lang))
           << '\n';
  }
  if (io.in.bad()) return Failure(kName, "cannot read stdin", io);
  return kExitOk;
}

int RunCheck(const std::vector<std::string>& args, CommandIo& io) {
  ParseResult parsed = ParseOptions(args, {{"policy", "lang"}, {"jsonl", "print-policy"}});
  if (!parsed.ok()) return UsageError(kName, parsed.error, io);
  if (parsed.options.help) {
    io.out << kHelp;
    return kExitOk;
  }

  const policy::Policy* policy = &policy::DefaultPolicy();
  policy::ParsedPolicy loaded;
  if (const auto path = parsed.options.Get("policy")) {
    std::string text;
    if (!ReadFile(*path, &text)) return Failure(kName, "cannot read policy file " + *path, io);
    loaded = policy::ParsePolicy(text);
    if (!loaded.ok()) return Failure(kName, *path + ": " + loaded.error, io);
    policy = &loaded.policy;
  }
  if (parsed.options.Has("print-policy")) {
    io.out << policy::PolicyToJson(*policy);
    return kExitOk;
  }
  const std::string lang = parsed.options.Get("lang").value_or("en");

  if (parsed.options.Has("jsonl")) {
    const int code = RunBatch(*policy, lang, io);
    io.out.flush();
    return code;
  }
  const std::string comment(std::istreambuf_iterator<char>(io.in), {});
  if (io.in.bad()) return Failure(kName, "cannot read stdin", io);
  io.out << policy::VerdictToJson(policy::CheckComment(comment, *policy, lang)) << '\n';
  io.out.flush();
  if (!io.out) return Failure(kName, "cannot write stdout", io);
  return kExitOk;
}

}  // namespace

Command CheckCommand() {
  return {"check", "check a comment (stdin) against the discussion policy, print the verdict",
          kHelp, RunCheck};
}

}  // namespace parley::cli
