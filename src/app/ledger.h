// Application calls for the ledger of one alliance: balances of its accounts
// and the integrity check (kReadAllianceMoney), one member's balances
// (kReadMemberMoney, Scope::member), and the reversal of a transaction
// (kOperateAlliance). An account belongs to the alliance of the member, pool,
// licensee or fund it names; a transaction of another alliance is NotFound
// "no ledger transaction N", as an unknown one.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/caller.h"
#include "app/workspace.h"
#include "base/status.h"
#include "domain/ledger.h"

namespace patnav::app {

struct LedgerBalanceRequest {
  std::string alliance;
  std::string account_prefix;  // e.g. "member:" or "pool:P"; empty: every account
};
struct LedgerBalanceResult {
  std::vector<domain::AccountBalance> balances;  // by account then currency
  std::vector<std::string> warnings;
};
Result<LedgerBalanceResult> LedgerBalance(const Caller& caller, Workspace& ws, const LedgerBalanceRequest& req);

struct MemberBalanceRequest {
  std::string alliance, member;
};
// The member's accounts: member:M (distributions owed), capital:M (fund
// contributions), loan:M (principal owed).
Result<LedgerBalanceResult> MemberBalance(const Caller& caller, Workspace& ws, const MemberBalanceRequest& req);

struct LedgerCheckRequest {
  std::string alliance;
};
struct LedgerCheckResult {
  int64_t transactions = 0;  // of the alliance
  std::vector<std::string> warnings;
};
// Corruption (naming the transactions) when the ledger does not balance.
Result<LedgerCheckResult> CheckLedger(const Caller& caller, Workspace& ws, const LedgerCheckRequest& req);

struct ReverseRequest {
  std::string alliance;
  int64_t txn = 0;
  std::string reason;
};
struct ReverseResult {
  int64_t txn = 0, reversal = 0;
  std::vector<std::string> warnings;
};
Result<ReverseResult> ReverseTransaction(const Caller& caller, Workspace& ws, const ReverseRequest& req);

}  // namespace patnav::app
