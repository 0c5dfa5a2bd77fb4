#include "cli/cli.h"

#include <algorithm>
#include <ostream>

#include "cli/commands.h"
#include "parley/version.h"

namespace parley::cli {

namespace {

void PrintHelp(std::ostream& out) {
  out << "Usage: parley COMMAND [OPTIONS]\n"
         "\n"
         "Parley is a comment section for news sites. This program is its server and its\n"
         "command-line tools; every command reads stdin and writes stdout where it can.\n"
         "\n"
         "Commands:\n";
  size_t width = 0;
  for (const Command& command : Commands()) width = std::max(width, command.name.size());
  for (const Command& command : Commands()) {
    out << "  " << command.name << std::string(width - command.name.size() + 2, ' ')
        << command.summary << '\n';
  }
  out << "\n"
         "Options:\n"
         "  -h, --help     show this help, or a command's help after its name\n"
         "  --version      print the version\n"
         "\n"
         "Exit codes: 0 success, 1 bad input or environment, 2 bad command line.\n";
}

const Command* FindCommand(std::string_view name) {
  for (const Command& command : Commands()) {
    if (command.name == name) return &command;
  }
  return nullptr;
}

}  // namespace

const std::vector<Command>& Commands() {
  static const std::vector<Command> commands = {
      BanCommand(),
      CheckCommand(),
      ExportCommand(),
      ImportCommand(),
      ModeratorCommand(),
      RenderCommand(),
      ServeCommand(),
      ThreadCommand(),
      VersionCommand(),
  };
  return commands;
}

int UsageError(std::string_view command, std::string_view message, CommandIo& io) {
  io.err << "parley " << command << ": " << message << "\n"
         << "Run 'parley " << command << " --help' for usage.\n";
  return kExitUsage;
}

int Failure(std::string_view command, std::string_view message, CommandIo& io) {
  io.err << "parley " << command << ": " << message << "\n";
  return kExitFailure;
}

int Run(const std::vector<std::string>& args, CommandIo& io) {
  if (args.empty()) {
    io.err << "parley: missing command\n";
    PrintHelp(io.err);
    return kExitUsage;
  }
  const std::string& first = args.front();
  if (first == "--help" || first == "-h" || first == "help") {
    if (first == "help" && args.size() > 1) {
      if (const Command* command = FindCommand(args[1])) {
        io.out << command->help;
        return kExitOk;
      }
      io.err << "parley: unknown command '" << args[1] << "'\n";
      return kExitUsage;
    }
    PrintHelp(io.out);
    return kExitOk;
  }
  if (first == "--version") {
    io.out << Version() << '\n';
    return kExitOk;
  }
  const Command* command = FindCommand(first);
  if (command == nullptr) {
    io.err << "parley: unknown " << (first[0] == '-' ? "option" : "command") << " '" << first
           << "'\nRun 'parley --help' for the list of commands.\n";
    return kExitUsage;
  }
  return command->run(std::vector<std::string>(args.begin() + 1, args.end()), io);
}

}  // namespace parley::cli
