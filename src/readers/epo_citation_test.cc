// Tests for ParseEpoCitation: the B561 shapes found in the real EPO files,
// and texts outside the grammar.
#include "readers/epo_citation.h"

#include <gtest/gtest.h>

namespace patnav {
namespace {

std::string Number(std::string_view text) {
  Result<Citation> c = ParseEpoCitation(text);
  EXPECT_TRUE(c.ok()) << text << ": " << c.status().ToString();
  return c.ok() ? c->publication_number : "";
}

TEST(EpoCitationTest, SplitsCountryKindAndNumber) {
  Result<Citation> c = ParseEpoCitation("WO-A-03/008444");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->country, "WO");
  EXPECT_EQ(c->kind, "A");
  EXPECT_EQ(c->doc_number, "2003008444");
  EXPECT_EQ(c->publication_number, "WO2003008444A");
  EXPECT_EQ(c->date, "");
  EXPECT_EQ(c->category, "");
}

TEST(EpoCitationTest, NumberShapesFromTheRealFiles) {
  EXPECT_EQ(Number("US-A- 5 948 634"), "US5948634A");
  EXPECT_EQ(Number("EP-A- 0 460 575"), "EP0460575A");  // EP keeps its 7 digits
  EXPECT_EQ(Number("EP-A2- 1 186 247"), "EP1186247A2");
  EXPECT_EQ(Number("WO-A1-2004/045320"), "WO2004045320A1");
  EXPECT_EQ(Number("WO-A-90/05789"), "WO1990005789A");
  EXPECT_EQ(Number("DE-A1-102009 041 527"), "DE102009041527A1");
  EXPECT_EQ(Number("DE-C- 3 122 720"), "DE3122720C");
  EXPECT_EQ(Number("DE-U1- 29 618 318"), "DE29618318U1");
  EXPECT_EQ(Number("US-A1- 2008 197 955"), "US2008197955A1");
  EXPECT_EQ(Number("US-E- R E36 154"), "USRE36154E");
  EXPECT_EQ(Number("FR-E- 84 247"), "FR84247E");
  EXPECT_EQ(Number("CN-U- 202 128 028"), "CN202128028U");
  EXPECT_EQ(Number("JP-A- 7 300 979"), "JP7300979A");
  EXPECT_EQ(Number("  gb-a- 693 448  "), "GB693448A");  // case and padding
}

TEST(EpoCitationTest, TextAfterTheNumberIsIgnored) {
  EXPECT_EQ(Number("EP-A- 0 123 456 (SIEMENS AG)"), "EP0123456A");
}

TEST(EpoCitationTest, EmptyKindIsAllowed) {
  Result<Citation> c = ParseEpoCitation("US-- 5 948 634");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->publication_number, "US5948634");
  EXPECT_EQ(c->kind, "");
}

TEST(EpoCitationTest, RejectsTextOutsideTheGrammar) {
  for (std::string_view bad : {"", "WO", "W-A-123", "1A-A-123", "US 5 948 634", "US-A1B-123", "US-1-123",
                               "US-AA-123", "US-A- ", "US-A- (none)", "US-A 5948634",
                               "PATENT ABSTRACTS OF JAPAN vol. 9"}) {
    Result<Citation> c = ParseEpoCitation(bad);
    EXPECT_FALSE(c.ok()) << "accepted '" << bad << "' as " << c->publication_number;
    if (!c.ok()) {
      EXPECT_EQ(c.status().code(), StatusCode::kInvalidArgument);
    }
  }
}

}  // namespace
}  // namespace patnav
