#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "storage/store.h"

// The backup format of `parley export` and `parley import --from json` (docs/OPERATIONS.md):
// {"parley": "export", "version": 1, "exported": "<RFC 3339>", "threads": [{"id", "created",
// "comments": [<comment model> + "private": {"email", "ipHash"}]}]}. It holds personal data
// (emails, address hashes): keep exports as safe as the database.
namespace parley::backup {

// Writes every thread and comment to `out`, one thread at a time (memory stays bounded by
// the largest thread).
void WriteExport(storage::Store* store, std::string_view exported_at, std::ostream& out);

// The comments of an export document, checked and ordered for Store::Import (parents first),
// or the problems found (nothing is imported if there is any).
struct ParsedImport {
  std::vector<storage::StoredComment> comments;
  size_t threads = 0;
  std::vector<std::string> errors;
  bool ok() const { return errors.empty(); }
};

// Reads an export document.
ParsedImport ReadExport(std::string_view text);

}  // namespace parley::backup
