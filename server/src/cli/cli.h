#pragma once

#include <string>
#include <vector>

#include "cli/command.h"

namespace parley::cli {

// Runs `parley` with the arguments after the program name and returns the exit code.
int Run(const std::vector<std::string>& args, CommandIo& io);

// Every subcommand, in the order `parley --help` lists them.
const std::vector<Command>& Commands();

}  // namespace parley::cli
