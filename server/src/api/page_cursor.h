#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "storage/model.h"

namespace parley::api {

// The opaque `next` cursor of GET .../comments: the position after the last top-level comment
// of a page, in one sort order. Stable while comments arrive (it names a position, not an
// offset). Clients must treat it as opaque; its format may change.
std::string EncodePageCursor(const storage::PageCursor& cursor, storage::SortOrder sort);

// The cursor, or nullopt when it is malformed or was made for another sort order.
std::optional<storage::PageCursor> DecodePageCursor(std::string_view text, storage::SortOrder sort);

// The sort named `name` ("oldest", "newest", "best").
std::optional<storage::SortOrder> ParseSortOrder(std::string_view name);

}  // namespace parley::api
