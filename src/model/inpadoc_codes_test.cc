// The shipped INPADOC code table: sorted for lookup, complete (the EPO's
// 2024 week 17 list), classes and influences as the EPO gives them.
#include "model/inpadoc_codes.h"

#include <string>

#include <gtest/gtest.h>

#include "model/legal_event.h"
#include "model/uspto_maintfee_codes.h"

namespace patnav {
namespace {

TEST(InpadocCodes, TableIsCompleteAndSorted) {
  EXPECT_EQ(InpadocCodes().size(), 4397u);
  for (size_t i = 1; i < InpadocCodes().size(); ++i) {
    const InpadocCode& a = InpadocCodes()[i - 1];
    const InpadocCode& b = InpadocCodes()[i];
    ASSERT_LT(std::string(a.office) + '\0' + a.code, std::string(b.office) + '\0' + b.code) << b.office << b.code;
  }
}

TEST(InpadocCodes, Lookups) {
  const InpadocCode* pg25 = FindInpadocCode("EP", "PG25");
  ASSERT_NE(pg25, nullptr);
  EXPECT_EQ(pg25->event_class, 'H');
  EXPECT_EQ(pg25->influence, '-');
  EXPECT_EQ(InpadocClassName(pg25->event_class), "cessation");
  const InpadocCode* fa = FindInpadocCode("AR", "FA  ");
  ASSERT_NE(fa, nullptr);
  EXPECT_EQ(std::string(fa->description), "ABANDONMENT OR WITHDRAWAL");
  EXPECT_EQ(FindInpadocCode("EP", "ZZZZ"), nullptr);
  EXPECT_EQ(FindInpadocCode("XX", "PG25"), nullptr);
  EXPECT_EQ(InpadocClassName('I'), "");
}

// Every maintenance fee code maps onto a US code the EPO lists.
TEST(InpadocCodes, MaintFeeCodesMapOntoListedUsCodes) {
  for (const char* code : {"M1551", "M2552", "M3553", "EXP.", "EXPX", "REM.", "SMAL", "R1551", "M170", "M285"}) {
    const MaintFeeCode* c = FindMaintFeeCode(code);
    ASSERT_NE(c, nullptr) << code;
    EXPECT_NE(FindInpadocCode("US", c->inpadoc_code), nullptr) << code << " -> " << c->inpadoc_code;
  }
  EXPECT_EQ(FindMaintFeeCode("EXP. "), FindMaintFeeCode("EXP."));
  EXPECT_EQ(FindMaintFeeCode("M9999"), nullptr);
  LegalEvent e;
  e.inpadoc_office = "US";
  e.inpadoc_code = "REIN";
  ClassifyLegalEvent(e);
  EXPECT_EQ(e.event_class, 'K');
  EXPECT_EQ(e.influence, '+');
}

}  // namespace
}  // namespace patnav
