// Application calls for alliance members: add, record a leave, list.
// Reads need kReadAlliance, writes kOperateAlliance (authorize.h); a member
// of another alliance is NotFound "unknown member 'X'". Member names are
// unique across the whole operations database (not per alliance).
#pragma once

#include <string>
#include <vector>

#include "app/caller.h"
#include "app/workspace.h"
#include "base/status.h"
#include "domain/members.h"

namespace patnav::app {

struct AddMemberRequest {
  std::string alliance;   // empty: the only one (command line and administrators only)
  std::string name, type;  // type as domain::ParseMemberType accepts
  std::string joined_on;  // ISO; empty: today
  std::string contact;
  bool trading_centre = false;  // a national patent technology exhibition and trading centre
};
struct MemberResult {
  domain::Member member;
  std::vector<std::string> warnings;
};
Result<MemberResult> AddMember(const Caller& caller, Workspace& ws, const AddMemberRequest& req);

struct MemberLeavesRequest {
  std::string alliance, member, left_on;
};
Result<MemberResult> MemberLeaves(const Caller& caller, Workspace& ws, const MemberLeavesRequest& req);

struct ListMembersRequest {
  std::string alliance;
};
struct ListMembersResult {
  std::string alliance;
  std::vector<domain::Member> members;  // by name
  std::vector<std::string> warnings;
};
Result<ListMembersResult> ListMembers(const Caller& caller, Workspace& ws, const ListMembersRequest& req);

}  // namespace patnav::app
