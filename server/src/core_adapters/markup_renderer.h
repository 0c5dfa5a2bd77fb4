#pragma once

#include <string>
#include <string_view>

// The one place the server calls the core's markup renderer (parley/markup/).
namespace parley::core_adapters {

// The comment markup `body` as the HTML fragment readers will see.
std::string RenderMarkup(std::string_view body);

// True when `body` renders to at least one link, by the renderer's own rules (explicit links,
// autolinks and bare http://, https:// and www. addresses): what "comments with links"
// pre-moderation holds.
bool RendersLink(std::string_view body);

}  // namespace parley::core_adapters
