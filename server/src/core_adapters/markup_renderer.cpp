#include "core_adapters/markup_renderer.h"

#include "parley/markup/html_renderer.h"

namespace parley::core_adapters {

std::string RenderMarkup(std::string_view body) { return markup::RenderHtml(body); }

bool RendersLink(std::string_view body) {
  // The renderer writes only allowlisted elements, and links only as "<a href=": a user can
  // never produce that text any other way (every '<' they type is escaped).
  return RenderMarkup(body).find("<a href=") != std::string::npos;
}

}  // namespace parley::core_adapters
