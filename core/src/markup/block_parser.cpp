#include "block_parser.h"

#include <algorithm>

#include "link_syntax.h"
#include "parley/markup/parser.h"

#include "../text/hot.h"

namespace parley::markup {

namespace {

constexpr size_t kTabStop = 4;
constexpr size_t kCodeIndent = 4;

bool IsSpaceOrTab(char c) { return c == ' ' || c == '\t'; }

// A position in the current line, with the column it is at (tabs advance to the next multiple
// of 4) and whether the tab under it has been consumed only in part, as container prefixes
// may do.
struct LineCursor {
  std::string_view line;
  size_t pos = 0;
  size_t column = 0;
  bool partial_tab = false;

  char At(size_t i) const { return i < line.size() ? line[i] : '\n'; }

  // Consumes up to `columns` columns of spaces and tabs.
  void AdvanceColumns(size_t columns) {
    while (columns > 0 && pos < line.size()) {
      if (line[pos] == '\t') {
        const size_t width = (column / kTabStop + 1) * kTabStop - column;
        if (width > columns) {
          column += columns;
          partial_tab = true;
          return;
        }
        column += width;
        columns -= width;
        partial_tab = false;
        ++pos;
      } else if (line[pos] == ' ') {
        ++column;
        --columns;
        ++pos;
      } else {
        return;
      }
    }
  }

  // The spaces left of a partly consumed tab.
  size_t Pad() const { return partial_tab ? (column / kTabStop + 1) * kTabStop - column : 0; }
  // Where the content after Pad() starts.
  size_t ContentStart() const { return partial_tab ? pos + 1 : pos; }
};

// The first non-space character from a cursor on: where it is and how far it is indented.
struct Nonspace {
  size_t pos;
  size_t column;
  size_t indent;
  bool blank;  // only spaces and tabs remain
  char c;
};

// Runs several times on every line: it walks the raw bytes, because in the size-optimised
// WebAssembly build string_view's accessors stay function calls.
Nonspace FindNonspace(const LineCursor& cursor) {
  const char* const data = cursor.line.data();
  const size_t size = cursor.line.size();
  size_t pos = cursor.pos;
  size_t column = cursor.column;
  while (pos < size) {
    if (data[pos] == ' ') {
      ++column;
    } else if (data[pos] == '\t') {
      column = (column / kTabStop + 1) * kTabStop;
    } else {
      break;
    }
    ++pos;
  }
  const bool blank = pos == size;
  return {pos, column, column - cursor.column, blank, blank ? '\n' : data[pos]};
}

void AdvanceTo(LineCursor* cursor, const Nonspace& nonspace) {
  cursor->pos = nonspace.pos;
  cursor->column = nonspace.column;
  cursor->partial_tab = false;
}

// Three or more '*', '-' or '_' alone on the line, spaces and tabs between them allowed.
bool IsThematicBreak(std::string_view line, size_t pos) {
  const char marker = line[pos];
  if (marker != '*' && marker != '-' && marker != '_') return false;
  size_t count = 0;
  for (; pos < line.size(); ++pos) {
    if (line[pos] == marker) {
      ++count;
    } else if (!IsSpaceOrTab(line[pos])) {
      return false;
    }
  }
  return count >= 3;
}

// A line of '-' alone (trailing spaces allowed): a setext underline in CommonMark. Comments
// have no headings, and under a paragraph such a line stays the paragraph's text rather than
// becoming a thematic break, so what the reader typed is what shows.
bool IsDashUnderline(std::string_view line, size_t pos) {
  size_t end = line.size();
  while (end > pos && IsSpaceOrTab(line[end - 1])) --end;
  return end > pos && line.find_first_not_of('-', pos) >= end;
}

// True for the characters a block other than a paragraph can start with: > (quote), ` and ~
// (fence), * - _ (thematic break), * - + and digits (list item).
bool MayStartBlock(char c) {
  switch (c) {
    case '>':
    case '`':
    case '~':
    case '*':
    case '-':
    case '_':
    case '+':
      return true;
    default:
      return c >= '0' && c <= '9';
  }
}

struct ListMarker {
  bool ordered = false;
  char marker = 0;  // '-', '+', '*', or the delimiter '.' or ')'
  uint32_t start = 1;
  size_t width = 0;  // bytes (= columns) of the marker
};

bool ScanListMarker(std::string_view line, size_t pos, ListMarker* marker) {
  const char c = line[pos];
  if (c == '-' || c == '+' || c == '*') {
    *marker = {false, c, 1, 1};
  } else if (c >= '0' && c <= '9') {
    size_t end = pos;
    uint32_t start = 0;
    while (end < line.size() && end - pos < 9 && line[end] >= '0' && line[end] <= '9') {
      start = start * 10 + static_cast<uint32_t>(line[end] - '0');
      ++end;
    }
    if (end >= line.size() || (line[end] != '.' && line[end] != ')')) return false;
    *marker = {true, line[end], start, end + 1 - pos};
  } else {
    return false;
  }
  const size_t after = pos + marker->width;
  return after == line.size() || IsSpaceOrTab(line[after]);
}

// An open container.
struct Container {
  BlockType type;
  uint32_t record;            // its kEnter record
  size_t content_indent = 0;  // list items: the columns their content is indented by
  char marker = 0;            // lists: the bullet or the ordered delimiter
  bool has_child = false;     // list items: a block was opened in it
};

enum class LeafKind : uint8_t { kNone, kParagraph, kFencedCode, kIndentedCode };

class BlockParser {
 public:
  BlockParser(std::string_view text, BlockTree* tree) : text_(text), tree_(*tree) {
    tree_.records.clear();
    tree_.lines.clear();
    tree_.references.Clear();
  }

