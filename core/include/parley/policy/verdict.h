#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// What the policy says about one comment, in the form both the server and the browser report.
namespace parley::policy {

// What happens to a comment, from mildest to strictest.
enum class Action : uint8_t { kAllow, kReview, kReject };

// Why: one code per rule. The JSON names are stable; the UI and the server key on them.
enum class ReasonCode : uint8_t {
  kTooShort,        // "too_short": fewer code points than minLength
  kTooLong,         // "too_long": more code points than maxLength
  kBannedWord,      // "banned_word": a banned term (span)
  kSuspectWord,     // "suspect_word": a suspect term (span)
  kPersonalAttack,  // "personal_attack": an insult aimed at the reader's addressee (span)
  kBlockedDomain,   // "blocked_domain": a link to a blocked domain (span)
  kTooManyLinks,    // "too_many_links": more links than maxLinks (span: the first one over)
  kShouting,        // "shouting": mostly capital letters
  kFlood,           // "flood": a character or word repeated over and over (span)
};

// The JSON name of `code`: "banned_word".
std::string_view ReasonCodeName(ReasonCode code);

// The JSON name of `action`: "allow", "review" or "reject".
std::string_view ActionName(Action action);

// One reason, with the bytes of the comment it points at when it points at text.
struct Reason {
  ReasonCode code = ReasonCode::kBannedWord;
  Action action = Action::kAllow;  // what this reason alone would do
  std::string message;             // in the reader's language
  bool has_span = false;
  uint32_t start = 0;  // byte offsets into the comment as given, valid when has_span
  uint32_t end = 0;
};

// The verdict: the strictest action of all reasons, and the reasons in a stable order (those
// about the whole comment first, then by position).
struct Verdict {
  Action action = Action::kAllow;
  std::vector<Reason> reasons;
};

// The verdict as one line of JSON, byte for byte what `parley check` prints and
// `checkPolicy()` returns: {"action":"review","reasons":[{"code":"suspect_word",
// "message":"...","start":4,"end":8}]}. Reasons without a span have no start and end members.
std::string VerdictToJson(const Verdict& verdict);

}  // namespace parley::policy
