#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "parley/thread/build.h"
#include "parley/thread/options.h"

namespace parley::thread {

// Orders the thread's top-level comments: pinned first, then by `sort` (oldest, newest, or best
// by Wilson lower bound with newest first among equals). Ties end on the id, so the order is
// total and the same in every build.
void SortTopLevel(Thread* thread, Sort sort);

// The top-level comments of one page, and how to ask for the next.
struct Page {
  std::vector<int64_t> top_level;
  int64_t first_position = 0;  // the first comment's 0-based place among all top-level ones
  std::string next_cursor;  // empty on the last page
  int64_t next_page = 0;    // the next page number when paging by number, else 0
};

// Selects the page `options` asks for from a sorted thread: by `cursor` (stable while
// comments arrive: it names a position in the order, not an offset), by `page` number, or the
// whole thread. A cursor that cannot be read, or that belongs to another sort, is an error.
Page SelectPage(const Thread& thread, const ThreadOptions& options, std::string* error);

}  // namespace parley::thread
