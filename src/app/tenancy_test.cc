// Tenancy and roles of the alliance-operations calls, called directly with
// Callers built from grants: two alliances A and B in one data directory;
// an operator, a member user, a licensee user and an analyst of A. Another
// alliance's object answers exactly as an unknown one; a refused call writes
// nothing.
#include <gtest/gtest.h>

#include "app/alliances.h"
#include "app/distributions.h"
#include "app/fund.h"
#include "app/ledger.h"
#include "app/licensing.h"
#include "app/members.h"
#include "app/operations_json.h"
#include "app/pools.h"
#include "app/royalties.h"
#include "domain/domain_testing.h"
#include "testing.h"

namespace patnav::app {
namespace {

using domain::Grant;
using domain::Role;

Grant G(Role role, std::string alliance, std::string member = "", std::string licensee = "") {
  Grant g;
  g.role = role;
  g.alliance = std::move(alliance);
  g.member = std::move(member);
  g.licensee = std::move(licensee);
  return g;
}

Caller WithGrants(std::vector<Grant> grants) {
  Caller c;
  c.user_id = 7;
  c.username = "someone";
  c.grants = std::move(grants);
  return c;
}

class Tenancy : public ::testing::Test {
 protected:
  void SetUp() override {
    ws_ = std::make_unique<Workspace>(Workspace::Options{dir_.path(), false});
    const Caller local = Caller::Local();
    for (const char* a : {"A", "B"}) ASSERT_TRUE(CreateAlliance(local, *ws_, {a, "Hefei", "social", ""}).ok());
    ASSERT_TRUE(AddMember(local, *ws_, {"A", "Acme", "industry", "2020-01-01", ""}).ok());
    ASSERT_TRUE(AddMember(local, *ws_, {"A", "Other", "research", "2020-01-01", ""}).ok());
    ASSERT_TRUE(AddMember(local, *ws_, {"B", "Bee", "industry", "2020-01-01", ""}).ok());
    ASSERT_TRUE(CreatePool(local, *ws_, {"A", "PA", "", "", "", "USD", "10"}).ok());
    ASSERT_TRUE(CreatePool(local, *ws_, {"B", "PB", "", "", "", "USD", "10"}).ok());
    ASSERT_TRUE(ws_->WithOperations([](domain::OperationsDb& ops) {
      return domain::Contribute(ops, {{"PA", "Acme", "US9000001B2", "2024-01-01", {"US"}, "2040-01-01"},
                                      {"PB", "Bee", "US9000002B2", "2024-01-01", {"US"}, "2040-01-01"}});
    }).ok());
    for (const auto& [alliance, pool, prog, lic] : {std::tuple{"A", "PA", "GA", "Volt"}, std::tuple{"A", "PA", "GA2", ""},
                                                    std::tuple{"B", "PB", "GB", "Bolt"}}) {
      CreateProgrammeRequest g;
      g.alliance = alliance;
      g.pool = pool;
      g.name = prog;
      g.rate = "1.00";
      ASSERT_TRUE(CreateProgramme(local, *ws_, g).ok());
      if (std::string(lic).empty()) continue;
      ASSERT_TRUE(AddLicensee(local, *ws_, {alliance, lic, "DE", ""}).ok());
      ASSERT_TRUE(AddAgreement(local, *ws_, {alliance, lic, prog, {"*"}, "2024-01-01", ""}).ok());
    }
    ASSERT_TRUE(AddLicensee(local, *ws_, {"A", "Watt", "DE", ""}).ok());
    ASSERT_TRUE(AddAgreement(local, *ws_, {"A", "Watt", "GA", {"*"}, "2024-01-01", ""}).ok());
    ASSERT_TRUE(FundContribute(local, *ws_, {"A", "Acme", "100.00", "USD", "2025-01-01"}).ok());
    Result<FundContributeResult> b = FundContribute(local, *ws_, {"B", "Bee", "50.00", "USD", "2025-01-01"});
    ASSERT_TRUE(b.ok());
    txn_of_b_ = b->txn_id;
  }
  std::string Dump() { return domain::testing::DumpOperations(dir_.path()); }

