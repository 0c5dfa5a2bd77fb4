#include "parley/i18n/plural.h"

#include <gtest/gtest.h>

#include "parley/i18n/catalog.h"

namespace {

using parley::i18n::CardinalCategory;
using Category = parley::i18n::PluralCategory;

TEST(Plural, RussianOneFewMany) {
  for (int64_t n : {1, 21, 101, 1001}) EXPECT_EQ(CardinalCategory("ru", n), Category::kOne) << n;
  for (int64_t n : {2, 3, 4, 22, 104}) EXPECT_EQ(CardinalCategory("ru", n), Category::kFew) << n;
  for (int64_t n : {0, 5, 11, 12, 14, 111, 1000}) EXPECT_EQ(CardinalCategory("ru", n), Category::kMany) << n;
}

TEST(Plural, ArabicHasAllSix) {
  EXPECT_EQ(CardinalCategory("ar", 0), Category::kZero);
  EXPECT_EQ(CardinalCategory("ar", 1), Category::kOne);
  EXPECT_EQ(CardinalCategory("ar", 2), Category::kTwo);
  EXPECT_EQ(CardinalCategory("ar", 3), Category::kFew);
  EXPECT_EQ(CardinalCategory("ar", 110), Category::kFew);
  EXPECT_EQ(CardinalCategory("ar", 11), Category::kMany);
  EXPECT_EQ(CardinalCategory("ar", 100), Category::kOther);
}

TEST(Plural, FrenchAndArmenianCountZeroAsOne) {
  EXPECT_EQ(CardinalCategory("fr", 0), Category::kOne);
  EXPECT_EQ(CardinalCategory("hy", 0), Category::kOne);
  EXPECT_EQ(CardinalCategory("fr", 1000000), Category::kMany);
  EXPECT_EQ(CardinalCategory("en", 0), Category::kOther);
  EXPECT_EQ(CardinalCategory("de", 1), Category::kOne);
  EXPECT_EQ(CardinalCategory("es", 2), Category::kOther);
}

TEST(Catalog, ResolvesTagsAndDirection) {
  auto russian = parley::i18n::ResolveLanguage("ru-RU");
  EXPECT_EQ(russian.code, "ru");
  EXPECT_EQ(russian.strings_code(), "ru");
  EXPECT_FALSE(russian.right_to_left);
  auto persian = parley::i18n::ResolveLanguage("fa_IR");
  EXPECT_EQ(persian.code, "fa");
  EXPECT_EQ(persian.strings_code(), "en");
  EXPECT_TRUE(persian.right_to_left);
  EXPECT_EQ(parley::i18n::ResolveLanguage("\"><x").code, "en");
  EXPECT_EQ(parley::i18n::ResolveLanguage("").code, "en");
}

TEST(Catalog, FormatsCountsAndNames) {
  auto russian = parley::i18n::ResolveLanguage("ru");
  EXPECT_EQ(FormatCount(russian, russian.strings->comment_count, 22), "22 комментария");
  EXPECT_EQ(FormatCount(russian, russian.strings->more_replies, 5), "Ещё 5 ответов");
  EXPECT_EQ(parley::i18n::FormatName("Reply to {name}", "Ann"), "Reply to Ann");
}

}  // namespace
