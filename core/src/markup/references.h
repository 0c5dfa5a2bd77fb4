#pragma once

#include <string>
#include <string_view>
#include <vector>

// Link reference definitions ([label]: destination "title") collected from the whole comment
// before any inline is parsed, since a reference may come before its definition.
namespace parley::markup {

// A definition, destination and title already decoded.
struct LinkReference {
  std::string label;  // normalised (NormalizeLabel)
  std::string destination;
  std::string title;
};

// The label as CommonMark matches it: case-folded, inner whitespace runs collapsed to one
// space, leading and trailing whitespace removed.
std::string NormalizeLabel(std::string_view label);

// The definitions of one comment. Add them all, call Finish once, then look them up. Lookups
// are a binary search over a sorted vector: no hashing a hostile input could degrade.
class ReferenceMap {
 public:
  // Records a definition; when labels repeat, the first definition wins.
  void Add(std::string_view label, std::string destination, std::string title);
  // Forgets every definition (keeping the storage), for the next comment.
  void Clear() { references_.clear(); }
  // Sorts the definitions for lookup.
  void Finish();
  // The definition of `label` (raw, as written between the brackets), or nullptr.
  const LinkReference* Find(std::string_view label) const;
  // True when there is no definition, so lookups can be skipped altogether.
  bool empty() const { return references_.empty(); }

 private:
  std::vector<LinkReference> references_;
};

}  // namespace parley::markup
