#pragma once

#include <cstdint>
#include <vector>

namespace parley::policy::internal {

// A sort key for anything with a byte range. Every ordering the checker needs (matches,
// exceptions, floods, reasons) is "by start, longest first, then by rank", so they all share
// one sort, which keeps the WebAssembly code small.
struct SpanKey {
  uint32_t start;
  uint32_t end;
  uint32_t rank;   // tie-breaker chosen by the caller (a reason code, a list's strength)
  uint32_t index;  // the caller's item
};

// Sorts by start, then end descending, then rank, then index.
void SortSpanKeys(std::vector<SpanKey>* keys);

}  // namespace parley::policy::internal
