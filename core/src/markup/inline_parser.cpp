#include "inline_parser.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "backtick_index.h"
#include "bare_url.h"
#include "entities.h"
#include "link_syntax.h"
#include "parley/utf8.h"
#include "unicode.h"

namespace parley::markup {

namespace {

constexpr int32_t kNone = -1;
constexpr size_t kMaxLabelLength = 999;

// What the first pass found. Plain text between special characters is one kText node.
enum class NodeKind : uint8_t {
  kText,           // [begin, end) verbatim
  kSoftBreak,      // a line ending
  kHardBreak,      // a line ending after two spaces or a backslash
  kReference,      // a character reference; payload indexes references_
  kCodeSpan,       // [begin, end) is the content between the backtick strings
  kUriAutolink,    // <[begin, end)>
  kEmailAutolink,  // <[begin, end)>, linked with mailto:
  kBareUrl,        // [begin, end), a URL in running text
  kDelimiter,      // a run of * _ or ~~ at [begin, end)
  kOpenBracket,    // '[' at begin; payload indexes links_ when it opened a link
  kLinkEnd,        // "](...)" or "][...]" or "]" at [begin, end) that closed a link
};

struct Node {
  NodeKind kind;
  char delimiter = 0;  // kDelimiter: '*', '_' or '~'
  bool can_open = false;
  bool can_close = false;
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t remaining = 0;  // kDelimiter: characters not (yet) used by emphasis
  int32_t payload = kNone;
  // kDelimiter: neighbours on the delimiter stack, a list threaded through the nodes.
  int32_t previous_delimiter = kNone;
  int32_t next_delimiter = kNone;
  // kDelimiter: the emphasis this run opens (outermost first) and closes (innermost first).
  int32_t first_opened = kNone;
  int32_t first_closed = kNone;
  int32_t last_closed = kNone;
};

// One emphasis, strong emphasis or strikethrough: the two runs it was made of.
struct EmphasisMatch {
  SpanType type;
  int32_t next_opened = kNone;  // the next match opened by the same run
  int32_t next_closed = kNone;  // the next match closed by the same run
};

// Where a link goes: an inline destination and title, or a reference definition.
struct LinkTarget {
  const LinkReference* reference = nullptr;
  TextRange destination;
  TextRange title;
};

// An unmatched '[' on the bracket stack.
struct Bracket {
  int32_t node;
  int32_t delimiter_bottom;  // the delimiter stack's top when the bracket was pushed
  uint32_t brackets_seen;    // brackets_seen_ after this one: unchanged means a bracket-free label
};

bool IsSpaceOrTab(char c) { return c == ' ' || c == '\t'; }

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || (c >= '0' && c <= '9'); }

// The characters at which the first pass stops; everything else is copied as text.
constexpr std::array<bool, 256> MakeSpecialTable() {
  std::array<bool, 256> table{};
  for (char c : std::string_view("\n\\`*_~[]<&:.")) table[static_cast<unsigned char>(c)] = true;
  return table;
}
constexpr std::array<bool, 256> kSpecial = MakeSpecialTable();

}  // namespace

class InlineParser::Pass {
 public:
  void Run(std::string_view text, const ReferenceMap& references, EventSink& sink) {
    text_ = text;
    references_ = &references;
    sink_ = &sink;
    nodes_.clear();
    brackets_.clear();
    matches_.clear();
    links_.clear();
    character_references_.clear();
    // Most paragraphs have no backticks and never build the index: resetting only a built one
    // spares them three vectors made and dropped, which the size-optimised build does in calls.
    if (backticks_.built()) backticks_ = BacktickIndex();
    text_start_ = 0;
    last_delimiter_ = kNone;
    brackets_seen_ = 0;
    active_brackets_from_ = 0;
    Scan();
    ProcessEmphasis(kNone);
    Emit();
  }

  size_t StorageBytes() const {
    return nodes_.capacity() * sizeof(Node) + brackets_.capacity() * sizeof(Bracket) +
           matches_.capacity() * sizeof(EmphasisMatch) + links_.capacity() * sizeof(LinkTarget) +
           character_references_.capacity() * sizeof(CharacterReference) + scratch_.capacity() +
           href_.capacity() + title_.capacity();
  }

