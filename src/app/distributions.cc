// Distribution and statement calls (distributions.h).
#include "app/distributions.h"

#include "app/tenancy.h"
#include "domain/alliance_scope.h"

namespace patnav::app {

Result<DistributeResult> Distribute(const Caller& caller, Workspace& ws, const DistributeRequest& req) {
  const Action action = req.close ? Action::kOperateAlliance : Action::kReadAllianceMoney;
  RETURN_IF_ERROR(PreAuthorize(caller, req.alliance, action));
  ASSIGN_OR_RETURN(domain::DistributionMethod method, domain::ParseDistributionMethod(req.method));
  if (!(req.weight >= 0 && req.weight <= 1)) return Status::InvalidArgument("the value weight must be between 0 and 1");
  DistributeResult out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    return ops.Write([&]() -> Status {
      ASSIGN_OR_RETURN(domain::Alliance a, EnterAlliance(caller, ops, req.alliance, action));
      ASSIGN_OR_RETURN(domain::Pool pool, domain::FindPoolIn(ops, a.id, req.pool));
      domain::DistributionRequest dr{pool.name, req.period, method, static_cast<int64_t>(req.weight * 1e6 + 0.5)};
      if (req.close) {
        ASSIGN_OR_RETURN(out.distribution_id, domain::CloseDistribution(ops, dr, &out.plan));
        out.closed = true;
        ASSIGN_OR_RETURN(std::optional<domain::ClosedPeriod> c, domain::FindClosedPeriod(ops, pool.id, req.period));
        if (c) out.txn_id = c->txn_id;
        return Status::OK();
      }
      ASSIGN_OR_RETURN(out.plan, domain::PlanDistribution(ops, dr));
      ASSIGN_OR_RETURN(out.already_closed, domain::FindClosedPeriod(ops, pool.id, req.period));
      return Status::OK();
    });
  }, /*create=*/false));
  return out;
}

Result<StatementResult> MemberStatement(const Caller& caller, Workspace& ws, const StatementRequest& req) {
  const Scope scope{"", req.member, ""};
  RETURN_IF_ERROR(PreAuthorize(caller, req.alliance, Action::kReadMemberMoney, scope));
  StatementResult out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(domain::Alliance a, EnterAlliance(caller, ops, req.alliance, Action::kReadMemberMoney, scope));
    ASSIGN_OR_RETURN(domain::Member m, domain::FindMemberIn(ops, a.id, req.member));
    ASSIGN_OR_RETURN(out.statement, domain::BuildStatement(ops, m.name, req.period, req.with_lines));
    return Status::OK();
  }, /*create=*/false));
  return out;
}

Result<ListStatementsResult> ListStatements(const Caller& caller, Workspace& ws, const ListStatementsRequest& req) {
  RETURN_IF_ERROR(PreAuthorize(caller, req.alliance, Action::kReadAllianceMoney));
  ListStatementsResult out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(domain::Alliance a, EnterAlliance(caller, ops, req.alliance, Action::kReadAllianceMoney));
    ASSIGN_OR_RETURN(std::vector<domain::Member> members, domain::ListMembers(ops, a.name));
    for (const auto& m : members) {
      ASSIGN_OR_RETURN(domain::MemberStatement s, domain::BuildStatement(ops, m.name, req.period));
      out.statements.push_back(std::move(s));
    }
    return Status::OK();
  }, /*create=*/false));
  return out;
}

}  // namespace patnav::app
