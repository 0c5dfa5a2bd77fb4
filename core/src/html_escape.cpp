#include "parley/html_escape.h"

namespace parley::html {

namespace {

template <bool kAttribute>
void AppendEscaped(std::string* out, std::string_view text) {
  size_t clean_from = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char* entity = nullptr;
    switch (text[i]) {
      case '&': entity = "&amp;"; break;
      case '<': entity = "&lt;"; break;
      case '>': entity = "&gt;"; break;
      case '"': entity = "&quot;"; break;
      case '\'': entity = kAttribute ? "&#39;" : nullptr; break;
      default: break;
    }
    if (entity == nullptr) continue;
    out->append(text, clean_from, i - clean_from);
    out->append(entity);
    clean_from = i + 1;
  }
  out->append(text, clean_from, text.size() - clean_from);
}

}  // namespace

void AppendText(std::string* out, std::string_view text) { AppendEscaped<false>(out, text); }

void AppendAttribute(std::string* out, std::string_view value) { AppendEscaped<true>(out, value); }

}  // namespace parley::html
