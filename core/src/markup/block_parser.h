#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parley/markup/events.h"
#include "references.h"

// The first of the parser's two phases: the block structure of the whole comment, as a flat
// list of records in document order. It has to come first because a list's tightness and the
// link reference definitions are known only at the end; inlines are parsed in the second phase
// (parser.cpp) while the records are replayed as events.
namespace parley::markup {

// The content of one line of a leaf block: text[begin, end) preceded by `pad` spaces, which are
// what remains of a tab that the container prefix consumed only in part.
struct BlockLine {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t pad = 0;
};

enum class RecordKind : uint8_t {
  kEnter,  // a container (quote, list, list item) opens
  kLeave,  // the innermost open container closes
  kLeaf,   // a paragraph, code block or thematic break, with its lines
};

struct BlockRecord {
  RecordKind kind = RecordKind::kLeaf;
  BlockType type = BlockType::kParagraph;
  bool tight = true;        // lists
  bool fenced = false;      // code blocks
  char marker = 0;          // lists
  uint32_t start = 1;       // ordered lists
  uint32_t first_line = 0;  // leaves: lines[first_line, first_line + line_count)
  uint32_t line_count = 0;
  uint32_t info_begin = 0;  // fenced code: the first word of the info string, raw
  uint32_t info_end = 0;
};

// The block structure of a comment and its link reference definitions. One tree serves
// comment after comment (parser.cpp keeps it), so its vectors are allocated once.
struct BlockTree {
  std::vector<BlockRecord> records;
  std::vector<BlockLine> lines;
  ReferenceMap references;
};

// Parses the block structure of `text` (normalised: valid UTF-8, LF line endings) into
// `tree`, replacing what it held but keeping its storage.
void ParseBlocks(std::string_view text, BlockTree* tree);

// A paragraph's lines as one string, joined by '\n'. Most paragraphs are one stretch of the
// text (their lines are separated only by a line ending and indentation, which the inline
// parser skips), and come back as a view of it; the others, inside block quotes, are copied
// into `scratch`.
std::string_view ParagraphText(std::string_view text, const BlockLine* lines, size_t count,
                               std::string* scratch);

}  // namespace parley::markup
