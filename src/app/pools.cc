// Pool calls (pools.h).
#include "app/pools.h"

#include "app/tenancy.h"
#include "base/strings.h"
#include "domain/alliance_scope.h"
#include "domain/money.h"
#include "domain/value_context.h"
#include "domain/value_model.h"

namespace patnav::app {

namespace {

// The contribution of `publication` (any spelling) to the pool, as it stands.
Result<domain::Contribution> ContributionOf(domain::OperationsDb& ops, const domain::Pool& pool,
                                            std::string_view publication) {
  ASSIGN_OR_RETURN(std::string number, domain::ContributedNumber(ops, pool.id, publication));
  ASSIGN_OR_RETURN(std::vector<domain::Contribution> all, domain::Contributions(ops, pool.name));
  for (auto& c : all)
    if (c.publication_number == number) return std::move(c);
  return Status::NotFound(number + " is not in pool '" + pool.name + "'");
}

}  // namespace

Result<PoolResult> CreatePool(const Caller& caller, Workspace& ws, const CreatePoolRequest& req) {
  RETURN_IF_ERROR(PreAuthorize(caller, req.alliance, Action::kOperateAlliance));
  ASSIGN_OR_RETURN(int64_t fee, domain::ParsePercentPpm(req.fee));
  PoolResult out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    return ops.Write([&]() -> Status {
      ASSIGN_OR_RETURN(domain::Alliance a, EnterAlliance(caller, ops, req.alliance, Action::kOperateAlliance));
      RETURN_IF_ERROR(
          domain::CreatePool(ops, {a.name, req.name, req.scope, req.standard, req.clauses, req.currency, fee}).status());
      ASSIGN_OR_RETURN(out.pool, domain::FindPool(ops, std::string(Trim(req.name))));
      return Status::OK();
    });
  }, /*create=*/false));
  return out;
}

Result<ListPoolsResult> ListPools(const Caller& caller, Workspace& ws, const ListPoolsRequest& req) {
  RETURN_IF_ERROR(PreAuthorize(caller, req.alliance, Action::kReadAlliance));
  ListPoolsResult out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(domain::Alliance a, EnterAlliance(caller, ops, req.alliance, Action::kReadAlliance));
    ASSIGN_OR_RETURN(out.pools, domain::ListPools(ops, a.id));
    return Status::OK();
  }, /*create=*/false));
  return out;
}

Result<PoolView> ShowPool(const Caller& caller, Workspace& ws, const PoolRequest& req) {
  RETURN_IF_ERROR(PreAuthorize(caller, req.alliance, Action::kReadAlliance));
  PoolView out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(domain::Alliance a, EnterAlliance(caller, ops, req.alliance, Action::kReadAlliance));
    ASSIGN_OR_RETURN(out.pool, domain::FindPoolIn(ops, a.id, req.pool));
    ASSIGN_OR_RETURN(out.contributions, domain::Contributions(ops, out.pool.name));
    ASSIGN_OR_RETURN(out.closed, domain::ClosedPeriods(ops, out.pool.id));
    return Status::OK();
  }, /*create=*/false));
  return out;
}

Result<ContributeResult> Contribute(const Caller& caller, Workspace& ws, const ContributeRequest& req) {
  RETURN_IF_ERROR(PreAuthorize(caller, req.alliance, Action::kOperateAlliance));
  if (req.publications.empty()) return Status::InvalidArgument("name the publications to contribute");
  ContributeResult out;
  RETURN_IF_ERROR(ws.WithStore([&](PatentStore& store) -> Status {
    return ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
      return ops.Write([&]() -> Status {
        ASSIGN_OR_RETURN(domain::Alliance a, EnterAlliance(caller, ops, req.alliance, Action::kOperateAlliance));
        ASSIGN_OR_RETURN(domain::Pool pool, domain::FindPoolIn(ops, a.id, req.pool));
        ASSIGN_OR_RETURN(domain::Member member, domain::FindMemberIn(ops, a.id, req.member));
        RETURN_IF_ERROR(domain::ContributeFromStore(ops, store, pool.name, member.name, req.publications,
                                                    req.contributed_on, req.extra_countries));
        out.pool = pool.name;
        out.member = member.name;
        out.contributed = static_cast<int64_t>(req.publications.size());
        return Status::OK();
      });
    }, /*create=*/false);
  }));
  return out;
}