  void Run() {
    // Line ends are found eight bytes at a time, where a byte loop would see every byte.
    const char* const data = text_.data();
    size_t start = 0;
    while (start < text_.size()) {
      const size_t end = start + hot::FindByte(data + start, text_.size() - start, '\n');
      ProcessLine(start, end);
      start = end + 1;
    }
    CloseLeaf();
    CloseContainersFrom(0);
    tree_.references.Finish();
  }

 private:
  void ProcessLine(size_t line_start, size_t line_end) {
    line_start_ = line_start;
    LineCursor cursor{text_.substr(line_start, line_end - line_start)};
    const size_t matched = MatchContainers(&cursor);

    // Inside a fenced or indented code block whose containers all continue, the line is code
    // (or the fence that closes it).
    if (matched == containers_.size() && leaf_ == LeafKind::kFencedCode) {
      ContinueFencedCode(&cursor);
      return;
    }
    const Nonspace first = FindNonspace(cursor);
    // The common case, most lines of most comments: a line that continues an open paragraph
    // and cannot start a block. StartBlocks would come to the same answer after trying every
    // kind of block in turn.
    if (matched == containers_.size() && leaf_ == LeafKind::kParagraph && !first.blank &&
        (first.indent >= kCodeIndent || !MayStartBlock(first.c))) {
      AddLine(first.pos, cursor.line.size(), 0);
      blank_depth_ = kNoBlank;
      return;
    }
    if (matched == containers_.size() && leaf_ == LeafKind::kIndentedCode) {
      if (first.indent >= kCodeIndent) {
        cursor.AdvanceColumns(kCodeIndent);
        AddLeafLine(cursor);
        blank_depth_ = kNoBlank;
        return;
      }
      if (first.blank) {
        AddLine(line_end - line_start, line_end - line_start, 0);
        NoteBlankLine(false);
        return;
      }
      CloseLeaf();
    }

    // A list whose item did not continue may still get a new item; for everything else the
    // list closes with the item.
    size_t keep = matched;
    size_t continuable_list = kNoList;
    if (keep > 0 && IsList(containers_[keep - 1].type)) {
      continuable_list = keep - 1;
      --keep;
    }
    StartBlocks(&cursor, keep, continuable_list);
  }

