// API tokens for scripts (`Authorization: Bearer pnt_...`). A token belongs
// to one user and is scoped to exactly one grant that user holds; a request
// made with it has that grant's rights only. Every token has an expiry (at
// most 365 days ahead) and can be revoked; only its SHA-256 is stored, so the
// secret is shown once, at creation. A token stops working at once when it is
// revoked, expires, its user is disabled, or the grant is taken away.
//
// `now` is seconds since the epoch (platform_clock.h).
// Thread-safety: as PlatformDb (one thread at a time per handle).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "domain/platform_db.h"
#include "domain/roles.h"
#include "domain/users.h"

namespace patnav::domain {

inline constexpr const char* kApiTokenPrefix = "pnt_";
inline constexpr int kMaxApiTokenDays = 365;

struct ApiToken {
  int64_t id = 0;
  int64_t user_id = 0;
  std::string username;
  std::string name;  // the owner's label ("nightly export")
  Grant scope;
  std::string created_at, expires_at;  // ISO 8601 UTC
  std::string revoked_at, last_used_at;  // empty when not yet
  bool revoked() const { return !revoked_at.empty(); }
};

struct ApiTokenInput {
  std::string username;
  Grant scope;       // must be a grant the user holds
  std::string name;  // optional label, at most 100 characters
  int days = 0;      // 1..365
};

struct CreatedApiToken {
  std::string token;  // "pnt_" + 43 characters; shown once, never stored
  ApiToken info;
};

// NotFound for an unknown user; FailedPrecondition for a disabled one;
// InvalidArgument for days outside 1..365 or a bad label; PermissionDenied
// when the user does not hold the scope.
Result<CreatedApiToken> CreateApiToken(PlatformDb& db, const ApiTokenInput& in, int64_t now);
// The tokens of `username` (every user's when empty), newest first.
Result<std::vector<ApiToken>> ListApiTokens(PlatformDb& db, std::string_view username);
// NotFound "unknown API token N".
Result<ApiToken> FindApiToken(PlatformDb& db, int64_t id);
// NotFound for an unknown id; FailedPrecondition when already revoked.
Status RevokeApiToken(PlatformDb& db, int64_t id, int64_t now);
Status RevokeApiTokensOfUser(PlatformDb& db, int64_t user_id, int64_t now);
Status RevokeApiTokensOfGrant(PlatformDb& db, int64_t user_id, const Grant& grant, int64_t now);

struct ApiTokenIdentity {
  User user;  // user.grants holds only the token's grant
  int64_t token_id = 0;
};
// Unauthenticated "API token expired, revoked or unknown" unless the token
// is live, its user active and the scope still granted. Writes last_used_at
// at most once a minute.
Result<ApiTokenIdentity> LookupApiToken(PlatformDb& db, std::string_view token, int64_t now);

}  // namespace patnav::domain
