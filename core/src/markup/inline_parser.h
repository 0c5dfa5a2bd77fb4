#pragma once

#include <cstddef>
#include <memory>
#include <string_view>

#include "parley/markup/events.h"
#include "references.h"

namespace parley::markup {

// Parses the inline content of paragraphs and reports it to a sink. One parser serves all the
// paragraphs of a comment, so its working storage is allocated once, not per paragraph.
//
// Linear time: every scan that looks ahead either consumes what it scanned or stops at a
// character that ends the scans started before it (see the comments at each scan), emphasis is
// resolved with CommonMark's "openers bottom" bounds, and links deactivate earlier openers in
// O(1).
class InlineParser {
 public:
  InlineParser();
  ~InlineParser();
  InlineParser(const InlineParser&) = delete;
  InlineParser& operator=(const InlineParser&) = delete;

  // Parses one paragraph. `text` is its lines joined by '\n'; whitespace at the start of each
  // line is ignored, as CommonMark strips it.
  void Parse(std::string_view text, const ReferenceMap& references, EventSink& sink);

  // Frees the working storage if it has grown past `bytes` (after a very long paragraph).
  void ReleaseStorageOver(size_t bytes);

 private:
  class Pass;  // the state of one paragraph's parse, reused
  std::unique_ptr<Pass> pass_;
};

}  // namespace parley::markup
