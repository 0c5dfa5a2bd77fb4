#include "api/request_identity.h"

#include <algorithm>

#include "identity/author_token.h"
#include "identity/guest_fields.h"
#include "identity/signin_token.h"

namespace parley::api {

namespace {

constexpr std::string_view kBearer = "Bearer ";

IdentityResult Refuse(IdentityNeed need, std::string_view code, std::string_view message) {
  IdentityResult result;
  // A reader's page must keep working with a stale token: reads just ignore it.
  if (need != IdentityNeed::kOptional) result.error = ErrorResponse(401, code, message);
  return result;
}

IdentityResult FromSignInToken(std::string_view token, const ApiContext& context,
                               IdentityNeed need) {
  if (context.config->sign_in_secret.empty()) {
    return Refuse(need, "sign_in_disabled", "Sign-in is not configured on this server.");
  }
  identity::SignInResult verified =
      identity::VerifySignInToken(token, context.config->sign_in_secret, context.clock->Now(),
                                  context.config->sign_in_leeway_seconds);
  if (!verified.ok()) {
    bool expired = verified.error == identity::SignInError::kExpired;
    return Refuse(need, expired ? "token_expired" : "invalid_token",
                  identity::SignInErrorMessage(verified.error));
  }
  identity::Identity author;
  author.kind = identity::IdentityKind::kSignedIn;
  author.id = identity::SignedInIdentityId(verified.claims.subject, context.token_secret);
  // A name the publisher sends is still a display name: same normalisation as guests'. An
  // unusable one is left empty and the comment's author.name is used instead.
  identity::FieldResult name = identity::NormalizeDisplayName(verified.claims.name);
  if (name.ok()) author.name = name.value;
  identity::FieldResult email = identity::NormalizeEmail(verified.claims.email);
  if (email.ok()) author.email = email.value;
  author.badges.push_back("verified");
  for (const std::string& badge : verified.claims.badges) {
    if (std::find(author.badges.begin(), author.badges.end(), badge) == author.badges.end()) {
      author.badges.push_back(badge);
    }
  }
  return IdentityResult{author, std::nullopt};
}

}  // namespace

IdentityResult ResolveIdentity(const ApiRequest& request, const ApiContext& context,
                               IdentityNeed need) {
  std::string authorization = request.Header("Authorization");
  if (!authorization.empty()) {
    if (authorization.compare(0, kBearer.size(), kBearer) != 0) {
      return Refuse(need, "invalid_token",
                    "Send the sign-in token as 'Authorization: Bearer <token>'.");
    }
    return FromSignInToken(std::string_view(authorization).substr(kBearer.size()), context, need);
  }
  std::string author_token = request.Header("X-Parley-Author");
  if (!author_token.empty()) {
    std::optional<std::string> id = identity::VerifyAuthorToken(author_token, context.token_secret);
    if (!id) {
      return Refuse(need, "invalid_author_token",
                    "The author token is not valid here; discard it and try again.");
    }
    identity::Identity guest;
    guest.id = *id;
    return IdentityResult{guest, std::nullopt};
  }
  if (need != IdentityNeed::kIssueGuest) return IdentityResult{};
  identity::IssuedAuthor issued = identity::IssueAuthorToken(context.token_secret);
  identity::Identity guest;
  guest.id = issued.identity_id;
  guest.issued_token = issued.token;
  return IdentityResult{guest, std::nullopt};
}

}  // namespace parley::api
