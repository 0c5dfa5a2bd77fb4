#include "references.h"

#include <algorithm>

#include "parley/utf8.h"
#include "unicode.h"

namespace parley::markup {

std::string NormalizeLabel(std::string_view label) {
  std::string normalized;
  normalized.reserve(label.size());
  bool pending_space = false;
  size_t pos = 0;
  while (pos < label.size()) {
    const char32_t code_point = utf8::Decode(label, &pos);
    if (IsUnicodeWhitespace(code_point)) {
      pending_space = !normalized.empty();
      continue;
    }
    if (pending_space) normalized.push_back(' ');
    pending_space = false;
    AppendCaseFolded(&normalized, code_point);
  }
  return normalized;
}

void ReferenceMap::Add(std::string_view label, std::string destination, std::string title) {
  references_.push_back({NormalizeLabel(label), std::move(destination), std::move(title)});
}

void ReferenceMap::Finish() {
  // Stable, so among equal labels the first definition stays first and survives unique().
  std::stable_sort(
      references_.begin(), references_.end(),
      [](const LinkReference& a, const LinkReference& b) { return a.label < b.label; });
  references_.erase(std::unique(references_.begin(), references_.end(),
                                [](const LinkReference& a, const LinkReference& b) {
                                  return a.label == b.label;
                                }),
                    references_.end());
}

const LinkReference* ReferenceMap::Find(std::string_view label) const {
  if (references_.empty()) return nullptr;
  const std::string key = NormalizeLabel(label);
  const auto found = std::lower_bound(references_.begin(), references_.end(), key,
                                      [](const LinkReference& reference, const std::string& value) {
                                        return reference.label < value;
                                      });
  return found != references_.end() && found->label == key ? &*found : nullptr;
}

}  // namespace parley::markup
