#include "parley/policy/policy.h"

#include <algorithm>
#include <memory>

#include "attack_lexicon.h"
#include "compiled_policy.h"
#include "links.h"
#include "parley/json.h"
#include "word_lists.h"

namespace parley::policy {

namespace {

using internal::CompiledPolicy;

// Bounds that keep a hostile or mistaken policy file cheap to compile.
constexpr size_t kMaxTermsPerList = 20000;
constexpr size_t kMaxTermBytes = 200;
constexpr int64_t kMaxLength = 1000000;

std::string Quoted(std::string_view text) {
  std::string out;
  json::AppendQuoted(&out, text);
  return out;
}

std::string_view RuleActionName(RuleAction action) {
  switch (action) {
    case RuleAction::kOff:
      return "off";
    case RuleAction::kReview:
      return "review";
    case RuleAction::kReject:
      return "reject";
  }
  return "off";
}

// Splits a built-in list (one term a line) into views of static storage.
void AppendLines(std::string_view lines, TermKind kind, std::vector<TermSpec>* specs) {
  while (!lines.empty()) {
    const size_t end = lines.find('\n');
    const std::string_view line = lines.substr(0, end);
    if (!line.empty()) specs->push_back(TermSpec{line, kind});
    if (end == std::string_view::npos) break;
    lines.remove_prefix(end + 1);
  }
}

bool Contains(const std::vector<std::string>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// Reads the fields of a policy file into Settings, naming the field in every error.
class SettingsReader {
 public:
  explicit SettingsReader(Settings* settings) : settings_(settings) {}

  bool Read(const json::Value& root, std::string* error) {
    if (!root.IsObject()) return Fail(error, "a policy must be a JSON object");
    for (const json::Member& member : root.Members()) {
      const std::string& key = member.key;
      const json::Value& value = member.value;
      bool ok = true;
      if (key.empty() || key[0] == '_' || key == "$schema") {
        continue;  // comments and editor hints
      } else if (key == "languages") {
        ok = ReadLanguages(value, error);
      } else if (key == "banned") {
        ok = ReadStrings(key, value, &settings_->banned, error);
      } else if (key == "suspect") {
        ok = ReadStrings(key, value, &settings_->suspect, error);
      } else if (key == "allow") {
        ok = ReadStrings(key, value, &settings_->allow, error);
      } else if (key == "blockedDomains") {
        ok = ReadDomains(value, error);
      } else if (key == "minLength") {
        ok = ReadInteger(key, value, 0, kMaxLength, &settings_->min_length, error);
      } else if (key == "maxLength") {
        ok = ReadInteger(key, value, 1, kMaxLength, &settings_->max_length, error);
      } else if (key == "maxLinks") {
        ok = ReadInteger(key, value, 0, 1000, &settings_->max_links, error);
      } else if (key == "personalAttacks") {
        ok = ReadAction(key, value, &settings_->personal_attacks, error);
      } else if (key == "shouting") {
        ok = ReadShouting(value, error);
      } else if (key == "floods") {
        ok = ReadFloods(value, error);
      } else {
        return Fail(error, "unknown field " + Quoted(key) +
                               " (fields: languages, banned, suspect, allow, minLength, maxLength, "
                               "maxLinks, blockedDomains, personalAttacks, shouting, floods)");
      }
      if (!ok) return false;
    }
    if (settings_->min_length > settings_->max_length) {
      return Fail(error, "\"minLength\" must not be greater than \"maxLength\"");
    }
    return true;
  }

 private:
  static bool Fail(std::string* error, std::string message) {
    *error = std::move(message);
    return false;
  }

  static std::string TypeName(const json::Value& value) {
    switch (value.type()) {
      case json::Type::kNull:
        return "null";
      case json::Type::kBool:
        return "a boolean";
      case json::Type::kNumber:
        return "a number";
      case json::Type::kString:
        return "a string";
      case json::Type::kArray:
        return "an array";
      case json::Type::kObject:
        return "an object";
    }
    return "a value";
  }

  static bool ReadInteger(std::string_view name, const json::Value& value, int64_t min, int64_t max,
                          int64_t* out, std::string* error) {
    const std::optional<int64_t> number = value.AsInteger(min, max);
    if (!number) {
      return Fail(error, Quoted(name) + " must be a whole number from " + std::to_string(min) +
                             " to " + std::to_string(max) + ", not " +
                             (value.IsNumber() ? json::Serialize(value) : TypeName(value)));
    }
    *out = *number;
    return true;
  }

  static bool ReadAction(std::string_view name, const json::Value& value, RuleAction* out,
                         std::string* error) {
    const std::string_view text = value.AsString();
    for (RuleAction action : {RuleAction::kReject, RuleAction::kReview, RuleAction::kOff}) {
      if (value.IsString() && text == RuleActionName(action)) {
        *out = action;
        return true;
      }
    }
    return Fail(error, Quoted(name) + " must be \"reject\", \"review\" or \"off\", not " +
                           (value.IsString() ? Quoted(text) : TypeName(value)));
  }

  static bool ReadStrings(std::string_view name, const json::Value& value,
                          std::vector<std::string>* out, std::string* error) {
    if (!value.IsArray()) {
      return Fail(error, Quoted(name) + " must be an array of strings, not " + TypeName(value));
    }
    if (value.Items().size() > kMaxTermsPerList) {
      return Fail(error,
                  Quoted(name) + " has more than " + std::to_string(kMaxTermsPerList) + " entries");
    }
    out->clear();
    for (size_t i = 0; i < value.Items().size(); ++i) {
      const json::Value& item = value.Items()[i];
      const std::string where = Quoted(name) + "[" + std::to_string(i) + "]";
      if (!item.IsString()) return Fail(error, where + " must be a string, not " + TypeName(item));
      if (item.AsString().size() > kMaxTermBytes) {
        return Fail(error, where + " is longer than " + std::to_string(kMaxTermBytes) + " bytes");
      }
      out->emplace_back(item.AsString());
    }
    return true;
  }

  bool ReadLanguages(const json::Value& value, std::string* error) {
    std::vector<std::string> languages;
    if (!ReadStrings("languages", value, &languages, error)) return false;
    settings_->languages.clear();
    for (size_t i = 0; i < languages.size(); ++i) {
      const auto& known = BuiltInLanguages();
      if (std::find(known.begin(), known.end(), languages[i]) == known.end()) {
        return Fail(error, "\"languages\"[" + std::to_string(i) + "] " + Quoted(languages[i]) +
                               " has no built-in lists (there are: en, ru, hy)");
      }
      if (!Contains(settings_->languages, languages[i])) {
        settings_->languages.push_back(languages[i]);
      }
    }
    return true;
  }

  bool ReadDomains(const json::Value& value, std::string* error) {
    if (!ReadStrings("blockedDomains", value, &settings_->blocked_domains, error)) return false;
    for (size_t i = 0; i < settings_->blocked_domains.size(); ++i) {
      std::string domain;
      if (!internal::NormalizeDomain(settings_->blocked_domains[i], &domain)) {
        return Fail(error, "\"blockedDomains\"[" + std::to_string(i) + "] " +
                               Quoted(settings_->blocked_domains[i]) +
                               " is not a domain name such as \"example.com\"");
      }
    }
    return true;
  }

  bool ReadShouting(const json::Value& value, std::string* error) {
    if (!value.IsObject()) {
      return Fail(error, "\"shouting\" must be an object, not " + TypeName(value));
    }
    ShoutingRule& rule = settings_->shouting;
    for (const json::Member& member : value.Members()) {
      const std::string name = "shouting." + member.key;
      bool ok = true;
      if (member.key == "action") {
        ok = ReadAction(name, member.value, &rule.action, error);
      } else if (member.key == "minLetters") {
        ok = ReadInteger(name, member.value, 1, kMaxLength, &rule.min_letters, error);
      } else if (member.key == "capitalsPercent") {
        ok = ReadInteger(name, member.value, 1, 100, &rule.capitals_percent, error);
      } else {
        return Fail(error, "unknown field " + Quoted(name) +
                               " (fields: action, minLetters, capitalsPercent)");
      }
      if (!ok) return false;
    }
    return true;
  }

  bool ReadFloods(const json::Value& value, std::string* error) {
    if (!value.IsObject()) {
      return Fail(error, "\"floods\" must be an object, not " + TypeName(value));
    }
    FloodRule& rule = settings_->floods;
    for (const json::Member& member : value.Members()) {
      const std::string name = "floods." + member.key;
      bool ok = true;
      if (member.key == "action") {
        ok = ReadAction(name, member.value, &rule.action, error);
      } else if (member.key == "maxRepeatedCharacters") {
        ok = ReadInteger(name, member.value, 1, kMaxLength, &rule.max_repeated_characters, error);
      } else if (member.key == "maxRepeatedWords") {
        ok = ReadInteger(name, member.value, 1, kMaxLength, &rule.max_repeated_words, error);
      } else {
        return Fail(error, "unknown field " + Quoted(name) +
                               " (fields: action, maxRepeatedCharacters, maxRepeatedWords)");
      }
      if (!ok) return false;
    }
    return true;
  }

  Settings* settings_;
};

// "line 3, column 14" for a byte offset, so people can find a JSON mistake.
std::string Position(std::string_view text, size_t offset) {
  size_t line = 1;
  size_t column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

void AppendStringArray(std::string* out, const std::vector<std::string>& items) {
  out->push_back('[');
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out->append(", ");
    json::AppendQuoted(out, items[i]);
  }
  out->push_back(']');
}

}  // namespace

const std::vector<std::string_view>& BuiltInLanguages() {
  static const std::vector<std::string_view> languages = {"en", "ru", "hy"};
  return languages;
}

Policy::Policy(const Policy& other) : settings_(other.settings_), compiled_(other.compiled_) {
  if (compiled_ != nullptr) compiled_->references.fetch_add(1, std::memory_order_relaxed);
}

Policy& Policy::operator=(const Policy& other) {
  if (this != &other) {
    if (other.compiled_ != nullptr)
      other.compiled_->references.fetch_add(1, std::memory_order_relaxed);
    Release();
    settings_ = other.settings_;
    compiled_ = other.compiled_;
  }
  return *this;
}

Policy::Policy(Policy&& other) noexcept
    : settings_(std::move(other.settings_)), compiled_(other.compiled_) {
  other.compiled_ = nullptr;
}

Policy& Policy::operator=(Policy&& other) noexcept {
  if (this != &other) {
    Release();
    settings_ = std::move(other.settings_);
    compiled_ = other.compiled_;
    other.compiled_ = nullptr;
  }
  return *this;
}

Policy::~Policy() { Release(); }

void Policy::Release() {
  if (compiled_ != nullptr && compiled_->references.fetch_sub(1, std::memory_order_acq_rel) == 1) {
    delete compiled_;
  }
  compiled_ = nullptr;
}

bool Policy::Compile(Settings settings, Policy* out, std::string* error) {
  auto compiled = std::make_unique<CompiledPolicy>();

  for (const std::string& entry : settings.blocked_domains) {
    std::string domain;
    if (!internal::NormalizeDomain(entry, &domain)) {
      *error = "\"blockedDomains\" entry " + Quoted(entry) + " is not a domain name";
      return false;
    }
    compiled->blocked_domains.push_back(std::move(domain));
  }

  // Built-in lists first, then the site's own; a site's term is reported by its list and index.
  std::vector<TermSpec> specs;
  for (size_t i = 0; i < internal::kBuiltInListCount; ++i) {
    const internal::BuiltInList& list = internal::kBuiltInLists[i];
    if (Contains(settings.languages, list.language)) AppendLines(list.terms, list.kind, &specs);
  }
  const size_t built_in = specs.size();
  struct SiteList {
    std::string_view name;
    const std::vector<std::string>* terms;
    TermKind kind;
  };
  const SiteList site_lists[] = {{"banned", &settings.banned, TermKind::kBanned},
                                 {"suspect", &settings.suspect, TermKind::kSuspect},
                                 {"allow", &settings.allow, TermKind::kAllow}};
  for (const SiteList& list : site_lists) {
    for (const std::string& term : *list.terms) specs.push_back(TermSpec{term, list.kind});
  }
  // The personal-attack lexicon shares the word lists' automaton as its group 1, so that one
  // walk over a comment finds both (TermMatcher::ForEachMatchByGroup).
  const size_t word_specs = specs.size();
  if (settings.personal_attacks != RuleAction::kOff) {
    // A word listed under two roles ("like" is a filler and a comparison) becomes one term
    // with both roles, since the matcher reports one term per spelling.
    compiled->attack_roles.assign(word_specs, 0);
    for (size_t i = 0; i < internal::kAttackLexiconSize; ++i) {
      const internal::AttackWords& words = internal::kAttackLexicon[i];
      if (!Contains(settings.languages, words.language)) continue;
      std::vector<TermSpec> entries;
      AppendLines(words.words, TermKind::kBanned, &entries);
      for (TermSpec& entry : entries) {
        entry.match_plural = false;
        entry.group = 1;
        const auto lexicon = specs.begin() + static_cast<std::ptrdiff_t>(word_specs);
        const auto same = std::find_if(lexicon, specs.end(), [&](const TermSpec& spec) {
          return spec.text == entry.text;
        });
        if (same != specs.end()) {
          const size_t index = static_cast<size_t>(same - specs.begin());
          compiled->attack_roles[index] =
              static_cast<uint16_t>(compiled->attack_roles[index] | words.roles);
          continue;
        }
        specs.push_back(entry);
        compiled->attack_roles.push_back(words.roles);
      }
    }
  }
  std::vector<TermMatcher::Error> errors;
  std::vector<TermMatcher::Merge> merges;
  compiled->words = TermMatcher::Compile(specs, &errors, &merges);
  // A spelling shared by two attack words ("a" and Cyrillic "а") has the roles of both.
  for (const TermMatcher::Merge& merge : merges) {
    if (merge.kept < word_specs) continue;
    compiled->attack_roles[merge.kept] = static_cast<uint16_t>(
        compiled->attack_roles[merge.kept] | compiled->attack_roles[merge.absorbed]);
  }
  // Errors come in term order, so a site's bad term is reported before any lexicon entry.
  if (!errors.empty() && errors.front().term < word_specs) {
    size_t index = errors.front().term;
    if (index < built_in) {
      *error = "built-in term " + Quoted(specs[index].text) + " " + errors.front().message;
      return false;
    }
    index -= built_in;
    for (const SiteList& list : site_lists) {
      if (index < list.terms->size()) {
        *error = Quoted(list.name) + "[" + std::to_string(index) + "] " +
                 Quoted((*list.terms)[index]) + " " + errors.front().message;
        return false;
      }
      index -= list.terms->size();
    }
  }

  out->Release();
  out->settings_ = std::move(settings);
  out->compiled_ = compiled.release();
  return true;
}

ParsedPolicy ParsePolicy(std::string_view text) {
  ParsedPolicy parsed;
  const json::ParseResult json = json::Parse(text);
  if (!json.ok()) {
    parsed.error = "not valid JSON: " + json.error + " at byte " +
                   std::to_string(json.error_offset) + " (" + Position(text, json.error_offset) +
                   ")";
    return parsed;
  }
  Settings settings;
  SettingsReader reader(&settings);
  if (!reader.Read(json.value, &parsed.error)) return parsed;
  if (!Policy::Compile(std::move(settings), &parsed.policy, &parsed.error)) return parsed;
  return parsed;
}

const Policy& DefaultPolicy() {
  static const Policy policy = [] {
    Policy compiled;
    std::string error;
    Policy::Compile(Settings{}, &compiled, &error);
    return compiled;
  }();
  return policy;
}

std::string SettingsToJson(const Settings& settings) {
  std::string out = "{\n  \"languages\": ";
  AppendStringArray(&out, settings.languages);
  out += ",\n  \"banned\": ";
  AppendStringArray(&out, settings.banned);
  out += ",\n  \"suspect\": ";
  AppendStringArray(&out, settings.suspect);
  out += ",\n  \"allow\": ";
  AppendStringArray(&out, settings.allow);
  out += ",\n  \"minLength\": " + std::to_string(settings.min_length);
  out += ",\n  \"maxLength\": " + std::to_string(settings.max_length);
  out += ",\n  \"maxLinks\": " + std::to_string(settings.max_links);
  out += ",\n  \"blockedDomains\": ";
  AppendStringArray(&out, settings.blocked_domains);
  out += ",\n  \"personalAttacks\": ";
  json::AppendQuoted(&out, RuleActionName(settings.personal_attacks));
  out += ",\n  \"shouting\": {\"action\": ";
  json::AppendQuoted(&out, RuleActionName(settings.shouting.action));
  out += ", \"minLetters\": " + std::to_string(settings.shouting.min_letters);
  out += ", \"capitalsPercent\": " + std::to_string(settings.shouting.capitals_percent);
  out += "},\n  \"floods\": {\"action\": ";
  json::AppendQuoted(&out, RuleActionName(settings.floods.action));
  out += ", \"maxRepeatedCharacters\": " + std::to_string(settings.floods.max_repeated_characters);
  out += ", \"maxRepeatedWords\": " + std::to_string(settings.floods.max_repeated_words);
  out += "}\n}\n";
  return out;
}

std::string PolicyToJson(const Policy& policy) { return SettingsToJson(policy.settings()); }

}  // namespace parley::policy
