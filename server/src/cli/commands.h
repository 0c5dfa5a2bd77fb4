#pragma once

#include "cli/command.h"

// One function per subcommand, each defined in its own NAME_command.cpp.
namespace parley::cli {

Command VersionCommand();

}  // namespace parley::cli
