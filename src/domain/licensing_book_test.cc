// Listing programmes, licensees and agreements: what was recorded comes back,
// filtered and in order; unknown names are NotFound.
#include <gtest/gtest.h>

#include "domain/alliance.h"
#include "domain/domain_testing.h"
#include "domain/licensing.h"
#include "domain/members.h"
#include "domain/pool.h"
#include "testing.h"

namespace patnav::domain {
namespace {

using patnav::testing::ScratchDir;

class LicensingBook : public ::testing::Test {
 protected:
  void SetUp() override {
    ops_ = testing::OpenOps(dir_.path());
    ASSERT_TRUE(CreateAlliance(*ops_, {"A", "Wuhan", "business", ""}).ok());
    ASSERT_TRUE(AddMember(*ops_, {"", "Member", "industry", "2020-01-01", ""}).ok());
    ASSERT_TRUE(CreatePool(*ops_, {"", "P1", "", "", "", "CNY", 0}).ok());
    ASSERT_TRUE(CreatePool(*ops_, {"", "P2", "", "", "", "EUR", 0}).ok());
    ProgrammeInput g{"P1", "Gamma", RoyaltyBasis::kPerUnit, 150, 20, 100000, {{"IN", 40}}, ""};
    ASSERT_TRUE(CreateProgramme(*ops_, g).ok());
    ASSERT_TRUE(CreateProgramme(*ops_, {"P1", "Alpha", RoyaltyBasis::kNetSales, 25000, {}, {}, {}, ""}).ok());
    ASSERT_TRUE(CreateProgramme(*ops_, {"P2", "Beta", RoyaltyBasis::kLumpSum, 500000, {}, {}, {}, ""}).ok());
    ASSERT_TRUE(AddLicensee(*ops_, {"Zeta Ltd", "DE", ""}).ok());
    ASSERT_TRUE(AddLicensee(*ops_, {"Insider", "CN", "Member"}).ok());
    ASSERT_TRUE(AddAgreement(*ops_, {"Zeta Ltd", "Gamma", {"US", "DE"}, "2024-01-01", "2024-12-31"}).ok());
    ASSERT_TRUE(AddAgreement(*ops_, {"Zeta Ltd", "Gamma", {"US"}, "2025-01-01", ""}).ok());
    ASSERT_TRUE(AddAgreement(*ops_, {"Insider", "Beta", {"*"}, "2024-06-01", ""}).ok());
  }
  ScratchDir dir_;
  std::unique_ptr<OperationsDb> ops_;
};

TEST_F(LicensingBook, ProgrammesByNameWithTheirTerms) {
  auto all = ListProgrammes(*ops_, "");
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].name, "Alpha");
  EXPECT_EQ((*all)[1].name, "Beta");
  EXPECT_EQ((*all)[2].name, "Gamma");
  EXPECT_EQ((*all)[1].pool, "P2");
  EXPECT_EQ((*all)[1].currency, "EUR");
  const Programme& gamma = (*all)[2];
  EXPECT_EQ(gamma.basis, RoyaltyBasis::kPerUnit);
  EXPECT_EQ(gamma.rate, 150);
  EXPECT_EQ(gamma.member_rate, 20);
  EXPECT_EQ(gamma.cap_minor, 100000);
  EXPECT_EQ(gamma.country_rates.at("IN"), 40);
  auto p1 = ListProgrammes(*ops_, "P1");
  ASSERT_TRUE(p1.ok());
  ASSERT_EQ(p1->size(), 2u);
  for (const Programme& g : *p1) EXPECT_EQ(g.pool, "P1");
  EXPECT_EQ(ListProgrammes(*ops_, "nope").status().code(), StatusCode::kNotFound);
}

TEST_F(LicensingBook, LicenseesByNameWithTheirMember) {
  auto l = ListLicensees(*ops_);
  ASSERT_TRUE(l.ok());
  ASSERT_EQ(l->size(), 2u);
  EXPECT_EQ((*l)[0].name, "Insider");
  EXPECT_EQ((*l)[0].member, "Member");
  EXPECT_EQ((*l)[1].name, "Zeta Ltd");
  EXPECT_EQ((*l)[1].country, "DE");
  EXPECT_EQ((*l)[1].member, "");
}

TEST_F(LicensingBook, AgreementsFilteredAndOrdered) {
  auto all = ListAgreements(*ops_, "", "");
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].licensee, "Insider");
  EXPECT_EQ((*all)[0].pool, "P2");
  EXPECT_EQ((*all)[0].territories, "*");
  EXPECT_EQ((*all)[1].effective_from, "2024-01-01");
  EXPECT_EQ((*all)[1].effective_to, "2024-12-31");
  EXPECT_EQ((*all)[2].effective_from, "2025-01-01");
  EXPECT_EQ((*all)[2].effective_to, "");
  auto zeta = ListAgreements(*ops_, "Zeta Ltd", "");
  ASSERT_TRUE(zeta.ok());
  EXPECT_EQ(zeta->size(), 2u);
  auto beta = ListAgreements(*ops_, "", "Beta");
  ASSERT_TRUE(beta.ok());
  ASSERT_EQ(beta->size(), 1u);
  EXPECT_EQ((*beta)[0].licensee, "Insider");
  auto none = ListAgreements(*ops_, "Zeta Ltd", "Beta");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  EXPECT_EQ(ListAgreements(*ops_, "nobody", "").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ListAgreements(*ops_, "", "nothing").status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace patnav::domain
