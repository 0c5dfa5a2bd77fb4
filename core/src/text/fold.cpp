#include "parley/text/fold.h"

#include <algorithm>
#include <cstdint>
#include <iterator>

namespace parley::text {

namespace {

#include "fold_table.inc"

// The kinds of kFoldRunValues (generate_fold_table.py writes the same numbers).
enum RunKind : uint32_t {
  kRunPunct = 0,
  kRunSpace = 1,
  kRunDrop = 2,
  kRunDelta = 3,  // the n-th code point of the run folds to value + n
  kRunConst = 4,  // every code point of the run folds to value
  kRunMulti = 5,  // every code point folds to the 0-terminated string at kFoldStrings[value]
};

constexpr uint32_t kLengthBits = 11;
constexpr uint32_t kValueMask = (1u << 21) - 1;

CharFold Single(CharClass char_class, char32_t code_point) {
  CharFold fold;
  fold.char_class = char_class;
  fold.size = 1;
  fold.folded[0] = code_point;
  return fold;
}

CharFold FoldAscii(char32_t c) {
  if (c >= 'A' && c <= 'Z') {
    CharFold fold = Single(CharClass::kLetter, c + ('a' - 'A'));
    fold.upper = true;
    return fold;
  }
  if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return Single(CharClass::kLetter, c);
  if (c == ' ' || (c >= '\t' && c <= '\r')) return Single(CharClass::kSpace, c);
  return Single(CharClass::kPunct, c);
}

// Capitals are kept in their own small table so the fold runs need not split at every
// alternating capital of Latin Extended-A.
bool IsUpper(char32_t code_point) {
  const uint32_t key =
      (static_cast<uint32_t>(code_point) << kLengthBits) | ((1u << kLengthBits) - 1);
  const auto* after = std::upper_bound(std::begin(kUpperRuns), std::end(kUpperRuns), key);
  if (after == std::begin(kUpperRuns)) return false;
  const uint32_t run = *(after - 1);
  const char32_t first = run >> kLengthBits;
  const uint32_t stride = (run >> 10) & 1u ? 2 : 1;
  const uint32_t length = (run & 0x3FFu) + 1;
  const uint32_t offset = static_cast<uint32_t>(code_point - first);
  return offset % stride == 0 && offset / stride < length;
}

}  // namespace

CharFold FoldCodePoint(char32_t code_point) {
  if (code_point < 0x80) return FoldAscii(code_point);
  const uint32_t key =
      (static_cast<uint32_t>(code_point) << kLengthBits) | ((1u << kLengthBits) - 1);
  const auto* after = std::upper_bound(std::begin(kFoldRunStarts), std::end(kFoldRunStarts), key);
  if (after == std::begin(kFoldRunStarts)) return Single(CharClass::kLetter, code_point);
  const size_t index = static_cast<size_t>(after - std::begin(kFoldRunStarts)) - 1;
  const uint32_t start = kFoldRunStarts[index];
  const char32_t first = start >> kLengthBits;
  const uint32_t length = (start & ((1u << kLengthBits) - 1)) + 1;
  const uint32_t offset = static_cast<uint32_t>(code_point - first);
  if (offset >= length) return Single(CharClass::kLetter, code_point);

  const uint32_t value = kFoldRunValues[index] & kValueMask;
  CharFold fold;
  switch (kFoldRunValues[index] >> 21) {
    case kRunPunct:
      return Single(CharClass::kPunct, code_point);
    case kRunSpace:
      return Single(CharClass::kSpace, code_point);
    case kRunDrop:
      fold.char_class = CharClass::kDrop;
      return fold;
    case kRunDelta:
      fold = Single(CharClass::kLetter, value + offset);
      break;
    case kRunConst:
      fold = Single(CharClass::kLetter, value);
      break;
    default:
      for (const char32_t* c = &kFoldStrings[value]; *c != 0 && fold.size < CharFold::kMaxFold;
           ++c) {
        fold.folded[fold.size++] = *c;
      }
      break;
  }
  // A fold can land on ASCII punctuation (fullwidth "！" -> "!"): take that character's class.
  if (fold.size == 1 && fold.folded[0] < 0x80) {
    const bool upper = IsUpper(code_point);
    fold = FoldAscii(fold.folded[0]);
    fold.upper = upper;
    return fold;
  }
  fold.upper = IsUpper(code_point);
  return fold;
}

}  // namespace parley::text
