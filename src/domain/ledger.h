// The double-entry ledger of operations.db. Every transaction is a set of
// entries on named accounts whose amounts (int64 minor units, debit
// positive, credit negative) sum to zero in each currency. Entries are never
// edited or deleted (triggers refuse it); a correction is a reversing
// transaction that negates every entry of the original.
//
// Account names: "member:NAME", "pool:NAME" (royalties receivable by the
// pool), "administrator:POOL", "licensee:NAME", "fund:ALLIANCE",
// "fund-income:ALLIANCE", "loan:MEMBER", "suspense:POOL" (income with no
// eligible patent).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "base/status.h"
#include "domain/operations_db.h"

namespace patnav::domain {

struct LedgerEntry {
  std::string account;  // e.g. "member:Acme"
  std::string kind;     // account kind: member, pool, administrator, licensee, fund, loan, suspense, income
  std::string currency;
  int64_t amount_minor = 0;  // debit > 0, credit < 0
};

// Posts one balanced transaction and returns its id. InvalidArgument (nothing
// written) when the entries do not sum to zero per currency or all are zero;
// zero entries are dropped. Accounts are created on first use.
// REQUIRES: inside ops.Write().
Result<int64_t> PostTransaction(OperationsDb& ops, std::string_view kind, std::string_view memo,
                                const std::vector<LedgerEntry>& entries);

// Posts the reversal of transaction `txn_id` (every entry negated) and
// returns its id. NotFound for an unknown transaction; InvalidArgument when it
// is itself a reversal or already reversed. REQUIRES: inside ops.Write().
Result<int64_t> ReverseTransaction(OperationsDb& ops, int64_t txn_id, std::string_view memo);

struct AccountBalance {
  std::string account;
  std::string kind;
  std::string currency;
  int64_t balance_minor = 0;
};
// Balances of every account (or those whose name starts with `prefix`), by
// account name then currency; zero balances included.
Result<std::vector<AccountBalance>> Balances(OperationsDb& ops, std::string_view prefix = "");

// Verifies the ledger: every transaction's entries sum to zero per currency,
// every transaction has entries, every reversal negates its original.
// Corruption naming the first offending transactions.
Status CheckLedger(OperationsDb& ops);

// The sum of all entries per currency (zero in a balanced ledger).
Result<std::map<std::string, int64_t>> LedgerTotals(OperationsDb& ops);

}  // namespace patnav::domain
