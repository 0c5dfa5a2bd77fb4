#include <istream>
#include <iterator>
#include <ostream>
#include <string>

#include "cli/commands.h"
#include "cli/options.h"
#include "parley/json.h"
#include "parley/thread/options.h"
#include "parley/thread/render.h"

namespace parley::cli {

namespace {

constexpr std::string_view kHelp =
    "Usage: parley thread [OPTIONS] < comments.json\n"
    "\n"
    "Reads a JSON array of comments (id, parent, author {name, id, badges, website}, body,\n"
    "created, edited, score {up, down}, status, pinned) on stdin and writes the thread as an\n"
    "HTML fragment on stdout: the whole thread, unless a page is asked for. The output is\n"
    "byte-identical to renderThread() of the WebAssembly core given the same options.\n"
    "\n"
    "Options:\n"
    "  --sort oldest|newest|best   order of top-level comments (default oldest)\n"
    "  --page N                    only page N (1-based) of top-level comments\n"
    "  --page-size N               top-level comments per page (default 50)\n"
    "  --cursor CURSOR             the page after CURSOR (from a \"load more\" button)\n"
    "  --lang LANG                 language of the interface strings (default en)\n"
    "  --max-depth N               deeper replies continue flat (default 6)\n"
    "  --collapse-after N          replies shown per comment before \"N more replies\"\n"
    "  --numbered                  number top-level comments (\"1.\", \"2.\")\n"
    "  --said-style                \"NAME said:\" headers\n"
    "  --options JSON              options as renderThread() takes them; flags override\n";

// Reads a whole-number flag into the options document; false (with a message) if it is not one.
bool SetInteger(const ParsedOptions& parsed, std::string_view flag, std::string_view key,
                json::Value* options, std::string* error) {
  auto text = parsed.Get(flag);
  if (!text) return true;
  json::ParseResult number = json::Parse(*text);
  if (!number.ok() || !number.value.AsInteger(0, 1000000000).has_value()) {
    *error = "option '--" + std::string(flag) + "' needs a whole number, not '" + *text + "'";
    return false;
  }
  options->Set(std::string(key), number.value);
  return true;
}

int RunThread(const std::vector<std::string>& args, CommandIo& io) {
  const OptionSpec spec{{"sort", "page", "page-size", "cursor", "lang", "max-depth",
                         "collapse-after", "options"},
                        {"numbered", "said-style"},
                        false};
  ParseResult parsed = ParseOptions(args, spec);
  if (!parsed.ok()) return UsageError("thread", parsed.error, io);
  if (parsed.options.help) {
    io.out << kHelp;
    return kExitOk;
  }
  json::Value options = json::Value::Object();
  if (auto text = parsed.options.Get("options")) {
    json::ParseResult given = json::Parse(*text);
    if (!given.ok() || !given.value.IsObject()) {
      return UsageError("thread", "option '--options' needs a JSON object", io);
    }
    options = given.value;
  }
  if (auto sort = parsed.options.Get("sort")) {
    thread::Sort unused;
    if (!thread::ParseSort(*sort, &unused)) {
      return UsageError("thread", "option '--sort' must be oldest, newest or best, not '" + *sort + "'", io);
    }
    options.Set("sort", json::Value::String(*sort));
  }
  std::string error;
  if (!SetInteger(parsed.options, "page", "page", &options, &error) ||
      !SetInteger(parsed.options, "page-size", "pageSize", &options, &error) ||
      !SetInteger(parsed.options, "max-depth", "maxDepth", &options, &error) ||
      !SetInteger(parsed.options, "collapse-after", "collapseAfter", &options, &error)) {
    return UsageError("thread", error, io);
  }
  if (auto cursor = parsed.options.Get("cursor")) options.Set("cursor", json::Value::String(*cursor));
  if (auto lang = parsed.options.Get("lang")) options.Set("lang", json::Value::String(*lang));
  if (parsed.options.Has("numbered")) options.Set("numbered", json::Value::Bool(true));
  if (parsed.options.Has("said-style")) options.Set("saidStyle", json::Value::Bool(true));

  const std::string input(std::istreambuf_iterator<char>(io.in), {});
  thread::RenderResult result = thread::RenderThreadFromJson(input, json::Serialize(options));
  if (!result.ok()) return Failure("thread", result.error, io);
  io.out << result.html;
  return kExitOk;
}

}  // namespace

Command ThreadCommand() {
  return {"thread", "render a thread of comments (JSON on stdin) as HTML", kHelp, RunThread};
}

}  // namespace parley::cli
