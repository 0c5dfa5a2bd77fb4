#pragma once

#include "cli/command.h"

// One function per subcommand, each defined in its own NAME_command.cpp.
namespace parley::cli {

Command BanCommand();
Command CheckCommand();
Command ExportCommand();
Command ImportCommand();
Command ModeratorCommand();
Command RenderCommand();
Command ServeCommand();
Command ThreadCommand();
Command VersionCommand();

}  // namespace parley::cli
