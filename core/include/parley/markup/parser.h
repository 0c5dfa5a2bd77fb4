#pragma once

#include <cstddef>
#include <string_view>

#include "parley/markup/events.h"

// Comment markup: a CommonMark subset. Every input is valid markup, so parsing cannot fail:
// whatever is not markup is text. The parser runs in time linear in the input, keeps no
// recursion on the native stack proportional to it, and caps container nesting (deeper
// markers are read as text).
namespace parley::markup {

// Container nesting (block quotes and list items together) beyond which markers are text.
inline constexpr size_t kMaxNesting = 32;

// Parses `source` (any bytes: it is first made valid UTF-8, NUL and other forbidden controls
// become U+FFFD, CRLF and CR become LF) and reports its structure to `sink`, from
// EnterBlock(kDocument) to LeaveBlock(kDocument).
void Parse(std::string_view source, EventSink& sink);

}  // namespace parley::markup
