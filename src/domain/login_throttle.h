// Login throttling: after `max_per_account` failed logins for one username
// within `window_seconds`, or `max_per_address` from one client address,
// further attempts are refused, even with the right password, until enough
// failures have aged out of the window. A success clears the account's
// failures (not the address's). Unknown usernames are counted like known
// ones, so the throttle does not tell which names exist.
//
// An allowed attempt is counted as a failure the moment it is reserved and
// forgiven when it succeeds, so attempts racing each other cannot exceed the
// limit while their passwords are being checked.
//
// `now` is seconds since the epoch (platform_clock.h).
// Thread-safety: as PlatformDb (one thread at a time per handle).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"
#include "domain/platform_db.h"

namespace patnav::domain {

struct ThrottlePolicy {
  int max_per_account = 5;
  int max_per_address = 20;
  int64_t window_seconds = 15 * 60;
};

struct AttemptTicket {
  std::string account_key;      // what the account's failures are counted under
  int64_t address_attempt = 0;  // the row counted against the address (0: none)
};

struct ThrottleDecision {
  bool allowed = false;
  int64_t retry_after_seconds = 0;  // when refused: seconds until an attempt is allowed (>= 1)
  AttemptTicket ticket;             // when allowed: what AttemptSucceeded forgives
};

// Refused (nothing written) when either limit is reached; otherwise records
// the attempt as a failure against the account and, when `client_address`
// is not empty, the address. Also forgets attempts older than the window.
Result<ThrottleDecision> ReserveLoginAttempt(PlatformDb& db, std::string_view username,
                                             std::string_view client_address, int64_t now,
                                             const ThrottlePolicy& policy);
// The password was right: clears the account's failures and forgives this
// attempt's address row.
Status LoginAttemptSucceeded(PlatformDb& db, const AttemptTicket& ticket);

}  // namespace patnav::domain
