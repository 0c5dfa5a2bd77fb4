#pragma once

#include <cstdint>
#include <forward_list>
#include <string>
#include <vector>

#include "parley/i18n/catalog.h"
#include "parley/json.h"

namespace parley::thread {

// How top-level comments are ordered. Replies are always oldest first.
enum class Sort { kOldest, kNewest, kBest };

// Who is looking, which decides whether held comments are shown (to their author and to
// moderators only).
struct Viewer {
  std::string author_id;  // the viewer's identity id; empty for an anonymous reader
  bool moderator = false;
};

// Wording a caller gives for the thread (the option `strings`), with the text it views. It
// moves (the list's nodes stay put) but does not copy, which would leave views into the
// original's text.
struct GivenStrings {
  bool given = false;
  i18n::ThreadStrings strings;  // empty fields fall back to the language's built-in strings
  std::forward_list<std::string> text;

  GivenStrings() = default;
  GivenStrings(GivenStrings&&) = default;
  GivenStrings& operator=(GivenStrings&&) = default;
  GivenStrings(const GivenStrings&) = delete;
  GivenStrings& operator=(const GivenStrings&) = delete;
};

// Everything that shapes a rendered thread. Defaults give the whole thread, oldest first.
struct ThreadOptions {
  Sort sort = Sort::kOldest;
  int64_t page = 0;         // 1-based page of top-level comments; 0 for all of them
  int64_t page_size = 50;   // top-level comments per page
  std::string cursor;       // continue after this cursor (from a previous page's "load more")
  int64_t max_depth = 6;    // deeper replies continue flat, with "in reply to NAME"
  int64_t collapse_after = 0;          // replies shown under a comment before "N more replies" (0: all)
  std::vector<std::string> expanded;   // comments whose replies are shown in full regardless
  std::string lang = "en";
  GivenStrings strings;  // none given: the built-in strings of `lang`
  bool numbered = false;    // "1.", "2." before top-level comments, as on the seed page
  bool said_style = false;  // "NAME said:" headers, as on the seed page
  Viewer viewer;
};

// Reads options from JSON (`{"sort": "best", "page": 1, "lang": "ru", ...}`; field names in
// docs/THREADS.md). Unknown fields are ignored; a field of the wrong type or out of range is
// an error, reported in `error`, so a caller's typo never silently renders something else.
ThreadOptions OptionsFromJson(json::View document, std::string* error);

// Reads a sort name ("oldest", "newest", "best"); false if it is none of them.
bool ParseSort(std::string_view name, Sort* sort);

}  // namespace parley::thread
