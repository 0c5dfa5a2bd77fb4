#include "storage/open_store.h"

#include <filesystem>
#include <system_error>

#include "storage/sqlite_store.h"

namespace parley::storage {

std::unique_ptr<Store> OpenStore(std::string_view url, RankFunction rank, std::string* error) {
  constexpr std::string_view kSqlite = "sqlite:";
  if (url.substr(0, kSqlite.size()) == kSqlite) {
    std::string path(url.substr(kSqlite.size()));
    if (path.empty()) {
      *error = "the database URL 'sqlite:' needs a file path, e.g. sqlite:data/parley.db";
      return nullptr;
    }
    std::filesystem::path parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) {
      std::error_code ignored;
      std::filesystem::create_directories(parent, ignored);
    }
    return std::make_unique<SqliteStore>(path, rank);
  }
  if (url.substr(0, 11) == "postgres://" || url.substr(0, 13) == "postgresql://") {
    *error = "PostgreSQL is not supported by this build yet; use sqlite:PATH";
    return nullptr;
  }
  *error = "unknown database URL '" + std::string(url) + "'; expected sqlite:PATH";
  return nullptr;
}

}  // namespace parley::storage