 private:
  // ---- First pass: nodes, brackets and delimiters. ----

  void Scan() {
    // Raw pointer access: string_view::operator[] is not always inlined in the size-optimised
    // WebAssembly build, and this loop sees every byte.
    const char* const data = text_.data();
    const size_t size = text_.size();
    size_t pos = 0;
    text_start_ = 0;
    while (pos < size) {
      const char c = data[pos];
      if (!kSpecial[static_cast<unsigned char>(c)]) {
        ++pos;
        continue;
      }
      switch (c) {
        case '\n':
          pos = ScanLineEnding(pos);
          break;
        case '\\':
          pos = ScanBackslash(pos);
          break;
        case '`':
          pos = ScanBackticks(pos);
          break;
        case '*':
        case '_':
        case '~':
          pos = ScanDelimiterRun(pos);
          break;
        case '[':
          FlushText(pos);
          PushNode(NodeKind::kOpenBracket, pos, pos + 1);
          brackets_.push_back(
              {static_cast<int32_t>(nodes_.size() - 1), last_delimiter_, ++brackets_seen_});
          text_start_ = ++pos;
          break;
        case ']':
          pos = ScanCloseBracket(pos);
          break;
        case '<':
          pos = ScanAutolink(pos);
          break;
        case '&':
          pos = ScanReference(pos);
          break;
        default:  // ':' or '.'
          pos = ScanBareUrl(pos);
          break;
      }
    }
    FlushText(TrimTrailingWhitespace(size));
  }

  // These three run at every line ending, so they read the raw bytes (see Scan).
  size_t TrimTrailingWhitespace(size_t end) const {
    const char* const data = text_.data();
    while (end > text_start_ && IsSpaceOrTab(data[end - 1])) --end;
    return end;
  }

  void PushNode(NodeKind kind, size_t begin, size_t end) {
    Node node{};
    node.kind = kind;
    node.begin = static_cast<uint32_t>(begin);
    node.end = static_cast<uint32_t>(end);
    nodes_.push_back(node);
  }

  // Ends the pending text run at `end`.
  void FlushText(size_t end) {
    if (end > text_start_) PushNode(NodeKind::kText, text_start_, end);
    text_start_ = end;
  }

  // Skips the whitespace that starts a continuation line.
  size_t SkipLineIndent(size_t pos) const {
    const char* const data = text_.data();
    while (pos < text_.size() && IsSpaceOrTab(data[pos])) ++pos;
    return pos;
  }

  size_t ScanLineEnding(size_t pos) {
    const size_t trimmed = TrimTrailingWhitespace(pos);
    const char* const data = text_.data();
    size_t spaces = 0;
    while (pos - spaces > text_start_ && data[pos - spaces - 1] == ' ') ++spaces;
    FlushText(trimmed);
    PushNode(spaces >= 2 ? NodeKind::kHardBreak : NodeKind::kSoftBreak, pos, pos + 1);
    text_start_ = SkipLineIndent(pos + 1);
    return text_start_;
  }

  size_t ScanBackslash(size_t pos) {
    if (pos + 1 < text_.size() && text_[pos + 1] == '\n') {
      FlushText(pos);
      PushNode(NodeKind::kHardBreak, pos, pos + 2);
      text_start_ = SkipLineIndent(pos + 2);
      return text_start_;
    }
    if (pos + 1 < text_.size() && IsAsciiPunctuation(text_[pos + 1])) {
      // The escaped character starts the next text run and is not looked at again.
      FlushText(pos);
      text_start_ = pos + 1;
      return pos + 2;
    }
    return pos + 1;
  }

