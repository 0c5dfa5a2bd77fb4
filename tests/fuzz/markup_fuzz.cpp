// libFuzzer target for comment markup: any bytes in, and on every output the renderer's
// promises are checked: valid UTF-8, no forbidden control characters, only allowlisted
// elements, attributes and URL schemes. ASan and UBSan watch the parser itself.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "markup_allowlist.h"
#include "parley/markup/html_renderer.h"
#include "parley/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::string html = parley::markup::RenderHtml(input);
  if (!parley::utf8::IsValid(html)) {
    std::fprintf(stderr, "output is not valid UTF-8\n");
    std::abort();
  }
  for (size_t pos = 0; pos < html.size();) {
    if (parley::utf8::IsForbiddenControl(parley::utf8::Decode(html, &pos))) {
      std::fprintf(stderr, "output holds a forbidden control character\n");
      std::abort();
    }
  }
  if (const std::string problem = parley::markup::testing::AllowlistViolation(html);
      !problem.empty()) {
    std::fprintf(stderr, "allowlist violation: %s\noutput: %s\n", problem.c_str(), html.c_str());
    std::abort();
  }
  return 0;
}
