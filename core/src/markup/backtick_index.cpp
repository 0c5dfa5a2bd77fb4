#include "backtick_index.h"

namespace parley::markup {

void BacktickIndex::Build(std::string_view text, size_t from) {
  built_ = true;
  // First pass: the strings, as (start, length).
  std::vector<uint32_t> runs;
  size_t longest = 0;
  for (size_t i = from; i < text.size();) {
    if (text[i] != '`') {
      ++i;
      continue;
    }
    size_t length = 1;
    while (i + length < text.size() && text[i + length] == '`') ++length;
    runs.push_back(static_cast<uint32_t>(i));
    runs.push_back(static_cast<uint32_t>(length));
    if (length > longest) longest = length;
    i += length;
  }
  // Counting sort by length keeps each group in text order.
  groups_.assign(longest + 2, 0);
  for (size_t r = 0; r < runs.size(); r += 2) ++groups_[runs[r + 1] + 1];
  for (size_t length = 1; length < groups_.size(); ++length) groups_[length] += groups_[length - 1];
  cursors_.assign(groups_.begin(), groups_.end() - 1);
  starts_.resize(runs.size() / 2);
  std::vector<uint32_t> fill(cursors_);
  for (size_t r = 0; r < runs.size(); r += 2) starts_[fill[runs[r + 1]]++] = runs[r];
}

size_t BacktickIndex::FindAfter(size_t length, size_t pos) {
  if (length + 1 >= groups_.size()) return kNotFound;
  uint32_t& cursor = cursors_[length];
  const uint32_t end = groups_[length + 1];
  while (cursor < end && starts_[cursor] < pos) ++cursor;
  return cursor < end ? starts_[cursor] : kNotFound;
}

}  // namespace parley::markup
