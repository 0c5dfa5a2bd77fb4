#include "identity/crypto.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace parley::identity {

namespace {

constexpr std::string_view kBase64UrlAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr std::string_view kCrockfordAlphabet = "0123456789abcdefghjkmnpqrstvwxyz";

int Base64UrlValue(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-') return 62;
  if (c == '_') return 63;
  return -1;
}

}  // namespace

std::string HmacSha256(std::string_view key, std::string_view message) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  const unsigned char* result = HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
                                     reinterpret_cast<const unsigned char*>(message.data()),
                                     message.size(), digest.data(), &length);
  if (result == nullptr) {
    std::fputs("parley: HMAC-SHA256 failed\n", stderr);
    std::abort();
  }
  return std::string(reinterpret_cast<const char*>(digest.data()), length);
}

std::string Sha256(std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1) {
    std::fputs("parley: SHA-256 failed\n", stderr);
    std::abort();
  }
  return std::string(reinterpret_cast<const char*>(digest.data()), length);
}

std::string RandomBytes(size_t count) {
  std::string bytes(count, '\0');
  if (count > 0 &&
      RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(count)) != 1) {
    std::fputs("parley: the secure random source failed\n", stderr);
    std::abort();
  }
  return bytes;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  // The length of a token is not secret (it is fixed by the format), so an early return on a
  // length mismatch leaks nothing; the bytes are compared without data-dependent branches.
  if (a.size() != b.size()) return false;
  return a.empty() || CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string Base64UrlEncode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() * 4 + 2) / 3);
  size_t i = 0;
  auto byte = [&](size_t index) { return static_cast<unsigned char>(bytes[index]); };
  for (; i + 3 <= bytes.size(); i += 3) {
    uint32_t chunk = (uint32_t{byte(i)} << 16) | (uint32_t{byte(i + 1)} << 8) | byte(i + 2);
    out += kBase64UrlAlphabet[(chunk >> 18) & 63];
    out += kBase64UrlAlphabet[(chunk >> 12) & 63];
    out += kBase64UrlAlphabet[(chunk >> 6) & 63];
    out += kBase64UrlAlphabet[chunk & 63];
  }
  size_t rest = bytes.size() - i;
  if (rest == 1) {
    uint32_t chunk = uint32_t{byte(i)} << 16;
    out += kBase64UrlAlphabet[(chunk >> 18) & 63];
    out += kBase64UrlAlphabet[(chunk >> 12) & 63];
  } else if (rest == 2) {
    uint32_t chunk = (uint32_t{byte(i)} << 16) | (uint32_t{byte(i + 1)} << 8);
    out += kBase64UrlAlphabet[(chunk >> 18) & 63];
    out += kBase64UrlAlphabet[(chunk >> 12) & 63];
    out += kBase64UrlAlphabet[(chunk >> 6) & 63];
  }
  return out;
}

std::optional<std::string> Base64UrlDecode(std::string_view text) {
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  out.reserve(text.size() * 3 / 4);
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    int value = Base64UrlValue(c);
    if (value < 0) return std::nullopt;
    buffer = (buffer << 6) | static_cast<uint32_t>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  // Leftover bits must be zero, so every byte string has exactly one encoding (no malleable
  // signatures).
  if ((buffer & ((1u << bits) - 1)) != 0) return std::nullopt;
  return out;
}

std::string Hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (char c : bytes) {
    auto value = static_cast<unsigned char>(c);
    out += kDigits[value >> 4];
    out += kDigits[value & 15];
  }
  return out;
}

std::string RandomId(size_t length) {
  // One random byte per character, of which 5 bits are used: simple and unbiased (256 is a
  // multiple of 32).
  std::string random = RandomBytes(length);
  std::string id;
  id.reserve(length);
  for (char c : random) id += kCrockfordAlphabet[static_cast<unsigned char>(c) & 31];
  return id;
}

}  // namespace parley::identity
