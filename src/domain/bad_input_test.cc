// Every bad input the issue lists is refused with a clear message and
// nothing written: unknown member or patent, a royalty report for a closed
// period, a negative amount, a currency mismatch, a patent contributed twice,
// overlapping agreements. Each case compares every table before and after.
#include <gtest/gtest.h>

#include "domain/distribution.h"
#include "domain/domain_testing.h"
#include "domain/fund.h"
#include "domain/money.h"
#include "testing.h"

namespace patnav::domain {
namespace {

using patnav::testing::ScratchDir;

class BadInput : public ::testing::Test {
 protected:
  void SetUp() override {
    ops_ = testing::OpenOps(dir_.path());
    Random rng(11);
    rp_ = testing::BuildRandomPool(*ops_, rng, 10, 5);
    ASSERT_TRUE(CreatePool(*ops_, {"", "Closed", "", "", "", "USD", 0}).ok());
    ProgrammeInput prog;
    prog.pool = "Closed";
    prog.name = "CP";
    prog.rate = 5;
    ASSERT_TRUE(CreateProgramme(*ops_, prog).ok());
    ASSERT_TRUE(AddAgreement(*ops_, {rp_.licensees[0], "CP", {"*"}, "2024-01-01", ""}).ok());
    ASSERT_TRUE(Contribute(*ops_, {{"Closed", rp_.members[0], "US5550001B1", "2024-01-01", {"US"}, "2040-01-01"}}).ok());
    ASSERT_TRUE(ReportRoyalties(*ops_, {{rp_.licensees[0], "CP", "2024Q4", "", "", {{"US", 100, {}, 0}}}}).ok());
    ASSERT_TRUE(CloseDistribution(*ops_, {"Closed", "2024Q4", DistributionMethod::kPatentCountry, 0}).ok());
    before_ = testing::DumpOperations(dir_.path());
  }
  // The refusal's message contains `words`, and nothing changed.
  void ExpectRefused(const Status& st, const std::string& words) {
    EXPECT_FALSE(st.ok());
    EXPECT_NE(st.message().find(words), std::string::npos) << st.message();
    EXPECT_EQ(testing::DumpOperations(dir_.path()), before_);
  }
  RoyaltyReportInput Report(const std::string& period) {
    RoyaltyReportInput r;
    r.licensee = rp_.licensees[0];
    r.programme = rp_.programme;
    r.period = period;
    RoyaltyLineInput l;
    l.country = "US";
    l.units = 10;
    l.net_sales_minor = 1000;
    r.lines = {l};
    return r;
  }
  ScratchDir dir_;
  std::unique_ptr<OperationsDb> ops_;
  testing::RandomPool rp_;
  std::string before_;
};

TEST_F(BadInput, UnknownMember) {
  ExpectRefused(Contribute(*ops_, {{rp_.pool, "Nobody", "US7000001B2", "2024-01-01", {"US"}, "2040-01-01"}}),
                "unknown member 'Nobody'");
  ExpectRefused(FundContribute(*ops_, "Nobody", 100, "USD", "").status(), "unknown member");
  ExpectRefused(AddLicensee(*ops_, {"New", "US", "Nobody"}).status(), "unknown member");
}

TEST_F(BadInput, UnknownPatent) {
  StoreOptions so;
  so.dir = dir_.path() / "store";
  auto store = PatentStore::Open(so);
  ASSERT_TRUE(store.ok());
  ExpectRefused(ContributeFromStore(*ops_, **store, rp_.pool, rp_.members[0], {"US7000001B2"}, "2024-01-01", {}),
                "unknown patent US7000001B2");
  ExpectRefused(Withdraw(*ops_, rp_.pool, "US7000001B2", "2025-01-01"), "not in the pool");
}

TEST_F(BadInput, RoyaltyReportForAClosedPeriod) {
  RoyaltyReportInput r = Report("2024Q4");
  r.programme = "CP";
  ExpectRefused(ReportRoyalties(*ops_, {r}).status(), "closed");
  // Refused as a whole: a good report in the same batch is not written either.
  ExpectRefused(ReportRoyalties(*ops_, {Report("2025Q2"), r}).status(), "closed");
}

TEST_F(BadInput, NegativeAmount) {
  RoyaltyReportInput r = Report("2025Q2");
  r.lines[0].units = -5;
  r.lines[0].net_sales_minor = -5;
  ExpectRefused(ReportRoyalties(*ops_, {r}).status(), "negative");
  Result<std::vector<RoyaltyReportInput>> csv = ParseRoyaltyCsv(
      *ops_, "licensee,programme,period,country,units,net_sales\n" + rp_.licensees[0] + "," + rp_.programme +
                 ",2025Q2,US,-3,-1.00\n", "r.csv");
  ExpectRefused(csv.status(), "r.csv:2");
  ExpectRefused(FundContribute(*ops_, rp_.members[0], -100, "USD", "").status(), "positive");
  EXPECT_FALSE(ParseAmount("-1.00", "USD").ok());
}

TEST_F(BadInput, CurrencyMismatch) {
  RoyaltyReportInput r = Report("2025Q2");
  r.currency = "EUR";
  ExpectRefused(ReportRoyalties(*ops_, {r}).status(), "currency mismatch");
  ProgrammeInput prog;
  prog.pool = rp_.pool;
  prog.name = "Euro";
  prog.currency = "EUR";
  ExpectRefused(CreateProgramme(*ops_, prog).status(), "currency mismatch");
}

TEST_F(BadInput, PatentContributedTwice) {
  const auto& t = rp_.patents[0];
  ExpectRefused(Contribute(*ops_, {{rp_.pool, rp_.members[0], t.publication_number, "2024-01-01", {"US"}, "2040-01-01"}}),
                "already in pool");
  // Twice in one batch: the first is not written either.
  ExpectRefused(Contribute(*ops_, {{rp_.pool, rp_.members[0], "US7777777B2", "2024-01-01", {"US"}, "2040-01-01"},
                                   {rp_.pool, rp_.members[1], "US7777777B2", "2024-01-01", {"US"}, "2040-01-01"}}),
                "already in pool");
}

TEST_F(BadInput, OverlappingAgreements) {
  // The fixture's licensees hold worldwide agreements from 2024-01-01.
  ExpectRefused(AddAgreement(*ops_, {rp_.licensees[0], rp_.programme, {"DE"}, "2026-01-01", "2026-12-31"}).status(),
                "overlapping agreements");
  ASSERT_TRUE(AddLicensee(*ops_, {"Regional", "DE", ""}).ok());
  before_ = testing::DumpOperations(dir_.path());
  ASSERT_TRUE(AddAgreement(*ops_, {"Regional", rp_.programme, {"DE,FR"}, "2025-01-01", "2025-12-31"}).ok());
  before_ = testing::DumpOperations(dir_.path());
  ExpectRefused(AddAgreement(*ops_, {"Regional", rp_.programme, {"FR"}, "2025-06-01", ""}).status(), "overlapping");
  // Adjacent in time or disjoint in territory is fine.
  EXPECT_TRUE(AddAgreement(*ops_, {"Regional", rp_.programme, {"FR"}, "2026-01-01", ""}).ok());
  EXPECT_TRUE(AddAgreement(*ops_, {"Regional", rp_.programme, {"JP"}, "2025-01-01", ""}).ok());
}

TEST_F(BadInput, RoyaltiesOutsideTheAgreement) {
  ASSERT_TRUE(AddLicensee(*ops_, {"Regional", "DE", ""}).ok());
  ASSERT_TRUE(AddAgreement(*ops_, {"Regional", rp_.programme, {"DE"}, "2025-01-01", ""}).ok());
  before_ = testing::DumpOperations(dir_.path());
  RoyaltyReportInput r = Report("2025Q2");
  r.licensee = "Regional";
  ExpectRefused(ReportRoyalties(*ops_, {r}).status(), "no agreement");
  r.lines[0].country = "DE";
  r.period = "2024Q4";
  ExpectRefused(ReportRoyalties(*ops_, {r}).status(), "no agreement");
}

TEST_F(BadInput, OtherRefusals) {
  ExpectRefused(AddMember(*ops_, {"", rp_.members[0], "industry", "", ""}).status(), "already exists");
  ExpectRefused(AddMember(*ops_, {"", "X", "bank", "", ""}).status(), "member type");
  ExpectRefused(CreateAlliance(*ops_, {"Alliance", "", "business", ""}).status(), "already exists");
  ExpectRefused(CreateAlliance(*ops_, {"B", "", "club", ""}).status(), "organisational form");
  ExpectRefused(Withdraw(*ops_, rp_.pool, rp_.patents[0].publication_number, "2020-01-01"), "before the contribution");
  ExpectRefused(GrantLoan(*ops_, {rp_.members[0], 100, "USD", 30000, "2025-01-01", 12}).status(), "less than the loan");
  ExpectRefused(CloseDistribution(*ops_, {rp_.pool, "2031Q1", DistributionMethod::kValue, 0}).status(), "no royalty income");
}

}  // namespace
}  // namespace patnav::domain
