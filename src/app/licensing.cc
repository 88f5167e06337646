// Licensing-book calls (licensing.h).
#include "app/licensing.h"

#include "app/tenancy.h"
#include "base/strings.h"
#include "domain/alliance_scope.h"
#include "domain/money.h"

namespace patnav::app {

namespace {

// The programme input of a request, its rates parsed in the unit of its basis.
Result<domain::ProgrammeInput> ProgrammeInputOf(const CreateProgrammeRequest& req, const domain::Pool& pool) {
  const std::string& currency = req.currency.empty() ? pool.currency : req.currency;
  domain::ProgrammeInput in;
  in.pool = pool.name;
  in.name = req.name;
  in.currency = req.currency;
  ASSIGN_OR_RETURN(in.basis, domain::ParseRoyaltyBasis(req.basis));
  ASSIGN_OR_RETURN(in.rate, domain::ParseRate(in.basis, req.rate, currency));
  if (!req.member_rate.empty()) {
    ASSIGN_OR_RETURN(in.member_rate, domain::ParseRate(in.basis, req.member_rate, currency));
  }
  if (!req.cap.empty()) {
    ASSIGN_OR_RETURN(in.cap_minor, domain::ParseAmount(req.cap, currency));
  }
  for (const auto& [country, rate] : req.country_rates) {
    ASSIGN_OR_RETURN(int64_t r, domain::ParseRate(in.basis, rate, currency));
    in.country_rates[AsciiUpper(Trim(country))] = r;
  }
  return in;
}

}  // namespace

Result<ProgrammeResult> CreateProgramme(const Caller& caller, Workspace& ws, const CreateProgrammeRequest& req) {
  RETURN_IF_ERROR(PreAuthorize(caller, req.alliance, Action::kOperateAlliance));
  ProgrammeResult out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    return ops.Write([&]() -> Status {
      ASSIGN_OR_RETURN(domain::Alliance a, EnterAlliance(caller, ops, req.alliance, Action::kOperateAlliance));
      ASSIGN_OR_RETURN(domain::Pool pool, domain::FindPoolIn(ops, a.id, req.pool));
      ASSIGN_OR_RETURN(domain::ProgrammeInput in, ProgrammeInputOf(req, pool));
      RETURN_IF_ERROR(domain::CreateProgramme(ops, in).status());
      ASSIGN_OR_RETURN(out.programme, domain::FindProgramme(ops, std::string(Trim(req.name))));
      return Status::OK();
    });
  }, /*create=*/false));
  return out;
}

Result<ListProgrammesResult> ListProgrammes(const Caller& caller, Workspace& ws, const ListProgrammesRequest& req) {
  RETURN_IF_ERROR(PreAuthorize(caller, req.alliance, Action::kReadAlliance));
  ListProgrammesResult out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(domain::Alliance a, EnterAlliance(caller, ops, req.alliance, Action::kReadAlliance));
    if (!req.pool.empty()) RETURN_IF_ERROR(domain::FindPoolIn(ops, a.id, req.pool).status());
    ASSIGN_OR_RETURN(std::vector<domain::Pool> pools, domain::ListPools(ops, a.id));
    ASSIGN_OR_RETURN(std::vector<domain::Programme> all, domain::ListProgrammes(ops, req.pool));
    for (auto& g : all)
      for (const auto& p : pools)
        if (g.pool_id == p.id) out.programmes.push_back(std::move(g));
    return Status::OK();
  }, /*create=*/false));
  return out;
}

Result<LicenseeResult> AddLicensee(const Caller& caller, Workspace& ws, const AddLicenseeRequest& req) {
  RETURN_IF_ERROR(PreAuthorize(caller, req.alliance, Action::kOperateAlliance));
  LicenseeResult out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    return ops.Write([&]() -> Status {
      ASSIGN_OR_RETURN(domain::Alliance a, EnterAlliance(caller, ops, req.alliance, Action::kOperateAlliance));
      if (!req.member.empty()) RETURN_IF_ERROR(domain::FindMemberIn(ops, a.id, req.member).status());
      RETURN_IF_ERROR(domain::AddLicensee(ops, {req.name, req.country, req.member, a.name}).status());
      ASSIGN_OR_RETURN(out.licensee, domain::FindLicensee(ops, std::string(Trim(req.name))));
      return Status::OK();
    });
  }, /*create=*/false));
  return out;
}

Result<ListLicenseesResult> ListLicensees(const Caller& caller, Workspace& ws, const ListLicenseesRequest& req) {
  RETURN_IF_ERROR(PreAuthorize(caller, req.alliance, Action::kReadAllianceMoney));
  ListLicenseesResult out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(domain::Alliance a, EnterAlliance(caller, ops, req.alliance, Action::kReadAllianceMoney));
    ASSIGN_OR_RETURN(out.licensees, domain::ListLicensees(ops, a.name));
    return Status::OK();
  }, /*create=*/false));
  return out;
}

Result<AgreementResult> AddAgreement(const Caller& caller, Workspace& ws, const AddAgreementRequest& req) {
  RETURN_IF_ERROR(PreAuthorize(caller, req.alliance, Action::kOperateAlliance));
  AgreementResult out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    return ops.Write([&]() -> Status {
      ASSIGN_OR_RETURN(domain::Alliance a, EnterAlliance(caller, ops, req.alliance, Action::kOperateAlliance));
      ASSIGN_OR_RETURN(domain::Licensee l, domain::FindLicenseeIn(ops, a.id, req.licensee));
      ASSIGN_OR_RETURN(domain::Programme g, domain::FindProgrammeIn(ops, a.id, req.programme));
      ASSIGN_OR_RETURN(int64_t id, domain::AddAgreement(ops, {l.name, g.name, req.territories, req.effective_from,
                                                              req.effective_to}));
      ASSIGN_OR_RETURN(std::vector<domain::Agreement> all, domain::ListAgreements(ops, l.name, g.name));
      for (auto& x : all)
        if (x.id == id) out.agreement = std::move(x);
      return Status::OK();
    });
  }, /*create=*/false));
  return out;
}

Result<ListAgreementsResult> ListAgreements(const Caller& caller, Workspace& ws, const ListAgreementsRequest& req) {
  // One licensee's agreements are that licensee's to read; everyone's are the operator's book.
  const Action action = req.licensee.empty() ? Action::kReadAllianceMoney : Action::kReadLicensee;
  const Scope scope{"", "", req.licensee};
  RETURN_IF_ERROR(PreAuthorize(caller, req.alliance, action, scope));
  ListAgreementsResult out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(domain::Alliance a, EnterAlliance(caller, ops, req.alliance, action, scope));
    if (!req.licensee.empty()) RETURN_IF_ERROR(domain::FindLicenseeIn(ops, a.id, req.licensee).status());
    if (!req.programme.empty()) RETURN_IF_ERROR(domain::FindProgrammeIn(ops, a.id, req.programme).status());
    ASSIGN_OR_RETURN(std::vector<domain::Pool> pools, domain::ListPools(ops, a.id));
    ASSIGN_OR_RETURN(std::vector<domain::Agreement> all, domain::ListAgreements(ops, req.licensee, req.programme));
    for (auto& x : all)
      for (const auto& p : pools)
        if (x.pool == p.name) out.agreements.push_back(std::move(x));
    return Status::OK();
  }, /*create=*/false));
  return out;
}

}  // namespace patnav::app
