// Fund calls (fund.h).
#include "app/fund.h"

#include "app/tenancy.h"
#include "domain/alliance_scope.h"
#include "domain/money.h"

namespace patnav::app {

namespace {

// The loans of the alliance (of `member` when not empty), by id.
Result<std::vector<domain::LoanStatus>> LoansIn(domain::OperationsDb& ops, const domain::Alliance& a,
                                                std::string_view member) {
  ASSIGN_OR_RETURN(std::vector<domain::LoanStatus> all, domain::Loans(ops, member));
  std::vector<domain::LoanStatus> out;
  for (auto& l : all) {
    ASSIGN_OR_RETURN(bool ours, domain::LoanInAlliance(ops, a.id, l.id));
    if (ours) out.push_back(std::move(l));
  }
  return out;
}

Result<domain::LoanStatus> LoanIn(domain::OperationsDb& ops, const domain::Alliance& a, int64_t id) {
  ASSIGN_OR_RETURN(std::vector<domain::LoanStatus> all, LoansIn(ops, a, ""));
  for (auto& l : all)
    if (l.id == id) return std::move(l);
  return Status::NotFound("no loan " + std::to_string(id));
}

}  // namespace

Result<FundContributeResult> FundContribute(const Caller& caller, Workspace& ws, const FundContributeRequest& req) {
  RETURN_IF_ERROR(PreAuthorize(caller, req.alliance, Action::kOperateAlliance));
  RETURN_IF_ERROR(domain::CheckCurrency(req.currency));
  FundContributeResult out;
  ASSIGN_OR_RETURN(out.amount_minor, domain::ParseAmount(req.amount, req.currency));
  out.currency = req.currency;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    return ops.Write([&]() -> Status {
      ASSIGN_OR_RETURN(domain::Alliance a, EnterAlliance(caller, ops, req.alliance, Action::kOperateAlliance));
      ASSIGN_OR_RETURN(domain::Member m, domain::FindMemberIn(ops, a.id, req.member));
      ASSIGN_OR_RETURN(out.txn_id, domain::FundContribute(ops, m.name, out.amount_minor, req.currency, req.on));
      return Status::OK();
    });
  }, /*create=*/false));
  return out;
}

Result<LoanResult> GrantLoan(const Caller& caller, Workspace& ws, const LoanRequest& req) {
  RETURN_IF_ERROR(PreAuthorize(caller, req.alliance, Action::kOperateAlliance));
  RETURN_IF_ERROR(domain::CheckCurrency(req.currency));
  ASSIGN_OR_RETURN(int64_t principal, domain::ParseAmount(req.amount, req.currency));
  ASSIGN_OR_RETURN(int64_t rate, domain::ParsePercentPpm(req.rate));
  LoanResult out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    return ops.Write([&]() -> Status {
      ASSIGN_OR_RETURN(domain::Alliance a, EnterAlliance(caller, ops, req.alliance, Action::kOperateAlliance));
      ASSIGN_OR_RETURN(domain::Member m, domain::FindMemberIn(ops, a.id, req.member));
      ASSIGN_OR_RETURN(int64_t id,
                       domain::GrantLoan(ops, {m.name, principal, req.currency, rate, req.start_on, req.months}));
      ASSIGN_OR_RETURN(out.loan, LoanIn(ops, a, id));
      return Status::OK();
    });
  }, /*create=*/false));
  out.schedule = domain::LoanSchedule(out.loan.principal_minor, out.loan.rate_ppm, out.loan.start_on, out.loan.term_months);
  return out;
}

Result<RepayResult> RepayLoan(const Caller& caller, Workspace& ws, const RepayRequest& req) {
  RETURN_IF_ERROR(PreAuthorize(caller, req.alliance, Action::kOperateAlliance));
  RepayResult out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    return ops.Write([&]() -> Status {
      ASSIGN_OR_RETURN(domain::Alliance a, EnterAlliance(caller, ops, req.alliance, Action::kOperateAlliance));
      ASSIGN_OR_RETURN(domain::LoanStatus loan, LoanIn(ops, a, req.loan));
      ASSIGN_OR_RETURN(out.principal_minor, domain::ParseAmount(req.principal, loan.currency));
      ASSIGN_OR_RETURN(out.interest_minor, domain::ParseAmount(req.interest, loan.currency));
      ASSIGN_OR_RETURN(out.txn_id, domain::RepayLoan(ops, req.loan, out.principal_minor, out.interest_minor, req.on));
      ASSIGN_OR_RETURN(out.loan, LoanIn(ops, a, req.loan));
      return Status::OK();
    });
  }, /*create=*/false));
  return out;
}

Result<FundView> ShowFund(const Caller& caller, Workspace& ws, const FundShowRequest& req) {
  RETURN_IF_ERROR(PreAuthorize(caller, req.alliance, Action::kReadAllianceMoney));
  FundView out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(domain::Alliance a, EnterAlliance(caller, ops, req.alliance, Action::kReadAllianceMoney));
    if (!req.member.empty()) RETURN_IF_ERROR(domain::FindMemberIn(ops, a.id, req.member).status());
    ASSIGN_OR_RETURN(out.balances, domain::BalancesIn(ops, a.id, "fund"));
    ASSIGN_OR_RETURN(out.loans, LoansIn(ops, a, req.member));
    return Status::OK();
  }, /*create=*/false));
  return out;
}

}  // namespace patnav::app
