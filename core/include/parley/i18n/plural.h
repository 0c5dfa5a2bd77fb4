#pragma once

#include <cstdint>
#include <string_view>

namespace parley::i18n {

// CLDR plural categories ("1 comment", "3 комментария", "5 комментариев").
enum class PluralCategory { kZero, kOne, kTwo, kFew, kMany, kOther };

// The CLDR cardinal category of the whole number `n` in language `lang` (a base language code
// such as "ru"; unknown languages follow English).
PluralCategory CardinalCategory(std::string_view lang, int64_t n);

}  // namespace parley::i18n
