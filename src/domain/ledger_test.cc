// The ledger: balanced posting, refusal of unbalanced transactions, reversal,
// immutability of entries (triggers), and the migration guard.
#include <gtest/gtest.h>

#include "domain/ledger.h"
#include "domain/operations_db.h"
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
