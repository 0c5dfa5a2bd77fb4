#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace parley::thread {

// An instant parsed from an RFC 3339 date-time, in milliseconds since 1970-01-01T00:00:00Z.
struct Timestamp {
  int64_t unix_ms = 0;
};

// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)` (a space or lower-case t/z are
// accepted too, as RFC 3339 allows). Returns nullopt for anything else, including impossible
// dates such as February 30th.
std::optional<Timestamp> ParseRfc3339(std::string_view text);

// The instant as `YYYY-MM-DDTHH:MM:SSZ` (UTC, whole seconds): the `datetime` the HTML carries.
std::string FormatRfc3339(Timestamp time);

// The instant as `YYYY-MM-DD HH:MM UTC`: the absolute date readers without JavaScript see.
std::string FormatReadable(Timestamp time);

// Append the same texts to `out`, for the renderer, which writes two per comment.
void AppendRfc3339(std::string* out, Timestamp time);
void AppendReadable(std::string* out, Timestamp time);

}  // namespace parley::thread
