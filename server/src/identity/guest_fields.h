#pragma once

#include <string>
#include <string_view>

// What a guest types about themselves, checked and normalised before it is stored. Output
// escaping happens where HTML is made; these checks keep the stored values tidy and bounded.
namespace parley::identity {

// A normalised field or the reason it was refused (a message for the reader).
struct FieldResult {
  std::string value;
  std::string error;
  bool ok() const { return error.empty(); }
};

// The longest display name, in characters (code points) after trimming.
inline constexpr size_t kMaxNameCharacters = 64;

// A display name: invalid UTF-8 and control characters replaced, bidirectional overrides and
// invisible formatting removed (they can disguise a name as someone else's), runs of white
// space collapsed to one space, trimmed; then 1 to 64 characters.
FieldResult NormalizeDisplayName(std::string_view raw);

// An optional email (empty is fine): trimmed, lower-cased, at most 254 bytes, one '@' with
// text on both sides and a dot in the domain, no spaces or controls.
FieldResult NormalizeEmail(std::string_view raw);

// An optional website (empty is fine): an absolute http or https URL with a host, at most
// 2048 bytes, no spaces or controls. A bare "example.com" gets "https://" in front.
FieldResult NormalizeWebsite(std::string_view raw);

}  // namespace parley::identity
