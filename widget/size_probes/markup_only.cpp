// Size probe (bench/size.mjs): the bridge and the markup renderer only, to tell what markup
// costs a module. Never shipped.
#include <cstddef>
#include <string_view>

#include "../bridge.h"
#include "parley/markup/html_renderer.h"

PARLEY_EXPORT(parley_render_markup)
void parley_render_markup(const char* text, size_t text_size, parley_result* out) {
  parley::bridge::Answer(parley::markup::RenderHtml(std::string_view(text, text_size)), out);
}
