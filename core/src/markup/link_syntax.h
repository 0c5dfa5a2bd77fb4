#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "references.h"

// The pieces of link syntax shared by inline links and reference definitions. Every scanner
// works on a paragraph's text, reads forward from *pos only, and stops at the first character
// that cannot belong to what it scans, which keeps the inline parser linear (see
// inline_parser.cpp for why each stop bounds the total work).
namespace parley::markup {

// A half-open byte range of a paragraph's text.
struct TextRange {
  size_t begin = 0;
  size_t end = 0;
};

// True for the ASCII punctuation characters a backslash can escape.
bool IsAsciiPunctuation(char c);

// Skips spaces and tabs and at most one line ending. Returns false if it met a second one.
bool SkipLinkWhitespace(std::string_view text, size_t* pos);

// A link destination at text[*pos]: <...> (possibly empty) or a raw run without spaces or
// controls whose unescaped parentheses balance (nesting at most 32). `dest` excludes <>.
bool ScanLinkDestination(std::string_view text, size_t* pos, TextRange* dest);

// A link title at text[*pos]: "...", '...' or (...). `title` excludes the delimiters.
bool ScanLinkTitle(std::string_view text, size_t* pos, TextRange* title);

// A link label at text[*pos] == '[': at most 999 characters with no unescaped bracket and
// not only whitespace, up to the closing ']'. `label` excludes the brackets.
bool ScanLinkLabel(std::string_view text, size_t* pos, TextRange* label);

// The "(destination title)" after a link's text, at text[*pos] == '('.
bool ScanInlineLinkTail(std::string_view text, size_t* pos, TextRange* dest, TextRange* title);

// Appends `raw` with backslash escapes and character references decoded; a line ending and
// the whitespace after it become a single '\n'.
void AppendUnescaped(std::string* out, std::string_view raw);

// Parses a link reference definition starting at text[pos], adds it to `references` and
// returns the position after its line ending; returns std::string_view::npos if there is none.
size_t ParseReferenceDefinition(std::string_view text, size_t pos, ReferenceMap* references);

}  // namespace parley::markup
