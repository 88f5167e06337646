// Platform accounts: who may sign in, with which password, and the role
// grants each holds (roles.h). Usernames are 1-64 letters (any script),
// digits, '.', '_' or '-', unique regardless of case and width ("Alice",
// "alice" and "ａｌｉｃｅ" are one name); passwords are at least 10 characters
// and not the username. Only Argon2id hashes are stored (password_hash.h).
//
// Every write is one transaction (PlatformDb::Write) and writes nothing when
// refused. `now` is seconds since the epoch (platform_clock.h).
// Thread-safety: as PlatformDb (one thread at a time per handle).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "domain/password_hash.h"
#include "domain/platform_db.h"
#include "domain/roles.h"

namespace patnav::domain {

struct User {
  int64_t id = 0;
  std::string username;  // as first given (the case is kept)
  std::string display_name;
  std::string created_at, password_changed_at;  // ISO 8601 UTC
  std::string disabled_at;                      // empty while active
  std::vector<Grant> grants;                    // in the order granted
  bool disabled() const { return !disabled_at.empty(); }
};

struct NewUser {
  std::string username;
  std::string display_name;  // optional, at most 200 characters
  std::string password;
};

// InvalidArgument saying what is wrong with the name or the password.
Status ValidateUsername(std::string_view username);
Status ValidatePassword(std::string_view password, std::string_view username);
// The form uniqueness is checked on: NFKC case-folded. REQUIRES: valid UTF-8.
std::string UsernameKey(std::string_view username);

// InvalidArgument for a bad name or password; AlreadyExists when the name
// (in any case) is taken.
Result<User> AddUser(PlatformDb& db, const NewUser& in, PasswordCost cost, int64_t now);
// NotFound "unknown user 'x'". Disabled users are found (and say so).
Result<User> FindUser(PlatformDb& db, std::string_view username);
Result<User> FindUserById(PlatformDb& db, int64_t id);
// Every user with their grants, by username key.
Result<std::vector<User>> ListUsers(PlatformDb& db);

// Replaces the password and revokes every session of the user (so a stolen
// session dies with the old password). API tokens are kept.
Status SetPassword(PlatformDb& db, std::string_view username, std::string_view password, PasswordCost cost,
                   int64_t now);
// Disables the account and revokes its sessions and API tokens at once.
// FailedPrecondition when already disabled.
Status DisableUser(PlatformDb& db, std::string_view username, int64_t now);

// Adds a grant after ValidateGrant. AlreadyExists when the user holds it.
Result<Grant> AddGrant(PlatformDb& db, std::string_view username, const Grant& grant, int64_t now);
// Removes a grant (matched on role and scope, not id) and revokes the API
// tokens scoped to it. NotFound when the user does not hold it.
Status RemoveGrant(PlatformDb& db, std::string_view username, const Grant& grant, int64_t now);
// Same role and scope (ids are ignored).
bool SameGrant(const Grant& a, const Grant& b);

// What a login checks, read without the grants.
struct StoredCredentials {
  int64_t user_id = 0;
  std::string username;
  std::string password_hash;
  bool disabled = false;
};
// nullopt when no such user (or the name is not a valid username).
Result<std::optional<StoredCredentials>> LoadCredentials(PlatformDb& db, std::string_view username);
// Stores a new hash of the same password (a cost upgrade after a login);
// sessions are kept.
Status ReplacePasswordHash(PlatformDb& db, int64_t user_id, std::string_view hash);

// The grants of one user, in the order granted.
Result<std::vector<Grant>> LoadGrants(PlatformDb& db, int64_t user_id);

}  // namespace patnav::domain
