// Server-side sessions of signed-in users. A session is a 256-bit random
// token handed to the browser (secret_token.h); only its SHA-256 is stored.
// It ends when revoked (logout, a password change, the user disabled), after
// `idle_seconds` without use, or `absolute_seconds` after it began, whichever
// comes first; a disabled user's sessions stop at once. A revoked token stays
// revoked: presenting it again is Unauthenticated.
//
// `now` is seconds since the epoch (platform_clock.h).
// Thread-safety: as PlatformDb (one thread at a time per handle).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"
#include "domain/platform_db.h"
#include "domain/users.h"

namespace patnav::domain {

struct SessionPolicy {
  int64_t idle_seconds = 30 * 60;          // ends after this long unused
  int64_t absolute_seconds = 12 * 60 * 60;  // ends this long after sign-in
  int64_t touch_interval_seconds = 60;      // last_seen_at is written at most this often
};

struct NewSession {
  std::string token;       // the secret; shown once, never stored
  std::string expires_at;  // the absolute end, ISO 8601 UTC
};

// Starts a session for an active user. REQUIRES: the password was verified.
// `client_address` and `user_agent` are recorded for the user's own review
// (cut to 256 bytes; dropped when not UTF-8).
Result<NewSession> CreateSession(PlatformDb& db, int64_t user_id, std::string_view client_address,
                                 std::string_view user_agent, int64_t now, const SessionPolicy& policy);

struct SessionInfo {
  User user;  // with all of the user's grants
  std::string created_at, last_seen_at, expires_at;
};

// The signed-in user of `token`, or Unauthenticated "session expired or
// unknown" when the token is unknown, revoked, idle too long, past its
// absolute end, or its user is disabled. Writes last_seen_at when it is at
// least touch_interval_seconds old (so most requests only read).
Result<SessionInfo> LookupSession(PlatformDb& db, std::string_view token, int64_t now, const SessionPolicy& policy);

// Logout: revokes the session of `token`. Unauthenticated when the token is
// unknown or already revoked (a replayed logout).
Status RevokeSession(PlatformDb& db, std::string_view token, int64_t now);
// Revokes every open session of the user.
Status RevokeSessionsOfUser(PlatformDb& db, int64_t user_id, int64_t now);

}  // namespace patnav::domain
