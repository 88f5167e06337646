// Entering an alliance: the first step of every alliance-scoped application
// call. Resolves the alliance a request names, authorises the caller in it
// (authorize.h), and loads it. Objects the request names are then looked up
// with the domain's alliance-confined lookups (domain/alliance_scope.h), so
// an object of another alliance is NotFound worded as an unknown one.
#pragma once

#include <string>
#include <string_view>

#include "app/authorize.h"
#include "app/caller.h"
#include "base/status.h"
#include "domain/alliance.h"
#include "domain/operations_db.h"

namespace patnav::app {

// Authorises before any database is touched: with an alliance name, exactly
// Authorize(caller, action, scope + alliance). An empty name is allowed to
// the command line and administrators only (they may mean "the only
// alliance"); anyone else gets InvalidArgument "name the alliance".
Status PreAuthorize(const Caller& caller, std::string_view alliance, Action action, const Scope& scope = {});

// PreAuthorize, then resolves the alliance (empty: the only one, as
// domain::DefaultAlliance) and authorises again against its name. NotFound
// "unknown alliance 'X'" both for an alliance that does not exist and for one
// the caller has no grant in. REQUIRES: inside Workspace::WithOperations.
Result<domain::Alliance> EnterAlliance(const Caller& caller, domain::OperationsDb& ops, std::string_view alliance,
                                       Action action, const Scope& scope = {});

}  // namespace patnav::app
