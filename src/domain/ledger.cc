// Posting, reversing and checking ledger transactions.
#include "domain/ledger.h"

#include "domain/money.h"
#include "domain/period.h"

namespace patnav::domain {

namespace {

Result<int64_t> AccountId(SqliteDb& db, const std::string& name, const std::string& kind) {
  ASSIGN_OR_RETURN(Statement find, db.Prepare("SELECT id, kind FROM account WHERE name = ?1"));
  find.BindText(1, name);
  ASSIGN_OR_RETURN(bool row, find.Step());
  if (row) {
    if (find.ColumnText(1) != kind)
      return Status::Internal("account '" + name + "' is of kind " + std::string(find.ColumnText(1)) + ", not " + kind);
    return find.ColumnInt64(0);
  }
  ASSIGN_OR_RETURN(Statement insert, db.Prepare("INSERT INTO account(name, kind) VALUES (?1, ?2)"));
  insert.BindText(1, name);
  insert.BindText(2, kind);
  RETURN_IF_ERROR(insert.Run());
  return db.LastInsertRowid();
}

}  // namespace

Result<int64_t> PostTransaction(OperationsDb& ops, std::string_view kind, std::string_view memo,
                                const std::vector<LedgerEntry>& entries) {
  SqliteDb& db = ops.db();
  if (!db.InTransaction()) return Status::Internal("PostTransaction outside a write transaction");
  std::map<std::string, __int128> sums;
  size_t nonzero = 0;
  for (const LedgerEntry& e : entries) {
    RETURN_IF_ERROR(CheckCurrency(e.currency));
    sums[e.currency] += e.amount_minor;
    if (e.amount_minor != 0) ++nonzero;
  }
  for (const auto& [currency, sum] : sums)
    if (sum != 0)
      return Status::InvalidArgument("unbalanced ledger transaction (" + std::string(kind) + "): entries in " +
                                     currency + " sum to " + FormatAmount(static_cast<int64_t>(sum), currency));
  if (nonzero == 0) return Status::InvalidArgument("ledger transaction (" + std::string(kind) + ") has no entries");
  ASSIGN_OR_RETURN(Statement txn, db.Prepare("INSERT INTO ledger_txn(posted_at, kind, memo) VALUES (?1, ?2, ?3)"));
  std::string now = NowUtc();
  txn.BindText(1, now);
  txn.BindText(2, kind);
  txn.BindTextOrNull(3, memo);
  RETURN_IF_ERROR(txn.Run());
  int64_t txn_id = db.LastInsertRowid();
  ASSIGN_OR_RETURN(Statement insert,
                   db.Prepare("INSERT INTO ledger_entry(txn_id, account_id, currency, amount_minor) VALUES (?1, ?2, ?3, ?4)"));
  std::map<std::string, int64_t> ids;
  for (const LedgerEntry& e : entries) {
    if (e.amount_minor == 0) continue;
    auto it = ids.find(e.account);
    if (it == ids.end()) {
      ASSIGN_OR_RETURN(int64_t id, AccountId(db, e.account, e.kind));
      it = ids.emplace(e.account, id).first;
    }
    insert.BindInt64(1, txn_id);
    insert.BindInt64(2, it->second);
    insert.BindText(3, e.currency);
    insert.BindInt64(4, e.amount_minor);
    RETURN_IF_ERROR(insert.Run());
    insert.Reset();
  }
  return txn_id;
}

Result<int64_t> ReverseTransaction(OperationsDb& ops, int64_t txn_id, std::string_view memo) {
  SqliteDb& db = ops.db();
  ASSIGN_OR_RETURN(Statement find, db.Prepare(
      "SELECT t.kind, t.reverses, (SELECT id FROM ledger_txn r WHERE r.reverses = t.id) FROM ledger_txn t WHERE t.id = ?1"));
  find.BindInt64(1, txn_id);
  ASSIGN_OR_RETURN(bool row, find.Step());
  if (!row) return Status::NotFound("no ledger transaction " + std::to_string(txn_id));
  std::string kind(find.ColumnText(0));
  if (!find.ColumnIsNull(1))
    return Status::InvalidArgument("transaction " + std::to_string(txn_id) + " is itself a reversal (of " +
                                   std::to_string(find.ColumnInt64(1)) + ")");
  if (!find.ColumnIsNull(2))
    return Status::InvalidArgument("transaction " + std::to_string(txn_id) + " is already reversed by " +
                                   std::to_string(find.ColumnInt64(2)));
  find.Reset();
  ASSIGN_OR_RETURN(Statement txn,
                   db.Prepare("INSERT INTO ledger_txn(posted_at, kind, memo, reverses) VALUES (?1, ?2, ?3, ?4)"));
  std::string now = NowUtc(), rkind = "reversal:" + kind;
  txn.BindText(1, now);
  txn.BindText(2, rkind);
  txn.BindTextOrNull(3, memo);
  txn.BindInt64(4, txn_id);
  RETURN_IF_ERROR(txn.Run());
  int64_t reversal = db.LastInsertRowid();
  ASSIGN_OR_RETURN(Statement copy, db.Prepare(
      "INSERT INTO ledger_entry(txn_id, account_id, currency, amount_minor) "
      "SELECT ?1, account_id, currency, -amount_minor FROM ledger_entry WHERE txn_id = ?2 ORDER BY id"));
  copy.BindInt64(1, reversal);
  copy.BindInt64(2, txn_id);
  RETURN_IF_ERROR(copy.Run());
  return reversal;
}

Result<std::vector<AccountBalance>> Balances(OperationsDb& ops, std::string_view prefix) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      "SELECT a.name, a.kind, e.currency, sum(e.amount_minor) FROM account a JOIN ledger_entry e ON e.account_id = a.id "
      "WHERE substr(a.name, 1, length(?1)) = ?1 GROUP BY a.id, e.currency ORDER BY a.name, e.currency"));
  s.BindText(1, prefix);
  std::vector<AccountBalance> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back({std::string(s.ColumnText(0)), std::string(s.ColumnText(1)), std::string(s.ColumnText(2)),
                   s.ColumnInt64(3)});
  }
  return out;
}