  size_t ScanBackticks(size_t pos) {
    size_t length = 1;
    while (pos + length < text_.size() && text_[pos + length] == '`') ++length;
    if (!backticks_.built()) backticks_.Build(text_, pos);
    // The index finds the next backtick string of the same length in amortised O(1).
    const size_t closer = backticks_.FindAfter(length, pos + length);
    if (closer == BacktickIndex::kNotFound) return pos + length;  // literal backticks
    FlushText(pos);
    PushNode(NodeKind::kCodeSpan, pos + length, closer);
    text_start_ = closer + length;
    return text_start_;
  }

  // The code point before text_[pos], or '\n' at the start (which counts as whitespace).
  char32_t CodePointBefore(size_t pos) const {
    if (pos == 0) return '\n';
    size_t start = pos - 1;
    while (start > 0 && (static_cast<unsigned char>(text_[start]) & 0xC0) == 0x80) --start;
    return utf8::Decode(text_, &start);
  }

  char32_t CodePointAt(size_t pos) const {
    if (pos >= text_.size()) return '\n';
    return utf8::Decode(text_, &pos);
  }

  size_t ScanDelimiterRun(size_t pos) {
    const char c = text_[pos];
    size_t length = 1;
    while (pos + length < text_.size() && text_[pos + length] == c) ++length;
    // Strikethrough is exactly two tildes; other tilde runs are text.
    if (c == '~' && length != 2) return pos + length;
    const char32_t before = CodePointBefore(pos);
    const char32_t after = CodePointAt(pos + length);
    const bool space_before = IsUnicodeWhitespace(before);
    const bool space_after = IsUnicodeWhitespace(after);
    const bool punct_before = IsUnicodePunctuation(before);
    const bool punct_after = IsUnicodePunctuation(after);
    const bool left_flanking = !space_after && (!punct_after || space_before || punct_before);
    const bool right_flanking = !space_before && (!punct_before || space_after || punct_after);
    FlushText(pos);
    PushNode(NodeKind::kDelimiter, pos, pos + length);
    Node& node = nodes_.back();
    node.delimiter = c;
    node.remaining = static_cast<uint32_t>(length);
    if (c == '_') {
      // Intraword underscores do not emphasise (snake_case_names stay as written).
      node.can_open = left_flanking && (!right_flanking || punct_before);
      node.can_close = right_flanking && (!left_flanking || punct_after);
    } else {
      node.can_open = left_flanking;
      node.can_close = right_flanking;
    }
    const auto index = static_cast<int32_t>(nodes_.size() - 1);
    node.previous_delimiter = last_delimiter_;
    if (last_delimiter_ != kNone)
      nodes_[static_cast<size_t>(last_delimiter_)].next_delimiter = index;
    last_delimiter_ = index;
    text_start_ = pos + length;
    return text_start_;
  }

  size_t ScanCloseBracket(size_t pos) {
    if (brackets_.empty()) return pos + 1;  // a lone ']' is text
    const Bracket opener = brackets_.back();
    brackets_.pop_back();
    // Content free of brackets (a possible label) iff no bracket came since the opener.
    const bool bracket_free = brackets_seen_ == opener.brackets_seen;
    ++brackets_seen_;
    // Links may not contain links: once one closed, every earlier '[' is text.
    if (brackets_.size() < active_brackets_from_) {
      active_brackets_from_ = brackets_.size();
      return pos + 1;
    }

    LinkTarget target;
    size_t end = pos + 1;
    bool found = false;
    if (end < text_.size() && text_[end] == '(') {
      size_t tail = end;
      if (ScanInlineLinkTail(text_, &tail, &target.destination, &target.title)) {
        found = true;
        end = tail;
      }
    }
    if (!found && !references_->empty()) {
      const Node& open_node = nodes_[static_cast<size_t>(opener.node)];
      const std::string_view content = text_.substr(open_node.end, pos - open_node.end);
      const bool content_is_label = bracket_free && content.size() <= kMaxLabelLength;
      size_t label_end = end;
      TextRange label;
      if (end < text_.size() && text_[end] == '[' && ScanLinkLabel(text_, &label_end, &label)) {
        // [text][label]: only the label counts, even when it is not defined.
        target.reference = references_->Find(text_.substr(label.begin, label.end - label.begin));
        end = label_end;
      } else if (content_is_label) {
        // [label][] (collapsed) or [label] (shortcut).
        target.reference = references_->Find(content);
        if (text_.substr(end, 2) == "[]") end += 2;
      }
      found = target.reference != nullptr;
    }
    if (!found) return pos + 1;

    FlushText(pos);
    nodes_[static_cast<size_t>(opener.node)].payload = static_cast<int32_t>(links_.size());
    links_.push_back(target);
    PushNode(NodeKind::kLinkEnd, pos, end);
    // Emphasis inside the link text is resolved now, within it, and those delimiters are done.
    ProcessEmphasis(opener.delimiter_bottom);
    last_delimiter_ = opener.delimiter_bottom;
    if (last_delimiter_ != kNone)
      nodes_[static_cast<size_t>(last_delimiter_)].next_delimiter = kNone;
    active_brackets_from_ = brackets_.size();
    text_start_ = end;
    return end;
  }

