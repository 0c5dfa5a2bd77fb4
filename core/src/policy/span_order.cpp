#include "span_order.h"

#include <algorithm>

namespace parley::policy::internal {

void SortSpanKeys(std::vector<SpanKey>* keys) {
  std::sort(keys->begin(), keys->end(), [](const SpanKey& a, const SpanKey& b) {
    if (a.start != b.start) return a.start < b.start;
    if (a.end != b.end) return a.end > b.end;
    if (a.rank != b.rank) return a.rank < b.rank;
    return a.index < b.index;
  });
}

}  // namespace parley::policy::internal
