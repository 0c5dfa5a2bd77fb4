#pragma once

#include <string>
#include <vector>

namespace parley::identity {

// How the author of a request is known.
enum class IdentityKind {
  kGuest,     // a browser holding a server-issued author token
  kSignedIn,  // a publisher's account, from a verified HS256 sign-in token
};

// The author of a request, resolved from its headers. Handlers see only this.
struct Identity {
  std::string id;  // opaque, public: "g..." for guests, "u..." for signed-in accounts
  IdentityKind kind = IdentityKind::kGuest;
  std::string name;                 // signed-in accounts: from the token; guests: per comment
  std::string email;                // signed-in accounts: from the token (never shown)
  std::vector<std::string> badges;  // signed-in accounts: "verified" plus the token's badges
  std::string issued_token;         // set when this request created the guest identity
};

// True for accounts whose comments skip pre-moderation holds (not policy checks).
bool IsTrusted(const Identity& identity);

}  // namespace parley::identity
