// Roles and grants of the platform (docs/api.md, "Roles and tenancy").
//
// A user holds any number of grants; each grant is one role, scoped:
//   administrator  the whole platform (users, audit, every alliance)
//   operator       one alliance: its pools, licensing, distributions, fund,
//                  talent pool
//   member         one member of one alliance: its own contributions,
//                  statements and balance; the alliance's shared analyses
//   licensee       one licensee of one alliance: its own agreements and
//                  royalty reports
//   analyst        patent data (search, similar, landscape, export); with an
//                  alliance, also that alliance's shared, non-money views
//   reviewer       IP-office staff of one province (administration issue)
// The policy that turns grants into allowed actions is app/authorize.h.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace patnav::domain {

enum class Role { kAdministrator, kOperator, kMember, kLicensee, kAnalyst, kReviewer };

// "administrator", "operator", "member", "licensee", "analyst", "reviewer".
const char* RoleName(Role role);
// The names above (also "admin"); InvalidArgument listing them otherwise.
Result<Role> ParseRole(std::string_view text);

struct Grant {
  int64_t id = 0;          // 0 until stored
  Role role = Role::kAnalyst;
  std::string alliance;    // operator, member, licensee: required; analyst: optional
  std::string member;      // member: required
  std::string licensee;    // licensee: required
  std::string province;    // reviewer: required (e.g. "北京市" or "Beijing")
};

// InvalidArgument naming the missing or superfluous scope field.
Status ValidateGrant(const Grant& g);

}  // namespace patnav::domain