  // <scheme:...> or <user@host>. A failed scan stops at the next '<' at the latest, where the
  // next scan starts, so the scans never overlap.
  size_t ScanAutolink(size_t pos) {
    size_t i = pos + 1;
    // URI: a scheme of 2 to 32 characters, ':', then no spaces, controls, '<' or '>'.
    if (i < text_.size() && IsAsciiAlpha(text_[i])) {
      size_t scheme_end = i + 1;
      while (scheme_end < text_.size() && scheme_end - i < 33 &&
             (IsAsciiAlnum(text_[scheme_end]) || text_[scheme_end] == '+' ||
              text_[scheme_end] == '.' || text_[scheme_end] == '-')) {
        ++scheme_end;
      }
      const size_t scheme_length = scheme_end - i;
      if (scheme_length >= 2 && scheme_length <= 32 && scheme_end < text_.size() &&
          text_[scheme_end] == ':') {
        size_t end = scheme_end + 1;
        while (end < text_.size() && static_cast<unsigned char>(text_[end]) > 0x20 &&
               text_[end] != '<' && text_[end] != '>') {
          ++end;
        }
        if (end < text_.size() && text_[end] == '>')
          return PushAutolink(NodeKind::kUriAutolink, pos, end);
      }
    }
    // Email: the local part, '@', then labels of letters, digits and inner hyphens.
    size_t at = i;
    while (at < text_.size() &&
           (IsAsciiAlnum(text_[at]) ||
            std::string_view(".!#$%&'*+/=?^_`{|}~-").find(text_[at]) != std::string_view::npos)) {
      ++at;
    }
    if (at == i || at >= text_.size() || text_[at] != '@') return pos + 1;
    size_t end = at + 1;
    while (true) {
      const size_t label_start = end;
      while (end < text_.size() && end - label_start < 63 &&
             (IsAsciiAlnum(text_[end]) || text_[end] == '-')) {
        ++end;
      }
      if (end == label_start || text_[label_start] == '-' || text_[end - 1] == '-') return pos + 1;
      if (end < text_.size() && text_[end] == '.') {
        ++end;
        continue;
      }
      break;
    }
    if (end < text_.size() && text_[end] == '>')
      return PushAutolink(NodeKind::kEmailAutolink, pos, end);
    return pos + 1;
  }

  size_t PushAutolink(NodeKind kind, size_t open, size_t close) {
    FlushText(open);
    PushNode(kind, open + 1, close);
    text_start_ = close + 1;
    return text_start_;
  }

  size_t ScanReference(size_t pos) {
    CharacterReference reference;
    if (!MatchCharacterReference(text_, pos, &reference)) return pos + 1;
    FlushText(pos);
    PushNode(NodeKind::kReference, pos, pos + reference.length);
    nodes_.back().payload = static_cast<int32_t>(character_references_.size());
    character_references_.push_back(reference);
    text_start_ = pos + reference.length;
    return text_start_;
  }

