#include "parley/thread/build.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <utility>

#include "../text/hot.h"
#include "index_sort.h"

namespace parley::thread {

namespace {

bool ViewerMaySee(const Comment& comment, const Viewer& viewer) {
  switch (comment.status) {
    case Status::kPublished: return true;
    case Status::kDeleted: return false;
    case Status::kPending:
    case Status::kRejected:
      return viewer.moderator || (!viewer.author_id.empty() && viewer.author_id == comment.author.id);
  }
  return false;
}

int64_t CreatedKey(const Comment& comment) {
  // Comments without a valid date sort as the oldest, deterministically.
  return comment.has_created ? comment.created.unix_ms : INT64_MIN;
}

// Replies: oldest first (the sort is stable, and replies are listed in input order, so equal
// times keep input order). `context` is the thread's nodes.
bool RepliedEarlier(const void* context, int64_t a, int64_t b) {
  const auto& nodes = *static_cast<const std::vector<Node>*>(context);
  return CreatedKey(*nodes[static_cast<size_t>(a)].comment) < CreatedKey(*nodes[static_cast<size_t>(b)].comment);
}

// A comment id as the id sort and search see it: its first eight bytes as a big-endian number
// (zero past its end), then the whole id. Numbers order as the ids' bytes do wherever two
// differ (an id that is a prefix of another is less either way), so most comparisons read
// only this array, not ids scattered over megabytes of input: at 100,000 comments the cache
// misses of reading the ids themselves made building the thread grow far faster than it.
struct IdKey {
  uint64_t head;
  std::string_view id;
};

IdKey KeyOfId(std::string_view id) {
  uint64_t head = 0;
  for (size_t i = 0; i < 8; ++i) {
    head = (head << 8) | (i < id.size() ? static_cast<unsigned char>(id[i]) : 0u);
  }
  return {head, id};
}

bool KeyLess(const IdKey& a, const IdKey& b) {
  if (a.head != b.head) return a.head < b.head;
  return hot::Less(a.id, b.id);
}

// Input positions by id; `context` is the ids' keys.
bool IdLess(const void* context, int64_t a, int64_t b) {
  const auto& keys = *static_cast<const std::vector<IdKey>*>(context);
  return KeyLess(keys[static_cast<size_t>(a)], keys[static_cast<size_t>(b)]);
}

// Comment ids in sorted order with the index of the comment that owns each. A sorted vector
// rather than a hash map: the same O(n log n) as the sorts around it, and a hash table's code
// would cost the browser build kilobytes.
struct IdEntry {
  IdKey key;
  int64_t node;
};
using IdIndex = std::vector<IdEntry>;

int64_t FindId(const IdIndex& index, std::string_view id) {
  const IdKey key = KeyOfId(id);
  auto found = std::lower_bound(
      index.begin(), index.end(), key,
      [](const IdEntry& entry, const IdKey& wanted) { return KeyLess(entry.key, wanted); });
  return found != index.end() && found->key.head == key.head && hot::Equal(found->key.id, id)
             ? found->node
             : -1;
}

// Points every node at its parent's index, or -1; marks orphans.
void LinkParents(std::vector<Node>* nodes, const IdIndex& index) {
  for (Node& node : *nodes) {
    const std::string_view parent = node.comment->parent;
    if (parent.empty() || hot::Equal(parent, node.comment->id)) continue;  // top-level, or a self-reply
    node.parent = FindId(index, parent);
    node.orphan = node.parent == -1;
  }
}

// Walks each parent chain once; a chain that meets itself is a cycle, broken by making its
// earliest member (in input order) top-level. Linear: every node is walked over once.
size_t BreakCycles(std::vector<Node>* nodes) {
  enum : char { kUnseen, kOnPath, kDone };
  std::vector<char> state(nodes->size(), kUnseen);
  std::vector<int64_t> path;
  size_t broken = 0;
  for (size_t start = 0; start < nodes->size(); ++start) {
    path.clear();
    int64_t at = static_cast<int64_t>(start);
    while (at != -1 && state[static_cast<size_t>(at)] == kUnseen) {
      state[static_cast<size_t>(at)] = kOnPath;
      path.push_back(at);
      at = (*nodes)[static_cast<size_t>(at)].parent;
    }
    if (at != -1 && state[static_cast<size_t>(at)] == kOnPath) {
      // `at` is on the current path: the members are the path from `at` to its end.
      auto first = std::find(path.begin(), path.end(), at);
      const int64_t earliest = *std::min_element(first, path.end());
      (*nodes)[static_cast<size_t>(earliest)].parent = -1;
      ++broken;
    }
    for (int64_t member : path) state[static_cast<size_t>(member)] = kDone;
  }
  return broken;
}

}  // namespace

double WilsonLowerBound(int64_t upvotes, int64_t downvotes) {
  const double n = static_cast<double>(upvotes) + static_cast<double>(downvotes);
  if (n <= 0) return 0;
  constexpr double z = 1.959963984540054;  // the 97.5th percentile of the normal distribution
  const double p = static_cast<double>(upvotes) / n;
  const double z2 = z * z;
  const double centre = p + z2 / (2 * n);
  const double spread = z * std::sqrt((p * (1 - p) + z2 / (4 * n)) / n);
  return (centre - spread) / (1 + z2 / n);
}

Thread BuildThread(const std::vector<Comment>& comments, const ThreadOptions& options) {
  Thread thread;
  // Sort the input positions by id (stably, so then by position): the first comment of each
  // id is the first of its run, and wins; later duplicates are dropped.
  std::vector<IdKey> keys;
  keys.reserve(comments.size());
  for (const Comment& comment : comments) keys.push_back(KeyOfId(comment.id));
  const std::vector<int64_t> by_id = SortedPositions(comments.size(), IdLess, &keys);
  const auto key_at = [&](size_t i) -> const IdKey& { return keys[static_cast<size_t>(by_id[i])]; };
  std::vector<char> is_first(comments.size(), 0);
  for (size_t i = 0; i < by_id.size(); ++i) {
    if (i == 0 || KeyLess(key_at(i - 1), key_at(i))) is_first[static_cast<size_t>(by_id[i])] = 1;
  }
  // Nodes keep input order (replies sort by it on equal times); map positions to node indices.
  std::vector<int64_t> node_of(comments.size(), -1);
  thread.nodes.reserve(comments.size());
  for (size_t i = 0; i < comments.size(); ++i) {
    if (!is_first[i]) {
      ++thread.duplicates_dropped;
      continue;
    }
    node_of[i] = static_cast<int64_t>(thread.nodes.size());
    Node node;
    node.comment = &comments[i];
    thread.nodes.push_back(std::move(node));
  }
  IdIndex index;
  index.reserve(thread.nodes.size());
  for (const int64_t position : by_id) {
    const auto at = static_cast<size_t>(position);
    if (is_first[at]) index.push_back({keys[at], node_of[at]});
  }
  LinkParents(&thread.nodes, index);
  thread.cycles_broken = BreakCycles(&thread.nodes);

  // Each node's children in input order, as one flat list cut by offsets: a vector per node
  // would cost an allocation per comment with replies.
  const size_t count = thread.nodes.size();
  std::vector<size_t> child_start(count + 1, 0);
  for (const Node& node : thread.nodes) {
    if (node.parent != -1) ++child_start[static_cast<size_t>(node.parent) + 1];
  }
  for (size_t i = 0; i < count; ++i) child_start[i + 1] += child_start[i];
  std::vector<int64_t> child_list(child_start[count]);
  {
    std::vector<size_t> fill(child_start.begin(), child_start.end() - 1);
    for (size_t i = 0; i < count; ++i) {
      const int64_t parent = thread.nodes[i].parent;
      if (parent != -1) child_list[fill[static_cast<size_t>(parent)]++] = static_cast<int64_t>(i);
    }
  }
  auto children_begin = [&](int64_t node) {
    return child_list.begin() + static_cast<std::ptrdiff_t>(child_start[static_cast<size_t>(node)]);
  };
  auto children_end = [&](int64_t node) {
    return child_list.begin() + static_cast<std::ptrdiff_t>(child_start[static_cast<size_t>(node) + 1]);
  };

  // Breadth-first order from the roots: every parent comes before its replies, so walking it
  // backwards settles each subtree before its parent, without recursion.
  std::vector<int64_t> order;
  order.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    if (thread.nodes[i].parent == -1) order.push_back(static_cast<int64_t>(i));
  }
  for (size_t head = 0; head < order.size(); ++head) {
    order.insert(order.end(), children_begin(order[head]), children_end(order[head]));
  }