  // CommonMark's first step: which open containers the line continues.
  size_t MatchContainers(LineCursor* cursor) {
    size_t matched = 0;
    for (; matched < containers_.size(); ++matched) {
      const Container& container = containers_[matched];
      if (IsList(container.type)) continue;  // a list continues as long as its item does
      const Nonspace next = FindNonspace(*cursor);
      if (container.type == BlockType::kQuote) {
        if (next.indent >= kCodeIndent || next.c != '>') break;
        AdvanceTo(cursor, next);
        ++cursor->pos;
        ++cursor->column;
        if (IsSpaceOrTab(cursor->At(cursor->pos))) cursor->AdvanceColumns(1);
      } else if (next.blank) {
        // A blank line continues an item that has content; an item may begin with only one.
        if (!container.has_child) break;
        AdvanceTo(cursor, next);
      } else if (next.indent >= container.content_indent) {
        cursor->AdvanceColumns(container.content_indent);
      } else {
        break;
      }
    }
    return matched;
  }

  // CommonMark's second step: new containers and leaves starting on the line, then its text.
  void StartBlocks(LineCursor* cursor, size_t matched, size_t continuable_list) {
    const bool lazy_allowed = leaf_ == LeafKind::kParagraph;
    const bool all_matched = matched == containers_.size();
    bool opened = false;  // a container was opened on this line
    bool unmatched_closed = false;
    // Closes what the line did not continue, once, before the first new block.
    const auto close_unmatched = [&](bool keep_list) {
      if (unmatched_closed) return;
      unmatched_closed = true;
      CloseLeaf();
      const size_t keep = keep_list && continuable_list != kNoList ? continuable_list + 1 : matched;
      CloseContainersFrom(keep);
    };

    while (true) {
      const Nonspace next = FindNonspace(*cursor);
      const bool paragraph_open = leaf_ == LeafKind::kParagraph;
      if (next.indent >= kCodeIndent) {
        // Indented code cannot interrupt a paragraph.
        if (paragraph_open || next.blank) break;
        close_unmatched(false);
        NoteNewBlock();
        cursor->AdvanceColumns(kCodeIndent);
        OpenLeaf(LeafKind::kIndentedCode, BlockType::kCode);
        AddLeafLine(*cursor);
        blank_depth_ = kNoBlank;
        return;
      }
      if (next.blank) break;
      if (next.c == '>' && Nesting() < kMaxNesting) {
        close_unmatched(false);
        CloseLeaf();
        NoteNewBlock();
        OpenContainer({BlockType::kQuote, 0});
        continuable_list = kNoList;
        AdvanceTo(cursor, next);
        ++cursor->pos;
        ++cursor->column;
        if (IsSpaceOrTab(cursor->At(cursor->pos))) cursor->AdvanceColumns(1);
        opened = true;
        continue;
      }
      if (StartsFence(cursor->line, next)) {
        close_unmatched(false);
        CloseLeaf();
        NoteNewBlock();
        OpenFence(cursor->line, next);
        blank_depth_ = kNoBlank;
        return;
      }
      const bool underline =
          paragraph_open && all_matched && !opened && IsDashUnderline(cursor->line, next.pos);
      if (!underline && IsThematicBreak(cursor->line, next.pos)) {
        close_unmatched(false);
        CloseLeaf();
        NoteNewBlock();
        OpenLeaf(LeafKind::kNone, BlockType::kThematicBreak);
        blank_depth_ = kNoBlank;
        return;
      }
      ListMarker marker;
      if (ScanListMarker(cursor->line, next.pos, &marker) && Nesting() < kMaxNesting) {
        LineCursor after = *cursor;
        AdvanceTo(&after, next);
        after.pos += marker.width;
        after.column += marker.width;
        const Nonspace content = FindNonspace(after);
        // Only a list that starts with 1 and has content may interrupt a paragraph.
        const bool interrupts = paragraph_open && all_matched && !opened;
        if (!interrupts || (!content.blank && (!marker.ordered || marker.start == 1))) {
          const BlockType type = marker.ordered ? BlockType::kOrderedList : BlockType::kBulletList;
          const bool same_list = continuable_list != kNoList &&
                                 containers_[continuable_list].type == type &&
                                 containers_[continuable_list].marker == marker.marker;
          close_unmatched(same_list);
          CloseLeaf();
          StartListItem(cursor, next, marker, after, content, same_list);
          continuable_list = kNoList;
          opened = true;
          continue;
        }
      }
      break;
    }

    const Nonspace rest = FindNonspace(*cursor);
    if (rest.blank) {
      close_unmatched(true);
      CloseLeaf();
      NoteBlankLine(opened);
      return;
    }
    if (!opened && lazy_allowed && leaf_ == LeafKind::kParagraph) {
      // A paragraph continuation line; if containers did not continue, a lazy one.
      AddLine(rest.pos, cursor->line.size(), 0);
      blank_depth_ = kNoBlank;
      return;
    }
    close_unmatched(false);
    CloseLeaf();
    NoteNewBlock();
    OpenLeaf(LeafKind::kParagraph, BlockType::kParagraph);
    AddLine(rest.pos, cursor->line.size(), 0);
    blank_depth_ = kNoBlank;
  }

