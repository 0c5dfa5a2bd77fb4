#include "parley/policy/verdict.h"

#include "parley/json.h"

namespace parley::policy {

std::string_view ReasonCodeName(ReasonCode code) {
  switch (code) {
    case ReasonCode::kTooShort:
      return "too_short";
    case ReasonCode::kTooLong:
      return "too_long";
    case ReasonCode::kBannedWord:
      return "banned_word";
    case ReasonCode::kSuspectWord:
      return "suspect_word";
    case ReasonCode::kPersonalAttack:
      return "personal_attack";
    case ReasonCode::kBlockedDomain:
      return "blocked_domain";
    case ReasonCode::kTooManyLinks:
      return "too_many_links";
    case ReasonCode::kShouting:
      return "shouting";
    case ReasonCode::kFlood:
      return "flood";
  }
  return "unknown";
}

std::string_view ActionName(Action action) {
  switch (action) {
    case Action::kAllow:
      return "allow";
    case Action::kReview:
      return "review";
    case Action::kReject:
      return "reject";
  }
  return "allow";
}

std::string VerdictToJson(const Verdict& verdict) {
  std::string out = "{\"action\":";
  json::AppendQuoted(&out, ActionName(verdict.action));
  out += ",\"reasons\":[";
  bool first = true;
  for (const Reason& reason : verdict.reasons) {
    if (!first) out.push_back(',');
    first = false;
    out += "{\"code\":";
    json::AppendQuoted(&out, ReasonCodeName(reason.code));
    out += ",\"message\":";
    json::AppendQuoted(&out, reason.message);
    if (reason.has_span) {
      out += ",\"start\":";
      json::AppendNumber(&out, reason.start);
      out += ",\"end\":";
      json::AppendNumber(&out, reason.end);
    }
    out.push_back('}');
  }
  out += "]}";
  return out;
}

}  // namespace parley::policy
