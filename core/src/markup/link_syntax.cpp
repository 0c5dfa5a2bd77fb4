#include "link_syntax.h"

#include "entities.h"

namespace parley::markup {

namespace {

constexpr size_t kMaxLabelLength = 999;    // CommonMark's limit
constexpr int kMaxDestinationParens = 32;  // bounds the work of a failing scan (see header)

bool IsSpaceOrTab(char c) { return c == ' ' || c == '\t'; }

void SkipSpacesAndTabs(std::string_view text, size_t* pos) {
  while (*pos < text.size() && IsSpaceOrTab(text[*pos])) ++*pos;
}

bool AtLineEnd(std::string_view text, size_t pos) {
  return pos == text.size() || text[pos] == '\n';
}

}  // namespace

bool IsAsciiPunctuation(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

bool SkipLinkWhitespace(std::string_view text, size_t* pos) {
  bool seen_line_end = false;
  while (*pos < text.size()) {
    const char c = text[*pos];
    if (c == '\n') {
      if (seen_line_end) return false;
      seen_line_end = true;
    } else if (!IsSpaceOrTab(c)) {
      break;
    }
    ++*pos;
  }
  return true;
}

bool ScanLinkDestination(std::string_view text, size_t* pos, TextRange* dest) {
  size_t i = *pos;
  if (i < text.size() && text[i] == '<') {
    for (++i; i < text.size(); ++i) {
      const char c = text[i];
      if (c == '>') {
        *dest = {*pos + 1, i};
        *pos = i + 1;
        return true;
      }
      if (c == '\n' || c == '<') return false;
      if (c == '\\' && i + 1 < text.size() && IsAsciiPunctuation(text[i + 1])) ++i;
    }
    return false;
  }
  int depth = 0;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) break;
    if (c == '\\' && i + 1 < text.size() && IsAsciiPunctuation(text[i + 1])) {
      ++i;
    } else if (c == '(') {
      if (++depth > kMaxDestinationParens) return false;
    } else if (c == ')') {
      if (depth == 0) break;
      --depth;
    }
  }
  if (i == *pos || depth != 0) return false;
  *dest = {*pos, i};
  *pos = i;
  return true;
}

bool ScanLinkTitle(std::string_view text, size_t* pos, TextRange* title) {
  if (*pos >= text.size()) return false;
  const char open = text[*pos];
  const char close = open == '(' ? ')' : open;
  if (open != '"' && open != '\'' && open != '(') return false;
  for (size_t i = *pos + 1; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' && i + 1 < text.size() && IsAsciiPunctuation(text[i + 1])) {
      ++i;
    } else if (c == close) {
      *title = {*pos + 1, i};
      *pos = i + 1;
      return true;
    } else if (open == '(' && c == '(') {
      return false;
    }
  }
  return false;
}

bool ScanLinkLabel(std::string_view text, size_t* pos, TextRange* label) {
  if (*pos >= text.size() || text[*pos] != '[') return false;
  bool blank = true;
  for (size_t i = *pos + 1; i < text.size() && i - *pos - 1 <= kMaxLabelLength; ++i) {
    const char c = text[i];
    if (c == ']') {
      if (blank) return false;
      *label = {*pos + 1, i};
      *pos = i + 1;
      return true;
    }
    if (c == '[') return false;
    if (c == '\\' && i + 1 < text.size() && IsAsciiPunctuation(text[i + 1])) {
      ++i;
      blank = false;
    } else if (c != ' ' && c != '\t' && c != '\n') {
      blank = false;
    }
  }
  return false;
}

bool ScanInlineLinkTail(std::string_view text, size_t* pos, TextRange* dest, TextRange* title) {
  size_t i = *pos + 1;  // past '('
  *dest = {i, i};
  *title = {i, i};
  if (!SkipLinkWhitespace(text, &i)) return false;
  if (i < text.size() && text[i] != ')') {
    if (!ScanLinkDestination(text, &i, dest)) return false;
    const size_t after_dest = i;
    if (!SkipLinkWhitespace(text, &i)) return false;
    if (i > after_dest && ScanLinkTitle(text, &i, title)) {
      if (!SkipLinkWhitespace(text, &i)) return false;
    }
  }
  if (i >= text.size() || text[i] != ')') return false;
  *pos = i + 1;
  return true;
}

void AppendUnescaped(std::string* out, std::string_view raw) {
  size_t clean_from = 0;
  size_t i = 0;
  while (i < raw.size()) {
    const char c = raw[i];
    if (c == '\\' && i + 1 < raw.size() && IsAsciiPunctuation(raw[i + 1])) {
      out->append(raw, clean_from, i - clean_from);
      clean_from = i + 1;  // the escaped character itself is copied with the next run
      i += 2;
      continue;
    }
    CharacterReference reference;
    if (c == '&' && MatchCharacterReference(raw, i, &reference)) {
      out->append(raw, clean_from, i - clean_from);
      AppendReferenceValue(reference, out);
      i += reference.length;
      clean_from = i;
      continue;
    }
    if (c == '\n') {
      out->append(raw, clean_from, i + 1 - clean_from);
      for (++i; i < raw.size() && IsSpaceOrTab(raw[i]);) ++i;
      clean_from = i;
      continue;
    }
    ++i;
  }
  out->append(raw, clean_from, raw.size() - clean_from);
}

size_t ParseReferenceDefinition(std::string_view text, size_t pos, ReferenceMap* references) {
  SkipSpacesAndTabs(text, &pos);
  TextRange label;
  if (!ScanLinkLabel(text, &pos, &label)) return std::string_view::npos;
  if (pos >= text.size() || text[pos] != ':') return std::string_view::npos;
  ++pos;
  if (!SkipLinkWhitespace(text, &pos)) return std::string_view::npos;
  TextRange dest;
  const bool angled = pos < text.size() && text[pos] == '<';
  if (!ScanLinkDestination(text, &pos, &dest)) return std::string_view::npos;
  if (!angled && dest.begin == dest.end) return std::string_view::npos;
  const size_t after_dest = pos;

  // A title, if one follows after whitespace and nothing but spaces follow it on its line.
  TextRange title;
  bool has_title = false;
  size_t end = pos;
  if (SkipLinkWhitespace(text, &end) && end > after_dest && ScanLinkTitle(text, &end, &title)) {
    SkipSpacesAndTabs(text, &end);
    has_title = AtLineEnd(text, end);
  }
  if (!has_title) {
    // Without a title the destination must end its line.
    end = after_dest;
    SkipSpacesAndTabs(text, &end);
    if (!AtLineEnd(text, end)) return std::string_view::npos;
  }
  if (NormalizeLabel(text.substr(label.begin, label.end - label.begin)).empty()) {
    return std::string_view::npos;
  }
  std::string destination;
  AppendUnescaped(&destination, text.substr(dest.begin, dest.end - dest.begin));
  std::string title_text;
  if (has_title) AppendUnescaped(&title_text, text.substr(title.begin, title.end - title.begin));
  references->Add(text.substr(label.begin, label.end - label.begin), std::move(destination),
                  std::move(title_text));
  return end < text.size() ? end + 1 : end;
}

}  // namespace parley::markup
