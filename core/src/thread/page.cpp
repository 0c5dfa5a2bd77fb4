#include "parley/thread/page.h"

#include <algorithm>

#include "../text/decimal.h"
#include "index_sort.h"

namespace parley::thread {

namespace {

// A top-level comment's place in the order, which is also what a cursor records.
struct SortKey {
  bool pinned = false;
  int64_t rank = 0;  // Wilson lower bound scaled to an integer for "best", else 0
  int64_t created = 0;
  std::string_view id;  // the comment's, or a decoded cursor's (kept by its caller)
};

SortKey KeyOf(const Node& node, Sort sort) {
  const Comment& comment = *node.comment;
  SortKey key;
  key.pinned = comment.pinned && node.presence == Presence::kShown;
  // An integer rank keeps cursors exact; 1e12 steps are far finer than any vote difference.
  key.rank = sort == Sort::kBest
                 ? static_cast<int64_t>(WilsonLowerBound(comment.upvotes, comment.downvotes) * 1e12)
                 : 0;
  key.created = comment.has_created ? comment.created.unix_ms : INT64_MIN;
  key.id = comment.id;
  return key;
}

// True when `a` comes strictly before `b` in the order.
bool Before(const SortKey& a, const SortKey& b, Sort sort) {
  if (a.pinned != b.pinned) return a.pinned;
  if (a.rank != b.rank) return a.rank > b.rank;
  if (a.created != b.created) return sort == Sort::kOldest ? a.created < b.created : a.created > b.created;
  return sort == Sort::kOldest ? a.id < b.id : a.id > b.id;
}

char SortLetter(Sort sort) {
  switch (sort) {
    case Sort::kOldest: return 'o';
    case Sort::kNewest: return 'n';
    case Sort::kBest: return 'b';
  }
  return 'o';
}

// "<sort letter><pinned>.<rank>.<created>.<id in hex>": opaque to clients, URL-safe.
std::string EncodeCursor(const SortKey& key, Sort sort) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string cursor(1, SortLetter(sort));
  cursor += key.pinned ? '1' : '0';
  cursor += '.' + text::Decimal(key.rank) + '.' + text::Decimal(key.created) + '.';
  for (char byte : key.id) {
    const auto c = static_cast<unsigned char>(byte);
    cursor += kHex[c >> 4];
    cursor += kHex[c & 0xF];
  }
  return cursor;
}

bool ReadInteger(std::string_view text, size_t* pos, int64_t* out) {
  const size_t start = *pos;
  bool negative = false;
  if (*pos < text.size() && text[*pos] == '-') {
    negative = true;
    ++*pos;
  }
  uint64_t value = 0;
  const size_t digits_start = *pos;
  while (*pos < text.size() && text[*pos] >= '0' && text[*pos] <= '9') {
    if (*pos - digits_start >= 19) return false;
    value = value * 10 + static_cast<uint64_t>(text[*pos] - '0');
    ++*pos;
  }
  if (*pos == digits_start || (*pos < text.size() && text[*pos] != '.')) {
    *pos = start;
    return false;
  }
  if (negative) {
    // INT64_MIN (no date) is the one value past INT64_MAX that can appear.
    if (value > static_cast<uint64_t>(INT64_MAX) + 1) return false;
    *out = value == static_cast<uint64_t>(INT64_MAX) + 1 ? INT64_MIN : -static_cast<int64_t>(value);
  } else {
    if (value > static_cast<uint64_t>(INT64_MAX)) return false;
    *out = static_cast<int64_t>(value);
  }
  return true;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// Reads `cursor` into `key`, whose id then views `id_storage`.
bool DecodeCursor(std::string_view cursor, Sort sort, SortKey* key, std::string* id_storage,
                  std::string* error) {
  if (cursor.size() < 2 || cursor[0] != SortLetter(sort)) {
    *error = cursor.size() >= 2 && (cursor[0] == 'o' || cursor[0] == 'n' || cursor[0] == 'b')
                 ? "the cursor belongs to another sort order"
                 : "the cursor is not valid";
    return false;
  }
  size_t pos = 3;
  if ((cursor[1] != '0' && cursor[1] != '1') || cursor.size() < 3 || cursor[2] != '.' ||
      !ReadInteger(cursor, &pos, &key->rank) || pos >= cursor.size() || cursor[pos++] != '.' ||
      !ReadInteger(cursor, &pos, &key->created) || pos >= cursor.size() || cursor[pos++] != '.' ||
      (cursor.size() - pos) % 2 != 0) {
    *error = "the cursor is not valid";
    return false;
  }
  key->pinned = cursor[1] == '1';
  id_storage->clear();
  for (; pos < cursor.size(); pos += 2) {
    const int high = HexValue(cursor[pos]);
    const int low = HexValue(cursor[pos + 1]);
    if (high < 0 || low < 0) {
      *error = "the cursor is not valid";
      return false;
    }
    id_storage->push_back(static_cast<char>(high * 16 + low));
  }
  key->id = *id_storage;
  return true;
}

}  // namespace

void SortTopLevel(Thread* thread, Sort sort) {
  // The keys once per comment, then their positions sorted (ids are unique, so the order is
  // total and stability never decides).
  struct Keyed {
    std::vector<SortKey> keys;
    Sort sort;
  } keyed{{}, sort};
  std::vector<int64_t>& top_level = thread->top_level;
  keyed.keys.reserve(top_level.size());
  for (const int64_t index : top_level) keyed.keys.push_back(KeyOf(thread->nodes[static_cast<size_t>(index)], sort));
  const std::vector<int64_t> order = SortedPositions(
      top_level.size(),
      [](const void* context, int64_t a, int64_t b) {
        const auto& k = *static_cast<const Keyed*>(context);
        return Before(k.keys[static_cast<size_t>(a)], k.keys[static_cast<size_t>(b)], k.sort);
      },
      &keyed);
  std::vector<int64_t> sorted;
  sorted.reserve(order.size());
  for (const int64_t at : order) sorted.push_back(top_level[static_cast<size_t>(at)]);
  top_level = std::move(sorted);
}

Page SelectPage(const Thread& thread, const ThreadOptions& options, std::string* error) {
  Page page;
  const auto& all = thread.top_level;
  size_t begin = 0;
  size_t end = all.size();
  const bool paged = options.page > 0 || !options.cursor.empty();
  if (!options.cursor.empty()) {
    SortKey after;
    std::string after_id;
    if (!DecodeCursor(options.cursor, options.sort, &after, &after_id, error)) return page;
    // The first comment strictly after the cursor: the comment it names may since be gone.
    auto first = std::partition_point(all.begin(), all.end(), [&](int64_t index) {
      return !Before(after, KeyOf(thread.nodes[static_cast<size_t>(index)], options.sort),
                     options.sort);
    });
    begin = static_cast<size_t>(first - all.begin());
  } else if (options.page > 0) {
    const auto offset = static_cast<uint64_t>(options.page - 1) * static_cast<uint64_t>(options.page_size);
    begin = static_cast<size_t>(std::min<uint64_t>(offset, all.size()));
  }
  if (paged) end = std::min(all.size(), begin + static_cast<size_t>(options.page_size));
  page.first_position = static_cast<int64_t>(begin);
  page.top_level.assign(all.begin() + static_cast<std::ptrdiff_t>(begin),
                        all.begin() + static_cast<std::ptrdiff_t>(end));
  if (paged && end < all.size()) {
    page.next_cursor =
        EncodeCursor(KeyOf(thread.nodes[static_cast<size_t>(all[end - 1])], options.sort), options.sort);
    if (options.cursor.empty()) page.next_page = options.page + 1;
  }
  return page;
}

}  // namespace parley::thread