  patnav::testing::ScratchDir dir_;
  std::unique_ptr<Workspace> ws_;
  int64_t txn_of_b_ = 0;
  const Caller operator_a_ = WithGrants({G(Role::kOperator, "A")});
  const Caller member_acme_ = WithGrants({G(Role::kMember, "A", "Acme")});
  const Caller licensee_volt_ = WithGrants({G(Role::kLicensee, "A", "", "Volt")});
  const Caller analyst_a_ = WithGrants({G(Role::kAnalyst, "A")});
};

TEST_F(Tenancy, OperatorOfAAddsMembersAndPoolsInA) {
  Result<MemberResult> m = AddMember(operator_a_, *ws_, {"A", "Newco", "industry", "2024-01-01", ""});
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->member.alliance, "A");
  Result<PoolResult> p = CreatePool(operator_a_, *ws_, {"A", "PA2", "", "", "", "EUR", "5"});
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->pool.alliance, "A");
  EXPECT_EQ(p->pool.admin_fee_ppm, 50000);
  // ... but not in B, which it cannot see.
  Result<PoolResult> in_b = CreatePool(operator_a_, *ws_, {"B", "PB2", "", "", "", "EUR", "5"});
  EXPECT_EQ(in_b.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(in_b.status().message(), "unknown alliance 'B'");
}

TEST_F(Tenancy, AnotherAlliancesPoolIsAnUnknownPool) {
  Result<PoolView> other = ShowPool(operator_a_, *ws_, {"A", "PB"});
  Result<PoolView> unknown = ShowPool(operator_a_, *ws_, {"A", "PX"});
  ASSERT_EQ(other.status().code(), StatusCode::kNotFound);
  ASSERT_EQ(unknown.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(other.status().message(), "unknown pool 'PB'");
  EXPECT_EQ(unknown.status().message(), "unknown pool 'PX'");
  // Even the command line, naming alliance A, does not reach B's pool through it.
  EXPECT_EQ(ShowPool(Caller::Local(), *ws_, {"A", "PB"}).status().message(), "unknown pool 'PB'");
  EXPECT_TRUE(ShowPool(operator_a_, *ws_, {"A", "PA"}).ok());

  const std::string before = Dump();
  EXPECT_EQ(Withdraw(operator_a_, *ws_, {"A", "PB", "US9000002B2", "2025-01-01"}).status().message(), "unknown pool 'PB'");
  EXPECT_EQ(CreateProgramme(operator_a_, *ws_, {"A", "PB", "G9", "per-unit", "1.00"}).status().message(),
            "unknown pool 'PB'");
  EXPECT_EQ(Distribute(operator_a_, *ws_, {"A", "PB", "2025Q1", "patent-country", 0.5, true}).status().message(),
            "unknown pool 'PB'");
  EXPECT_EQ(FundContribute(operator_a_, *ws_, {"A", "Bee", "1.00", "USD", ""}).status().message(), "unknown member 'Bee'");
  EXPECT_EQ(AddAgreement(operator_a_, *ws_, {"A", "Bolt", "GA", {"*"}, "2025-01-01", ""}).status().message(),
            "unknown licensee 'Bolt'");
  EXPECT_EQ(AddAgreement(operator_a_, *ws_, {"A", "Volt", "GB", {"*"}, "2026-01-01", ""}).status().message(),
            "unknown programme 'GB'");
  Result<ReverseResult> reverse_b = ReverseTransaction(operator_a_, *ws_, {"A", txn_of_b_, "no"});
  EXPECT_EQ(reverse_b.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(reverse_b.status().message(), "no ledger transaction " + std::to_string(txn_of_b_));
  EXPECT_EQ(ReverseTransaction(operator_a_, *ws_, {"A", 999, "no"}).status().message(), "no ledger transaction 999");
  EXPECT_EQ(RecordLapse(operator_a_, *ws_, {"A", "US9000002B2", "", "2025-01-01"}).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(Dump(), before) << "a refused call wrote";
}

TEST_F(Tenancy, ListsHoldOnlyTheAlliancesObjects) {
  Result<ListPoolsResult> pools = ListPools(operator_a_, *ws_, {"A"});
  ASSERT_TRUE(pools.ok());
  ASSERT_EQ(pools->pools.size(), 1u);
  EXPECT_EQ(pools->pools[0].name, "PA");
  Result<ListLicenseesResult> licensees = ListLicensees(operator_a_, *ws_, {"A"});
  ASSERT_TRUE(licensees.ok());
  ASSERT_EQ(licensees->licensees.size(), 2u);
  EXPECT_EQ(licensees->licensees[0].name, "Volt");
  EXPECT_EQ(licensees->licensees[0].alliance, "A");
  Result<ListProgrammesResult> programmes = ListProgrammes(operator_a_, *ws_, {"A", ""});
  ASSERT_TRUE(programmes.ok());
  EXPECT_EQ(programmes->programmes.size(), 2u);
  Result<ListAgreementsResult> agreements = ListAgreements(operator_a_, *ws_, {"A", "", ""});
  ASSERT_TRUE(agreements.ok());
  EXPECT_EQ(agreements->agreements.size(), 2u);
  Result<LedgerBalanceResult> ledger = LedgerBalance(operator_a_, *ws_, {"A", ""});
  ASSERT_TRUE(ledger.ok());
  ASSERT_FALSE(ledger->balances.empty());
  for (const auto& b : ledger->balances) EXPECT_TRUE(b.account == "fund:A" || b.account == "capital:Acme") << b.account;
  Result<FundView> fund = ShowFund(operator_a_, *ws_, {"A", ""});
  ASSERT_TRUE(fund.ok());
  ASSERT_EQ(fund->balances.size(), 1u);
  EXPECT_EQ(fund->balances[0].balance_minor, 10000);
  Result<ListAlliancesResult> seen = ListAlliances(operator_a_, *ws_);
  ASSERT_TRUE(seen.ok());
  ASSERT_EQ(seen->alliances.size(), 1u);
  EXPECT_EQ(seen->alliances[0].name, "A");
  EXPECT_EQ(ListAlliances(Caller::Local(), *ws_)->alliances.size(), 2u);
  Result<LedgerCheckResult> check = CheckLedger(operator_a_, *ws_, {"A"});
  ASSERT_TRUE(check.ok());
  EXPECT_EQ(check->transactions, 1);
}

TEST_F(Tenancy, AMemberReadsItsOwnStatementOnly) {
  Result<StatementResult> own = MemberStatement(member_acme_, *ws_, {"A", "Acme", "2025Q1", false});
  ASSERT_TRUE(own.ok()) << own.status().ToString();
  EXPECT_EQ(own->statement.member, "Acme");
  EXPECT_EQ(ToJson(*own)["member"], "Acme");
  Result<StatementResult> other = MemberStatement(member_acme_, *ws_, {"A", "Other", "2025Q1", false});
  EXPECT_EQ(other.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(other.status().message(), "unknown member 'Other'");
  EXPECT_TRUE(MemberBalance(member_acme_, *ws_, {"A", "Acme"}).ok());
  EXPECT_EQ(MemberBalance(member_acme_, *ws_, {"A", "Other"}).status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(ListMembers(member_acme_, *ws_, {"A"}).ok());
  const std::string before = Dump();
  Result<PoolResult> pool = CreatePool(member_acme_, *ws_, {"A", "Mine", "", "", "", "USD", "0"});
  EXPECT_EQ(pool.status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(LedgerBalance(member_acme_, *ws_, {"A", ""}).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Dump(), before);
}

TEST_F(Tenancy, ALicenseeFilesItsOwnReportsOnly) {
  FileRoyaltiesRequest own;
  own.alliance = "A";
  own.licensee = "Volt";
  own.programme = "GA";
  own.period = "2025Q1";
  own.lines = {{"US", "10"}};
  Result<FileRoyaltiesResult> filed = FileRoyalties(licensee_volt_, *ws_, own);
  ASSERT_TRUE(filed.ok()) << filed.status().ToString();
  ASSERT_EQ(filed->reports.size(), 1u);
  EXPECT_EQ(filed->reports[0].total_minor, 1000);
  EXPECT_EQ(filed->totals_minor.at("USD"), 1000);
  Result<ListRoyaltyReportsResult> mine = ListRoyaltyReports(licensee_volt_, *ws_, {"A", "Volt", "", ""});
  ASSERT_TRUE(mine.ok());
  EXPECT_EQ(mine->reports.size(), 1u);
  EXPECT_TRUE(ListAgreements(licensee_volt_, *ws_, {"A", "Volt", ""}).ok());

  const std::string before = Dump();
  FileRoyaltiesRequest other = own;
  other.licensee = "Watt";
  Result<FileRoyaltiesResult> refused = FileRoyalties(licensee_volt_, *ws_, other);
  EXPECT_EQ(refused.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(refused.status().message(), "unknown licensee 'Watt'");
  // The same through a CSV naming the other licensee.
  FileRoyaltiesRequest csv;
  csv.alliance = "A";
  csv.csv_text = "licensee,programme,period,country,units\nWatt,GA,2025Q1,US,5\n";
  csv.source = "r.csv";
  EXPECT_EQ(FileRoyalties(licensee_volt_, *ws_, csv).status().message(), "unknown licensee 'Watt'");
  // A programme of B in the CSV is as unknown as one that does not exist.
  csv.csv_text = "licensee,programme,period,country,units\nVolt,GB,2025Q1,US,5\n";
  Result<FileRoyaltiesResult> b_programme = FileRoyalties(operator_a_, *ws_, csv);
  csv.csv_text = "licensee,programme,period,country,units\nVolt,GX,2025Q1,US,5\n";
  Result<FileRoyaltiesResult> no_programme = FileRoyalties(operator_a_, *ws_, csv);
  EXPECT_EQ(b_programme.status().message(), "r.csv:2: unknown programme 'GB'");
  EXPECT_EQ(no_programme.status().message(), "r.csv:2: unknown programme 'GX'");
  EXPECT_EQ(ListAgreements(licensee_volt_, *ws_, {"A", "Watt", ""}).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ListAgreements(licensee_volt_, *ws_, {"A", "", ""}).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Dump(), before);
}

TEST_F(Tenancy, AnAnalystReadsMembersButNotMoney) {
  Result<ListMembersResult> members = ListMembers(analyst_a_, *ws_, {"A"});
  ASSERT_TRUE(members.ok()) << members.status().ToString();
  EXPECT_EQ(members->members.size(), 2u);
  EXPECT_EQ(ToJson(*members).size(), 2u);
  EXPECT_TRUE(ShowAlliance(analyst_a_, *ws_, {"A"}).ok());
  EXPECT_EQ(LedgerBalance(analyst_a_, *ws_, {"A", ""}).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(ShowFund(analyst_a_, *ws_, {"A", ""}).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Distribute(analyst_a_, *ws_, {"A", "PA", "2025Q1", "patent-country", 0.5, false}).status().code(),
            StatusCode::kPermissionDenied);
}

TEST_F(Tenancy, NoGrantInAnAllianceIsAnUnknownAlliance) {
  for (const Caller* c : {&operator_a_, &member_acme_, &analyst_a_}) {
    Result<ListMembersResult> b = ListMembers(*c, *ws_, {"B"});
    Result<ListMembersResult> z = ListMembers(*c, *ws_, {"Z"});
    EXPECT_EQ(b.status().code(), StatusCode::kNotFound);
    EXPECT_EQ(b.status().message(), "unknown alliance 'B'");
    EXPECT_EQ(z.status().message(), "unknown alliance 'Z'");
  }
  EXPECT_EQ(ListMembers(Caller::Local(), *ws_, {"Z"}).status().message(), "unknown alliance 'Z'");
  // A server caller must name the alliance; the command line may not when there is one.
  EXPECT_EQ(ListMembers(operator_a_, *ws_, {""}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ListMembers(Caller::Anonymous(), *ws_, {"A"}).status().code(), StatusCode::kUnauthenticated);
}

TEST_F(Tenancy, EveryRefusedWriteLeavesTheDatabaseUnchanged) {
  const std::string before = Dump();
  std::vector<std::pair<const char*, Status>> refused = {
      {"member add by member", AddMember(member_acme_, *ws_, {"A", "X", "industry", "", ""}).status()},
      {"member add in B", AddMember(operator_a_, *ws_, {"B", "X", "industry", "", ""}).status()},
      {"member add duplicate", AddMember(operator_a_, *ws_, {"A", "Bee", "industry", "", ""}).status()},
      {"leave of B's member", MemberLeaves(operator_a_, *ws_, {"A", "Bee", "2025-01-01"}).status()},
      {"pool by analyst", CreatePool(analyst_a_, *ws_, {"A", "X", "", "", "", "USD", "0"}).status()},
      {"charter by analyst", SetCharterItem(analyst_a_, *ws_, {"A", 2, "text"}).status()},
      {"licensee with B's member", AddLicensee(operator_a_, *ws_, {"A", "X", "DE", "Bee"}).status()},
      {"loan to B's member", GrantLoan(operator_a_, *ws_, {"A", "Bee", "1.00", "USD"}).status()},
      {"repay unknown loan", RepayLoan(operator_a_, *ws_, {"A", 1, "1.00"}).status()},
      {"close by member", Distribute(member_acme_, *ws_, {"A", "PA", "2025Q1", "patent-country", 0.5, true}).status()},
      {"royalty by analyst",
       FileRoyalties(analyst_a_, *ws_, {"A", "", "", "Volt", "GA", "2025Q1", "", {{"US", "1"}}}).status()},
      {"alliance by member", CreateAlliance(member_acme_, *ws_, {"C", "", "social", ""}).status()},
  };
  for (const auto& [what, st] : refused) EXPECT_FALSE(st.ok()) << what;
  EXPECT_EQ(refused[0].second.code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(refused[1].second.code(), StatusCode::kNotFound);
  EXPECT_EQ(refused[3].second.message(), "unknown member 'Bee'");
  EXPECT_EQ(refused[6].second.message(), "unknown member 'Bee'");
  EXPECT_EQ(refused[10].second.code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Dump(), before);
}

TEST_F(Tenancy, AWholePeriodThroughTheCalls) {
  FileRoyaltiesRequest r;
  r.alliance = "A";
  r.licensee = "Volt";
  r.programme = "GA";
  r.period = "2025Q1";
  r.lines = {{"US", "100"}};
  ASSERT_TRUE(FileRoyalties(operator_a_, *ws_, r).ok());
  Result<DistributeResult> preview = Distribute(operator_a_, *ws_, {"A", "PA", "2025Q1", "patent-country", 0.5, false});
  ASSERT_TRUE(preview.ok()) << preview.status().ToString();
  EXPECT_FALSE(preview->already_closed.has_value());
  EXPECT_EQ(preview->plan.gross_minor, 10000);
  Result<DistributeResult> closed = Distribute(operator_a_, *ws_, {"A", "PA", "2025Q1", "patent-country", 0.5, true});
  ASSERT_TRUE(closed.ok()) << closed.status().ToString();
  EXPECT_GT(closed->txn_id, 0);
  Json j = ToJson(*closed);
  EXPECT_TRUE(j["closed"].get<bool>());
  EXPECT_EQ(j["gross_minor"], 10000);
  EXPECT_EQ(j["fee_minor"], 1000);
  Result<DistributeResult> again = Distribute(operator_a_, *ws_, {"A", "PA", "2025Q1", "patent-country", 0.5, false});
  ASSERT_TRUE(again.ok());
  ASSERT_TRUE(again->already_closed.has_value());
  EXPECT_EQ(again->already_closed->txn_id, closed->txn_id);
  Result<StatementResult> s = MemberStatement(member_acme_, *ws_, {"A", "Acme", "2025Q1", false});
  ASSERT_TRUE(s.ok());
  ASSERT_EQ(s->statement.pools.size(), 1u);
  EXPECT_EQ(s->statement.pools[0].total_minor, 9000);
  Result<ListStatementsResult> all = ListStatements(operator_a_, *ws_, {"A", "2025Q1"});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->statements.size(), 2u);
  Result<PoolView> pool = ShowPool(analyst_a_, *ws_, {"A", "PA"});
  ASSERT_TRUE(pool.ok());
  ASSERT_EQ(pool->closed.size(), 1u);
  EXPECT_EQ(ToJson(*pool)["closed_periods"][0]["ledger_transaction"], closed->txn_id);
  Result<ReverseResult> reversed = ReverseTransaction(operator_a_, *ws_, {"A", closed->txn_id, "wrong method"});
  ASSERT_TRUE(reversed.ok()) << reversed.status().ToString();
  EXPECT_GT(reversed->reversal, closed->txn_id);
}

}  // namespace
}  // namespace patnav::app
