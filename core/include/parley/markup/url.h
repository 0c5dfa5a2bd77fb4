#pragma once

#include <string>
#include <string_view>

// Which link URLs may reach a page, and how they are written into an href. Shared by the
// markup renderer and by any other place that prints a user-supplied URL (a commenter's
// website, say).
//
// The policy, decided on the URL as a browser would see it (after entity decoding, with
// leading and trailing C0 controls and spaces removed and tabs and newlines removed anywhere):
// - a URL with a scheme is allowed only if the scheme is http, https or mailto (any case);
// - a URL is taken to have a scheme when a ':' comes before the first '/', '?' or '#', even if
//   what precedes it is not a valid scheme name, so nothing a browser might treat as a scheme
//   slips through;
// - URLs without a scheme (relative paths, "//host" references, "?query", "#fragment") are
//   allowed: they resolve against the comment's page, like any link the page itself has.
namespace parley::markup {

// True when `url` (decoded, not yet percent-encoded) may become a link.
bool IsAllowedLinkUrl(std::string_view url);

// Appends `url` as the value of an href attribute: the characters a browser strips removed,
// percent-encoded as CommonMark renderers do (existing %XX escapes kept, every other byte
// outside the URL-safe ASCII set encoded) and then attribute-escaped.
void AppendHref(std::string* out, std::string_view url);

}  // namespace parley::markup
