// Ledger calls (ledger.h).
#include "app/ledger.h"

#include "app/tenancy.h"
#include "domain/alliance_scope.h"

namespace patnav::app {

Result<LedgerBalanceResult> LedgerBalance(const Caller& caller, Workspace& ws, const LedgerBalanceRequest& req) {
  RETURN_IF_ERROR(PreAuthorize(caller, req.alliance, Action::kReadAllianceMoney));
  LedgerBalanceResult out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(domain::Alliance a, EnterAlliance(caller, ops, req.alliance, Action::kReadAllianceMoney));
    ASSIGN_OR_RETURN(out.balances, domain::BalancesIn(ops, a.id, req.account_prefix));
    return Status::OK();
  }, /*create=*/false));
  return out;
}

Result<LedgerBalanceResult> MemberBalance(const Caller& caller, Workspace& ws, const MemberBalanceRequest& req) {
  const Scope scope{"", req.member, ""};
  RETURN_IF_ERROR(PreAuthorize(caller, req.alliance, Action::kReadMemberMoney, scope));
  LedgerBalanceResult out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(domain::Alliance a, EnterAlliance(caller, ops, req.alliance, Action::kReadMemberMoney, scope));
    ASSIGN_OR_RETURN(domain::Member m, domain::FindMemberIn(ops, a.id, req.member));
    for (const char* kind : {"capital:", "loan:", "member:"}) {
      ASSIGN_OR_RETURN(std::vector<domain::AccountBalance> b, domain::BalancesIn(ops, a.id, kind + m.name));
      for (auto& x : b)
        if (x.account == kind + m.name) out.balances.push_back(std::move(x));
    }
    return Status::OK();
  }, /*create=*/false));
  return out;
}

Result<LedgerCheckResult> CheckLedger(const Caller& caller, Workspace& ws, const LedgerCheckRequest& req) {
  RETURN_IF_ERROR(PreAuthorize(caller, req.alliance, Action::kReadAllianceMoney));
  LedgerCheckResult out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(domain::Alliance a, EnterAlliance(caller, ops, req.alliance, Action::kReadAllianceMoney));
    RETURN_IF_ERROR(domain::CheckLedger(ops));
    ASSIGN_OR_RETURN(out.transactions, domain::CountTransactionsIn(ops, a.id));
    return Status::OK();
  }, /*create=*/false));
  return out;
}

Result<ReverseResult> ReverseTransaction(const Caller& caller, Workspace& ws, const ReverseRequest& req) {
  RETURN_IF_ERROR(PreAuthorize(caller, req.alliance, Action::kOperateAlliance));
  ReverseResult out;
  out.txn = req.txn;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    return ops.Write([&]() -> Status {
      ASSIGN_OR_RETURN(domain::Alliance a, EnterAlliance(caller, ops, req.alliance, Action::kOperateAlliance));
      ASSIGN_OR_RETURN(bool ours, domain::TransactionInAlliance(ops, a.id, req.txn));
      if (!ours) return Status::NotFound("no ledger transaction " + std::to_string(req.txn));
      ASSIGN_OR_RETURN(out.reversal, domain::ReverseTransaction(ops, req.txn, req.reason));
      return Status::OK();
    });
  }, /*create=*/false));
  return out;
}

}  // namespace patnav::app
