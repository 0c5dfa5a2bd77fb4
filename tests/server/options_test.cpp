#include "cli/options.h"

#include <gtest/gtest.h>

namespace {

using parley::cli::OptionSpec;
using parley::cli::ParseOptions;

const OptionSpec kSpec{{"sort", "page"}, {"verbose"}, false};

TEST(Options, ValuesBySpaceAndByEquals) {
  auto parsed = ParseOptions({"--sort", "best", "--page=2", "--verbose"}, kSpec);
  ASSERT_TRUE(parsed.ok()) << parsed.error;
  EXPECT_EQ(parsed.options.Get("sort"), "best");
  EXPECT_EQ(parsed.options.Get("page"), "2");
  EXPECT_TRUE(parsed.options.Has("verbose"));
  EXPECT_FALSE(parsed.options.Get("missing").has_value());
}

TEST(Options, MissingValueNamesTheOption) {
  auto parsed = ParseOptions({"--sort"}, kSpec);
  EXPECT_EQ(parsed.error, "option '--sort' needs a value");
}

TEST(Options, FlagWithValueIsRefused) {
  EXPECT_EQ(ParseOptions({"--verbose=yes"}, kSpec).error, "option '--verbose' takes no value");
}

TEST(Options, UnknownOptionsAndPositionalsAreRefused) {
  EXPECT_EQ(ParseOptions({"--nope"}, kSpec).error, "unknown option '--nope'");
  EXPECT_EQ(ParseOptions({"-x"}, kSpec).error, "unknown option '-x'");
  EXPECT_EQ(ParseOptions({"file.txt"}, kSpec).error, "unexpected argument 'file.txt'");
}

TEST(Options, PositionalsWhenAllowed) {
  OptionSpec spec{{"from"}, {}, true};
  auto parsed = ParseOptions({"--from", "disqus", "export.xml", "--", "--odd-name"}, spec);
  ASSERT_TRUE(parsed.ok()) << parsed.error;
  EXPECT_EQ(parsed.options.positional, (std::vector<std::string>{"export.xml", "--odd-name"}));
}

TEST(Options, HelpIsRecognisedAnywhere) {
  EXPECT_TRUE(ParseOptions({"--sort", "best", "-h"}, kSpec).options.help);
}

}  // namespace