  // A bare URL is looked for at the character that shows one may start just before: the ':'
  // of "http://" and "https://", the '.' of "www.". Stopping at every 'h' and 'w', where the
  // URL starts, would stop every dozen bytes of English. The prefix is plain text, so it is
  // still in the pending text run, from which the URL is cut; a prefix that is not (part of an
  // earlier node) was never where the scan could start a URL. A URL starts only after
  // whitespace or an opening mark, and a failed scan goes on with the next character.
  size_t ScanBareUrl(size_t pos) {
    const auto ends_with = [&](std::string_view word) {
      return pos >= word.size() && text_.substr(pos - word.size(), word.size()) == word;
    };
    size_t start = pos;
    if (text_[pos] == '.') {
      if (ends_with("www")) start = pos - 3;
    } else if (ends_with("https")) {
      start = pos - 5;
    } else if (ends_with("http")) {
      start = pos - 4;
    }
    if (start == pos || start < text_start_) return pos + 1;
    const char previous = start == 0 ? '\n' : text_.data()[start - 1];
    if (!MayPrecedeBareUrl(previous)) return pos + 1;
    const size_t length = MatchBareUrl(text_, start);
    if (length == 0) return pos + 1;
    FlushText(start);
    PushNode(NodeKind::kBareUrl, start, start + length);
    text_start_ = start + length;
    return text_start_;
  }

  // ---- Emphasis: CommonMark's "process emphasis" with openers-bottom bounds. ----

  void RemoveDelimiter(int32_t index) {
    Node& node = nodes_[static_cast<size_t>(index)];
    if (node.previous_delimiter != kNone) {
      nodes_[static_cast<size_t>(node.previous_delimiter)].next_delimiter = node.next_delimiter;
    }
    if (node.next_delimiter != kNone) {
      nodes_[static_cast<size_t>(node.next_delimiter)].previous_delimiter = node.previous_delimiter;
    } else {
      last_delimiter_ = node.previous_delimiter;
    }
  }

  static size_t DelimiterIndex(char c) { return c == '*' ? 0 : c == '_' ? 1 : 2; }

  // Resolves the delimiters above `bottom` (a node index, or kNone for all of them). Node
  // indices grow with position, so "below" is a comparison that stays valid when nodes leave
  // the stack.
  void ProcessEmphasis(int32_t bottom) {
    // For each kind of closer, no opener exists at or below this index.
    int32_t openers_bottom[3][2][3];
    for (auto& by_char : openers_bottom) {
      for (auto& by_open : by_char) {
        for (int32_t& value : by_open) value = bottom;
      }
    }
    int32_t current = last_delimiter_;
    while (current != kNone && nodes_[static_cast<size_t>(current)].previous_delimiter > bottom) {
      current = nodes_[static_cast<size_t>(current)].previous_delimiter;
    }
    if (current != kNone && current <= bottom) current = kNone;

    while (current != kNone) {
      Node& closer = nodes_[static_cast<size_t>(current)];
      if (!closer.can_close) {
        current = closer.next_delimiter;
        continue;
      }
      const size_t closer_length = closer.end - closer.begin;
      int32_t& lower_bound = openers_bottom[DelimiterIndex(closer.delimiter)]
                                           [closer.can_open ? 1 : 0][closer_length % 3];
      int32_t candidate = closer.previous_delimiter;
      while (candidate != kNone && candidate > lower_bound) {
        const Node& opener = nodes_[static_cast<size_t>(candidate)];
        if (opener.delimiter == closer.delimiter && opener.can_open) {
          const size_t opener_length = opener.end - opener.begin;
          // The "rule of 3": a run that can both open and close only pairs with one whose
          // combined length is not a multiple of 3, unless both are.
          const bool odd_pair = (opener.can_close || closer.can_open) &&
                                (opener_length + closer_length) % 3 == 0 &&
                                !(opener_length % 3 == 0 && closer_length % 3 == 0);
          if (!odd_pair) break;
        }
        candidate = opener.previous_delimiter;
      }
      if (candidate == kNone || candidate <= lower_bound) {
        lower_bound = closer.previous_delimiter;
        const int32_t next = closer.next_delimiter;
        if (!closer.can_open) RemoveDelimiter(current);
        current = next;
        continue;
      }
      Node& opener = nodes_[static_cast<size_t>(candidate)];
      uint32_t used = 1;
      SpanType type = SpanType::kEmphasis;
      if (closer.delimiter == '~') {
        used = 2;
        type = SpanType::kStrikethrough;
      } else if (opener.remaining >= 2 && closer.remaining >= 2) {
        used = 2;
        type = SpanType::kStrong;
      }
      opener.remaining -= used;
      closer.remaining -= used;
      RecordMatch(candidate, current, type);
      // The delimiters between the two can no longer match anything.
      opener.next_delimiter = current;
      closer.previous_delimiter = candidate;
      if (opener.remaining == 0) RemoveDelimiter(candidate);
      if (closer.remaining == 0) {
        const int32_t next = closer.next_delimiter;
        RemoveDelimiter(current);
        current = next;
      }
    }
  }

