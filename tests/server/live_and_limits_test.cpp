#include <gtest/gtest.h>

#include <thread>

#include "abuse/rate_limiter.h"
#include "encoding/gzip.h"
#include "events/event_hub.h"
#include "http/origin_policy.h"
#include "http/static_files.h"

namespace parley {
namespace {

TEST(RateLimiter, AllowsABurstThenRefillsSteadily) {
  abuse::RateLimiter limiter;
  abuse::RateLimit limit{3, 60};  // 3 per minute: one token every 20 s
  for (int i = 0; i < 3; ++i) EXPECT_FALSE(limiter.Take("k", limit, 0).has_value());
  std::optional<int64_t> wait = limiter.Take("k", limit, 0);
  ASSERT_TRUE(wait.has_value());
  EXPECT_EQ(*wait, 20);
  EXPECT_EQ(*limiter.Take("k", limit, 15000), 5);
  EXPECT_FALSE(limiter.Take("k", limit, 20000).has_value());
  EXPECT_FALSE(limiter.Take("other", limit, 20000).has_value());  // keys are independent
  EXPECT_FALSE(limiter.Take("k", abuse::RateLimit{0, 60}, 20000).has_value());  // off
}

TEST(EventHub, DeliversEventsOfTheAskedThreadAfterAnId) {
  events::EventHub hub(100);
  hub.Publish("a", "created", "1");
  hub.Publish("b", "created", "2");
  hub.Publish("a", "edited", "3");
  auto result = hub.Wait("a", 100, std::chrono::milliseconds(0));
  ASSERT_TRUE(result.has_value());
  ASSERT_EQ(result->events.size(), 2u);
  EXPECT_EQ(result->events[0].id, 101);
  EXPECT_EQ(result->events[1].type, "edited");
  EXPECT_FALSE(result->missed_events);
  EXPECT_TRUE(hub.Wait("a", 103, std::chrono::milliseconds(0))->events.empty());
}

TEST(EventHub, WakesWaitersAndEndsThemOnClose) {
  events::EventHub hub;
  std::thread publisher([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    hub.Publish("t", "created", "{}");
  });
  auto result = hub.Wait("t", 0, std::chrono::seconds(5));
  publisher.join();
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->events.size(), 1u);
  std::thread closer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    hub.Close();
  });
  EXPECT_FALSE(hub.Wait("t", 1, std::chrono::seconds(5)).has_value());
  closer.join();
}

TEST(EventHub, TellsResumingStreamsWhenEventsWereMissed) {
  events::EventHub hub(1000, 2);
  for (int i = 0; i < 5; ++i) hub.Publish("t", "created", "{}");
  EXPECT_TRUE(hub.Wait("t", 1001, std::chrono::milliseconds(0))->missed_events);  // trimmed
  EXPECT_TRUE(hub.Wait("t", 5, std::chrono::milliseconds(0))->missed_events);     // older process
  EXPECT_TRUE(hub.Wait("t", 9999, std::chrono::milliseconds(0))->missed_events);  // future id
  EXPECT_FALSE(hub.Wait("t", 1004, std::chrono::milliseconds(0))->missed_events);
}

TEST(EventHub, CapsStreams) {
  events::EventHub hub;
  EXPECT_TRUE(hub.BeginStream(2));
  EXPECT_TRUE(hub.BeginStream(2));
  EXPECT_FALSE(hub.BeginStream(2));
  hub.EndStream();
  EXPECT_TRUE(hub.BeginStream(2));
}

TEST(OriginPolicy, AllowsConfiguredOriginsAndTheServerItself) {
  http::OriginPolicy policy({"https://news.example", "http://localhost:3000"});
  EXPECT_TRUE(policy.Allows("https://news.example", "comments.example"));
  EXPECT_TRUE(policy.Allows("HTTPS://NEWS.EXAMPLE", "comments.example"));
  EXPECT_FALSE(policy.Allows("https://news.example.evil", "comments.example"));
  EXPECT_FALSE(policy.Allows("http://news.example", "comments.example"));
  EXPECT_TRUE(policy.Allows("https://comments.example", "comments.example"));
  EXPECT_FALSE(policy.Allows("null", "comments.example"));
  EXPECT_FALSE(policy.Allows("", "comments.example"));
  EXPECT_TRUE(http::OriginPolicy({"*"}).Allows("https://anyone.example", ""));
}

TEST(StaticFiles, KnowsTheBundleTypesAndEncodings) {
  EXPECT_EQ(http::ContentTypeFor("parley-core.wasm"), "application/wasm");
  EXPECT_EQ(http::ContentTypeFor("embed.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(http::ContentTypeFor("parley-core.mjs"), "text/javascript; charset=utf-8");
  EXPECT_EQ(http::ContentTypeFor("parley.css"), "text/css; charset=utf-8");
  EXPECT_EQ(http::ContentTypeFor("LICENSE"), "application/octet-stream");
  EXPECT_TRUE(encoding::AcceptsGzip("gzip, deflate, br"));
  EXPECT_TRUE(encoding::AcceptsGzip("br;q=1.0, gzip;q=0.8"));
  EXPECT_TRUE(encoding::AcceptsGzip("*"));
  EXPECT_FALSE(encoding::AcceptsGzip("gzip;q=0"));
  EXPECT_FALSE(encoding::AcceptsGzip("identity"));
  EXPECT_FALSE(encoding::AcceptsGzip(""));
}

}  // namespace
}  // namespace parley
