#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "storage/store.h"

namespace parley::storage {

// Opens the store a database URL names: "sqlite:PATH" (the folder is created if missing), with
// `rank` ordering SortOrder::kBest. A URL for a backend this build does not have is refused
// with a message in `error`. Throws StoreError when the database cannot be opened or migrated.
std::unique_ptr<Store> OpenStore(std::string_view url, RankFunction rank, std::string* error);

}  // namespace parley::storage
