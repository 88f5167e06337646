// Test support (header only, for *_test.cc): a signed-in caller holding one
// grant, as the office, round and measure tests need them.
#pragma once

#include <string>
#include <utility>

#include "app/caller.h"
#include "domain/roles.h"

namespace patnav::app {

// User 9 ("user") with one grant of `role`, scoped to `province` (office
// roles) or to `alliance` and `member` (alliance roles).
inline Caller WithGrant(domain::Role role, std::string province, std::string alliance = "", std::string member = "") {
  domain::Grant g;
  g.role = role;
  g.province = std::move(province);
  g.alliance = std::move(alliance);
  g.member = std::move(member);
  Caller c;
  c.user_id = 9;
  c.username = "user";
  c.grants = {g};
  return c;
}

}  // namespace patnav::app
