// The ledger: balanced posting, refusal of unbalanced transactions, reversal,
// immutability of entries (triggers), and the migration guard.
#include <gtest/gtest.h>

#include "domain/ledger.h"
#include "domain/operations_db.h"
#include "domain/operations_migrations.h"
#include "testing.h"

namespace patnav::domain {
namespace {

using testing::ScratchDir;

std::unique_ptr<OperationsDb> OpenOps(const ScratchDir& dir) {
  Result<std::unique_ptr<OperationsDb>> ops = OperationsDb::Open(dir.path() / "data");
  EXPECT_TRUE(ops.ok()) << ops.status().ToString();
  return std::move(ops).value();
}

TEST(Ledger, PostsBalancedTransactionsAndComputesBalances) {
  ScratchDir dir;
  auto ops = OpenOps(dir);
  ASSERT_TRUE(ops->Write([&]() -> Status {
    std::vector<LedgerEntry> e = {{"licensee:L1", "licensee", "USD", 1000}, {"pool:P", "pool", "USD", -1000}};
    return PostTransaction(*ops, "royalty", "", e).status();
  }).ok());
  auto balances = Balances(*ops);
  ASSERT_TRUE(balances.ok());
  ASSERT_EQ(balances->size(), 2u);
  EXPECT_EQ((*balances)[0].account, "licensee:L1");
  EXPECT_EQ((*balances)[0].balance_minor, 1000);
  EXPECT_EQ((*balances)[1].balance_minor, -1000);
  EXPECT_TRUE(CheckLedger(*ops).ok());
}

TEST(Ledger, RefusesUnbalancedTransactionsAndWritesNothing) {
  ScratchDir dir;
  auto ops = OpenOps(dir);
  Status st = ops->Write([&]() -> Status {
    std::vector<LedgerEntry> e = {{"a", "member", "USD", 1000}, {"b", "pool", "USD", -999}};
    return PostTransaction(*ops, "x", "", e).status();
  });
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(st.message().find("unbalanced"), std::string::npos);
  // Balanced in total but not per currency.
  st = ops->Write([&]() -> Status {
    std::vector<LedgerEntry> e = {{"a", "member", "USD", 10}, {"b", "pool", "EUR", -10}};
    return PostTransaction(*ops, "x", "", e).status();
  });
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(*ops->db().QueryInt64("SELECT count(*) FROM ledger_txn"), 0);
  EXPECT_EQ(*ops->db().QueryInt64("SELECT count(*) FROM account"), 0);
}

TEST(Ledger, ReversalNegatesAndCannotRepeat) {
  ScratchDir dir;
  auto ops = OpenOps(dir);
  int64_t txn = 0;
  ASSERT_TRUE(ops->Write([&]() -> Status {
    std::vector<LedgerEntry> e = {{"a", "member", "USD", 700}, {"b", "pool", "USD", -300}, {"c", "pool", "USD", -400}};
    ASSIGN_OR_RETURN(txn, PostTransaction(*ops, "x", "", e));
    return Status::OK();
  }).ok());
  ASSERT_TRUE(ops->Write([&]() { return ReverseTransaction(*ops, txn, "typo").status(); }).ok());
  Result<std::vector<AccountBalance>> balances = Balances(*ops);
  ASSERT_TRUE(balances.ok());
  for (const AccountBalance& b : *balances) EXPECT_EQ(b.balance_minor, 0) << b.account;
  Status again = ops->Write([&]() { return ReverseTransaction(*ops, txn, "again").status(); });
  EXPECT_EQ(again.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ops->Write([&]() { return ReverseTransaction(*ops, 999, "").status(); }).code(), StatusCode::kNotFound);
  EXPECT_TRUE(CheckLedger(*ops).ok());
}

TEST(Ledger, EntriesAreImmutable) {
  ScratchDir dir;
  auto ops = OpenOps(dir);
  ASSERT_TRUE(ops->Write([&]() -> Status {
    std::vector<LedgerEntry> e = {{"a", "member", "USD", 5}, {"b", "pool", "USD", -5}};
    return PostTransaction(*ops, "x", "", e).status();
  }).ok());
  Status upd = ops->db().Exec("UPDATE ledger_entry SET amount_minor = 6");
  EXPECT_FALSE(upd.ok());
  EXPECT_NE(upd.message().find("immutable"), std::string::npos);
  EXPECT_FALSE(ops->db().Exec("DELETE FROM ledger_entry").ok());
  EXPECT_FALSE(ops->db().Exec("DELETE FROM ledger_txn").ok());
  EXPECT_EQ(*ops->db().QueryInt64("SELECT sum(amount_minor) FROM ledger_entry WHERE amount_minor > 0"), 5);
}

TEST(OperationsDb, RefusesNewerSchemaAndForeignDatabases) {
  ScratchDir dir;
  {
    auto ops = OpenOps(dir);
    ASSERT_TRUE(ops->db().Exec("UPDATE meta SET value = '99' WHERE key = 'schema_version'").ok());
  }
  Result<std::unique_ptr<OperationsDb>> again = OperationsDb::Open(dir.path() / "data");
  EXPECT_EQ(again.status().code(), StatusCode::kUnsupported);
  EXPECT_NE(again.status().message().find("newer"), std::string::npos);

  ScratchDir other;
  {
    auto db = SqliteDb::Open(other.path() / "operations.db", true);
    ASSERT_TRUE((*db)->Exec("CREATE TABLE t(x)").ok());
  }
  EXPECT_EQ(OperationsDb::Open(other.path()).status().code(), StatusCode::kCorruption);
  EXPECT_EQ(OperationsDb::Open(dir.path() / "nothing", false).status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace patnav::domain

namespace patnav::domain {
namespace {

// A database of schema version 1 (royalty lines without per-country totals)
// is brought to the latest version on open, its totals filled from its lines.
TEST(OperationsDb, MigratesVersionOneAndFillsCountryTotals) {
  patnav::testing::ScratchDir dir;
  {
    auto db = SqliteDb::Open(dir.path() / kOperationsFileName, true);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Exec(OperationsMigrations()[0].sql).ok());
    ASSERT_TRUE((*db)->Exec("PRAGMA application_id = " + std::to_string(kOperationsApplicationId)).ok());
    ASSERT_TRUE((*db)->Exec("INSERT INTO meta(key, value) VALUES ('schema_version', '1')").ok());
    ASSERT_TRUE((*db)->Exec(
        "INSERT INTO alliance(id, name, form, created_on) VALUES (1, 'A', 'business_entity', '2025-01-01');"
        "INSERT INTO pool(id, alliance_id, name, currency, admin_fee_ppm, created_on) VALUES (1, 1, 'P', 'USD', 0, '2025-01-01');"
        "INSERT INTO programme(id, pool_id, name, basis, rate, currency, created_on) VALUES (1, 1, 'G', 'per_unit', 2, 'USD', '2025-01-01');"
        "INSERT INTO licensee(id, name, created_on) VALUES (1, 'L', '2025-01-01');"
        "INSERT INTO royalty_report(id, licensee_id, programme_id, period, currency, total_minor, capped, reported_at) "
        "  VALUES (1, 1, 1, '2025Q1', 'USD', 26, 0, '2025-04-01');"
        "INSERT INTO royalty_line(report_id, line_no, country, units, rate, royalty_minor) VALUES "
        "  (1, 1, 'US', 5, 2, 10), (1, 2, 'US', 3, 2, 6), (1, 3, 'CN', 5, 2, 10);").ok());
  }
  Result<std::unique_ptr<OperationsDb>> ops = OperationsDb::Open(dir.path());
  ASSERT_TRUE(ops.ok()) << ops.status().ToString();
  EXPECT_EQ((*ops)->schema_version(), static_cast<int>(OperationsMigrations().size()));
  Result<Statement> s = (*ops)->db().Prepare(
      "SELECT country, lines, units, royalty_minor FROM royalty_report_country WHERE report_id = 1 ORDER BY country");
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE(*s->Step());
  EXPECT_EQ(s->ColumnText(0), "CN");
  EXPECT_EQ(s->ColumnInt64(3), 10);
  ASSERT_TRUE(*s->Step());
  EXPECT_EQ(s->ColumnText(0), "US");
  EXPECT_EQ(s->ColumnInt64(1), 2);
  EXPECT_EQ(s->ColumnInt64(2), 8);
  EXPECT_EQ(s->ColumnInt64(3), 16);
  EXPECT_FALSE(*s->Step());
}

}  // namespace
}  // namespace patnav::domain
