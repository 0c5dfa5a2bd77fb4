#include "cli/store_command_options.h"

#include "config/config_loader.h"
#include "core_adapters/thread_renderer.h"
#include "storage/open_store.h"

namespace parley::cli {

std::unique_ptr<storage::Store> OpenCommandStore(std::string_view command,
                                                 const ParsedOptions& options, CommandIo& io,
                                                 int* exit_code) {
  config::ConfigResult loaded = config::LoadServerConfig(options, config::ProcessEnvironment());
  if (!loaded.ok()) {
    *exit_code = Failure(command, loaded.error, io);
    return nullptr;
  }
  try {
    std::string error;
    std::unique_ptr<storage::Store> store =
        storage::OpenStore(loaded.config.db, core_adapters::BestRank, &error);
    if (store == nullptr) *exit_code = Failure(command, error, io);
    return store;
  } catch (const storage::StoreError& error) {
    *exit_code = Failure(command, error.what(), io);
    return nullptr;
  }
}

}  // namespace parley::cli
