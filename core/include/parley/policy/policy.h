#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// A site's discussion policy: which words, links and writing habits a comment may not have.
// A policy file is JSON (docs/POLICY.md documents every field); fields it leaves out keep the
// defaults, which core/policy/default-policy.json spells out.
namespace parley::policy {

namespace internal {
struct CompiledPolicy;
}  // namespace internal

// What a rule does when it fires.
enum class RuleAction : uint8_t { kOff, kReview, kReject };

// Shouting: a comment with at least `min_letters` letters, `capitals_percent` or more of them
// capitals.
struct ShoutingRule {
  RuleAction action = RuleAction::kReview;
  int64_t min_letters = 20;
  int64_t capitals_percent = 70;
};

// Floods: one character more than `max_repeated_characters` times in a row ("!!!!!!!!!!!!"),
// or one word (or a phrase of up to three words) more than `max_repeated_words` times in a row.
struct FloodRule {
  RuleAction action = RuleAction::kReview;
  int64_t max_repeated_characters = 10;
  int64_t max_repeated_words = 5;
};

// Every field of a policy file, with the defaults of the shipped policy.
struct Settings {
  std::vector<std::string> languages = {"en", "ru", "hy"};  // built-in lists that apply
  std::vector<std::string> banned;                          // more terms that reject a comment
  std::vector<std::string> suspect;          // more terms that send a comment to review
  std::vector<std::string> allow;            // exceptions: terms and phrases never flagged
  std::vector<std::string> blocked_domains;  // links to these (and their subdomains) reject
  int64_t min_length = 1;                    // code points, surrounding whitespace not counted
  int64_t max_length = 10000;                // code points, surrounding whitespace not counted
  int64_t max_links = 3;                     // more links than this send a comment to review
  RuleAction personal_attacks = RuleAction::kReview;
  ShoutingRule shouting;
  FloodRule floods;
};

// The languages that have built-in word lists, in the order `languages` lists them by default.
const std::vector<std::string_view>& BuiltInLanguages();

// A policy ready to check comments: its settings and the automaton compiled from its terms.
// Copies share the automaton, so they are cheap; it is immutable, so one policy can serve many
// threads.
class Policy {
 public:
  Policy() = default;
  Policy(const Policy& other);
  Policy& operator=(const Policy& other);
  Policy(Policy&& other) noexcept;
  Policy& operator=(Policy&& other) noexcept;
  ~Policy();

  // Compiles `settings`. Returns false and sets `error` when a term or a field is unusable.
  static bool Compile(Settings settings, Policy* out, std::string* error);

  const Settings& settings() const { return settings_; }
  // The compiled form; valid once Compile has succeeded.
  const internal::CompiledPolicy& compiled() const { return *compiled_; }

 private:
  void Release();

  Settings settings_;
  // Shared by copies and counted by hand: std::shared_ptr would pull RTTI support code into the
  // WebAssembly build.
  const internal::CompiledPolicy* compiled_ = nullptr;
};

// The outcome of ParsePolicy: a policy, or a message naming the problem.
struct ParsedPolicy {
  Policy policy;
  std::string error;
  bool ok() const { return error.empty(); }
};

// Parses a policy file and merges it over the defaults. Errors name the field and what was
// wrong with it ("\"maxLength\" must be a whole number from 0 to 1000000"), or for malformed
// JSON the byte offset, line and column.
ParsedPolicy ParsePolicy(std::string_view json);

// The default policy (Settings{} compiled), built once.
const Policy& DefaultPolicy();

// The complete policy file for `settings`: every field, in documentation order, two-space
// indented. ParsePolicy(SettingsToJson(s)) gives back `s`, so the moderation dashboard can
// read, edit and write a policy without losing anything.
std::string SettingsToJson(const Settings& settings);

// SettingsToJson(policy.settings()).
std::string PolicyToJson(const Policy& policy);

}  // namespace parley::policy
