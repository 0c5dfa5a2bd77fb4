#pragma once

#include <cstddef>
#include <string>
#include <string_view>

// HTML character references (&amp; &#233; &#xE9;) as CommonMark reads them, always closed by
// ';'. Named ones are HTML 4.01's and &apos; (with their HTML5 values), not all of HTML5's:
// the full table would cost 10 KB gzipped of the reader's download (generate_tables.py says
// more). Any other name is plain text, rendered escaped as written.
namespace parley::markup {

// A recognised reference: its length in the source and its value.
struct CharacterReference {
  size_t length = 0;             // bytes from '&' to ';' inclusive
  std::string_view named_value;  // for a named reference: its UTF-8 value (static storage)
  char32_t code_point = 0;       // for a numeric reference: the code point it stands for
};

// Recognises a reference starting at text[pos] (which must be '&'). A numeric reference to
// NUL, a surrogate, a forbidden control or past U+10FFFF stands for U+FFFD.
bool MatchCharacterReference(std::string_view text, size_t pos, CharacterReference* reference);

// Appends the UTF-8 value of `reference`.
void AppendReferenceValue(const CharacterReference& reference, std::string* out);

}  // namespace parley::markup
