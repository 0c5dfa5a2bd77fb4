#pragma once

#include <memory>
#include <string>

#include "cli/command.h"
#include "cli/options.h"
#include "storage/store.h"

namespace parley::cli {

// Opens the store the maintenance commands (export, import, ban) work on: --db, else the
// configuration (--config, PARLEY_CONFIG, PARLEY_DB), exactly as `parley serve` would. On
// failure reports it as `command` and returns nullptr with `*exit_code` set.
std::unique_ptr<storage::Store> OpenCommandStore(std::string_view command,
                                                 const ParsedOptions& options, CommandIo& io,
                                                 int* exit_code);

// The help lines for --db and --config, shared by those commands.
inline constexpr std::string_view kStoreOptionsHelp =
    "  --db sqlite:PATH   the database (default: from --config, PARLEY_DB, or\n"
    "                     sqlite:data/parley.db, as for parley serve)\n"
    "  --config FILE      read the database URL from this configuration file\n";

}  // namespace parley::cli
