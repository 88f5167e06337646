// Member calls (members.h).
#include "app/members.h"

#include "app/tenancy.h"
#include "base/strings.h"
#include "domain/alliance_scope.h"

namespace patnav::app {

Result<MemberResult> AddMember(const Caller& caller, Workspace& ws, const AddMemberRequest& req) {
  RETURN_IF_ERROR(PreAuthorize(caller, req.alliance, Action::kOperateAlliance));
  MemberResult out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    return ops.Write([&]() -> Status {
      ASSIGN_OR_RETURN(domain::Alliance a, EnterAlliance(caller, ops, req.alliance, Action::kOperateAlliance));
      RETURN_IF_ERROR(domain::AddMember(ops, {a.name, req.name, req.type, req.joined_on, req.contact, req.trading_centre}).status());
      ASSIGN_OR_RETURN(out.member, domain::FindMember(ops, std::string(Trim(req.name))));
      return Status::OK();
    });
  }, /*create=*/false));
  return out;
}

Result<MemberResult> MemberLeaves(const Caller& caller, Workspace& ws, const MemberLeavesRequest& req) {
  RETURN_IF_ERROR(PreAuthorize(caller, req.alliance, Action::kOperateAlliance));
  MemberResult out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    return ops.Write([&]() -> Status {
      ASSIGN_OR_RETURN(domain::Alliance a, EnterAlliance(caller, ops, req.alliance, Action::kOperateAlliance));
      RETURN_IF_ERROR(domain::FindMemberIn(ops, a.id, req.member).status());
      RETURN_IF_ERROR(domain::MemberLeaves(ops, req.member, req.left_on));
      ASSIGN_OR_RETURN(out.member, domain::FindMember(ops, req.member));
      return Status::OK();
    });
  }, /*create=*/false));
  return out;
}

Result<ListMembersResult> ListMembers(const Caller& caller, Workspace& ws, const ListMembersRequest& req) {
  RETURN_IF_ERROR(PreAuthorize(caller, req.alliance, Action::kReadAlliance));
  ListMembersResult out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(domain::Alliance a, EnterAlliance(caller, ops, req.alliance, Action::kReadAlliance));
    out.alliance = a.name;
    ASSIGN_OR_RETURN(out.members, domain::ListMembers(ops, a.name));
    return Status::OK();
  }, /*create=*/false));
  return out;
}

}  // namespace patnav::app
