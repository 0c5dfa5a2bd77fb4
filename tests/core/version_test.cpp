#include "parley/version.h"

#include <gtest/gtest.h>

#include <regex>
#include <string>

TEST(Version, IsSemanticVersion) {
  const std::string version(parley::Version());
  EXPECT_TRUE(std::regex_match(version, std::regex(R"(\d+\.\d+\.\d+)"))) << version;
}
