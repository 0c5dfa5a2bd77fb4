#pragma once

#include <string>
#include <string_view>

namespace parley::identity {

// How an IP address is stored and matched: never in the clear, only as a keyed hash (HMAC-
// SHA256 under a per-installation salt, 128 bits in hex). Equal addresses give equal hashes,
// so bans and rate limits work; the addresses cannot be recovered from a stolen database
// without the salt, and the salt lives only in this installation's settings.
std::string HashIpAddress(std::string_view salt, std::string_view ip);

}  // namespace parley::identity
