#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace parley::markup {

// Every backtick string (maximal run of '`') of a paragraph, grouped by length, so the closer
// of a code span is found without rescanning: one cursor per length only moves forward, as the
// openers are met left to right. Building it is one pass; all lookups together are linear.
class BacktickIndex {
 public:
  static constexpr size_t kNotFound = static_cast<size_t>(-1);

  // True once Build ran.
  bool built() const { return built_; }

  // Indexes the backtick strings of text[from, end).
  void Build(std::string_view text, size_t from);

  // The start of the first backtick string of exactly `length` at or after `pos`.
  size_t FindAfter(size_t length, size_t pos);

 private:
  bool built_ = false;
  std::vector<uint32_t> starts_;   // string starts, grouped by length, ascending in each group
  std::vector<uint32_t> groups_;   // group of length L is starts_[groups_[L], groups_[L + 1])
  std::vector<uint32_t> cursors_;  // per length: the next candidate in starts_
};

}  // namespace parley::markup
