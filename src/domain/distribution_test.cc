// Distribution invariants as property tests over random pools: statements
// sum exactly to the distributable amount, no ineligible patent is paid, the
// value method is proportional within one minor unit, the patent-country
// method pays equally per patent in a country; the ledger balances after
// every operation; closing is final and corrections are reversals.
#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

#include "domain/distribution.h"
#include "domain/domain_testing.h"
#include "domain/statement.h"
#include "testing.h"

namespace patnav::domain {
namespace {

using patnav::testing::ScratchDir;
using testing::BuildRandomPool;
using testing::PatentTruth;
using testing::RandomPool;

void ExpectLedgerBalanced(OperationsDb& ops) {
  EXPECT_TRUE(CheckLedger(ops).ok()) << CheckLedger(ops).ToString();
  Result<std::map<std::string, int64_t>> totals = LedgerTotals(ops);
  ASSERT_TRUE(totals.ok());
  for (const auto& [currency, sum] : *totals) EXPECT_EQ(sum, 0) << currency;
}

// Checks every invariant of one plan against what the test generated.
void CheckPlan(const DistributionPlan& plan, const RandomPool& rp, DistributionMethod method) {
  std::map<std::string, const PatentTruth*> truth;
  for (const auto& t : rp.patents) truth[t.publication_number] = &t;
  const std::string last_day = "2025-03-31";
  int64_t sum_shares = 0, sum_fee = 0, sum_net = 0, sum_gross = 0, undistributed = 0;
  for (const CountryShare& c : plan.countries) {
    sum_gross += c.gross_minor;
    sum_fee += c.fee_minor;
    sum_net += c.net_minor;
    EXPECT_EQ(c.gross_minor, c.fee_minor + c.net_minor);
    // Eligible patents in this country, judged by the test's own rule.
    std::vector<const PatentTruth*> eligible;
    for (const auto& t : rp.patents)
      if (t.EligibleIn(c.country, last_day)) eligible.push_back(&t);
    EXPECT_EQ(c.eligible_patents, static_cast<int64_t>(eligible.size())) << c.country;
    std::vector<const PatentShare*> shares;
    for (const PatentShare& s : plan.shares)
      if (s.country == c.country) shares.push_back(&s);
    ASSERT_EQ(shares.size(), eligible.size()) << c.country;
    if (eligible.empty()) {
      undistributed += c.net_minor;
      continue;
    }
    int64_t country_sum = 0;
    long double value_sum = 0;
    for (const PatentShare* s : shares) {
      country_sum += s->amount_minor;
      value_sum += truth.at(s->publication_number)->value_centi;
    }
    EXPECT_EQ(country_sum, c.net_minor) << c.country;
    int64_t lo = INT64_MAX, hi = INT64_MIN;
    for (const PatentShare* s : shares) {
      const PatentTruth* t = truth.at(s->publication_number);
      ASSERT_TRUE(t->EligibleIn(c.country, last_day)) << s->publication_number << " paid in " << c.country;
      EXPECT_EQ(s->member, t->member);
      EXPECT_GE(s->amount_minor, 0);
      lo = std::min(lo, s->amount_minor);
      hi = std::max(hi, s->amount_minor);
      if (method == DistributionMethod::kValue && value_sum > 0) {
        long double exact = c.net_minor * (t->value_centi / value_sum);
        EXPECT_LT(std::fabs(static_cast<double>(s->amount_minor - exact)), 1.0 + 1e-6) << s->publication_number;
      }
    }
    if (method == DistributionMethod::kPatentCountry) {
      EXPECT_LE(hi - lo, 1) << c.country;
    }
    sum_shares += country_sum;
  }
  EXPECT_EQ(sum_gross, plan.gross_minor);
  EXPECT_EQ(sum_fee, plan.fee_minor);
  EXPECT_EQ(sum_net, plan.gross_minor - plan.fee_minor);
  EXPECT_EQ(sum_shares, plan.distributable_minor);
  EXPECT_EQ(undistributed, plan.undistributed_minor);
  EXPECT_EQ(plan.distributable_minor + plan.undistributed_minor + plan.fee_minor, plan.gross_minor);
  int64_t by_member = 0;
  for (const auto& [m, a] : plan.by_member) by_member += a;
  EXPECT_EQ(by_member, plan.distributable_minor);
}

TEST(Distribution, InvariantsHoldOverRandomPools) {
  for (uint64_t seed = 1; seed <= 25; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    ScratchDir dir;
    auto ops = testing::OpenOps(dir.path());
    Random rng(seed);
    RandomPool rp = BuildRandomPool(*ops, rng);
    ExpectLedgerBalanced(*ops);
    for (DistributionMethod m : {DistributionMethod::kValue, DistributionMethod::kPatentCountry, DistributionMethod::kBlend}) {
      DistributionRequest req{rp.pool, rp.period, m, static_cast<int64_t>(rng.Uniform(1'000'001))};
      Result<DistributionPlan> plan = PlanDistribution(*ops, req);
      ASSERT_TRUE(plan.ok()) << plan.status().ToString();
      CheckPlan(*plan, rp, m);
    }
    // Close with one of them; statements of all members sum to the distributable amount.
    DistributionMethod m = static_cast<DistributionMethod>(rng.Uniform(3));
    DistributionPlan closed;
    Result<int64_t> id = CloseDistribution(*ops, {rp.pool, rp.period, m, 500'000}, &closed);
    ASSERT_TRUE(id.ok()) << id.status().ToString();
    ExpectLedgerBalanced(*ops);
    // Everything reported for the period left the pool's income account.
    Result<std::vector<AccountBalance>> pool = Balances(*ops, "pool:" + rp.pool);
    ASSERT_TRUE(pool.ok());
    for (const auto& b : *pool) EXPECT_EQ(b.balance_minor, 0);
    int64_t statements = 0;
    for (const auto& member : rp.members) {
      Result<MemberStatement> st = BuildStatement(*ops, member, rp.period, /*with_lines=*/true);
      ASSERT_TRUE(st.ok()) << st.status().ToString();
      for (const auto& p : st->pools) {
        statements += p.total_minor;
        for (const auto& c : p.countries) {
          EXPECT_FALSE(c.sources.empty()) << "no royalty report behind " << c.country;
          // The sources add up to the country's gross, line by line.
          int64_t gross = 0;
          for (const auto& src : c.sources) {
            gross += src.royalty_minor;
            EXPECT_EQ(static_cast<int64_t>(src.line_numbers.size()), src.lines);
          }
          EXPECT_EQ(gross, c.gross_minor) << c.country;
        }
      }
      // The member's ledger account holds exactly its statement total.
      Result<std::vector<AccountBalance>> b = Balances(*ops, "member:" + member);
      ASSERT_TRUE(b.ok());
      int64_t credited = 0;
      for (const auto& x : *b) credited -= x.balance_minor;
      int64_t total = 0;
      for (const auto& p : st->pools) total += p.total_minor;
      EXPECT_EQ(credited, total) << member;
    }
    EXPECT_EQ(statements, closed.distributable_minor);
  }
}

TEST(Distribution, ClosingIsFinalAndCorrectionsAreReversals) {
  ScratchDir dir;
  auto ops = testing::OpenOps(dir.path());
  Random rng(99);
  RandomPool rp = BuildRandomPool(*ops, rng, 20, 10);
  DistributionRequest req{rp.pool, rp.period, DistributionMethod::kPatentCountry, 0};
  Result<int64_t> id = CloseDistribution(*ops, req);
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  const std::string before = testing::DumpOperations(dir.path());

  Status again = CloseDistribution(*ops, req).status();
  EXPECT_EQ(again.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(again.message().find("already closed"), std::string::npos) << again.message();

  RoyaltyReportInput late;
  late.licensee = rp.licensees[0];
  late.programme = rp.programme;
  late.period = rp.period;
  late.lines.push_back({"US", 10, 1000, 0});
  Status refused = ReportRoyalties(*ops, {late}).status();
  EXPECT_NE(refused.message().find("closed"), std::string::npos) << refused.message();
  EXPECT_EQ(testing::DumpOperations(dir.path()), before);

  // Editing a closed distribution is impossible; reversing it is the correction.
  EXPECT_FALSE(ops->db().Exec("UPDATE distribution_line SET amount_minor = amount_minor + 1").ok());
  EXPECT_FALSE(ops->db().Exec("DELETE FROM period_close").ok());
  int64_t txn = *ops->db().QueryInt64("SELECT txn_id FROM distribution");
  ASSERT_TRUE(ops->Write([&] { return ReverseTransaction(*ops, txn, "wrong method").status(); }).ok());
  ExpectLedgerBalanced(*ops);
  for (const auto& m : rp.members) {
    Result<std::vector<AccountBalance>> b = Balances(*ops, "member:" + m);
    ASSERT_TRUE(b.ok());
    for (const auto& x : *b) EXPECT_EQ(x.balance_minor, 0) << m;
    Result<MemberStatement> st = BuildStatement(*ops, m, rp.period);
    ASSERT_TRUE(st.ok());
    for (const auto& p : st->pools) EXPECT_TRUE(p.reversed_by.has_value());
  }
  // The next period is open.
  late.period = "2025Q2";
  EXPECT_TRUE(ReportRoyalties(*ops, {late}).ok());
  ExpectLedgerBalanced(*ops);
}

TEST(Distribution, AReversedRoyaltyReportIsNotDistributed) {
  ScratchDir dir;
  auto ops = testing::OpenOps(dir.path());
  Random rng(17);
  RandomPool rp = BuildRandomPool(*ops, rng, 10, 5);
  Result<DistributionPlan> before = PlanDistribution(*ops, {rp.pool, rp.period, DistributionMethod::kPatentCountry, 0});
  ASSERT_TRUE(before.ok());
  // A wrong report, reversed, then the corrected one.
  RoyaltyReportInput wrong{rp.licensees[0], rp.programme, rp.period, "", "", {{"US", 900000, 900000000, 0}}};
  Result<std::vector<RoyaltyReportOutcome>> w = ReportRoyalties(*ops, {wrong});
  ASSERT_TRUE(w.ok());
  int64_t txn = *ops->db().QueryInt64("SELECT max(txn_id) FROM royalty_report");
  ASSERT_TRUE(ops->Write([&] { return ReverseTransaction(*ops, txn, "units misreported").status(); }).ok());
  RoyaltyReportInput right{rp.licensees[0], rp.programme, rp.period, "", "", {{"US", 9, 9000, 0}}};
  Result<std::vector<RoyaltyReportOutcome>> r = ReportRoyalties(*ops, {right});
  ASSERT_TRUE(r.ok());
  Result<DistributionPlan> after = PlanDistribution(*ops, {rp.pool, rp.period, DistributionMethod::kPatentCountry, 0});
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->gross_minor, before->gross_minor + (*r)[0].total_minor);
  ASSERT_TRUE(CloseDistribution(*ops, {rp.pool, rp.period, DistributionMethod::kPatentCountry, 0}).ok());
  // The pool's income account is cleared exactly: reported - reversed - distributed = 0.
  Result<std::vector<AccountBalance>> pool = Balances(*ops, "pool:" + rp.pool);
  ASSERT_TRUE(pool.ok());
  for (const auto& b : *pool) EXPECT_EQ(b.balance_minor, 0);
  ExpectLedgerBalanced(*ops);
}

TEST(Distribution, ValueMethodNeedsScores) {
  ScratchDir dir;
  auto ops = testing::OpenOps(dir.path());
  Random rng(5);
  RandomPool rp = BuildRandomPool(*ops, rng, 5, 5);
  ContributionInput c{rp.pool, rp.members[0], "US1234567B1", "2024-01-01", {"US"}, "2035-01-01"};
  ASSERT_TRUE(Contribute(*ops, {c}).ok());
  Result<DistributionPlan> plan = PlanDistribution(*ops, {rp.pool, rp.period, DistributionMethod::kValue, 0});
  EXPECT_EQ(plan.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(plan.status().message().find("rescore"), std::string::npos);
  EXPECT_TRUE(PlanDistribution(*ops, {rp.pool, rp.period, DistributionMethod::kPatentCountry, 0}).ok());
}

TEST(Distribution, SmallExampleByHand) {
  // Two patents in the US (values 30 and 10), one in CN; 10% fee.
  ScratchDir dir;
  auto ops = testing::OpenOps(dir.path());
  ASSERT_TRUE(CreateAlliance(*ops, {"A", "Shenzhen", "business", ""}).ok());
  ASSERT_TRUE(AddMember(*ops, {"", "Acme", "industry", "2020-01-01", ""}).ok());
  ASSERT_TRUE(AddMember(*ops, {"", "Tsinghua", "university", "2020-01-01", ""}).ok());
  PoolInput pi;
  pi.name = "P";
  pi.currency = "USD";
  pi.admin_fee_ppm = 100000;
  ASSERT_TRUE(CreatePool(*ops, pi).ok());
  ASSERT_TRUE(Contribute(*ops, {{"P", "Acme", "US1000001B2", "2024-01-01", {"US"}, "2040-01-01"},
                                {"P", "Tsinghua", "US1000002B2", "2024-01-01", {"US", "CN"}, "2040-01-01"}}).ok());
  PatentValue a, b;
  a.publication_number = "US1000001B2";
  a.overall = 30;
  b.publication_number = "US1000002B2";
  b.overall = 10;
  ASSERT_TRUE(SaveValueScores(*ops, {a, b}).ok());
  ProgrammeInput prog;
  prog.pool = "P";
  prog.name = "G";
  prog.basis = RoyaltyBasis::kPerUnit;
  prog.rate = 100;  // 1.00 USD per unit
  ASSERT_TRUE(CreateProgramme(*ops, prog).ok());
  ASSERT_TRUE(AddLicensee(*ops, {"L", "US", ""}).ok());
  ASSERT_TRUE(AddAgreement(*ops, {"L", "G", {"US,CN"}, "2025-01-01", ""}).ok());
  ASSERT_TRUE(ReportRoyalties(*ops, {{"L", "G", "2025Q1", "USD", "", {{"US", 1000, {}, 0}, {"CN", 100, {}, 0}}}}).ok());
  Result<DistributionPlan> plan = PlanDistribution(*ops, {"P", "2025Q1", DistributionMethod::kValue, 0});
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  EXPECT_EQ(plan->gross_minor, 110000);
  EXPECT_EQ(plan->fee_minor, 11000);
  EXPECT_EQ(plan->by_member.at("Acme"), 67500);         // 3/4 of US net 90000
  EXPECT_EQ(plan->by_member.at("Tsinghua"), 22500 + 9000);  // 1/4 of US + all of CN net
  plan = PlanDistribution(*ops, {"P", "2025Q1", DistributionMethod::kPatentCountry, 0});
  EXPECT_EQ(plan->by_member.at("Acme"), 45000);
  EXPECT_EQ(plan->by_member.at("Tsinghua"), 45000 + 9000);
  plan = PlanDistribution(*ops, {"P", "2025Q1", DistributionMethod::kBlend, 500000});
  EXPECT_EQ(plan->by_member.at("Acme"), 56250);  // (67500 + 45000) / 2
}

}  // namespace
}  // namespace patnav::domain
