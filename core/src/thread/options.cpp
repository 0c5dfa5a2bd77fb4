#include "parley/thread/options.h"

#include "parley/utf8.h"

#include "../text/decimal.h"

namespace parley::thread {

bool ParseSort(std::string_view name, Sort* sort) {
  if (name == "oldest") *sort = Sort::kOldest;
  else if (name == "newest") *sort = Sort::kNewest;
  else if (name == "best") *sort = Sort::kBest;
  else return false;
  return true;
}

namespace {

// Reads an optional integer field within [min, max]; records an error if present but wrong.
void ReadInteger(json::View document, std::string_view key, int64_t min, int64_t max,
                 int64_t* out, std::string* error) {
  const json::View value = document[key];
  if (value.IsNull() || !error->empty()) return;
  if (auto integer = value.AsInteger(min, max)) {
    *out = *integer;
    return;
  }
  *error = "option '" + std::string(key) + "' must be a whole number from " +
           text::Decimal(min) + " to " + text::Decimal(max);
}

void ReadBool(json::View document, std::string_view key, bool* out, std::string* error) {
  const json::View value = document[key];
  if (value.IsNull() || !error->empty()) return;
  if (!value.IsBool()) {
    *error = "option '" + std::string(key) + "' must be true or false";
    return;
  }
  *out = value.AsBool();
}

void ReadString(json::View document, std::string_view key, std::string* out,
                std::string* error) {
  const json::View value = document[key];
  if (value.IsNull() || !error->empty()) return;
  if (!value.IsString()) {
    *error = "option '" + std::string(key) + "' must be a string";
    return;
  }
  *out = utf8::Sanitize(value.AsString());
}

}  // namespace

ThreadOptions OptionsFromJson(json::View document, std::string* error) {
  ThreadOptions options;
  if (document.IsNull()) return options;
  if (!document.IsObject()) {
    *error = "the options must be a JSON object";
    return options;
  }
  std::string sort_name;
  ReadString(document, "sort", &sort_name, error);
  if (error->empty() && !sort_name.empty() && !ParseSort(sort_name, &options.sort)) {
    *error = "option 'sort' must be \"oldest\", \"newest\" or \"best\"";
  }
  ReadInteger(document, "page", 0, 1000000, &options.page, error);
  ReadInteger(document, "pageSize", 1, 1000, &options.page_size, error);
  ReadString(document, "cursor", &options.cursor, error);
  ReadInteger(document, "maxDepth", 1, 64, &options.max_depth, error);
  ReadInteger(document, "collapseAfter", 0, 1000000, &options.collapse_after, error);
  ReadString(document, "lang", &options.lang, error);
  ReadBool(document, "numbered", &options.numbered, error);
  ReadBool(document, "saidStyle", &options.said_style, error);
  const json::View expanded = document["expanded"];
  if (error->empty() && !expanded.IsNull()) {
    if (!expanded.IsArray()) *error = "option 'expanded' must be an array of comment ids";
    for (json::View id : expanded.Items()) {
      if (id.IsString()) options.expanded.push_back(utf8::Sanitize(id.AsString()));
    }
  }
  const json::View strings = document["strings"];
  if (error->empty() && !strings.IsNull()) {
    options.strings.given = i18n::ReadThreadStrings(strings, &options.strings.strings, &options.strings.text, error);
  }
  const json::View viewer = document["viewer"];
  if (error->empty() && !viewer.IsNull()) {
    if (!viewer.IsObject()) *error = "option 'viewer' must be an object";
    ReadString(viewer, "authorId", &options.viewer.author_id, error);
    ReadBool(viewer, "moderator", &options.viewer.moderator, error);
  }
  return options;
}

}  // namespace parley::thread
