// Royalty computation per basis (per unit with country rates, net sales with
// rounding, lump sum), the member rate, the cap, the CSV format; the fund's
// loan schedule; and the ledger balanced after every operation of a random
// sequence (reports, fund payments, loans, repayments, reversals, closes).
#include <numeric>

#include <gtest/gtest.h>

#include "domain/distribution.h"
#include "domain/domain_testing.h"
#include "domain/fund.h"
#include "testing.h"

namespace patnav::domain {
namespace {

using patnav::testing::ScratchDir;

class Royalty : public ::testing::Test {
 protected:
  void SetUp() override {
    ops_ = testing::OpenOps(dir_.path());
    ASSERT_TRUE(CreateAlliance(*ops_, {"A", "Wuhan", "business", ""}).ok());
    ASSERT_TRUE(AddMember(*ops_, {"", "Member", "industry", "2020-01-01", ""}).ok());
    ASSERT_TRUE(CreatePool(*ops_, {"", "P", "", "", "", "CNY", 0}).ok());
    ASSERT_TRUE(AddLicensee(*ops_, {"Outsider", "CN", ""}).ok());
    ASSERT_TRUE(AddLicensee(*ops_, {"Insider", "CN", "Member"}).ok());
  }
  void Programme(RoyaltyBasis basis, int64_t rate, std::optional<int64_t> member_rate = {},
                 std::optional<int64_t> cap = {}, std::map<std::string, int64_t> countries = {}) {
    ProgrammeInput p;
    p.pool = "P";
    p.name = "G";
    p.basis = basis;
    p.rate = rate;
    p.member_rate = member_rate;
    p.cap_minor = cap;
    p.country_rates = countries;
    ASSERT_TRUE(CreateProgramme(*ops_, p).ok());
    for (const char* l : {"Outsider", "Insider"}) ASSERT_TRUE(AddAgreement(*ops_, {l, "G", {"*"}, "2024-01-01", ""}).ok());
  }
  std::vector<int64_t> LineRoyalties() {
    std::vector<int64_t> out;
    auto s = ops_->db().Prepare("SELECT royalty_minor FROM royalty_line ORDER BY id");
    EXPECT_TRUE(s.ok());
    while (*s->Step()) out.push_back(s->ColumnInt64(0));
    return out;
  }
  ScratchDir dir_;
  std::unique_ptr<OperationsDb> ops_;
};

TEST_F(Royalty, PerUnitWithCountryRatesAndMemberRate) {
  Programme(RoyaltyBasis::kPerUnit, 150, 20, {}, {{"IN", 40}});
  auto r = ReportRoyalties(*ops_, {{"Outsider", "G", "2025Q1", "", "", {{"CN", 1000, {}, 0}, {"IN", 1000, {}, 0}}},
                                   {"Insider", "G", "2025Q1", "", "", {{"CN", 1000, {}, 0}, {"IN", 1000, {}, 0}}}});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(LineRoyalties(), (std::vector<int64_t>{150000, 40000, 20000, 20000}));
  EXPECT_EQ((*r)[0].total_minor, 190000);
  EXPECT_EQ((*r)[1].total_minor, 40000);
}

TEST_F(Royalty, NetSalesRoundHalfUp) {
  Programme(RoyaltyBasis::kNetSales, 25000);  // 2.5%
  ASSERT_TRUE(ReportRoyalties(*ops_, {{"Outsider", "G", "2025Q1", "", "", {{"CN", {}, 100, 0}, {"US", {}, 101, 0}, {"DE", {}, 140, 0}}}}).ok());
  EXPECT_EQ(LineRoyalties(), (std::vector<int64_t>{3, 3, 4}));  // 2.5 -> 3, 2.525 -> 3, 3.5 -> 4
}

TEST_F(Royalty, LumpSumSplitsOverLinesAndCapBindsAcrossReports) {
  Programme(RoyaltyBasis::kLumpSum, 100000, {}, 150000);
  ASSERT_TRUE(ReportRoyalties(*ops_, {{"Outsider", "G", "2025Q1", "", "", {{"CN", 1, {}, 0}, {"US", 2, {}, 0}}}}).ok());
  EXPECT_EQ(LineRoyalties(), (std::vector<int64_t>{33333, 66667}));
  // A second report in the same period: only 50000 is left under the cap.
  auto r = ReportRoyalties(*ops_, {{"Outsider", "G", "2025Q1", "", "", {{"CN", 1, {}, 0}, {"US", 1, {}, 0}}}});
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE((*r)[0].capped);
  EXPECT_EQ((*r)[0].total_minor, 50000);
  EXPECT_EQ(LineRoyalties(), (std::vector<int64_t>{33333, 66667, 25000, 25000}));
  // Another period starts a new cap.
  r = ReportRoyalties(*ops_, {{"Outsider", "G", "2025Q2", "", "", {{"CN", 1, {}, 0}}}});
  EXPECT_EQ((*r)[0].total_minor, 100000);
  EXPECT_TRUE(CheckLedger(*ops_).ok());
}

TEST_F(Royalty, CsvGroupsLinesIntoReports) {
  Programme(RoyaltyBasis::kNetSales, 10000);
  auto parsed = ParseRoyaltyCsv(*ops_,
                                "\xEF\xBB\xBFLicensee,Programme,Period,Country,Net_Sales\n"
                                "Outsider,G,2025Q1,cn,100.00\n"
                                "\n"
                                "Insider,G,2025Q1,US,\"1,000.00\"\n",
                                "r.csv");
  EXPECT_FALSE(parsed.ok());  // "1,000.00" is not a plain number
  EXPECT_NE(parsed.status().message().find("r.csv:4"), std::string::npos) << parsed.status().message();
  parsed = ParseRoyaltyCsv(*ops_,
                           "licensee,programme,period,country,net_sales\n"
                           "Outsider,G,2025Q1,cn,100.00\n"
                           "Insider,G,2025Q1,US,50\n"
                           "Outsider,G,2025Q1,DE,0.01\n",
                           "r.csv");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  ASSERT_EQ(parsed->size(), 2u);
  EXPECT_EQ((*parsed)[0].lines.size(), 2u);
  EXPECT_EQ((*parsed)[0].lines[0].country, "CN");
  EXPECT_EQ(*(*parsed)[0].lines[0].net_sales_minor, 10000);
  EXPECT_EQ((*parsed)[0].lines[1].source_line, 4);
  EXPECT_FALSE(ParseRoyaltyCsv(*ops_, "licensee,period,country,units\n", "x.csv").ok());
}

TEST(Fund, LoanScheduleSumsToThePrincipal) {
  std::vector<Instalment> s = LoanSchedule(100000, 36000, "2025-01-31", 3);  // 3.6% a year
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].due_on, "2025-02-28");
  EXPECT_EQ(s[0].principal_minor + s[1].principal_minor + s[2].principal_minor, 100000);
  EXPECT_EQ(s[0].interest_minor, 300);  // 100000 * 3.6% / 12
  EXPECT_EQ(s[1].interest_minor, 200);  // on 66666
  EXPECT_EQ(s[2].interest_minor, 100);
}

