#include "moderation/password_hash.h"

#include <openssl/evp.h>

#include <cstdint>
#include <optional>
#include <vector>

#include "identity/crypto.h"

namespace parley::moderation {

namespace {

// N = 2^15, r = 8, p = 1: 32 MiB and about 0.1 s per hash on a server core, OWASP's
// recommended minimum for scrypt; a login costs that once, a guesser every time.
constexpr uint64_t kCostN = uint64_t{1} << 15;
constexpr uint64_t kBlockR = 8;
constexpr uint64_t kParallelP = 1;
constexpr size_t kSaltBytes = 16;
constexpr size_t kHashBytes = 32;
// OpenSSL refuses parameters needing more memory than this (128 * N * r * p plus slack).
constexpr uint64_t kMaxMemory = uint64_t{256} * 1024 * 1024;

std::optional<std::string> Scrypt(std::string_view password, std::string_view salt, uint64_t n,
                                  uint64_t r, uint64_t p, size_t length) {
  std::string out(length, '\0');
  int ok = EVP_PBE_scrypt(password.data(), password.size(),
                          reinterpret_cast<const unsigned char*>(salt.data()), salt.size(), n, r,
                          p, kMaxMemory, reinterpret_cast<unsigned char*>(out.data()), out.size());
  if (ok != 1) return std::nullopt;
  return out;
}

std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (;;) {
    size_t at = text.find(separator, start);
    parts.push_back(text.substr(start, at == std::string_view::npos ? text.npos : at - start));
    if (at == std::string_view::npos) return parts;
    start = at + 1;
  }
}

std::optional<uint64_t> ParseNumber(std::string_view text) {
  if (text.empty() || text.size() > 12) return std::nullopt;
  uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<uint64_t>(c - '0');
  }
  return value;
}

}  // namespace

std::string HashPassword(std::string_view password) {
  std::string salt = identity::RandomBytes(kSaltBytes);
  std::optional<std::string> hash =
      Scrypt(password, salt, kCostN, kBlockR, kParallelP, kHashBytes);
  // Fixed, valid parameters: failure means OpenSSL itself is broken.
  if (!hash) std::abort();
  return "scrypt$" + std::to_string(kCostN) + "$" + std::to_string(kBlockR) + "$" +
         std::to_string(kParallelP) + "$" + identity::Base64UrlEncode(salt) + "$" +
         identity::Base64UrlEncode(*hash);
}

bool VerifyPassword(std::string_view password, std::string_view stored) {
  std::vector<std::string_view> parts = Split(stored, '$');
  if (parts.size() != 6 || parts[0] != "scrypt") return false;
  std::optional<uint64_t> n = ParseNumber(parts[1]);
  std::optional<uint64_t> r = ParseNumber(parts[2]);
  std::optional<uint64_t> p = ParseNumber(parts[3]);
  std::optional<std::string> salt = identity::Base64UrlDecode(parts[4]);
  std::optional<std::string> expected = identity::Base64UrlDecode(parts[5]);
  if (!n || !r || !p || !salt || !expected || expected->empty() || expected->size() > 64) {
    return false;
  }
  std::optional<std::string> actual = Scrypt(password, *salt, *n, *r, *p, expected->size());
  return actual && identity::ConstantTimeEquals(*actual, *expected);
}

}  // namespace parley::moderation
