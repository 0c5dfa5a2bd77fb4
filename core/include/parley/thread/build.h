#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "parley/thread/comment.h"
#include "parley/thread/options.h"

namespace parley::thread {

// Why a comment is shown the way it is.
enum class Presence {
  kShown,        // the reader sees it
  kPlaceholder,  // deleted or hidden, but kept because replies the reader sees hang under it
};

// One comment in the built tree. Indices point into Thread::nodes.
struct Node {
  const Comment* comment = nullptr;
  int64_t parent = -1;        // -1 for a top-level comment
  bool orphan = false;        // it replied to a comment that is not in the thread
  Presence presence = Presence::kShown;
  std::vector<int64_t> replies;  // oldest first
  int64_t shown_in_branch = 0;   // comments shown in this node's subtree, itself included
};

// A discussion ready to render: top-level comments in the requested order, replies oldest
// first, every node reachable exactly once from `top_level`.
struct Thread {
  std::vector<Node> nodes;
  std::vector<int64_t> top_level;
  int64_t shown_count = 0;      // comments the reader sees (placeholders excluded)
  size_t duplicates_dropped = 0;
  size_t cycles_broken = 0;
};

// Builds the tree from a flat list in O(n log n), robust to bad data: the first of several
// comments with one id wins; a reply to a missing comment becomes top-level and is marked an
// orphan; self-replies and cycles are broken (the earliest comment of a cycle becomes
// top-level); deleted comments and comments the viewer may not see are dropped, or kept as
// placeholders where shown replies hang under them. `comments` must outlive the Thread.
Thread BuildThread(const std::vector<Comment>& comments, const ThreadOptions& options);

// The Wilson score lower bound (95%) of the comment's up and down votes: "best" ranks by it.
double WilsonLowerBound(int64_t upvotes, int64_t downvotes);

}  // namespace parley::thread
