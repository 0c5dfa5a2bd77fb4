#pragma once

#include <optional>
#include <string>
#include <string_view>

// The per-browser author token: how a guest stays one identity across comments without an
// account. The server issues it; the widget keeps it (localStorage) and sends it back in the
// `X-Parley-Author` header. It is stateless: the identity id plus an HMAC of it under the
// server's secret, so a token cannot be forged or altered and needs no lookup to verify.
namespace parley::identity {

// Issues a token for a new guest identity. `secret` is the server's token secret.
struct IssuedAuthor {
  std::string identity_id;  // "g" + 16 base32 characters: the public, opaque author id
  std::string token;        // what the browser keeps: "pa1.<identity id>.<mac>"
};
IssuedAuthor IssueAuthorToken(std::string_view secret);

// The token for an existing guest identity (used by tests and by import).
std::string AuthorTokenFor(std::string_view identity_id, std::string_view secret);

// The identity id a valid token names, or nullopt when the token is malformed or forged.
std::optional<std::string> VerifyAuthorToken(std::string_view token, std::string_view secret);

// The opaque identity id of a publisher's signed-in account: "u" + 16 base32 characters of an
// HMAC of `subject`, so readers cannot recover the publisher's account id from it.
std::string SignedInIdentityId(std::string_view subject, std::string_view secret);

}  // namespace parley::identity
