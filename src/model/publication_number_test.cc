// Publication number normalization: every spelling of one publication maps
// to one DOCDB key.
#include "model/publication_number.h"

#include <gtest/gtest.h>

namespace patnav {
namespace {

std::string Key(std::string_view text, std::string_view country = "", std::string_view kind = "") {
  Result<PublicationKey> k = ParsePublicationNumber(text, country, kind);
  return k.ok() ? k->ToString() : "ERROR: " + k.status().message();
}

TEST(PublicationNumber, UsPreGrantSpellingsAgree) {
  EXPECT_EQ(Key("US-2015112182-A1"), "US2015112182A1");
  EXPECT_EQ(Key("20150112182", "US", "A1"), "US2015112182A1");
  EXPECT_EQ(Key("US20150112182A1"), "US2015112182A1");
  EXPECT_EQ(Key("US 2015/0112182 A1"), "US2015112182A1");
  EXPECT_EQ(Key("US2015112182A1"), "US2015112182A1");
}

TEST(PublicationNumber, UsGrantsDropLeadingZeros) {
  EXPECT_EQ(Key("06336130", "US", "B1"), "US6336130B1");
  EXPECT_EQ(Key("US-8271025-B2"), "US8271025B2");
  EXPECT_EQ(Key("US06857133B2"), "US6857133B2");
  EXPECT_EQ(Key("D0435854", "US", "S1"), "USD435854S1");
  EXPECT_EQ(Key("USD435854S1"), "USD435854S1");
  EXPECT_EQ(Key("PP012345", "US", "P2"), "USPP12345P2");
  EXPECT_EQ(Key("RE038123", "US", "E"), "USRE38123E");
}

TEST(PublicationNumber, OtherOffices) {
  EXPECT_EQ(Key("EP1442058B1"), "EP1442058B1");
  EXPECT_EQ(Key("1442058", "EP", "B1"), "EP1442058B1");
  EXPECT_EQ(Key("CN-106844774-A"), "CN106844774A");
  EXPECT_EQ(Key("KR-20150012345-A"), "KR20150012345A");
  EXPECT_EQ(Key("WO-2016123456-A1"), "WO2016123456A1");
  EXPECT_EQ(Key("96/25012", "WO"), "WO1996025012");
  EXPECT_EQ(Key("JP-2005123456-A"), "JP2005123456A");
  EXPECT_EQ(Key("DE-102015123456-A1"), "DE102015123456A1");
}

TEST(PublicationNumber, Garbage) {
  EXPECT_FALSE(ParsePublicationNumber("").ok());
  EXPECT_FALSE(ParsePublicationNumber("hello").ok());
  EXPECT_FALSE(ParsePublicationNumber("12345").ok());  // no country, no default
}

}  // namespace
}  // namespace patnav
