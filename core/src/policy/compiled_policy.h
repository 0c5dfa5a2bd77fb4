#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "parley/policy/term_matcher.h"

// What Policy::Compile makes of a policy's settings: everything the checker needs, built once.
namespace parley::policy::internal {

struct CompiledPolicy {
  mutable std::atomic<uint32_t> references{1};  // Policy copies sharing this
  // Group 0: banned, suspect and allow terms, built-in and site's. Group 1 (when the rule is
  // on): the personal-attack lexicon of the policy's languages.
  TermMatcher words;
  std::vector<uint16_t> attack_roles;  // AttackRole bits, by term index (0 for group 0)
  std::vector<std::string> blocked_domains;  // normalised: lower case, no "www." or "*."
};

}  // namespace parley::policy::internal