  void RecordMatch(int32_t opener_index, int32_t closer_index, SpanType type) {
    const auto match = static_cast<int32_t>(matches_.size());
    matches_.push_back({type});
    // The opener's matches are made inside out, and entered outside in: prepend.
    Node& opener = nodes_[static_cast<size_t>(opener_index)];
    matches_.back().next_opened = opener.first_opened;
    opener.first_opened = match;
    // The closer's matches are made inside out and left in that order: append.
    Node& closer = nodes_[static_cast<size_t>(closer_index)];
    if (closer.last_closed == kNone) {
      closer.first_closed = match;
    } else {
      matches_[static_cast<size_t>(closer.last_closed)].next_closed = match;
    }
    closer.last_closed = match;
  }

  // ---- Second pass: events. ----

  // Without substr's bounds check, which the size-optimised WebAssembly build calls out of line
  // for every text run; the nodes' ranges lie within the text by construction.
  std::string_view Slice(size_t begin, size_t end) const {
    return std::string_view(text_.data() + begin, end - begin);
  }

  void Emit() {
    bool in_link = false;
    for (const Node& node : nodes_) {
      switch (node.kind) {
        case NodeKind::kText:
          sink_->Text(TextType::kNormal, Slice(node.begin, node.end));
          break;
        case NodeKind::kSoftBreak:
          sink_->Text(TextType::kSoftBreak, "\n");
          break;
        case NodeKind::kHardBreak:
          sink_->Text(TextType::kHardBreak, "\n");
          break;
        case NodeKind::kReference:
          EmitReference(character_references_[static_cast<size_t>(node.payload)]);
          break;
        case NodeKind::kCodeSpan:
          sink_->EnterSpan(SpanType::kCode, {});
          sink_->Text(TextType::kCode, CodeSpanContent(node.begin, node.end));
          sink_->LeaveSpan(SpanType::kCode);
          break;
        case NodeKind::kUriAutolink:
        case NodeKind::kEmailAutolink:
        case NodeKind::kBareUrl:
          EmitAutolink(node, in_link);
          break;
        case NodeKind::kDelimiter:
          EmitDelimiter(node);
          break;
        case NodeKind::kOpenBracket:
          if (node.payload == kNone) {
            sink_->Text(TextType::kNormal, "[");
          } else {
            EnterLink(links_[static_cast<size_t>(node.payload)]);
            in_link = true;
          }
          break;
        case NodeKind::kLinkEnd:
          sink_->LeaveSpan(SpanType::kLink);
          in_link = false;
          break;
      }
    }
  }

  void EmitReference(const CharacterReference& reference) {
    if (!reference.named_value.empty()) {
      sink_->Text(TextType::kNormal, reference.named_value);
      return;
    }
    scratch_.clear();
    AppendReferenceValue(reference, &scratch_);
    sink_->Text(TextType::kNormal, scratch_);
  }