  // Opens a list item, and its list unless it continues the innermost open one.
  void StartListItem(LineCursor* cursor, const Nonspace& at, const ListMarker& marker,
                     const LineCursor& after_marker, const Nonspace& content, bool same_list) {
    if (same_list) {
      // Items separated by a blank line make the list loose.
      const size_t list = containers_.size() - 1;
      if (BlankLineWithin(list)) tree_.records[containers_[list].record].tight = false;
    } else {
      NoteNewBlock();
      const BlockType type = marker.ordered ? BlockType::kOrderedList : BlockType::kBulletList;
      BlockRecord list;
      list.type = type;
      list.marker = marker.marker;
      list.start = marker.start;
      OpenContainer({type, 0, 0, marker.marker}, list);
    }
    // The content starts after the marker and 1 to 4 spaces; with 5 or more, or none, after
    // one (the rest is indented code, or the item starts blank).
    const size_t padding = content.blank || content.indent > kCodeIndent ? 1 : content.indent;
    const size_t indent = at.indent + marker.width + padding;
    OpenContainer({BlockType::kListItem, 0, indent});
    *cursor = after_marker;
    if (!content.blank) cursor->AdvanceColumns(padding);
  }

  void ContinueFencedCode(LineCursor* cursor) {
    const Nonspace next = FindNonspace(*cursor);
    if (next.indent < kCodeIndent && next.c == fence_char_) {
      size_t end = next.pos;
      while (end < cursor->line.size() && cursor->line[end] == fence_char_) ++end;
      size_t rest = end;
      while (rest < cursor->line.size() && IsSpaceOrTab(cursor->line[rest])) ++rest;
      if (end - next.pos >= fence_length_ && rest == cursor->line.size()) {
        CloseLeaf();
        blank_depth_ = kNoBlank;
        return;
      }
    }
    cursor->AdvanceColumns(std::min(next.indent, fence_indent_));
    AddLeafLine(*cursor);
    blank_depth_ = kNoBlank;
  }

  static bool StartsFence(std::string_view line, const Nonspace& next) {
    if (next.c != '`' && next.c != '~') return false;
    size_t end = next.pos;
    while (end < line.size() && line[end] == next.c) ++end;
    if (end - next.pos < 3) return false;
    return next.c == '~' || line.find('`', end) == std::string_view::npos;
  }

