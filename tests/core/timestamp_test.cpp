#include "parley/thread/timestamp.h"

#include <gtest/gtest.h>

namespace {

using parley::thread::FormatReadable;
using parley::thread::FormatRfc3339;
using parley::thread::ParseRfc3339;

TEST(Timestamp, ReadsUtcAndOffsets) {
  EXPECT_EQ(ParseRfc3339("1970-01-01T00:00:00Z")->unix_ms, 0);
  EXPECT_EQ(ParseRfc3339("2020-10-22T10:00:00Z")->unix_ms, 1603360800000);
  EXPECT_EQ(ParseRfc3339("2020-10-22T14:00:00+04:00")->unix_ms, 1603360800000);
  EXPECT_EQ(ParseRfc3339("2020-10-22t05:30:00-04:30")->unix_ms, 1603360800000);
  EXPECT_EQ(ParseRfc3339("2020-10-22 10:00:00.25z")->unix_ms, 1603360800250);
  EXPECT_EQ(ParseRfc3339("1969-12-31T23:59:59.5Z")->unix_ms, -500);
}

TEST(Timestamp, RefusesWhatIsNotAnInstant) {
  for (const char* bad : {"", "2020-10-22", "2020-10-22T10:00:00", "2020-02-30T00:00:00Z",
                          "2021-02-29T00:00:00Z", "2020-13-01T00:00:00Z", "2020-10-22T24:00:00Z",
                          "2020-10-22T10:00:00+4:00", "2020-10-22T10:00:00Zjunk", "20201022T100000Z",
                          "2020-10-22T10:00:00.Z", "yesterday"}) {
    EXPECT_FALSE(ParseRfc3339(bad).has_value()) << bad;
  }
  EXPECT_TRUE(ParseRfc3339("2020-02-29T00:00:00Z").has_value());
  EXPECT_TRUE(ParseRfc3339("2016-12-31T23:59:60Z").has_value());  // a leap second
}

TEST(Timestamp, FormatsInUtc) {
  auto time = *ParseRfc3339("2020-10-22T14:05:09+04:00");
  EXPECT_EQ(FormatRfc3339(time), "2020-10-22T10:05:09Z");
  EXPECT_EQ(FormatReadable(time), "2020-10-22 10:05 UTC");
  EXPECT_EQ(FormatRfc3339(*ParseRfc3339("1969-12-31T23:59:59.5Z")), "1969-12-31T23:59:59Z");
  EXPECT_EQ(FormatRfc3339(*ParseRfc3339("0001-01-01T00:00:00Z")), "0001-01-01T00:00:00Z");
  EXPECT_EQ(FormatRfc3339(*ParseRfc3339("9999-12-31T23:59:59Z")), "9999-12-31T23:59:59Z");
}

}  // namespace
