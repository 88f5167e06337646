// Who is asking: the identity every application call is authorised against.
//
// The command line on the machine that holds the data runs as Caller::Local()
// (every right: whoever can read the data directory owns it). The server
// builds a Caller from the session or API token of each request; an API token
// carries only the grant it was scoped to.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/roles.h"

namespace patnav::app {

struct Caller {
  int64_t user_id = 0;       // 0 for Local() and Anonymous()
  std::string username;      // "local" for the command line; empty when anonymous
  std::vector<domain::Grant> grants;
  bool local = false;        // the command line: allowed everything
  bool anonymous = false;    // no credentials
  bool public_search = false;  // anonymous read-only patent search is switched on (off by default)
  std::string client_address;  // the peer of a server request (audit trail); empty for the command line

  static Caller Local() {
    Caller c;
    c.username = "local";
    c.local = true;
    return c;
  }
  static Caller Anonymous(bool public_search = false) {
    Caller c;
    c.anonymous = true;
    c.public_search = public_search;
    return c;
  }
  bool IsAdministrator() const {
    if (local) return true;
    for (const auto& g : grants)
      if (g.role == domain::Role::kAdministrator) return true;
    return false;
  }
  // What the audit trail records as the actor.
  std::string Actor() const { return anonymous ? "anonymous" : username; }
};

}  // namespace patnav::app