  std::vector<char> kept(thread.nodes.size(), 0);
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    Node& node = thread.nodes[static_cast<size_t>(*it)];
    const bool visible = ViewerMaySee(*node.comment, options.viewer);
    node.replies.reserve(static_cast<size_t>(children_end(*it) - children_begin(*it)));
    for (auto child_at = children_begin(*it); child_at != children_end(*it); ++child_at) {
      const int64_t child = *child_at;
      if (!kept[static_cast<size_t>(child)]) continue;
      node.replies.push_back(child);
      node.shown_in_branch += thread.nodes[static_cast<size_t>(child)].shown_in_branch;
    }
    if (visible) {
      node.presence = Presence::kShown;
      node.shown_in_branch += 1;
      kept[static_cast<size_t>(*it)] = 1;
    } else if (node.shown_in_branch > 0) {
      node.presence = Presence::kPlaceholder;
      kept[static_cast<size_t>(*it)] = 1;
    }
    StableSortIndices(&node.replies, RepliedEarlier, &thread.nodes);
  }

  for (int64_t root : order) {
    const Node& node = thread.nodes[static_cast<size_t>(root)];
    if (node.parent != -1) break;  // the roots lead the breadth-first order
    if (!kept[static_cast<size_t>(root)]) continue;
    thread.top_level.push_back(root);
    thread.shown_count += node.shown_in_branch;
  }
  return thread;
}

}  // namespace parley::thread