Result<ContributionResult> Withdraw(const Caller& caller, Workspace& ws, const WithdrawRequest& req) {
  RETURN_IF_ERROR(PreAuthorize(caller, req.alliance, Action::kOperateAlliance));
  ContributionResult out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    return ops.Write([&]() -> Status {
      ASSIGN_OR_RETURN(domain::Alliance a, EnterAlliance(caller, ops, req.alliance, Action::kOperateAlliance));
      ASSIGN_OR_RETURN(domain::Pool pool, domain::FindPoolIn(ops, a.id, req.pool));
      RETURN_IF_ERROR(domain::Withdraw(ops, pool.name, req.publication, req.withdrawn_on));
      out.pool = pool.name;
      ASSIGN_OR_RETURN(out.contribution, ContributionOf(ops, pool, req.publication));
      return Status::OK();
    });
  }, /*create=*/false));
  return out;
}

Result<ContributionResult> SetEssentiality(const Caller& caller, Workspace& ws, const EssentialityRequest& req) {
  RETURN_IF_ERROR(PreAuthorize(caller, req.alliance, Action::kOperateAlliance));
  ContributionResult out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    return ops.Write([&]() -> Status {
      ASSIGN_OR_RETURN(domain::Alliance a, EnterAlliance(caller, ops, req.alliance, Action::kOperateAlliance));
      ASSIGN_OR_RETURN(domain::Pool pool, domain::FindPoolIn(ops, a.id, req.pool));
      RETURN_IF_ERROR(domain::SetEssentiality(ops, pool.name, req.publication, req.status, req.decided_on, req.evaluator,
                                              req.note));
      out.pool = pool.name;
      ASSIGN_OR_RETURN(out.contribution, ContributionOf(ops, pool, req.publication));
      return Status::OK();
    });
  }, /*create=*/false));
  return out;
}

Result<LapseResult> RecordLapse(const Caller& caller, Workspace& ws, const LapseRequest& req) {
  RETURN_IF_ERROR(PreAuthorize(caller, req.alliance, Action::kOperateAlliance));
  LapseResult out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    return ops.Write([&]() -> Status {
      ASSIGN_OR_RETURN(domain::Alliance a, EnterAlliance(caller, ops, req.alliance, Action::kOperateAlliance));
      ASSIGN_OR_RETURN(bool held, domain::PublicationInAlliance(ops, a.id, req.publication));
      if (!held)
        return Status::NotFound(req.publication + " is in no pool of alliance '" + a.name + "'");
      RETURN_IF_ERROR(domain::RecordLapse(ops, req.publication, req.country, req.lapsed_on));
      out.publication = req.publication;
      out.country = AsciiUpper(Trim(req.country));
      out.lapsed_on = req.lapsed_on;
      return Status::OK();
    });
  }, /*create=*/false));
  return out;
}

Result<RescoreResult> RescorePool(const Caller& caller, Workspace& ws, const RescoreRequest& req) {
  RETURN_IF_ERROR(PreAuthorize(caller, req.alliance, Action::kOperateAlliance));
  domain::ValueWeights weights = domain::DefaultValueWeights();
  if (!req.weights_json.empty()) {
    ASSIGN_OR_RETURN(weights, domain::ParseValueWeights(req.weights_json));
  }
  RescoreResult out;
  RETURN_IF_ERROR(ws.WithStore([&](PatentStore& store) -> Status {
    return ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
      return ops.Write([&]() -> Status {
        ASSIGN_OR_RETURN(domain::Alliance a, EnterAlliance(caller, ops, req.alliance, Action::kOperateAlliance));
        ASSIGN_OR_RETURN(domain::Pool pool, domain::FindPoolIn(ops, a.id, req.pool));
        ASSIGN_OR_RETURN(out.scored, domain::RescorePool(ops, store, pool.name, weights, req.as_of));
        out.pool = pool.name;
        return Status::OK();
      });
    }, /*create=*/false);
  }));
  return out;
}

}  // namespace patnav::app
