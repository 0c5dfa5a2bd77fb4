#include "unicode.h"

#include <algorithm>
#include <cstdint>
#include <iterator>

#include "parley/utf8.h"

namespace parley::markup {

namespace {

#include "unicode_tables.inc"

}  // namespace

bool IsUnicodeWhitespace(char32_t code_point) {
  switch (code_point) {
    case ' ':
    case '\t':
    case '\n':
    case '\f':
    case '\r':
    case 0x00A0:
    case 0x1680:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return true;
    default:
      return code_point >= 0x2000 && code_point <= 0x200A;  // the rest of category Zs
  }
}

bool IsUnicodePunctuation(char32_t code_point) {
  // The first range that ends at or after the code point; it matches if it starts before.
  const auto* range =
      std::lower_bound(std::begin(kPunctuationRanges), std::end(kPunctuationRanges), code_point,
                       [](const uint32_t(&entry)[2], char32_t value) { return entry[1] < value; });
  return range != std::end(kPunctuationRanges) && (*range)[0] <= code_point;
}

void AppendCaseFolded(std::string* out, char32_t code_point) {
  if (code_point < 0x80) {
    out->push_back(
        static_cast<char>(code_point >= 'A' && code_point <= 'Z' ? code_point + 32 : code_point));
    return;
  }
  const auto* full =
      std::lower_bound(std::begin(kFullFoldings), std::end(kFullFoldings), code_point,
                       [](const uint32_t(&entry)[4], char32_t value) { return entry[0] < value; });
  if (full != std::end(kFullFoldings) && (*full)[0] == code_point) {
    for (size_t i = 1; i < 4 && (*full)[i] != 0; ++i) utf8::Append(out, (*full)[i]);
    return;
  }
  // The last run that starts at or before the code point.
  const auto* run = std::upper_bound(std::begin(kFoldRuns), std::end(kFoldRuns), code_point,
                                     [](char32_t value, const int32_t(&entry)[4]) {
                                       return value < static_cast<char32_t>(entry[0]);
                                     });
  if (run != std::begin(kFoldRuns)) {
    const int32_t(&entry)[4] = *(run - 1);
    const auto first = static_cast<char32_t>(entry[0]);
    const auto last = static_cast<char32_t>(entry[1]);
    const auto stride = static_cast<char32_t>(entry[3]);
    if (code_point <= last &&
        (stride == 0 ? code_point == first : (code_point - first) % stride == 0)) {
      utf8::Append(out, static_cast<char32_t>(static_cast<int32_t>(code_point) + entry[2]));
      return;
    }
  }
  utf8::Append(out, code_point);
}

}  // namespace parley::markup