  void OpenFence(std::string_view line, const Nonspace& next) {
    fence_char_ = next.c;
    size_t end = next.pos;
    while (end < line.size() && line[end] == fence_char_) ++end;
    fence_length_ = end - next.pos;
    fence_indent_ = next.indent;
    OpenLeaf(LeafKind::kFencedCode, BlockType::kCode);
    BlockRecord& record = tree_.records.back();
    record.fenced = true;
    while (end < line.size() && IsSpaceOrTab(line[end])) ++end;
    size_t word_end = end;
    while (word_end < line.size() && !IsSpaceOrTab(line[word_end])) ++word_end;
    record.info_begin = static_cast<uint32_t>(line_start_ + end);
    record.info_end = static_cast<uint32_t>(line_start_ + word_end);
  }

  // Nesting counts block quotes and list items (a list itself adds no level of its own).
  size_t Nesting() const {
    return static_cast<size_t>(std::count_if(containers_.begin(), containers_.end(),
                                             [](const Container& c) { return !IsList(c.type); }));
  }

  static bool IsList(BlockType type) {
    return type == BlockType::kBulletList || type == BlockType::kOrderedList;
  }

  // Before a block opens in the innermost container: if that is a list item which already
  // has a block and a blank line came in between, the list is loose.
  void NoteNewBlock() {
    if (containers_.empty()) return;
    Container& parent = containers_.back();
    if (parent.type != BlockType::kListItem) return;
    const size_t list = containers_.size() - 2;
    if (parent.has_child && BlankLineWithin(list) && blank_depth_ >= containers_.size()) {
      tree_.records[containers_[list].record].tight = false;
    }
    parent.has_child = true;
  }

  // Remembers a blank line for the looseness of the lists it falls in. A blank line that
  // opened an item ("-" alone) is not one; a blank line inside a block quote only counts for
  // lists inside that quote.
  void NoteBlankLine(bool opened_container) {
    if (opened_container) {
      blank_depth_ = kNoBlank;
      return;
    }
    blank_depth_ = containers_.size();
    blank_quote_ = kNoBlank;
    for (size_t i = 0; i < containers_.size(); ++i) {
      if (containers_[i].type == BlockType::kQuote) blank_quote_ = i;
    }
  }

  // True when the last line was blank and fell inside the list at `list`, not in a quote in it.
  bool BlankLineWithin(size_t list) const {
    return blank_depth_ != kNoBlank && blank_depth_ > list &&
           (blank_quote_ == kNoBlank || blank_quote_ < list);
  }

  void OpenContainer(Container container, BlockRecord record = {}) {
    record.kind = RecordKind::kEnter;
    record.type = container.type;
    container.record = static_cast<uint32_t>(tree_.records.size());
    tree_.records.push_back(record);
    containers_.push_back(container);
  }

  void CloseContainersFrom(size_t keep) {
    while (containers_.size() > keep) {
      BlockRecord leave;
      leave.kind = RecordKind::kLeave;
      leave.type = containers_.back().type;
      tree_.records.push_back(leave);
      containers_.pop_back();
    }
  }

  void OpenLeaf(LeafKind kind, BlockType type) {
    BlockRecord record;
    record.kind = RecordKind::kLeaf;
    record.type = type;
    record.first_line = static_cast<uint32_t>(tree_.lines.size());
    tree_.records.push_back(record);
    leaf_ = kind;
  }

  void AddLine(size_t begin, size_t end, size_t pad) {
    tree_.lines.push_back({static_cast<uint32_t>(line_start_ + begin),
                           static_cast<uint32_t>(line_start_ + end), static_cast<uint32_t>(pad)});
    ++tree_.records.back().line_count;
  }

  void AddLeafLine(const LineCursor& cursor) {
    AddLine(cursor.ContentStart(), cursor.line.size(), cursor.Pad());
  }

