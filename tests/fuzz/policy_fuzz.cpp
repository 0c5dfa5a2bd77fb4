// libFuzzer target for the discussion policy: any bytes as a comment under the default policy,
// and any bytes as a policy file. Checked on every input: spans lie inside the comment, the
// verdict's action is its strictest reason's, and the verdict JSON parses back. ASan and UBSan
// watch the folder, the automaton and the rules.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "parley/json.h"
#include "parley/policy/check.h"
#include "parley/policy/policy.h"
#include "parley/policy/verdict.h"

namespace {

void Fail(const char* what, std::string_view input) {
  std::fprintf(stderr, "%s\ninput: %.*s\n", what, static_cast<int>(input.size()), input.data());
  std::abort();
}

void CheckVerdict(std::string_view comment, const parley::policy::Verdict& verdict) {
  parley::policy::Action strictest = parley::policy::Action::kAllow;
  for (const auto& reason : verdict.reasons) {
    if (reason.action > strictest) strictest = reason.action;
    if (reason.has_span && (reason.start > reason.end || reason.end > comment.size())) {
      Fail("a reason points outside the comment", comment);
    }
    if (reason.message.empty()) Fail("a reason has no message", comment);
  }
  // The action may be stricter than the reasons shown (they are capped), never milder.
  if (verdict.action < strictest) Fail("the action is milder than a reason", comment);
  const std::string json = parley::policy::VerdictToJson(verdict);
  if (!parley::json::Parse(json).ok()) Fail("the verdict JSON does not parse", comment);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  CheckVerdict(input, parley::policy::CheckComment(input, parley::policy::DefaultPolicy(), "ru"));
  if (!input.empty() && input.front() == '{') {
    const parley::policy::ParsedPolicy parsed = parley::policy::ParsePolicy(input);
    if (parsed.ok()) {
      const std::string again = parley::policy::PolicyToJson(parsed.policy);
      const auto reparsed = parley::policy::ParsePolicy(again);
      if (!reparsed.ok() || parley::policy::PolicyToJson(reparsed.policy) != again) {
        Fail("a policy does not round-trip", input);
      }
      const std::string_view comment = "F.u.c.k you, idiot!!!!!!!!!!!! http://spam.example";
      CheckVerdict(comment, parley::policy::CheckComment(comment, parsed.policy));
    }
  }
  return 0;
}
