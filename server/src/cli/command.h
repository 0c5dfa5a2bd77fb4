#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace parley::cli {

// Exit codes every subcommand shares, so scripts can tell a bad call from bad input.
enum ExitCode : int {
  kExitOk = 0,
  kExitFailure = 1,  // the input or the environment was wrong (message on stderr)
  kExitUsage = 2,    // the command line was wrong (message and usage hint on stderr)
};

// The streams a command talks through; tests pass string streams.
struct CommandIo {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
};

// One subcommand of `parley`: its name, a one-line summary for `parley --help`, the full help
// text for `parley NAME --help`, and the function that runs it on the arguments after NAME.
struct Command {
  std::string_view name;
  std::string_view summary;
  std::string_view help;
  int (*run)(const std::vector<std::string>& args, CommandIo& io);
};

}  // namespace parley::cli

namespace parley::cli {

// Reports a command-line mistake: "parley NAME: MESSAGE" and a hint, returns kExitUsage.
int UsageError(std::string_view command, std::string_view message, CommandIo& io);

// Reports a failure of the input or the environment, returns kExitFailure.
int Failure(std::string_view command, std::string_view message, CommandIo& io);

}  // namespace parley::cli
