// Signing in: the throttle, the password check and a new session, in the
// order that keeps them honest. Every refusal for a wrong password, an
// unknown user or a disabled account says the same "wrong username or
// password" and costs the same time (an unknown name is checked against a
// dummy hash); a throttled attempt is ResourceExhausted with the seconds to
// wait, even when the password is right.
//
// The password check (about 0.1 s of Argon2id) runs outside the database:
// Login reaches platform.db only through `with_db`, twice (reserve the
// attempt; then record the outcome and open the session), so a server can
// hold its database lock for the short steps only.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "base/status.h"
#include "domain/login_throttle.h"
#include "domain/password_hash.h"
#include "domain/platform_db.h"
#include "domain/sessions.h"
#include "domain/users.h"

namespace patnav::domain {

struct LoginPolicy {
  SessionPolicy sessions;
  ThrottlePolicy throttle;
  PasswordCost cost = PasswordCost::kInteractive;
};

struct LoginRequest {
  std::string username, password;
  std::string client_address;  // empty: not counted per address (the command line)
  std::string user_agent;
};

struct LoginOutcome {
  Status status;                    // OK, Unauthenticated, ResourceExhausted, or an I/O failure
  int64_t retry_after_seconds = 0;  // with ResourceExhausted
  NewSession session;               // when OK
  User user;                        // when OK, with the user's grants
};

// Runs `fn` with the platform database (e.g. under a lock) and returns its Status.
using PlatformAccess = std::function<Status(const std::function<Status(PlatformDb&)>&)>;

LoginOutcome Login(const PlatformAccess& with_db, const LoginRequest& req, int64_t now, const LoginPolicy& policy);

}  // namespace patnav::domain
