#include "parley/i18n/plural.h"

namespace parley::i18n {

// The rules are CLDR's (plurals.xml, version 44) restricted to integers, where the operands
// n, i and the fraction digits coincide (v = 0).
PluralCategory CardinalCategory(std::string_view lang, int64_t n) {
  const int64_t i = n < 0 ? -n : n;
  const int64_t mod10 = i % 10;
  const int64_t mod100 = i % 100;
  if (lang == "ru" || lang == "uk" || lang == "be") {
    if (mod10 == 1 && mod100 != 11) return PluralCategory::kOne;
    if (mod10 >= 2 && mod10 <= 4 && !(mod100 >= 12 && mod100 <= 14)) return PluralCategory::kFew;
    return PluralCategory::kMany;
  }
  if (lang == "ar") {
    if (i == 0) return PluralCategory::kZero;
    if (i == 1) return PluralCategory::kOne;
    if (i == 2) return PluralCategory::kTwo;
    if (mod100 >= 3 && mod100 <= 10) return PluralCategory::kFew;
    if (mod100 >= 11 && mod100 <= 99) return PluralCategory::kMany;
    return PluralCategory::kOther;
  }
  if (lang == "fr") {
    if (i == 0 || i == 1) return PluralCategory::kOne;
    if (i != 0 && i % 1000000 == 0) return PluralCategory::kMany;
    return PluralCategory::kOther;
  }
  if (lang == "es") {
    if (i == 1) return PluralCategory::kOne;
    if (i != 0 && i % 1000000 == 0) return PluralCategory::kMany;
    return PluralCategory::kOther;
  }
  if (lang == "hy") {
    return i == 0 || i == 1 ? PluralCategory::kOne : PluralCategory::kOther;
  }
  // English, German and the default.
  return i == 1 ? PluralCategory::kOne : PluralCategory::kOther;
}

}  // namespace parley::i18n
