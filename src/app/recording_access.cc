// Access to an alliance's recording application (recording_access.h).
#include "app/recording_access.h"

namespace patnav::app {

using domain::Recording;
using domain::RecordingState;
using domain::Role;

bool ReviewsProvince(const Caller& c, const std::string& province) {
  for (const domain::Grant& g : c.grants)
    if (g.role == Role::kReviewer && g.province == province) return true;
  return false;
}

Access AccessTo(const Caller& c, const std::string& alliance, const Recording* r) {
  Access a;
  if (c.anonymous) return a;
  if (c.local) return {true, true, true, true};
  if (c.IsAdministrator()) a.visible = a.operator_role = a.national = true;
  for (const domain::Grant& g : c.grants) {
    if (g.alliance.empty() || g.alliance != alliance) continue;
    a.visible = true;
    if (g.role == Role::kOperator) a.operator_role = true;
  }
  if (r != nullptr && r->state != RecordingState::kDraft && ReviewsProvince(c, r->province)) a.visible = a.province = true;
  return a;
}

Status Unknown(const std::string& alliance) { return Status::NotFound("unknown alliance '" + alliance + "'"); }

Result<domain::Alliance> Resolve(const Caller& c, domain::OperationsDb& ops, const std::string& alliance) {
  if (c.anonymous) return Status::Unauthenticated("sign in first");
  if (alliance.empty() && !c.local && !c.IsAdministrator()) return Status::InvalidArgument("name the alliance");
  Result<domain::Alliance> a = domain::DefaultAlliance(ops, alliance);
  if (!a.ok() && a.status().code() == StatusCode::kNotFound && !alliance.empty()) return Unknown(alliance);
  return a;
}

Result<std::pair<Recording, Access>> VisibleLatest(const Caller& caller, domain::OperationsDb& ops,
                                                   const std::string& alliance) {
  ASSIGN_OR_RETURN(domain::Alliance a, Resolve(caller, ops, alliance));
  Result<Recording> latest = domain::LatestRecording(ops, a);
  Access access = AccessTo(caller, a.name, latest.ok() ? &*latest : nullptr);
  if (!access.visible) return Unknown(a.name);
  if (!latest.ok()) return latest.status();
  return std::make_pair(*latest, access);
}

}  // namespace patnav::app
