#pragma once

#include <cstddef>
#include <string_view>

#include "parley/policy/term_matcher.h"

// The built-in word lists (generated into word_lists.cpp by generate_word_lists.mjs).
namespace parley::policy::internal {

// One list: its language, what its terms do, and the terms, one a line.
struct BuiltInList {
  std::string_view language;
  TermKind kind;
  std::string_view terms;
};

extern const BuiltInList kBuiltInLists[];
extern const size_t kBuiltInListCount;

}  // namespace parley::policy::internal
