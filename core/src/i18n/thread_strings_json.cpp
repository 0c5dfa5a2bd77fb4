// The thread option `strings`: a caller's own wording, in the format of thread_strings/*.json.
// The widget passes its language pack's (the reading WebAssembly module carries English only);
// a publisher may also reword a message or two.
#include <string>

#include "parley/i18n/catalog.h"
#include "parley/utf8.h"

namespace parley::i18n {

namespace {

struct TextField {
  std::string_view name;
  std::string_view ThreadStrings::*member;
};

struct PluralField {
  std::string_view name;
  PluralForms ThreadStrings::*member;
};

struct Form {
  std::string_view name;
  std::string_view PluralForms::*member;
};

// Every field's JSON name (thread_strings/*.json) with its member, from the generator's list.
#include "thread_string_fields.inc"

// A message as text the thread may hold: valid UTF-8 without control characters, kept alive
// in `storage` (the renderer escapes it where it is written).
bool ReadMessage(json::View value, std::string_view name, std::string_view* out,
                 std::forward_list<std::string>* storage, std::string* error) {
  if (value.IsNull()) return true;
  if (!value.IsString()) {
    *error = "option 'strings." + std::string(name) + "' must be a string";
    return false;
  }
  storage->push_front(utf8::Sanitize(value.AsString()));
  *out = storage->front();
  return true;
}

}  // namespace

bool ReadThreadStrings(json::View value, ThreadStrings* given, std::forward_list<std::string>* storage,
                       std::string* error) {
  if (!value.IsObject()) {
    *error = "option 'strings' must be an object of messages";
    return false;
  }
  for (const TextField& field : kTextFields) {
    if (!ReadMessage(value[field.name], field.name, &(given->*field.member), storage, error)) return false;
  }
  for (const PluralField& field : kPluralFields) {
    const json::View forms = value[field.name];
    if (forms.IsNull()) continue;
    if (!forms.IsObject()) {
      *error = "option 'strings." + std::string(field.name) + "' must be an object of plural forms";
      return false;
    }
    for (const Form& form : kForms) {
      const std::string name = std::string(field.name) + "." + std::string(form.name);
      if (!ReadMessage(forms[form.name], name, &((given->*field.member).*form.member), storage, error)) return false;
    }
  }
  return true;
}

ThreadStrings MergeThreadStrings(const ThreadStrings& given, const ThreadStrings& fallback) {
  ThreadStrings merged = given;
  for (const TextField& field : kTextFields) {
    if ((merged.*field.member).empty()) merged.*field.member = fallback.*field.member;
  }
  // A count given in any form is the caller's whole message: its missing forms fall back to its
  // own `other` (as FormatCount does), not to another language's words.
  for (const PluralField& field : kPluralFields) {
    PluralForms& forms = merged.*field.member;
    if (forms.other.empty()) forms = fallback.*field.member;
  }
  return merged;
}

}  // namespace parley::i18n
