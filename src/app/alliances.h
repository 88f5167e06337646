// Application calls for alliances: create one, list those the caller sees,
// show one with its members by type and its charter checklist, record a
// charter item.
//
// Every call: `const Caller&` is authorised first (authorize.h; kCreateAlliance
// to create, kReadAlliance to read, kOperateAlliance to record charter
// items); an alliance the caller has no grant in is NotFound "unknown
// alliance 'X'". Thread-safety: as Workspace (any thread).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "app/caller.h"
#include "app/workspace.h"
#include "base/status.h"
#include "domain/alliance.h"

namespace patnav::app {

struct CreateAllianceRequest {
  std::string name, address;
  std::string form;      // as domain::ParseOrganisationForm accepts
  std::string industry;  // optional
};
struct CreateAllianceResult {
  domain::Alliance alliance;
  std::vector<std::string> warnings;
};
// InvalidArgument (nothing written) for an empty or taken name or a bad form.
Result<CreateAllianceResult> CreateAlliance(const Caller& caller, Workspace& ws, const CreateAllianceRequest& req);

struct ListAlliancesResult {
  std::vector<domain::Alliance> alliances;  // those the caller has a grant in (all for admin/local), by name
  std::vector<std::string> warnings;
};
// No operations database yet is an empty list.
Result<ListAlliancesResult> ListAlliances(const Caller& caller, Workspace& ws);

struct AllianceRequest {
  std::string alliance;  // empty: the only one (command line and administrators only)
};
struct AllianceView {
  domain::Alliance alliance;
  domain::CharterStatus charter;
  int64_t members = 0;                      // every member, left ones included
  std::map<std::string, int> members_by_type;  // active members only
  std::vector<std::string> warnings;
};
Result<AllianceView> ShowAlliance(const Caller& caller, Workspace& ws, const AllianceRequest& req);

struct SetCharterItemRequest {
  std::string alliance;
  int item = 0;  // 1..9
  std::string text;
};
// Records the item and returns the alliance as ShowAlliance would.
Result<AllianceView> SetCharterItem(const Caller& caller, Workspace& ws, const SetCharterItemRequest& req);

}  // namespace patnav::app
