// The application calls for accounts, sessions, API tokens and the audit
// trail (issue 10, items 4 and 6): what `patnav user ...` and the server's
// /api/v1/session, /me, /users, /tokens and /audit routes call.
//
// Authorisation (authorize.h): administering users, grants and other users'
// tokens needs Action::kAdministerUsers; any signed-in user may change their
// own password (giving the current one) and create, list and revoke their own
// API tokens, scoped to a grant the caller itself holds. Reading the audit
// trail needs Action::kReadAudit: administrators see every row, operators the
// rows of the alliances they operate. Someone else's token is NotFound.
//
// Audit: every call here that changes something appends its audit row
// itself (in the same transaction as the change when it succeeds; on its own
// when refused): user.add, user.passwd, user.disable, user.grant,
// user.revoke, token.create, token.revoke, session.login, session.logout.
// The HTTP layer must not record these again.
//
// Thread-safety: an Accounts is stateless beyond its options; every method
// may be called from any thread (platform.db is reached through
// Workspace::WithPlatform). The clock given in the options must outlive it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/caller.h"
#include "app/workspace.h"
#include "base/status.h"
#include "domain/api_tokens.h"
#include "domain/audit.h"
#include "domain/login.h"
#include "domain/platform_clock.h"
#include "domain/roles.h"
#include "domain/users.h"

namespace patnav::app {

struct AccountsOptions {
  domain::SessionPolicy sessions;   // idle 30 min, absolute 12 h
  domain::ThrottlePolicy throttle;  // 5 per account, 20 per address, in 15 min
  domain::PasswordCost password_cost = domain::PasswordCost::kInteractive;
  const domain::Clock* clock = nullptr;  // the system clock when null
};

struct AddUserRequest {
  std::string username;
  std::string display_name;  // optional
  std::string password;
  std::vector<domain::Grant> grants;  // granted in the same transaction (checked as GrantRole does)
};

struct SetPasswordRequest {
  std::string username;
  std::string new_password;
  // Required when callers change their own password (not for administrators
  // changing another's, nor for the command line).
  std::string current_password;
};

struct GrantRoleRequest {
  std::string username;
  domain::Grant grant;  // id ignored
};

struct LoginRequest {
  std::string username, password;
  std::string client_address;  // the peer; counted by the throttle when not empty
  std::string user_agent;
};

struct LoginResult {
  std::string token;       // the session secret: for the cookie only, never logged
  domain::User user;       // with the user's grants
  std::string expires_at;  // the absolute end, ISO 8601 UTC
};

struct LoginOutcome {
  // OK; Unauthenticated "wrong username or password"; ResourceExhausted
  // when throttled (then retry_after_seconds > 0); InvalidArgument for an
  // empty username or password.
  Status status;
  int64_t retry_after_seconds = 0;
  LoginResult result;  // when OK
};

struct CreateApiTokenRequest {
  std::string username;  // empty: the caller
  domain::Grant scope;   // a grant the user holds (and, unless administrator, the caller holds)
  std::string name;      // optional label
  int days = 0;          // 1..365
};

struct ListApiTokensRequest {
  std::string username;  // empty: the caller's own (the command line: everyone's)
};

struct AuditRecord {
  std::string action;  // "pool.create"
  std::string object;  // "pool:LTE"
  std::string alliance;
  Status outcome;      // OK, or the refusal (its code name is stored, its message as detail)
  std::string detail;  // optional; overrides the refusal message
};

class Accounts {
 public:
  explicit Accounts(Workspace& workspace, AccountsOptions options = {});

  // --- Users (kAdministerUsers unless said otherwise) ---
  // InvalidArgument (bad name, password or grant), AlreadyExists, NotFound
  // (a grant's alliance, member or licensee).
  Result<domain::User> AddUser(const Caller& caller, const AddUserRequest& req);
  // The caller's own password, or anyone's for an administrator. Revokes the
  // user's sessions. PermissionDenied for a wrong current password.
  Status SetPassword(const Caller& caller, const SetPasswordRequest& req);
  // Revokes the user's sessions and API tokens at once. FailedPrecondition
  // when already disabled or when callers would disable themselves.
  Status DisableUser(const Caller& caller, const std::string& username);
  Result<std::vector<domain::User>> ListUsers(const Caller& caller);
  // The signed-in user's own record; grants are the caller's (a token's
  // caller sees only the token's grant).
  Result<domain::User> Me(const Caller& caller);
  // NotFound when the grant's alliance (operator, member, licensee, analyst
  // with an alliance), member (in that alliance) or licensee does not exist.
  Result<domain::Grant> GrantRole(const Caller& caller, const GrantRoleRequest& req);
  Status RevokeRole(const Caller& caller, const GrantRoleRequest& req);

  // --- Sessions (no caller: these establish one) ---
  LoginOutcome Login(const LoginRequest& req);
  // Unauthenticated when the token is unknown or already revoked.
  Status Logout(std::string_view session_token, const std::string& client_address = "");
  // The caller of a session cookie; Unauthenticated when expired, revoked,
  // forged or its user disabled.
  Result<Caller> Authenticate(std::string_view session_token);
  // The caller of `Authorization: Bearer pnt_...`, with only the token's grant.
  Result<Caller> AuthenticateBearer(std::string_view api_token);

  // --- API tokens (own, or kAdministerUsers) ---
  // The secret is in the result once and never again.
  Result<domain::CreatedApiToken> CreateApiToken(const Caller& caller, const CreateApiTokenRequest& req);
  Result<std::vector<domain::ApiToken>> ListApiTokens(const Caller& caller, const ListApiTokensRequest& req);
  // NotFound for an unknown id or another user's token (to non-administrators).
  Status RevokeApiToken(const Caller& caller, int64_t token_id);

  // --- Audit ---
  // Appends one row for a state-changing call of another area (no
  // authorisation: the call itself was authorised). Actor, user id and
  // client address come from the caller.
  Status RecordAudit(const Caller& caller, const AuditRecord& record);
  // Administrators: every row; operators: rows of their alliances only
  // (NotFound "unknown alliance" when the filter names another).
  Result<domain::AuditPage> ReadAudit(const Caller& caller, const domain::AuditFilter& filter);

 private:
  int64_t Now() const;
  // Runs `change` in one platform.db transaction with its audit row; on a
  // refusal, appends the refusal's audit row on its own.
  Status Audited(const Caller& caller, const AuditRecord& what,
                 const std::function<Status(domain::PlatformDb&)>& change);
  // Appends the audit row of `refusal` (when not OK) and returns it.
  Status Refused(const Caller& caller, const AuditRecord& what, const Status& refusal);
  domain::AuditEntry EntryFor(const Caller& caller, const AuditRecord& record) const;
  Status CheckGrantTargets(const domain::Grant& grant);

  Workspace& ws_;
  AccountsOptions options_;
};

}  // namespace patnav::app
