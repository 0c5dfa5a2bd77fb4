#include <gtest/gtest.h>

#include "identity/author_token.h"
#include "identity/crypto.h"
#include "identity/guest_fields.h"
#include "identity/ip_address.h"
#include "identity/signin_token.h"

namespace parley::identity {
namespace {

constexpr std::string_view kSecret = "publisher-shared-secret";
constexpr int64_t kNow = 1800000000;

std::string Token(const std::string& payload, std::string_view secret = kSecret) {
  return SignHs256(payload, secret);
}

TEST(Crypto, HmacSha256MatchesRfc4231) {
  // RFC 4231, test case 2.
  EXPECT_EQ(Hex(HmacSha256("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(Crypto, Base64UrlRoundTripsAndRejectsOtherAlphabets) {
  for (std::string bytes : {std::string(""), std::string("f"), std::string("fo"),
                            std::string("foo"), std::string("\xff\xfe\x00\x01", 4)}) {
    std::string encoded = Base64UrlEncode(bytes);
    EXPECT_EQ(encoded.find('='), std::string::npos);
    EXPECT_EQ(Base64UrlDecode(encoded), bytes);
  }
  EXPECT_EQ(Base64UrlEncode("\xfb\xff"), "-_8");
  EXPECT_FALSE(Base64UrlDecode("+/8").has_value());
  EXPECT_FALSE(Base64UrlDecode("a").has_value());
  EXPECT_FALSE(Base64UrlDecode("-_9").has_value());  // non-zero padding bits
}

TEST(Crypto, ConstantTimeEqualsComparesWholeValues) {
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "ab"));
  EXPECT_TRUE(ConstantTimeEquals("", ""));
}

TEST(Crypto, RandomIdsUseTheUnambiguousAlphabet) {
  std::string id = RandomId(200);
  EXPECT_EQ(id.size(), 200u);
  EXPECT_EQ(id.find_first_not_of("0123456789abcdefghjkmnpqrstvwxyz"), std::string::npos);
  EXPECT_NE(RandomId(10), RandomId(10));
}

TEST(SignInToken, AcceptsAValidToken) {
  SignInResult result = VerifySignInToken(
      Token(R"({"sub":"42","name":"Nare Ohanian","email":"nare@example.com","exp":1800000600,)"
            R"("badges":["staff","admin"]})"),
      kSecret, kNow, 60);
  ASSERT_TRUE(result.ok()) << SignInErrorMessage(result.error);
  EXPECT_EQ(result.claims.subject, "42");
  EXPECT_EQ(result.claims.name, "Nare Ohanian");
  EXPECT_EQ(result.claims.email, "nare@example.com");
  EXPECT_EQ(result.claims.badges, (std::vector<std::string>{"staff"}));  // unknown badge dropped
}

TEST(SignInToken, RefusesExpiredTokensBeyondTheLeeway) {
  std::string token = Token(R"({"sub":"42","exp":1799999950})");
  EXPECT_TRUE(VerifySignInToken(token, kSecret, kNow, 60).ok());
  EXPECT_EQ(VerifySignInToken(token, kSecret, kNow, 10).error, SignInError::kExpired);
}

TEST(SignInToken, RefusesForgedAndAlteredTokens) {
  std::string token = Token(R"({"sub":"42","exp":1800000600})");
  EXPECT_EQ(VerifySignInToken(token, "another secret", kNow, 0).error, SignInError::kBadSignature);
  // Change the payload but keep the signature.
  size_t first = token.find('.');
  size_t second = token.find('.', first + 1);
  std::string altered = token.substr(0, first + 1) +
                        Base64UrlEncode(R"({"sub":"1","exp":1800000600})") + token.substr(second);
  EXPECT_EQ(VerifySignInToken(altered, kSecret, kNow, 0).error, SignInError::kBadSignature);
  std::string truncated = token.substr(0, token.size() - 2);
  EXPECT_FALSE(VerifySignInToken(truncated, kSecret, kNow, 0).ok());
}

TEST(SignInToken, RefusesOtherAlgorithmsIncludingNone) {
  std::string payload = Base64UrlEncode(R"({"sub":"42","exp":1800000600})");
  std::string none = Base64UrlEncode(R"({"alg":"none","typ":"JWT"})") + "." + payload + ".";
  EXPECT_EQ(VerifySignInToken(none, kSecret, kNow, 0).error, SignInError::kWrongAlgorithm);
  std::string rs256 = Base64UrlEncode(R"({"alg":"RS256"})") + "." + payload + ".c2ln";
  EXPECT_EQ(VerifySignInToken(rs256, kSecret, kNow, 0).error, SignInError::kWrongAlgorithm);
}

TEST(SignInToken, RefusesMalformedTokensAndMissingClaims) {
  for (std::string bad : {"", "abc", "a.b", "a.b.c.d", "!!!.???.***", "e30.e30."}) {
    EXPECT_FALSE(VerifySignInToken(bad, kSecret, kNow, 0).ok()) << bad;
  }
  EXPECT_EQ(VerifySignInToken(Token(R"({"exp":1800000600})"), kSecret, kNow, 0).error,
            SignInError::kMissingClaims);
  EXPECT_EQ(VerifySignInToken(Token(R"({"sub":"42"})"), kSecret, kNow, 0).error,
            SignInError::kMissingClaims);
  EXPECT_EQ(VerifySignInToken(Token(R"({"sub":42,"exp":1800000600})"), kSecret, kNow, 0).error,
            SignInError::kMissingClaims);
  EXPECT_EQ(VerifySignInToken(Token(R"([1,2])"), kSecret, kNow, 0).error, SignInError::kMalformed);
  EXPECT_EQ(VerifySignInToken(Token(R"({"sub":"42","exp":1800000600})"), "", kNow, 0).error,
            SignInError::kMalformed);
}

TEST(SignInToken, RespectsNotBefore) {
  std::string token = Token(R"({"sub":"42","exp":1800000600,"nbf":1800000300})");
  EXPECT_EQ(VerifySignInToken(token, kSecret, kNow, 60).error, SignInError::kNotYetValid);
  EXPECT_TRUE(VerifySignInToken(token, kSecret, kNow + 300, 0).ok());
}

TEST(AuthorToken, IssuedTokensVerifyToTheirIdentity) {
  IssuedAuthor issued = IssueAuthorToken("server secret");
  EXPECT_EQ(issued.identity_id.size(), 17u);
  EXPECT_EQ(issued.identity_id[0], 'g');
  EXPECT_EQ(VerifyAuthorToken(issued.token, "server secret"), issued.identity_id);
  EXPECT_NE(IssueAuthorToken("server secret").identity_id, issued.identity_id);
}

TEST(AuthorToken, ForgedOrAlteredTokensAreRefused) {
  IssuedAuthor issued = IssueAuthorToken("server secret");
  EXPECT_FALSE(VerifyAuthorToken(issued.token, "other secret").has_value());
  std::string altered = issued.token;
  altered[5] = altered[5] == 'a' ? 'b' : 'a';  // a character of the identity id
  EXPECT_FALSE(VerifyAuthorToken(altered, "server secret").has_value());
  for (const std::string& bad : std::vector<std::string>{
           "", "pa1.", "pa1.gabc.def", "pa2." + issued.token.substr(4), issued.token + "x"}) {
    EXPECT_FALSE(VerifyAuthorToken(bad, "server secret").has_value()) << bad;
  }
}

TEST(AuthorToken, SignedInIdsAreStableOpaqueAndPerSecret) {
  std::string id = SignedInIdentityId("account-42", "secret");
  EXPECT_EQ(id, SignedInIdentityId("account-42", "secret"));
  EXPECT_EQ(id[0], 'u');
  EXPECT_EQ(id.find("42"), std::string::npos);
  EXPECT_NE(id, SignedInIdentityId("account-43", "secret"));
  EXPECT_NE(id, SignedInIdentityId("account-42", "other"));
}

TEST(IpAddress, HashesAreSaltedStableAndHideTheAddress) {
  std::string hash = HashIpAddress("salt", "192.0.2.7");
  EXPECT_EQ(hash.size(), 32u);
  EXPECT_EQ(hash, HashIpAddress("salt", "192.0.2.7"));
  EXPECT_EQ(hash, HashIpAddress("salt", "::ffff:192.0.2.7"));
  EXPECT_NE(hash, HashIpAddress("pepper", "192.0.2.7"));
  EXPECT_EQ(hash.find("192"), std::string::npos);
}

TEST(GuestFields, NamesAreTrimmedCollapsedAndBounded) {
  EXPECT_EQ(NormalizeDisplayName("  Ann \t\n  Lee  ").value, "Ann Lee");
  EXPECT_EQ(NormalizeDisplayName("N.ohanian").value, "N.ohanian");
  EXPECT_EQ(NormalizeDisplayName("Арман Սարգսյան").value, "Арман Սարգսյան");
  EXPECT_FALSE(NormalizeDisplayName("").ok());
  EXPECT_FALSE(NormalizeDisplayName(" \u00a0\u3000 ").ok());
  EXPECT_TRUE(NormalizeDisplayName(std::string(64, 'x')).ok());
  EXPECT_FALSE(NormalizeDisplayName(std::string(65, 'x')).ok());
  std::string cyrillic;
  for (int i = 0; i < 64; ++i) cyrillic += "ж";  // 64 characters, 128 bytes
  EXPECT_TRUE(NormalizeDisplayName(cyrillic).ok());
}

TEST(GuestFields, NamesLoseDisguisesAndControls) {
  // Right-to-left override would make "Admin" read backwards around the rest of the line.
  EXPECT_EQ(NormalizeDisplayName("\u202eevil\u202c").value, "evil");
  EXPECT_EQ(NormalizeDisplayName("Ad\u200bmin\ufeff").value, "Admin");
  EXPECT_EQ(NormalizeDisplayName(std::string("a\0b", 3)).value, "a\uFFFDb");
  EXPECT_EQ(NormalizeDisplayName("bad \xff byte").value, "bad \uFFFD byte");
  EXPECT_FALSE(NormalizeDisplayName("\u200b\u202e").ok());
  // Markup is not refused here: it is escaped wherever a name is printed.
  EXPECT_EQ(NormalizeDisplayName("<script>alert(1)</script>").value, "<script>alert(1)</script>");
  // Emoji sequences keep their joiners.
  EXPECT_EQ(NormalizeDisplayName("👩\u200d💻").value, "👩\u200d💻");
}

TEST(GuestFields, EmailsAreOptionalCheckedAndLowerCased) {
  EXPECT_EQ(NormalizeEmail("").value, "");
  EXPECT_TRUE(NormalizeEmail("").ok());
  EXPECT_EQ(NormalizeEmail("  Reader@Example.COM ").value, "reader@example.com");
  for (const std::string& bad :
       std::vector<std::string>{"reader", "@example.com", "reader@", "a@b@c.d", "a b@c.d",
                                "a@nodot", "a@b.", std::string(250, 'a') + "@b.cd"}) {
    EXPECT_FALSE(NormalizeEmail(bad).ok()) << bad;
  }
}

TEST(GuestFields, WebsitesMustBeHttpOrHttps) {
  EXPECT_EQ(NormalizeWebsite("").value, "");
  EXPECT_EQ(NormalizeWebsite("https://example.com/x?y#z").value, "https://example.com/x?y#z");
  EXPECT_EQ(NormalizeWebsite("HTTP://Example.com").value, "http://Example.com");
  EXPECT_EQ(NormalizeWebsite("example.com/me").value, "https://example.com/me");
  for (const std::string& bad : std::vector<std::string>{
           "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "ftp://example.com",
           "https://", "https:///path", "https://exa mple.com", "https://user@evil.example",
           "https://\"onmouseover=x", "vbscript:x", "//example.com",
           std::string("https://a\x01.com")}) {
    EXPECT_FALSE(NormalizeWebsite(bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace parley::identity
