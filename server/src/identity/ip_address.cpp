#include "identity/ip_address.h"

#include "identity/crypto.h"

namespace parley::identity {

std::string HashIpAddress(std::string_view salt, std::string_view ip) {
  // "::ffff:192.0.2.1" and "192.0.2.1" are one client on a dual-stack socket.
  constexpr std::string_view kMappedPrefix = "::ffff:";
  if (ip.substr(0, kMappedPrefix.size()) == kMappedPrefix &&
      ip.find('.') != std::string_view::npos) {
    ip.remove_prefix(kMappedPrefix.size());
  }
  return Hex(HmacSha256(salt, ip).substr(0, 16));
}

}  // namespace parley::identity
