#include "core_adapters/thread_renderer.h"

#include "parley/thread/build.h"
#include "parley/thread/render.h"

namespace parley::core_adapters {

ThreadHtml RenderServedThread(std::string_view comments_json, std::string_view options_json) {
  thread::RenderResult result =
      thread::RenderThreadFromJson(comments_json, options_json, thread::ServerRenderedBody);
  return ThreadHtml{std::move(result.html), std::move(result.error)};
}

int64_t BestRank(int64_t up, int64_t down) {
  // The same scaling as the core's page order (parley/thread/page.cpp): 1e12 steps.
  return static_cast<int64_t>(thread::WilsonLowerBound(up, down) * 1e12);
}

}  // namespace parley::core_adapters
