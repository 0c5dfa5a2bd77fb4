#pragma once

#include <string_view>

#include "parley/policy/verdict.h"

// The reader-facing text of each reason, in the reader's language. Kept apart from the rules so
// the catalogue can join the UI's string catalogue later.
namespace parley::policy {

// The message for `code` in `lang` ("ru", "ru-RU", "hy", ...), falling back to English. A
// message may contain "{n}", which the checker replaces with the limit that was passed.
std::string_view ReasonMessage(ReasonCode code, std::string_view lang);

// The languages the catalogue has messages in.
std::string_view MessageLanguages();

}  // namespace parley::policy
