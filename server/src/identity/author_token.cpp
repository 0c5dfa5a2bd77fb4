#include "identity/author_token.h"

#include "identity/crypto.h"

namespace parley::identity {

namespace {

constexpr std::string_view kPrefix = "pa1.";
constexpr size_t kIdLength = 16;
// 16 bytes of the HMAC (128 bits) is far beyond what online guessing can reach.
constexpr size_t kMacBytes = 16;

std::string Mac(std::string_view identity_id, std::string_view secret) {
  // Domain separation: the same secret also derives signed-in ids; the label keeps the two
  // uses from ever producing interchangeable values.
  std::string mac = HmacSha256(secret, "parley-author-token\n" + std::string(identity_id));
  return Base64UrlEncode(std::string_view(mac).substr(0, kMacBytes));
}

bool IsIdentityId(std::string_view id) {
  if (id.size() != kIdLength + 1 || id[0] != 'g') return false;
  for (char c : id.substr(1)) {
    bool digit = c >= '0' && c <= '9';
    bool letter = c >= 'a' && c <= 'z';
    if (!digit && !letter) return false;
  }
  return true;
}

}  // namespace

IssuedAuthor IssueAuthorToken(std::string_view secret) {
  IssuedAuthor issued;
  issued.identity_id = "g" + RandomId(kIdLength);
  issued.token = AuthorTokenFor(issued.identity_id, secret);
  return issued;
}

std::string AuthorTokenFor(std::string_view identity_id, std::string_view secret) {
  return std::string(kPrefix) + std::string(identity_id) + "." + Mac(identity_id, secret);
}

std::optional<std::string> VerifyAuthorToken(std::string_view token, std::string_view secret) {
  if (token.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  token.remove_prefix(kPrefix.size());
  size_t dot = token.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  std::string_view id = token.substr(0, dot);
  if (!IsIdentityId(id)) return std::nullopt;
  if (!ConstantTimeEquals(token.substr(dot + 1), Mac(id, secret))) return std::nullopt;
  return std::string(id);
}

std::string SignedInIdentityId(std::string_view subject, std::string_view secret) {
  static constexpr std::string_view kAlphabet = "0123456789abcdefghjkmnpqrstvwxyz";
  std::string mac = HmacSha256(secret, "parley-signed-in-id\n" + std::string(subject));
  std::string id = "u";
  for (size_t i = 0; i < kIdLength; ++i) id += kAlphabet[static_cast<unsigned char>(mac[i]) & 31];
  return id;
}

}  // namespace parley::identity
