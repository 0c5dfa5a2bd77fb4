#include "index_sort.h"

#include <cstddef>
#include <utility>

namespace parley::thread {

void StableSortIndices(std::vector<int64_t>* items, IndexLess less, const void* context) {
  const size_t count = items->size();
  if (count < 2) return;
  // Runs of up to kRun items by insertion sort (cheap on short runs and stable), then rounds
  // of merging neighbouring runs from one buffer into the other.
  constexpr size_t kRun = 16;
  int64_t* from = items->data();
  for (size_t start = 0; start < count; start += kRun) {
    const size_t end = start + kRun < count ? start + kRun : count;
    for (size_t i = start + 1; i < end; ++i) {
      const int64_t item = from[i];
      size_t at = i;
      for (; at > start && less(context, item, from[at - 1]); --at) from[at] = from[at - 1];
      from[at] = item;
    }
  }
  if (count <= kRun) return;
  std::vector<int64_t> buffer(count);
  int64_t* to = buffer.data();
  for (size_t width = kRun; width < count; width *= 2) {
    for (size_t left = 0; left < count; left += 2 * width) {
      const size_t middle = left + width < count ? left + width : count;
      const size_t right = middle + width < count ? middle + width : count;
      size_t a = left;
      size_t b = middle;
      size_t out = left;
      // Taking from the left run unless the right one is strictly less keeps the sort stable.
      while (a < middle && b < right) to[out++] = less(context, from[b], from[a]) ? from[b++] : from[a++];
      while (a < middle) to[out++] = from[a++];
      while (b < right) to[out++] = from[b++];
    }
    std::swap(from, to);
  }
  if (from != items->data()) items->swap(buffer);  // the last round ended in the buffer
}

std::vector<int64_t> SortedPositions(size_t count, IndexLess less, const void* context) {
  std::vector<int64_t> positions(count);
  for (size_t i = 0; i < count; ++i) positions[i] = static_cast<int64_t>(i);
  StableSortIndices(&positions, less, context);
  return positions;
}

}  // namespace parley::thread
