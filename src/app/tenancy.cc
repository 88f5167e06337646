// Entering an alliance (tenancy.h).
#include "app/tenancy.h"

namespace patnav::app {

Status PreAuthorize(const Caller& caller, std::string_view alliance, Action action, const Scope& scope) {
  if (alliance.empty()) {
    if (caller.local || caller.IsAdministrator()) return Status::OK();
    if (caller.anonymous) return Status::Unauthenticated("sign in first");
    return Status::InvalidArgument("name the alliance");
  }
  Scope s = scope;
  s.alliance = std::string(alliance);
  return Authorize(caller, action, s);
}

Result<domain::Alliance> EnterAlliance(const Caller& caller, domain::OperationsDb& ops, std::string_view alliance,
                                       Action action, const Scope& scope) {
  RETURN_IF_ERROR(PreAuthorize(caller, alliance, action, scope));
  ASSIGN_OR_RETURN(domain::Alliance a, domain::DefaultAlliance(ops, alliance));
  Scope s = scope;
  s.alliance = a.name;
  RETURN_IF_ERROR(Authorize(caller, action, s));
  return a;
}

}  // namespace patnav::app
