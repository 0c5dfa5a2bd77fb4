#pragma once

#include <string_view>

#include "parley/policy/policy.h"
#include "parley/policy/verdict.h"

namespace parley::policy {

// Checks one comment body against `policy`. `lang` picks the language of the messages (a BCP 47
// tag such as "ru" or "hy-AM"; unknown languages get English). Linear in the comment's length;
// never fails: any bytes are a comment (malformed UTF-8 counts as punctuation).
Verdict CheckComment(std::string_view text, const Policy& policy, std::string_view lang = "en");

}  // namespace parley::policy
