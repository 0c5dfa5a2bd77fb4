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
  TermMatcher words;                   // banned, suspect and allow terms, built-in and site's
  TermMatcher attack_words;            // the personal-attack lexicon of the policy's languages
  std::vector<uint16_t> attack_roles;  // AttackRole bits, by attack_words term index
  std::vector<std::string> blocked_domains;  // normalised: lower case, no "www." or "*."
};

}  // namespace parley::policy::internal