Status CheckLedger(OperationsDb& ops) {
  SqliteDb& db = ops.db();
  std::string problems;
  int count = 0;
  auto note = [&](const std::string& p) {
    if (count++ < 5) problems += (problems.empty() ? "" : "; ") + p;
  };
  {
    ASSIGN_OR_RETURN(Statement s, db.Prepare(
        "SELECT txn_id, currency, sum(amount_minor) FROM ledger_entry GROUP BY txn_id, currency "
        "HAVING sum(amount_minor) != 0 ORDER BY txn_id"));
    for (;;) {
      ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      std::string currency(s.ColumnText(1));
      note("transaction " + std::to_string(s.ColumnInt64(0)) + " is off by " +
           FormatAmount(s.ColumnInt64(2), currency) + " " + currency);
    }
  }
  {
    ASSIGN_OR_RETURN(Statement s, db.Prepare(
        "SELECT t.id FROM ledger_txn t WHERE NOT EXISTS (SELECT 1 FROM ledger_entry e WHERE e.txn_id = t.id)"));
    for (;;) {
      ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      note("transaction " + std::to_string(s.ColumnInt64(0)) + " has no entries");
    }
  }
  {
    // A reversal's entries, per account and currency, are the negation of its original's.
    ASSIGN_OR_RETURN(Statement s, db.Prepare(
        "SELECT r.id, r.reverses FROM ledger_txn r WHERE r.reverses IS NOT NULL AND EXISTS ("
        " SELECT account_id, currency, sum(x) FROM ("
        "   SELECT account_id, currency, amount_minor AS x FROM ledger_entry WHERE txn_id = r.id"
        "   UNION ALL SELECT account_id, currency, amount_minor FROM ledger_entry WHERE txn_id = r.reverses)"
        " GROUP BY account_id, currency HAVING sum(x) != 0)"));
    for (;;) {
      ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      note("reversal " + std::to_string(s.ColumnInt64(0)) + " does not negate transaction " +
           std::to_string(s.ColumnInt64(1)));
    }
  }
  if (count == 0) return Status::OK();
  return Status::Corruption("ledger check failed (" + std::to_string(count) + " problems): " + problems);
}

Result<std::map<std::string, int64_t>> LedgerTotals(OperationsDb& ops) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare("SELECT currency, sum(amount_minor) FROM ledger_entry GROUP BY currency"));
  std::map<std::string, int64_t> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out[std::string(s.ColumnText(0))] = s.ColumnInt64(1);
  }
  return out;
}

}  // namespace patnav::domain