  // Line endings become spaces (dropping the next line's indentation, which CommonMark strips
  // from paragraph lines); then one space goes from each end if both ends have one and the
  // content is not all spaces. Copies only when the span crosses a line.
  std::string_view CodeSpanContent(size_t begin, size_t end) {
    std::string_view content = Slice(begin, end);
    if (content.find('\n') != std::string_view::npos) {
      scratch_.clear();
      for (size_t i = 0; i < content.size(); ++i) {
        if (content[i] != '\n') {
          scratch_.push_back(content[i]);
          continue;
        }
        scratch_.push_back(' ');
        while (i + 1 < content.size() && IsSpaceOrTab(content[i + 1])) ++i;
      }
      content = scratch_;
    }
    if (content.size() >= 2 && content.front() == ' ' && content.back() == ' ' &&
        content.find_first_not_of(' ') != std::string_view::npos) {
      content = content.substr(1, content.size() - 2);
    }
    return content;
  }

  void EmitAutolink(const Node& node, bool in_link) {
    const std::string_view url = Slice(node.begin, node.end);
    if (in_link) {
      // Links may not contain links: inside one, an autolink is the text it was written as.
      const bool bracketed = node.kind != NodeKind::kBareUrl;
      sink_->Text(TextType::kNormal, bracketed ? Slice(node.begin - 1, node.end + 1) : url);
      return;
    }
    SpanDetail detail;
    detail.autolink = true;
    detail.href = url;
    if (node.kind == NodeKind::kEmailAutolink ||
        (node.kind == NodeKind::kBareUrl && BareUrlNeedsScheme(url))) {
      href_.assign(node.kind == NodeKind::kEmailAutolink ? "mailto:" : "http://");
      href_.append(url);
      detail.href = href_;
    }
    sink_->EnterSpan(SpanType::kLink, detail);
    sink_->Text(TextType::kNormal, url);
    sink_->LeaveSpan(SpanType::kLink);
  }

  void EmitDelimiter(const Node& node) {
    for (int32_t m = node.first_closed; m != kNone;
         m = matches_[static_cast<size_t>(m)].next_closed) {
      sink_->LeaveSpan(matches_[static_cast<size_t>(m)].type);
    }
    if (node.remaining > 0)
      sink_->Text(TextType::kNormal, Slice(node.begin, node.begin + node.remaining));
    for (int32_t m = node.first_opened; m != kNone;
         m = matches_[static_cast<size_t>(m)].next_opened) {
      sink_->EnterSpan(matches_[static_cast<size_t>(m)].type, {});
    }
  }

  void EnterLink(const LinkTarget& target) {
    SpanDetail detail;
    if (target.reference != nullptr) {
      detail.href = target.reference->destination;
      detail.title = target.reference->title;
    } else {
      href_.clear();
      AppendUnescaped(&href_, Slice(target.destination.begin, target.destination.end));
      title_.clear();
      AppendUnescaped(&title_, Slice(target.title.begin, target.title.end));
      detail.href = href_;
      detail.title = title_;
    }
    sink_->EnterSpan(SpanType::kLink, detail);
  }

  std::string_view text_;
  const ReferenceMap* references_ = nullptr;
  EventSink* sink_ = nullptr;

  std::vector<Node> nodes_;
  std::vector<Bracket> brackets_;
  std::vector<EmphasisMatch> matches_;
  std::vector<LinkTarget> links_;
  std::vector<CharacterReference> character_references_;
  BacktickIndex backticks_;
  size_t text_start_ = 0;            // where the pending text run begins
  int32_t last_delimiter_ = kNone;   // top of the delimiter stack
  uint32_t brackets_seen_ = 0;       // '[' pushed plus ']' handled so far
  size_t active_brackets_from_ = 0;  // brackets below this stack index are inactive
  std::string scratch_;              // decoded text handed to the sink
  std::string href_;
  std::string title_;
};

InlineParser::InlineParser() : pass_(std::make_unique<Pass>()) {}

InlineParser::~InlineParser() = default;

void InlineParser::Parse(std::string_view text, const ReferenceMap& references, EventSink& sink) {
  pass_->Run(text, references, sink);
}

void InlineParser::ReleaseStorageOver(size_t bytes) {
  if (pass_->StorageBytes() > bytes) pass_ = std::make_unique<Pass>();
}

}  // namespace parley::markup
