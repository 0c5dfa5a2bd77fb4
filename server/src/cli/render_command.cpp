#include <istream>
#include <iterator>
#include <ostream>
#include <string>

#include "cli/commands.h"
#include "cli/options.h"
#include "parley/markup/html_renderer.h"

namespace parley::cli {

namespace {

constexpr std::string_view kHelp =
    "Usage: parley render\n"
    "\n"
    "Reads comment markup on stdin and writes its HTML fragment to stdout, exactly what the\n"
    "WebAssembly core's renderMarkup(text) returns. Any bytes are accepted: invalid UTF-8 and\n"
    "control characters become U+FFFD, raw HTML shows as text, and links keep only http, https,\n"
    "mailto and relative URLs (docs/MARKUP.md).\n";

int RunRender(const std::vector<std::string>& args, CommandIo& io) {
  ParseResult parsed = ParseOptions(args, {});
  if (!parsed.ok()) return UsageError("render", parsed.error, io);
  if (parsed.options.help) {
    io.out << kHelp;
    return kExitOk;
  }
  const std::string markup(std::istreambuf_iterator<char>(io.in), {});
  if (io.in.bad()) return Failure("render", "cannot read stdin", io);
  io.out << markup::RenderHtml(markup);
  io.out.flush();
  if (!io.out) return Failure("render", "cannot write stdout", io);
  return kExitOk;
}

}  // namespace

Command RenderCommand() {
  return {"render", "render comment markup (stdin) as an HTML fragment (stdout)", kHelp, RunRender};
}

}  // namespace parley::cli
