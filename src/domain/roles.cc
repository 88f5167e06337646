// Role names and the scope each role needs.
#include "domain/roles.h"

namespace patnav::domain {

namespace {
constexpr struct {
  Role role;
  const char* name;
} kRoles[] = {
    {Role::kAdministrator, "administrator"}, {Role::kOperator, "operator"}, {Role::kMember, "member"},
    {Role::kLicensee, "licensee"},           {Role::kAnalyst, "analyst"},   {Role::kReviewer, "reviewer"},
};
}  // namespace

const char* RoleName(Role role) {
  for (const auto& r : kRoles)
    if (r.role == role) return r.name;
  return "unknown";
}

Result<Role> ParseRole(std::string_view text) {
  if (text == "admin") return Role::kAdministrator;
  for (const auto& r : kRoles)
    if (text == r.name) return r.role;
  return Status::InvalidArgument("unknown role '" + std::string(text) +
                                 "' (administrator, operator, member, licensee, analyst, reviewer)");
}

Status ValidateGrant(const Grant& g) {
  const std::string role = RoleName(g.role);
  auto need = [&](const std::string& v, const char* field) -> Status {
    if (v.empty()) return Status::InvalidArgument("a " + role + " grant needs " + field);
    return Status::OK();
  };
  auto none = [&](const std::string& v, const char* field) -> Status {
    if (!v.empty()) return Status::InvalidArgument("a " + role + " grant takes no " + field);
    return Status::OK();
  };
  switch (g.role) {
    case Role::kAdministrator:
      RETURN_IF_ERROR(none(g.alliance, "alliance"));
      RETURN_IF_ERROR(none(g.member, "member"));
      RETURN_IF_ERROR(none(g.licensee, "licensee"));
      return none(g.province, "province");
    case Role::kOperator:
      RETURN_IF_ERROR(need(g.alliance, "an alliance"));
      RETURN_IF_ERROR(none(g.member, "member"));
      RETURN_IF_ERROR(none(g.licensee, "licensee"));
      return none(g.province, "province");
    case Role::kMember:
      RETURN_IF_ERROR(need(g.alliance, "an alliance"));
      RETURN_IF_ERROR(need(g.member, "a member"));
      RETURN_IF_ERROR(none(g.licensee, "licensee"));
      return none(g.province, "province");
    case Role::kLicensee:
      RETURN_IF_ERROR(need(g.alliance, "an alliance"));
      RETURN_IF_ERROR(need(g.licensee, "a licensee"));
      RETURN_IF_ERROR(none(g.member, "member"));
      return none(g.province, "province");
    case Role::kAnalyst:
      RETURN_IF_ERROR(none(g.member, "member"));
      RETURN_IF_ERROR(none(g.licensee, "licensee"));
      return none(g.province, "province");
    case Role::kReviewer:
      RETURN_IF_ERROR(need(g.province, "a province"));
      RETURN_IF_ERROR(none(g.alliance, "alliance"));
      RETURN_IF_ERROR(none(g.member, "member"));
      return none(g.licensee, "licensee");
  }
  return Status::InvalidArgument("unknown role");
}

}  // namespace patnav::domain
