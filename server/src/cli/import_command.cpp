#include <fstream>
#include <istream>
#include <ostream>
#include <sstream>

#include "backup/export_format.h"
#include "cli/commands.h"
#include "cli/store_command_options.h"

namespace parley::cli {

namespace {

std::string Help() {
  return "Usage: parley import --from json FILE [--db sqlite:PATH] [--config FILE]\n"
         "\n"
         "Adds the threads and comments of a 'parley export' file (FILE, or - for stdin) to\n"
         "the database. Never wipes or overwrites: comments whose id is already present are\n"
         "skipped, so importing the same file twice changes nothing. The file is checked\n"
         "first and nothing is imported if any comment is invalid; the import itself is one\n"
         "transaction.\n"
         "\n"
         "Options:\n"
         "  --from FORMAT      the file's format: json (more formats come later)\n" +
         std::string(kStoreOptionsHelp);
}

int RunImport(const std::vector<std::string>& args, CommandIo& io) {
  ParseResult parsed = ParseOptions(args, {{"from", "db", "config"}, {}, true});
  if (!parsed.ok()) return UsageError("import", parsed.error, io);
  if (parsed.options.help) {
    io.out << Help();
    return kExitOk;
  }
  std::optional<std::string> format = parsed.options.Get("from");
  if (!format) return UsageError("import", "say which format the file is in: --from json", io);
  if (*format != "json") {
    return UsageError("import", "unknown format '" + *format + "' (this version reads: json)", io);
  }
  if (parsed.options.positional.size() != 1) {
    return UsageError("import", "name exactly one file to import (or - for stdin)", io);
  }
  const std::string& path = parsed.options.positional.front();
  std::string text;
  if (path == "-") {
    std::ostringstream buffer;
    buffer << io.in.rdbuf();
    text = buffer.str();
  } else {
    std::ifstream file(path, std::ios::binary);
    if (!file) return Failure("import", "cannot read '" + path + "'", io);
    std::ostringstream buffer;
    buffer << file.rdbuf();
    text = buffer.str();
  }
  backup::ParsedImport import = backup::ReadExport(text);
  if (!import.ok()) {
    for (const std::string& error : import.errors) io.err << "parley import: " << error << "\n";
    return Failure("import", "nothing was imported", io);
  }
  int exit_code = kExitOk;
  std::unique_ptr<storage::Store> store =
      OpenCommandStore("import", parsed.options, io, &exit_code);
  if (store == nullptr) return exit_code;
  try {
    storage::ImportCounts counts = store->Import(import.comments);
    io.out << "imported " << counts.comments_added << " comments (" << counts.threads_created
           << " new threads); skipped " << counts.comments_skipped << " already present\n";
  } catch (const storage::StoreError& error) {
    return Failure("import", std::string(error.what()) + "; nothing was imported", io);
  }
  return kExitOk;
}

}  // namespace

Command ImportCommand() {
  static const std::string help = Help();
  return {"import", "add threads and comments from a backup file (never overwrites)", help,
          RunImport};
}

}  // namespace parley::cli
