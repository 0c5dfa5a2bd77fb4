#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// Sign-in from the publisher's own accounts: the publisher's backend signs a JWT (RFC 7519)
// with HS256 and a secret it shares with this server; the widget passes it on. Only HS256 is
// accepted, whatever the header claims, so "alg": "none" and algorithm-confusion tricks fail.
namespace parley::identity {

// The claims Parley reads from a verified token.
struct SignInClaims {
  std::string subject;              // `sub`: the publisher's stable account id
  std::string name;                 // `name`: the display name
  std::string email;                // `email`: optional, never shown
  std::vector<std::string> badges;  // `badges`: any of "staff", "moderator", "verified"
  int64_t expires = 0;              // `exp`: seconds since the epoch
};

// Why a token was refused. Each maps to 401 with its own message.
enum class SignInError {
  kNone,
  kMalformed,
  kWrongAlgorithm,
  kBadSignature,
  kExpired,
  kNotYetValid,
  kMissingClaims
};

// The outcome of VerifySignInToken: claims when `error` is kNone.
struct SignInResult {
  SignInClaims claims;
  SignInError error = SignInError::kNone;
  bool ok() const { return error == SignInError::kNone; }
};

// Verifies `token` against `secret` at time `now` (seconds since the epoch), allowing
// `leeway_seconds` of clock skew on `exp` and `nbf`. The signature is checked before the
// payload is parsed, and compared in constant time.
SignInResult VerifySignInToken(std::string_view token, std::string_view secret, int64_t now,
                               int64_t leeway_seconds);

// A human-readable reason for `error`, for the API's error message.
std::string_view SignInErrorMessage(SignInError error);

// Makes an HS256 token from a JSON payload; used by tests and by publishers' examples.
std::string SignHs256(std::string_view payload_json, std::string_view secret);

}  // namespace parley::identity
