#pragma once

#include <string_view>

namespace parley {

// The core's semantic version. The server and the WebAssembly module both report it, so a
// page can tell which core produced what, and tests can prove both builds are the same core.
std::string_view Version();

}  // namespace parley
