#include "markup_allowlist.h"

#include <cctype>

namespace parley::markup::testing {

namespace {

bool IsAllowedElement(std::string_view name) {
  for (std::string_view allowed : {"p", "br", "em", "strong", "del", "code", "pre", "blockquote",
                                   "ul", "ol", "li", "hr", "a"}) {
    if (name == allowed) return true;
  }
  return false;
}

bool IsVoidElement(std::string_view name) { return name == "br" || name == "hr"; }

// The value with the five escapes the renderer writes turned back into characters; a stray
// '&' is reported by the caller.
bool Unescape(std::string_view value, std::string* out) {
  out->clear();
  for (size_t i = 0; i < value.size();) {
    if (value[i] != '&') {
      out->push_back(value[i++]);
      continue;
    }
    bool known = false;
    for (auto [entity, character] : {std::pair<std::string_view, char>{"&amp;", '&'},
                                     {"&lt;", '<'},
                                     {"&gt;", '>'},
                                     {"&quot;", '"'},
                                     {"&#39;", '\''}}) {
      if (value.substr(i, entity.size()) == entity) {
        out->push_back(character);
        i += entity.size();
        known = true;
        break;
      }
    }
    if (!known) return false;
  }
  return true;
}

// The scheme decision, written independently of the renderer's: what a browser strips goes,
// then a ':' before any '/', '?' or '#' makes a scheme, which must be http, https or mailto.
bool IsSafeHref(const std::string& href) {
  std::string url;
  for (char c : href) {
    if (c != '\t' && c != '\n' && c != '\r') url.push_back(c);
  }
  size_t begin = 0;
  while (begin < url.size() && static_cast<unsigned char>(url[begin]) <= 0x20) ++begin;
  const size_t end = url.find_first_of(":/?#", begin);
  if (end == std::string::npos || url[end] != ':') return true;
  std::string scheme;
  for (size_t i = begin; i < end; ++i) {
    scheme.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(url[i]))));
  }
  return scheme == "http" || scheme == "https" || scheme == "mailto";
}

std::string CheckAttribute(std::string_view element, std::string_view name,
                           const std::string& value) {
  if (element == "a" && name == "href") return IsSafeHref(value) ? "" : "href " + value;
  if (element == "a" && name == "title") return "";
  if (element == "a" && name == "rel")
    return value == "nofollow ugc noopener" ? "" : "rel " + value;
  if (element == "ol" && name == "start") {
    for (char c : value) {
      if (!std::isdigit(static_cast<unsigned char>(c))) return "start " + value;
    }
    return value.empty() ? "empty start" : "";
  }
  if (element == "code" && name == "class") {
    if (value.rfind("language-", 0) != 0 || value.size() == 9) return "class " + value;
    for (char c : value.substr(9)) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '+' && c != '-') {
        return "class " + value;
      }
    }
    return "";
  }
  return "attribute " + std::string(name) + " on <" + std::string(element) + ">";
}

std::string CheckTag(std::string_view tag) {
  const bool closing = !tag.empty() && tag[0] == '/';
  if (closing) tag.remove_prefix(1);
  size_t i = 0;
  while (i < tag.size() && std::islower(static_cast<unsigned char>(tag[i]))) ++i;
  const std::string_view element = tag.substr(0, i);
  if (!IsAllowedElement(element)) return "element <" + std::string(tag) + ">";
  if (closing)
    return i == tag.size() && !IsVoidElement(element) ? ""
                                                      : "closing tag </" + std::string(tag) + ">";
  bool has_rel = false;
  std::string value;
  while (i < tag.size()) {
    if (tag[i] != ' ') return "malformed tag <" + std::string(tag) + ">";
    const size_t name_start = ++i;
    while (i < tag.size() && std::islower(static_cast<unsigned char>(tag[i]))) ++i;
    const std::string_view name = tag.substr(name_start, i - name_start);
    if (tag.substr(i, 2) != "=\"") return "malformed attribute in <" + std::string(tag) + ">";
    i += 2;
    const size_t value_end = tag.find('"', i);
    if (value_end == std::string_view::npos) return "unterminated attribute";
    if (!Unescape(tag.substr(i, value_end - i), &value)) return "stray & in an attribute";
    if (std::string problem = CheckAttribute(element, name, value); !problem.empty())
      return problem;
    has_rel = has_rel || name == "rel";
    i = value_end + 1;
  }
  if (element == "a" && !has_rel) return "a link without rel";
  return "";
}

}  // namespace

std::string AllowlistViolation(std::string_view html) {
  std::string scratch;
  for (size_t i = 0; i < html.size();) {
    const char c = html[i];
    if (c == '<') {
      const size_t close = html.find('>', i);
      if (close == std::string_view::npos) return "unterminated tag";
      const std::string_view tag = html.substr(i + 1, close - i - 1);
      if (tag.find('<') != std::string_view::npos) return "'<' inside a tag";
      if (std::string problem = CheckTag(tag); !problem.empty()) return problem;
      i = close + 1;
    } else if (c == '>' || c == '"') {
      return std::string("unescaped ") + c + " in text";
    } else if (c == '&') {
      const size_t end = html.find(';', i);
      if (end == std::string_view::npos || !Unescape(html.substr(i, end + 1 - i), &scratch)) {
        return "stray & in text";
      }
      i = end + 1;
    } else {
      ++i;
    }
  }
  return "";
}

}  // namespace parley::markup::testing
