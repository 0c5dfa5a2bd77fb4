#include <ostream>

#include "backup/export_format.h"
#include "cli/commands.h"
#include "cli/store_command_options.h"
#include "clock/clock.h"

namespace parley::cli {

namespace {

std::string Help() {
  return "Usage: parley export [--db sqlite:PATH] [--config FILE]\n"
         "\n"
         "Writes every thread and comment to stdout as JSON, the backup format that\n"
         "'parley import --from json' reads back. The export holds personal data (emails,\n"
         "hashed addresses): keep it as safe as the database. Safe to run while the server\n"
         "runs (it reads a consistent snapshot per thread).\n"
         "\n"
         "Options:\n" +
         std::string(kStoreOptionsHelp);
}

int RunExport(const std::vector<std::string>& args, CommandIo& io) {
  ParseResult parsed = ParseOptions(args, {{"db", "config"}, {}, false});
  if (!parsed.ok()) return UsageError("export", parsed.error, io);
  if (parsed.options.help) {
    io.out << Help();
    return kExitOk;
  }
  int exit_code = kExitOk;
  std::unique_ptr<storage::Store> store =
      OpenCommandStore("export", parsed.options, io, &exit_code);
  if (store == nullptr) return exit_code;
  try {
    clock::SystemClock now;
    backup::WriteExport(store.get(), clock::FormatRfc3339(now.Now()), io.out);
    io.out.flush();
  } catch (const storage::StoreError& error) {
    return Failure("export", error.what(), io);
  }
  return io.out.good() ? kExitOk : Failure("export", "cannot write to stdout", io);
}

}  // namespace

Command ExportCommand() {
  static const std::string help = Help();
  return {"export", "write all threads and comments as JSON (the backup format)", help, RunExport};
}

}  // namespace parley::cli
