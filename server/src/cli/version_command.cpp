#include <ostream>

#include "cli/commands.h"
#include "cli/options.h"
#include "parley/version.h"

namespace parley::cli {

namespace {

constexpr std::string_view kHelp =
    "Usage: parley version\n"
    "\n"
    "Prints the version of the Parley core, the same string the WebAssembly core reports.\n";

int RunVersion(const std::vector<std::string>& args, CommandIo& io) {
  ParseResult parsed = ParseOptions(args, {});
  if (!parsed.ok()) return UsageError("version", parsed.error, io);
  if (parsed.options.help) {
    io.out << kHelp;
    return kExitOk;
  }
  io.out << Version() << '\n';
  return kExitOk;
}

}  // namespace

Command VersionCommand() {
  return {"version", "print the core's version", kHelp, RunVersion};
}

}  // namespace parley::cli
