// The authorisation policy: which caller may do what, in which alliance.
// Every application call that touches data asks here first; the server and
// the CLI never decide it themselves.
//
// Tenancy contract: a caller with no grant in an alliance (and not an
// administrator) gets NotFound for anything of that alliance, worded as if it
// did not exist, so its existence does not leak. Within its own alliance, a
// member's or licensee's request for another member's or licensee's objects is
// NotFound as well; a role that may see the alliance but not do the action
// gets PermissionDenied. No credentials at all is Unauthenticated.
#pragma once

#include <string>

#include "app/caller.h"
#include "base/status.h"

namespace patnav::app {

enum class Action {
  // Patent data (no alliance scope).
  kSearchPatents,   // search, show, similar, stats, value of a patent
  kExportPatents,   // export of a hit set or the store
  kRunLandscape,    // landscape analyses and reports
  kIngest,          // load patent data, rebuild the index
  // Platform.
  kAdministerUsers,  // users, grants, API tokens of others
  kReadAudit,        // the audit trail (operators: their alliance's rows)
  kCreateAlliance,
  // One alliance (Scope::alliance).
  kReadAlliance,       // the alliance record, charter, members, pools, programmes, experts
  kOperateAlliance,    // every write of the operator: members, pools, licensing, distribution, fund, experts
  kReadAllianceMoney,  // the ledger, distributions, the fund, every member's statement
  kReadMemberMoney,    // one member's statement and balance (Scope::member)
  kReadLicensee,       // one licensee's agreements and royalty reports (Scope::licensee)
  kFileRoyaltyReport,  // a royalty report of one licensee (Scope::licensee)
  // The alliance's shared landscape reports (app/shared_landscapes.h). Read by
  // its operator, members and analysts (the alliance's shared, non-money
  // views); not by its licensees (PermissionDenied: they know the alliance but
  // the reports are the members' analyses). Shared by its operator and its
  // analysts; removed by the one who shared it or the operator.
  kReadSharedLandscapes,
  kShareLandscape,
};

const char* ActionName(Action a);

struct Scope {
  std::string alliance;
  std::string member;
  std::string licensee;
};

// OK when allowed; otherwise Unauthenticated, NotFound or PermissionDenied as
// the contract above says.
Status Authorize(const Caller& caller, Action action, const Scope& scope = {});

// True when the caller holds any grant in `alliance` (or is an administrator).
bool SeesAlliance(const Caller& caller, const std::string& alliance);

}  // namespace patnav::app