TEST(Ledger, BalancedAfterEveryOperationOfARandomSequence) {
  ScratchDir dir;
  auto ops = testing::OpenOps(dir.path());
  Random rng(2024);
  testing::RandomPool rp = testing::BuildRandomPool(*ops, rng, 15, 5);
  const std::vector<std::string> periods = {"2025Q2", "2025Q3", "2025Q4"};
  std::vector<int64_t> loans;
  int64_t operations = 0;
  for (int step = 0; step < 120; ++step) {
    Status st;
    switch (rng.Uniform(6)) {
      case 0: {
        RoyaltyReportInput r{rp.licensees[rng.Uniform(rp.licensees.size())], rp.programme,
                             periods[rng.Uniform(periods.size())], "", "", {}};
        RoyaltyLineInput l;
        l.country = testing::TestCountries()[rng.Uniform(testing::TestCountries().size())];
        l.units = static_cast<int64_t>(rng.Uniform(1000));
        l.net_sales_minor = static_cast<int64_t>(rng.Uniform(1000000));
        r.lines.push_back(l);
        st = ReportRoyalties(*ops, {r}).status();
        break;
      }
      case 1:
        st = FundContribute(*ops, rp.members[rng.Uniform(rp.members.size())], 1 + static_cast<int64_t>(rng.Uniform(100000)),
                            "USD", "2025-01-01").status();
        break;
      case 2: {
        Result<int64_t> id = GrantLoan(*ops, {rp.members[rng.Uniform(rp.members.size())],
                                              1 + static_cast<int64_t>(rng.Uniform(50000)), "USD", 20000, "2025-02-01", 6});
        if (id.ok()) loans.push_back(*id);
        st = id.status();
        break;
      }
      case 3:
        if (!loans.empty())
          st = RepayLoan(*ops, loans[rng.Uniform(loans.size())], static_cast<int64_t>(rng.Uniform(20000)),
                         static_cast<int64_t>(rng.Uniform(500)), "2025-03-01").status();
        break;
      case 4: {
        Result<int64_t> last = ops->db().QueryInt64("SELECT coalesce(max(id), 0) FROM ledger_txn");
        if (*last > 0)
          st = ops->Write([&] { return ReverseTransaction(*ops, 1 + static_cast<int64_t>(rng.Uniform(*last)), "test").status(); });
        break;
      }
      case 5:
        st = CloseDistribution(*ops, {rp.pool, periods[rng.Uniform(periods.size())],
                                      static_cast<DistributionMethod>(rng.Uniform(3)), 300000}).status();
        break;
    }
    operations += st.ok() ? 1 : 0;  // refusals (closed period, fund too small, ...) are part of the test
    ASSERT_TRUE(CheckLedger(*ops).ok()) << "after step " << step << ": " << CheckLedger(*ops).ToString();
    Result<std::map<std::string, int64_t>> totals = LedgerTotals(*ops);
    for (const auto& [c, sum] : *totals) ASSERT_EQ(sum, 0) << "after step " << step;
  }
  EXPECT_GT(operations, 40);
}

}  // namespace
}  // namespace patnav::domain
