#include "parley/markup/parser.h"

#include <string>
#include <vector>

#include "block_parser.h"
#include "inline_parser.h"
#include "link_syntax.h"
#include "normalize.h"

namespace parley::markup {

namespace {

// The second phase: replays the block records as events, parsing each paragraph's inlines on
// the way. Containers are tracked on an explicit stack (at most kMaxNesting deep in items and
// quotes), never by recursion.
class EventReplay {
 public:
  EventReplay(std::string_view text, const BlockTree& tree, InlineParser& inlines, EventSink& sink)
      : text_(text), tree_(tree), inlines_(inlines), sink_(sink) {}

  void Run() {
    sink_.EnterBlock(BlockType::kDocument, {});
    for (const BlockRecord& record : tree_.records) {
      switch (record.kind) {
        case RecordKind::kEnter:
          sink_.EnterBlock(record.type, ContainerDetail(record));
          open_.push_back(&record);
          break;
        case RecordKind::kLeave:
          sink_.LeaveBlock(record.type);
          open_.pop_back();
          break;
        case RecordKind::kLeaf:
          EmitLeaf(record);
          break;
      }
    }
    sink_.LeaveBlock(BlockType::kDocument);
  }

 private:
  static BlockDetail ContainerDetail(const BlockRecord& record) {
    BlockDetail detail;
    detail.tight = record.tight;
    detail.start = record.start;
    detail.marker = record.marker;
    return detail;
  }

  // A paragraph directly in an item of a tight list is reported without its own block.
  bool InTightItem() const {
    return open_.size() >= 2 && open_.back()->type == BlockType::kListItem &&
           open_[open_.size() - 2]->tight;
  }

  void EmitLeaf(const BlockRecord& record) {
    const BlockLine* lines = tree_.lines.data() + record.first_line;
    switch (record.type) {
      case BlockType::kParagraph: {
        const bool wrapped = !InTightItem();
        if (wrapped) sink_.EnterBlock(BlockType::kParagraph, {});
        inlines_.Parse(ParagraphText(text_, lines, record.line_count, &scratch_), tree_.references,
                       sink_);
        if (wrapped) sink_.LeaveBlock(BlockType::kParagraph);
        break;
      }
      case BlockType::kCode:
        EmitCode(record, lines);
        break;
      default:
        sink_.EnterBlock(record.type, {});
        sink_.LeaveBlock(record.type);
        break;
    }
  }

  void EmitCode(const BlockRecord& record, const BlockLine* lines) {
    BlockDetail detail;
    detail.fenced = record.fenced;
    language_.clear();
    AppendUnescaped(&language_,
                    text_.substr(record.info_begin, record.info_end - record.info_begin));
    detail.language = language_;
    sink_.EnterBlock(BlockType::kCode, detail);
    static constexpr std::string_view kSpaces = "    ";
    for (size_t i = 0; i < record.line_count; ++i) {
      const BlockLine& line = lines[i];
      if (line.pad > 0) sink_.Text(TextType::kCode, kSpaces.substr(0, line.pad));
      // The line and its line ending in one piece when the text has one.
      if (line.end < text_.size()) {
        sink_.Text(TextType::kCode, text_.substr(line.begin, line.end + 1 - line.begin));
      } else {
        sink_.Text(TextType::kCode, text_.substr(line.begin, line.end - line.begin));
        sink_.Text(TextType::kCode, "\n");
      }
    }
    sink_.LeaveBlock(BlockType::kCode);
  }

  std::string_view text_;
  const BlockTree& tree_;
  InlineParser& inlines_;
  EventSink& sink_;
  std::vector<const BlockRecord*> open_;
  std::string scratch_;
  std::string language_;
};

// What a parse allocates and can hand on to the next one: a thread's comments are parsed
// back to back, and for a short one these allocations used to cost more than the parsing.
struct Workspace {
  BlockTree tree;
  InlineParser inlines;
  bool busy = false;  // a parse is using it (only a sink that parses again would see that)

  // A long comment's storage is not kept for the short ones that follow.
  void ReleaseIfLarge() {
    constexpr size_t kKeptBytes = 64 * 1024;
    if (tree.lines.capacity() * sizeof(BlockLine) + tree.records.capacity() * sizeof(BlockRecord) >
        kKeptBytes) {
      tree = BlockTree();
    }
    inlines.ReleaseStorageOver(kKeptBytes);
  }
};

void ParseWith(std::string_view source, EventSink& sink, Workspace* workspace) {
  std::string normalized;
  const std::string_view text = NormalizeSource(source, &normalized);
  ParseBlocks(text, &workspace->tree);
  EventReplay(text, workspace->tree, workspace->inlines, sink).Run();
}

}  // namespace

void Parse(std::string_view source, EventSink& sink) {
  // One workspace per thread: the server renders on several threads at once. A build that
  // runs on one thread (WebAssembly, core/CMakeLists.txt) keeps a plain static.
#if defined(PARLEY_SINGLE_THREADED)
  static Workspace shared;
#else
  thread_local Workspace shared;
#endif
  if (shared.busy) {
    Workspace own;
    ParseWith(source, sink, &own);
    return;
  }
  shared.busy = true;
  ParseWith(source, sink, &shared);
  shared.busy = false;
  shared.ReleaseIfLarge();
}

}  // namespace parley::markup
