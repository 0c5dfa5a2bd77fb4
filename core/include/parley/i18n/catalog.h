#pragma once

#include <cstdint>
#include <forward_list>
#include <string>
#include <string_view>

#include "parley/i18n/plural.h"
#include "parley/json.h"

namespace parley::i18n {

// One message in each CLDR plural form; empty forms fall back to `other`. `{n}` is the count.
struct PluralForms {
  std::string_view zero, one, two, few, many, other;
};

// The user-interface strings of a thread in one language. `{name}` is an author's display
// name, inserted as text (callers escape the whole result for HTML).
struct ThreadStrings {
  PluralForms comment_count;  // the thread's heading: "3 comments"
  PluralForms more_replies;   // a collapsed branch: "4 more replies"
  std::string_view comments_label;   // the section's accessible name
  std::string_view load_more;        // the next page of top-level comments
  std::string_view in_reply_to;      // past the maximum depth: "in reply to {name}"
  std::string_view orphan;           // the parent is gone
  std::string_view deleted;          // placeholder for a deleted comment with live replies
  std::string_view unavailable;      // placeholder for a hidden (held) comment with replies
  std::string_view reply;            // button text
  std::string_view reply_label;      // its accessible name: "Reply to {name}"
  std::string_view report;           // button text
  std::string_view report_label;     // "Report comment by {name}"
  std::string_view upvote_label;     // "Upvote comment by {name}"
  std::string_view downvote_label;   // "Downvote comment by {name}"
  std::string_view edited;           // marker after the date
  std::string_view pending;          // status shown to the author and moderators
  std::string_view rejected;         // likewise
  std::string_view pinned;           // marker on pinned comments
  std::string_view said;             // the seed page's "NAME said:"
  std::string_view badge_staff;
  std::string_view badge_verified;
  std::string_view badge_moderator;
  std::string_view anonymous;        // shown for an empty display name
};

// A language the thread can be shown in.
struct Language {
  std::string code;  // the base language code as given ("ru" for "ru-RU"), "en" if unusable
  bool right_to_left = false;
  bool translated = false;  // the strings are the language's own, not the English fallback
  const ThreadStrings* strings = nullptr;
  // The language whose strings, and so whose plural rules, are used: `code`, or "en".
  std::string_view strings_code() const { return translated ? std::string_view(code) : "en"; }
};

// Where a language's strings come from: the strings for a base language code, or null when
// there are none. A function, so a module links only the catalog it names.
using StringsLookup = const ThreadStrings* (*)(std::string_view code);

// Every translation Parley ships (thread_strings/*.json, compiled in).
const ThreadStrings* BuiltInThreadStrings(std::string_view code);

// English alone: for the reader's WebAssembly module, which is on every reader's path; its
// caller passes other languages' strings in (the `strings` option, from a language pack).
const ThreadStrings* EnglishThreadStrings(std::string_view code);

// Resolves a BCP 47 tag ("ru", "ru-RU", "AR") to its strings, falling back to English when the
// language has none. Direction follows the language even then (ar, he, fa, ur, ... are RTL).
Language ResolveLanguage(std::string_view tag, StringsLookup lookup = BuiltInThreadStrings);

// Strings a caller gives (the thread option `strings`: an object in the format of
// thread_strings/*.json), read into `given`, whose views point into `storage`; fields left out
// stay empty. False, with `error` set, when the value is not such an object.
bool ReadThreadStrings(json::View value, ThreadStrings* given, std::forward_list<std::string>* storage,
                       std::string* error);

// `given` with every empty field (and every empty plural form) taken from `fallback`.
ThreadStrings MergeThreadStrings(const ThreadStrings& given, const ThreadStrings& fallback);

// The message for count `n` in the language's plural form, with `{n}` replaced.
std::string FormatCount(const Language& language, const PluralForms& forms, int64_t n);

// `pattern` with `{name}` replaced by `name`.
std::string FormatName(std::string_view pattern, std::string_view name);

}  // namespace parley::i18n
