#pragma once

#include <cstdint>
#include <string_view>

// The markup parser's output: a stream of events, in document order, in the style of md4c.
// Blocks and spans are entered and left in properly nested order; text arrives as views into
// the parser's (normalised) copy of the input or into small static strings, valid only for the
// duration of the call. A consumer that needs the text later copies it.
namespace parley::markup {

// Block-level structure. Headings, HTML blocks and tables are deliberately absent: their
// syntax is read as paragraph text.
enum class BlockType : uint8_t {
  kDocument,
  kQuote,        // > block quote
  kBulletList,   // - + * items
  kOrderedList,  // 1. 1) items
  kListItem,
  kParagraph,      // not reported inside tight lists: their text goes straight into the item
  kCode,           // fenced or indented code block; its text arrives as TextType::kCode
  kThematicBreak,  // *** --- ___ (entered and left with nothing in between)
};

// Inline structure.
enum class SpanType : uint8_t {
  kEmphasis,       // *x* _x_
  kStrong,         // **x** __x__
  kStrikethrough,  // ~~x~~
  kCode,           // `x`; its text arrives as TextType::kCode
  kLink,           // [x](url), [x][ref], <url>, bare http://, https:// and www. URLs
};

// Kinds of text.
enum class TextType : uint8_t {
  kNormal,     // ordinary text, entities and escapes already decoded
  kCode,       // the contents of a code span or block, verbatim
  kSoftBreak,  // a line break inside a paragraph (text is "\n")
  kHardBreak,  // a line break made explicit with a trailing backslash or two spaces
};

// What EnterBlock says beyond the type.
struct BlockDetail {
  bool tight = false;         // lists: no blank line separates the items or their blocks
  uint32_t start = 1;         // ordered lists: the number of the first item
  char marker = 0;            // lists: '-', '+' or '*' for bullets, '.' or ')' for ordered
  bool fenced = false;        // code blocks: fenced rather than indented
  std::string_view language;  // code blocks: the fence's first word, decoded but unchecked
};

// What EnterSpan says beyond the type.
struct SpanDetail {
  std::string_view href;   // links: the destination, decoded, before any policy or escaping
  std::string_view title;  // links: the title, decoded (empty when there is none)
  bool autolink = false;   // links: written as <url> or as a bare URL, the text is the URL
};

// Receives the events of one Parse call.
class EventSink {
 public:
  virtual ~EventSink() = default;
  // A block starts; every EnterBlock is matched by a LeaveBlock of the same type.
  virtual void EnterBlock(BlockType type, const BlockDetail& detail) = 0;
  // The innermost open block ends.
  virtual void LeaveBlock(BlockType type) = 0;
  // A span starts; spans nest inside blocks and inside each other, never across them.
  virtual void EnterSpan(SpanType type, const SpanDetail& detail) = 0;
  // The innermost open span ends.
  virtual void LeaveSpan(SpanType type) = 0;
  // A piece of text of the innermost open block or span.
  virtual void Text(TextType type, std::string_view text) = 0;
};

}  // namespace parley::markup
