#include <string>

#include "parley/i18n/catalog.h"

#include "../text/decimal.h"

// The thread's user-interface strings and how a language finds them. The words themselves are
// in thread_strings/*.json (translations follow each language's own conventions: Armenian
// keeps the noun singular after numerals, Russian has one/few/many, Arabic all six).
namespace parley::i18n {

namespace {

struct CatalogEntry {
  std::string_view code;
  const ThreadStrings* strings;
};

#include "thread_strings.inc"

// Languages written right to left (their base codes), whether or not they have strings.
constexpr std::string_view kRightToLeft[] = {"ar", "arc", "ckb", "dv", "fa", "he",
                                             "ks", "ps",  "sd",  "ug", "ur", "yi"};

char ToLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

const ThreadStrings* BuiltInThreadStrings(std::string_view code) {
  for (const CatalogEntry& entry : kCatalog) {
    if (entry.code == code) return entry.strings;
  }
  return nullptr;
}

const ThreadStrings* EnglishThreadStrings(std::string_view code) {
  return code == "en" ? &kThreadStrings_en : nullptr;
}

Language ResolveLanguage(std::string_view tag, StringsLookup lookup) {
  std::string code;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) || code.size() == 8) {
      code.clear();  // not a language subtag: ignore the whole tag
      break;
    }
    code.push_back(ToLower(c));
  }
  if (code.size() < 2) code = "en";
  Language language;
  language.code = code;
  language.strings = &kThreadStrings_en;
  if (const ThreadStrings* strings = lookup(language.code)) {
    language.translated = true;
    language.strings = strings;
  }
  for (std::string_view rtl : kRightToLeft) {
    if (rtl == code) language.right_to_left = true;
  }
  return language;
}

std::string FormatCount(const Language& language, const PluralForms& forms, int64_t n) {
  std::string_view pattern;
  switch (CardinalCategory(language.strings_code(), n)) {
    case PluralCategory::kZero: pattern = forms.zero; break;
    case PluralCategory::kOne: pattern = forms.one; break;
    case PluralCategory::kTwo: pattern = forms.two; break;
    case PluralCategory::kFew: pattern = forms.few; break;
    case PluralCategory::kMany: pattern = forms.many; break;
    case PluralCategory::kOther: break;
  }
  if (pattern.empty()) pattern = forms.other;
  std::string out;
  const size_t slot = pattern.find("{n}");
  if (slot == std::string_view::npos) return std::string(pattern);
  out.append(pattern.substr(0, slot));
  text::AppendDecimal(&out, n);
  out.append(pattern.substr(slot + 3));
  return out;
}

std::string FormatName(std::string_view pattern, std::string_view name) {
  const size_t slot = pattern.find("{name}");
  if (slot == std::string_view::npos) return std::string(pattern);
  std::string out(pattern.substr(0, slot));
  out.append(name);
  out.append(pattern.substr(slot + 6));
  return out;
}

}  // namespace parley::i18n
