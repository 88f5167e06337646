// Alliance calls (alliances.h).
#include "app/alliances.h"

#include "app/authorize.h"
#include "app/tenancy.h"
#include "base/strings.h"
#include "domain/alliance_scope.h"
#include "domain/members.h"

namespace patnav::app {

namespace {

Status FillView(domain::OperationsDb& ops, const domain::Alliance& a, AllianceView& out) {
  out.alliance = a;
  ASSIGN_OR_RETURN(out.charter, domain::Charter(ops, a.name));
  ASSIGN_OR_RETURN(std::vector<domain::Member> members, domain::ListMembers(ops, a.name));
  out.members = static_cast<int64_t>(members.size());
  for (const auto& m : members)
    if (m.left_on.empty()) ++out.members_by_type[m.type];
  return Status::OK();
}

}  // namespace

Result<CreateAllianceResult> CreateAlliance(const Caller& caller, Workspace& ws, const CreateAllianceRequest& req) {
  RETURN_IF_ERROR(Authorize(caller, Action::kCreateAlliance));
  CreateAllianceResult out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    RETURN_IF_ERROR(domain::CreateAlliance(ops, {req.name, req.address, req.form, req.industry}).status());
    ASSIGN_OR_RETURN(out.alliance, domain::FindAlliance(ops, std::string(Trim(req.name))));
    return Status::OK();
  }, /*create=*/true));
  return out;
}

Result<ListAlliancesResult> ListAlliances(const Caller& caller, Workspace& ws) {
  if (caller.anonymous) return Status::Unauthenticated("sign in first");
  ListAlliancesResult out;
  Status st = ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(std::vector<domain::Alliance> all, domain::ListAlliances(ops));
    for (auto& a : all)
      if (SeesAlliance(caller, a.name)) out.alliances.push_back(std::move(a));
    return Status::OK();
  }, /*create=*/false);
  if (st.code() == StatusCode::kNotFound) return out;  // no operations database yet
  RETURN_IF_ERROR(st);
  return out;
}

Result<AllianceView> ShowAlliance(const Caller& caller, Workspace& ws, const AllianceRequest& req) {
  RETURN_IF_ERROR(PreAuthorize(caller, req.alliance, Action::kReadAlliance));
  AllianceView out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(domain::Alliance a, EnterAlliance(caller, ops, req.alliance, Action::kReadAlliance));
    return FillView(ops, a, out);
  }, /*create=*/false));
  return out;
}

Result<AllianceView> SetCharterItem(const Caller& caller, Workspace& ws, const SetCharterItemRequest& req) {
  RETURN_IF_ERROR(PreAuthorize(caller, req.alliance, Action::kOperateAlliance));
  AllianceView out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(domain::Alliance a, EnterAlliance(caller, ops, req.alliance, Action::kOperateAlliance));
    RETURN_IF_ERROR(domain::SetCharterItem(ops, a.name, req.item, req.text));
    return FillView(ops, a, out);
  }, /*create=*/false));
  return out;
}

}  // namespace patnav::app
