#pragma once

#include <string>
#include <string_view>

// An independent check of what the markup renderer may write, for the fuzz target: a strict
// tokenizer of the renderer's output format (it accepts exactly the shapes the renderer
// writes, so anything unexpected is reported rather than guessed at) that enforces the
// element, attribute and URL-scheme allowlist of docs/MARKUP.md.
namespace parley::markup::testing {

// Returns an empty string when `html` keeps to the allowlist, else what breaks it.
std::string AllowlistViolation(std::string_view html);

}  // namespace parley::markup::testing
