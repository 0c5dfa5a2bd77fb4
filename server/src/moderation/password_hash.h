#pragma once

#include <string>
#include <string_view>

// Moderators' passwords, kept only as scrypt hashes (OpenSSL's EVP_PBE_scrypt): memory-hard,
// so a stolen database cannot be guessed through at GPU speed.
namespace parley::moderation {

// The shortest password `parley moderator add` accepts, in characters.
inline constexpr size_t kMinPasswordCharacters = 10;

// Hashes `password` with a fresh random 16-byte salt. The result carries its parameters, so
// they can be raised later without breaking stored hashes:
// "scrypt$N$r$p$<salt base64url>$<hash base64url>".
std::string HashPassword(std::string_view password);

// True when `password` matches `stored` (a HashPassword result); the comparison takes the
// same time wherever the hashes differ. False for a malformed `stored`.
bool VerifyPassword(std::string_view password, std::string_view stored);

}  // namespace parley::moderation
