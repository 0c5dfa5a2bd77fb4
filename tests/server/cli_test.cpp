#include "cli/cli.h"

#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "parley/version.h"

namespace {

struct CliResult {
  int code;
  std::string out;
  std::string err;
};

CliResult RunParley(const std::vector<std::string>& args, const std::string& input = "") {
  std::istringstream in(input);
  std::ostringstream out;
  std::ostringstream err;
  parley::cli::CommandIo io{in, out, err};
  int code = parley::cli::Run(args, io);
  return {code, out.str(), err.str()};
}

TEST(Cli, HelpListsEveryCommand) {
  CliResult result = RunParley({"--help"});
  EXPECT_EQ(result.code, 0);
  EXPECT_EQ(result.err, "");
  for (const auto& command : parley::cli::Commands()) {
    EXPECT_NE(result.out.find("  " + std::string(command.name) + " "), std::string::npos)
        << command.name;
  }
}

TEST(Cli, NoArgumentsIsAUsageError) {
  CliResult result = RunParley({});
  EXPECT_EQ(result.code, 2);
  EXPECT_EQ(result.out, "");
  EXPECT_NE(result.err.find("missing command"), std::string::npos);
}

TEST(Cli, UnknownCommandIsAUsageError) {
  CliResult result = RunParley({"frobnicate"});
  EXPECT_EQ(result.code, 2);
  EXPECT_EQ(result.out, "");
  EXPECT_NE(result.err.find("unknown command 'frobnicate'"), std::string::npos);
}

TEST(Cli, UnknownTopLevelOptionIsAUsageError) {
  CliResult result = RunParley({"--frobnicate"});
  EXPECT_EQ(result.code, 2);
  EXPECT_NE(result.err.find("unknown option '--frobnicate'"), std::string::npos);
}

TEST(Cli, UnknownCommandOptionIsAUsageError) {
  for (const auto& command : parley::cli::Commands()) {
    CliResult result = RunParley({std::string(command.name), "--no-such-option"});
    EXPECT_EQ(result.code, 2) << command.name;
    EXPECT_NE(result.err.find("unknown option '--no-such-option'"), std::string::npos)
        << command.name << ": " << result.err;
  }
}

TEST(Cli, EveryCommandHasHelp) {
  for (const auto& command : parley::cli::Commands()) {
    CliResult direct = RunParley({std::string(command.name), "--help"});
    EXPECT_EQ(direct.code, 0) << command.name;
    EXPECT_NE(direct.out.find("Usage: parley " + std::string(command.name)), std::string::npos)
        << command.name;
    CliResult via_help = RunParley({"help", std::string(command.name)});
    EXPECT_EQ(via_help.out, direct.out) << command.name;
  }
}

TEST(Cli, VersionMatchesCore) {
  EXPECT_EQ(RunParley({"--version"}).out, std::string(parley::Version()) + "\n");
  EXPECT_EQ(RunParley({"version"}).out, std::string(parley::Version()) + "\n");
}

TEST(Cli, BinaryRunsAndReportsUsageErrors) {
  // The real executable, not just the library: exit status through the shell.
  const std::string binary = PARLEY_BINARY;
  EXPECT_EQ(std::system((binary + " --help >/dev/null").c_str()), 0);
  int status = std::system((binary + " frobnicate 2>/dev/null").c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 2);
}

}  // namespace
