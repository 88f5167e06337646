// String helpers.
#include "base/strings.h"

#include <gtest/gtest.h>

namespace patnav {
namespace {

TEST(Strings, CollapseWhitespace) {
  EXPECT_EQ(CollapseWhitespace("  a \t\n b  "), "a b");
  EXPECT_EQ(CollapseWhitespace("a\xC2\xA0" "b"), "a b");          // U+00A0
  EXPECT_EQ(CollapseWhitespace("a\xE2\x80\x83" "b"), "a b");      // U+2003 em space
  EXPECT_EQ(CollapseWhitespace("锂\xE3\x80\x80电池"), "锂 电池");  // U+3000 ideographic space
  EXPECT_EQ(CollapseWhitespace("\xE2\x80\x94"), "\xE2\x80\x94");  // an em dash is not a space
  EXPECT_EQ(CollapseWhitespace(""), "");
  EXPECT_EQ(CollapseWhitespace("   "), "");
}

TEST(Strings, SplitTrimDigits) {
  EXPECT_EQ(Split("a,,b", ',').size(), 3u);
  EXPECT_EQ(Trim("  x "), "x");
  EXPECT_TRUE(IsAsciiDigits("0123"));
  EXPECT_FALSE(IsAsciiDigits("12a"));
  EXPECT_EQ(StripLeadingZeros("000"), "0");
  EXPECT_EQ(StripLeadingZeros("00120"), "120");
}

}  // namespace
}  // namespace patnav
