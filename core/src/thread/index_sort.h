#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace parley::thread {

// True when the item at index `a` goes before the one at `b`; `context` is the caller's.
using IndexLess = bool (*)(const void* context, int64_t a, int64_t b);

// Sorts `items`, indices into whatever `context` holds, stably (equal items keep their order)
// in O(n log n): a bottom-up merge sort. One sort that every order in the thread code shares,
// instead of a std::sort instantiated per comparison: each of those cost the reader's
// WebAssembly download about a kilobyte and a half.
void StableSortIndices(std::vector<int64_t>* items, IndexLess less, const void* context);

// The positions 0 .. count - 1 sorted by `less`, stably: the order of `count` things.
std::vector<int64_t> SortedPositions(size_t count, IndexLess less, const void* context);

}  // namespace parley::thread
