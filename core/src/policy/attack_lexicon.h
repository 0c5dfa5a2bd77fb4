#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

// The words the personal-attack rule reads sentences with (attack_lexicon.cpp, by hand).
namespace parley::policy::internal {

// What a word does in an attack ("you are such an idiot": kYou kCopula kFiller kFiller kInsult).
enum AttackRole : uint16_t {
  kYou = 1 << 0,          // the addressee: "you", "u", "ты", "вы", "դու"
  kYouNoCopula = 1 << 1,  // ...in a language that needs no "are" ("ты идиот")
  kCopula = 1 << 2,       // "are", "'re", "is", "seem", "look": links "you" to what follows
  kFiller = 1 << 3,       // "a", "such", "really", "просто": may stand between
  kDeterminer = 1 << 4,   // "a", "an", "the", "such": makes the next word a noun
  kGroup = 1 << 5,        // "people", "guys", "все": "you people are idiots"
  kNegator = 1 << 6,      // "not", "n't", "не": "you are not an idiot" is no attack
  kInsult = 1 << 7,       // a noun or phrase that insults whoever it names: "idiot", "дурак"
  kVerbLike = 1 << 8,     // an insult that is also a verb ("you fool them"): needs a determiner,
                          // a copula or the end of the clause to count
  kAdjective = 1 << 9,    // an insulting adjective: "stupid", "тупой"
  kPredicate = 1 << 10,   // a verb that insults its subject: "you suck"
  kLike = 1 << 11,        // "like", "as", "как": "a fool like you"
  kLikeTarget = 1 << 12,  // what may follow kLike: "you", "yourself", "тебя"
  kPhrase = 1 << 13,      // an attack on its own: "shut the fuck up", "заткнись"
  kImperative = 1 << 14,  // an attack only at the start of a clause: "shut up"
  kLeadIn = 1 << 15,      // may come before an imperative: "just", "oh", "ну"
};

// One role's words in one language, one a line.
struct AttackWords {
  std::string_view language;
  uint16_t roles;
  std::string_view words;
};

extern const AttackWords kAttackLexicon[];
extern const size_t kAttackLexiconSize;

}  // namespace parley::policy::internal