  void CloseLeaf() {
    const LeafKind leaf = leaf_;
    leaf_ = LeafKind::kNone;
    if (leaf == LeafKind::kParagraph) {
      ExtractReferenceDefinitions();
    } else if (leaf == LeafKind::kIndentedCode) {
      // Trailing blank lines are not part of an indented code block.
      BlockRecord& record = tree_.records.back();
      while (record.line_count > 0) {
        const BlockLine& line = tree_.lines.back();
        const std::string_view content = text_.substr(line.begin, line.end - line.begin);
        if (content.find_first_not_of(" \t") != std::string_view::npos) break;
        tree_.lines.pop_back();
        --record.line_count;
      }
    }
  }

  // Link reference definitions can only start a paragraph; they are taken out of it, and a
  // paragraph that was nothing else disappears.
  void ExtractReferenceDefinitions() {
    BlockRecord& record = tree_.records.back();
    if (text_[tree_.lines[record.first_line].begin] != '[') return;
    const std::string_view paragraph =
        ParagraphText(text_, &tree_.lines[record.first_line], record.line_count, &scratch_);
    size_t pos = 0;
    size_t lines_used = 0;
    while (pos < paragraph.size()) {
      const size_t next = ParseReferenceDefinition(paragraph, pos, &tree_.references);
      if (next == std::string_view::npos) break;
      lines_used += static_cast<size_t>(
          std::count(paragraph.begin() + static_cast<std::ptrdiff_t>(pos),
                     paragraph.begin() + static_cast<std::ptrdiff_t>(next), '\n'));
      if (next == paragraph.size() && paragraph.back() != '\n') ++lines_used;
      pos = next;
    }
    if (lines_used == 0) return;
    record.first_line += static_cast<uint32_t>(lines_used);
    record.line_count -= static_cast<uint32_t>(lines_used);
    if (record.line_count == 0) {
      tree_.lines.resize(record.first_line - lines_used);
      tree_.records.pop_back();
    } else {
      // Later lines keep their indentation in the text; the first must start at its content.
      BlockLine& first = tree_.lines[record.first_line];
      while (first.begin < first.end && IsSpaceOrTab(text_[first.begin])) ++first.begin;
    }
  }

  static constexpr size_t kNoList = static_cast<size_t>(-1);
  static constexpr size_t kNoBlank = static_cast<size_t>(-1);

  std::string_view text_;
  BlockTree& tree_;
  std::vector<Container> containers_;
  LeafKind leaf_ = LeafKind::kNone;
  size_t line_start_ = 0;
  // Containers the last line matched if it was blank, kNoBlank after any other line.
  size_t blank_depth_ = kNoBlank;
  size_t blank_quote_ = kNoBlank;  // the innermost quote that blank line was in
  char fence_char_ = 0;
  size_t fence_length_ = 0;
  size_t fence_indent_ = 0;
  std::string scratch_;
};

}  // namespace

void ParseBlocks(std::string_view text, BlockTree* tree) { BlockParser(text, tree).Run(); }

std::string_view ParagraphText(std::string_view text, const BlockLine* lines, size_t count,
                               std::string* scratch) {
  bool contiguous = true;
  for (size_t i = 1; i < count && contiguous; ++i) {
    const size_t gap_begin = lines[i - 1].end;
    const size_t gap_end = lines[i].begin;
    contiguous = gap_end > gap_begin && text[gap_begin] == '\n';
    for (size_t k = gap_begin + 1; contiguous && k < gap_end; ++k) {
      contiguous = IsSpaceOrTab(text[k]);
    }
  }
  if (contiguous) {
    return text.substr(lines[0].begin, lines[count - 1].end - lines[0].begin);
  }
  scratch->clear();
  for (size_t i = 0; i < count; ++i) {
    if (i > 0) scratch->push_back('\n');
    scratch->append(text, lines[i].begin, lines[i].end - lines[i].begin);
  }
  return *scratch;
}

}  // namespace parley::markup
