#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

// The few cryptographic primitives the server needs, all from OpenSSL: keyed hashes for tokens
// and IP addresses, a secure random source for ids and secrets, and the encodings tokens use.
namespace parley::identity {

// HMAC-SHA256 of `message` under `key`: 32 raw bytes.
std::string HmacSha256(std::string_view key, std::string_view message);

// SHA-256 of `data`: 32 raw bytes.
std::string Sha256(std::string_view data);

// `count` bytes from the operating system's secure random source (aborts if it fails: the
// server must never issue predictable ids or tokens).
std::string RandomBytes(size_t count);

// Compares secrets in time independent of where they differ, so an attacker timing failed
// token checks learns nothing about the expected value.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

// Base64url without padding (RFC 4648 section 5), the encoding JWTs and our tokens use.
std::string Base64UrlEncode(std::string_view bytes);

// Decodes base64url with or without padding; nullopt for any other character or a bad length.
std::optional<std::string> Base64UrlDecode(std::string_view text);

// Lower-case hexadecimal.
std::string Hex(std::string_view bytes);

// A random id of `length` characters from the lower-case Crockford base32 alphabet (no i, l,
// o, u), 5 bits each: short, URL-safe, case-insensitive and unambiguous when read aloud.
std::string RandomId(size_t length);

}  // namespace parley::identity
