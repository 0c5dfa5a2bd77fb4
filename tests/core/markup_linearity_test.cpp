// Pathological inputs: rendering time grows linearly with the input. Each input is rendered
// at two sizes sixteen times apart; a quadratic algorithm would take about 256 times longer,
// a linear one about 16. The bound (64) leaves room for a loaded shared machine and for caches
// the larger input no longer fits in; the best of three runs is taken. A generous absolute
// bound catches a hang. Under sanitizers timings mean nothing, so the inputs are only rendered.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <string>

#include "parley/markup/html_renderer.h"

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kTimingsMeanSomething = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kTimingsMeanSomething = false;
#else
constexpr bool kTimingsMeanSomething = true;
#endif
#else
constexpr bool kTimingsMeanSomething = true;
#endif

double BestSeconds(const std::string& input) {
  double best = 1e9;
  for (int run = 0; run < 3; ++run) {
    const auto start = std::chrono::steady_clock::now();
    const std::string html = parley::markup::RenderHtml(input);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    EXPECT_FALSE(html.empty() && !input.empty());
    best = std::min(best, took.count());
  }
  return best;
}

struct Pathology {
  const char* name;
  std::function<std::string(size_t)> make;  // an input of about n bytes
};

std::string Repeat(const std::string& unit, size_t n) {
  std::string out;
  while (out.size() < n) out += unit;
  return out;
}

TEST(MarkupLinearity, PathologicalInputsTakeLinearTime) {
  const Pathology cases[] = {
      {"nested brackets", [](size_t n) { return Repeat("[", n / 2) + Repeat("]", n / 2); }},
      {"unclosed links", [](size_t n) { return Repeat("[a](b", n); }},
      {"link tails", [](size_t n) { return Repeat("[](x(", n); }},
      {"links with titles", [](size_t n) { return Repeat("[a](b \"c", n); }},
      {"reference lookups", [](size_t n) { return "[x]: /u\n\n" + Repeat("[a [x]", n); }},
      {"emphasis openers", [](size_t n) { return Repeat("*a ", n); }},
      {"mixed delimiters", [](size_t n) { return Repeat("*_~~a", n); }},
      {"rule of three", [](size_t n) { return Repeat("a**b*", n); }},
      {"underscores", [](size_t n) { return Repeat("_a _", n); }},
      {"backtick runs",
       [](size_t n) {
         std::string out;
         for (size_t k = 1; out.size() < n; ++k) out += std::string(k % 64 + 1, '`') + "x";
         return out;
       }},
      {"escaped backticks", [](size_t n) { return Repeat("\\``", n); }},
      {"angle brackets", [](size_t n) { return Repeat("<", n); }},
      {"unclosed autolinks", [](size_t n) { return Repeat("<http:a", n); }},
      {"email-like", [](size_t n) { return Repeat("<a@b.", n); }},
      {"ampersands", [](size_t n) { return Repeat("&", n); }},
      {"entity-like", [](size_t n) { return Repeat("&abcdefghijklmnopqrstuvwxyzabcde", n); }},
      {"bare URLs", [](size_t n) { return Repeat(" www.a_b.c_d", n); }},
      {"deep quotes", [](size_t n) { return Repeat(Repeat(">", 200) + " x\n", n); }},
      {"deep lists",
       [](size_t n) {
         std::string out;
         for (size_t i = 0; out.size() < n; ++i) out += std::string((i % 100) * 2, ' ') + "- x\n";
         return out;
       }},
      {"reference definitions", [](size_t n) { return Repeat("[a]: /u \"t\n", n); }},
      {"long line of spaces", [](size_t n) { return "- - - - " + Repeat(" ", n) + "x"; }},
  };
  constexpr size_t kSmall = 32 * 1024;
  constexpr size_t kLarge = 16 * kSmall;
  for (const Pathology& pathology : cases) {
    if (!kTimingsMeanSomething) {
      EXPECT_FALSE(parley::markup::RenderHtml(pathology.make(kLarge)).empty()) << pathology.name;
      continue;
    }
    const double small = BestSeconds(pathology.make(kSmall));
    const double large = BestSeconds(pathology.make(kLarge));
    // Below a millisecond, timer noise dominates; only a slow large input matters then.
    const double ratio = large / std::max(small, 1e-3 / 16);
    std::printf("  %-22s %8.3f ms -> %8.3f ms (x%.1f for x16 input)\n", pathology.name, small * 1e3,
                large * 1e3, ratio);
    EXPECT_LT(ratio, 64.0) << pathology.name;
    EXPECT_LT(large, 10.0) << pathology.name;
  }
}

}  // namespace
