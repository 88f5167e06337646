// Accounts, sessions, API tokens and the audit trail as application calls
// (accounts.h): authorisation, tenancy checks against operations.db, and an
// audit row for every change.
#include "app/accounts.h"

#include "app/authorize.h"
#include "base/status_table.h"
#include "domain/alliance.h"
#include "domain/licensing.h"
#include "domain/members.h"
#include "domain/password_hash.h"
#include "domain/sessions.h"

namespace patnav::app {

namespace {

std::string UserObject(std::string_view username) {
  return domain::ValidateUsername(username).ok() ? "user:" + std::string(username) : std::string("user:?");
}

bool IsSelf(const Caller& caller, const domain::User& target) {
  return !caller.local && caller.user_id != 0 && caller.user_id == target.id;
}

bool CallerHolds(const Caller& caller, const domain::Grant& grant) {
  for (const domain::Grant& g : caller.grants)
    if (domain::SameGrant(g, grant)) return true;
  return false;
}

Caller CallerOf(const domain::User& user) {
  Caller c;
  c.user_id = user.id;
  c.username = user.username;
  c.grants = user.grants;
  return c;
}

// Signed-in callers only (the command line counts as signed in).
Status RequireIdentity(const Caller& caller) {
  if (caller.local) return Status::OK();
  if (caller.anonymous || caller.user_id == 0) return Status::Unauthenticated("sign in first");
  return Status::OK();
}

}  // namespace

Accounts::Accounts(Workspace& workspace, AccountsOptions options) : ws_(workspace), options_(std::move(options)) {}

int64_t Accounts::Now() const { return (options_.clock ? *options_.clock : domain::SystemClock()).Now(); }

domain::AuditEntry Accounts::EntryFor(const Caller& caller, const AuditRecord& r) const {
  domain::AuditEntry e;
  e.at = domain::FormatIsoUtc(Now());
  e.actor = caller.Actor();
  if (e.actor.empty()) e.actor = "anonymous";
  e.actor_user_id = caller.user_id;
  e.client_address = caller.client_address;
  e.action = r.action;
  e.object = r.object;
  e.alliance = r.alliance;
  e.outcome = r.outcome.ok() ? "ok" : StatusCodeName(r.outcome.code());
  e.detail = !r.detail.empty() ? r.detail : r.outcome.message();
  return e;
}

Status Accounts::Audited(const Caller& caller, const AuditRecord& what,
                         const std::function<Status(domain::PlatformDb&)>& change) {
  Status st = ws_.WithPlatform([&](domain::PlatformDb& db) -> Status {
    return db.Write([&]() -> Status {
      RETURN_IF_ERROR(change(db));
      return domain::AppendAudit(db, EntryFor(caller, what)).status();
    });
  });
  return Refused(caller, what, st);
}

Status Accounts::Refused(const Caller& caller, const AuditRecord& what, const Status& refusal) {
  if (refusal.ok()) return refusal;
  AuditRecord refused = what;
  refused.outcome = refusal;
  refused.detail.clear();
  (void)RecordAudit(caller, refused);  // the refusal stands whether or not its row could be written
  return refusal;
}

Status Accounts::RecordAudit(const Caller& caller, const AuditRecord& record) {
  return ws_.WithPlatform(
      [&](domain::PlatformDb& db) { return domain::AppendAudit(db, EntryFor(caller, record)).status(); });
}

Status Accounts::CheckGrantTargets(const domain::Grant& g) {
  RETURN_IF_ERROR(domain::ValidateGrant(g));
  const bool needs_alliance = !g.alliance.empty();
  const bool needs_member = g.role == domain::Role::kMember;
  const bool needs_licensee = g.role == domain::Role::kLicensee;
  if (!needs_alliance && !needs_member && !needs_licensee) return Status::OK();
  Status st = ws_.WithOperations(
      [&](domain::OperationsDb& ops) -> Status {
        if (needs_alliance) RETURN_IF_ERROR(domain::FindAlliance(ops, g.alliance).status());
        if (needs_member) {
          Result<domain::Member> m = domain::FindMember(ops, g.member);
          if (!m.ok() || m->alliance != g.alliance)
            return Status::NotFound("unknown member '" + g.member + "' in alliance '" + g.alliance + "'");
        }
        if (needs_licensee) {
          Result<domain::Licensee> l = domain::FindLicensee(ops, g.licensee);
          if (!l.ok() || l->alliance != g.alliance)
            return Status::NotFound("unknown licensee '" + g.licensee + "' in alliance '" + g.alliance + "'");
        }
        return Status::OK();
      },
      /*create=*/false);
  if (st.code() == StatusCode::kNotFound && needs_alliance && st.message().rfind("unknown ", 0) != 0)
    return Status::NotFound("unknown alliance '" + g.alliance + "'");  // no operations.db yet
  return st;
}

Result<domain::User> Accounts::AddUser(const Caller& caller, const AddUserRequest& req) {
  AuditRecord what{"user.add", UserObject(req.username), "", Status::OK(), ""};
  RETURN_IF_ERROR(Refused(caller, what, Authorize(caller, Action::kAdministerUsers)));
  for (const domain::Grant& g : req.grants) RETURN_IF_ERROR(Refused(caller, what, CheckGrantTargets(g)));
  domain::User added;
  RETURN_IF_ERROR(Audited(caller, what, [&](domain::PlatformDb& db) -> Status {
    ASSIGN_OR_RETURN(added, domain::AddUser(db, {req.username, req.display_name, req.password},
                                            options_.password_cost, Now()));
    for (const domain::Grant& g : req.grants) {
      ASSIGN_OR_RETURN(domain::Grant stored, domain::AddGrant(db, added.username, g, Now()));
      added.grants.push_back(stored);
    }
    return Status::OK();
  }));
  return added;
}

Status Accounts::SetPassword(const Caller& caller, const SetPasswordRequest& req) {
  RETURN_IF_ERROR(RequireIdentity(caller));
  AuditRecord what{"user.passwd", UserObject(req.username), "", Status::OK(), ""};
  return Audited(caller, what, [&](domain::PlatformDb& db) -> Status {
    Result<domain::User> target = domain::FindUser(db, req.username);
    if (!target.ok() || !IsSelf(caller, *target)) {
      RETURN_IF_ERROR(Authorize(caller, Action::kAdministerUsers));
      RETURN_IF_ERROR(target.status());
    } else {
      ASSIGN_OR_RETURN(auto creds, domain::LoadCredentials(db, target->username));
      if (!creds || !domain::VerifyPassword(creds->password_hash, req.current_password))
        return Status::PermissionDenied("the current password is wrong");
    }
    return domain::SetPassword(db, target->username, req.new_password, options_.password_cost, Now());
  });
}

Status Accounts::DisableUser(const Caller& caller, const std::string& username) {
  AuditRecord what{"user.disable", UserObject(username), "", Status::OK(), ""};
  RETURN_IF_ERROR(Refused(caller, what, Authorize(caller, Action::kAdministerUsers)));
  return Audited(caller, what, [&](domain::PlatformDb& db) -> Status {
    ASSIGN_OR_RETURN(domain::User target, domain::FindUser(db, username));
    if (IsSelf(caller, target)) return Status::FailedPrecondition("you cannot disable your own account");
    return domain::DisableUser(db, username, Now());
  });
}

Result<std::vector<domain::User>> Accounts::ListUsers(const Caller& caller) {
  RETURN_IF_ERROR(Authorize(caller, Action::kAdministerUsers));
  std::vector<domain::User> users;
  RETURN_IF_ERROR(ws_.WithPlatform([&](domain::PlatformDb& db) -> Status {
    ASSIGN_OR_RETURN(users, domain::ListUsers(db));
    return Status::OK();
  }));
  return users;
}

Result<domain::User> Accounts::Me(const Caller& caller) {
  if (caller.local || caller.anonymous || caller.user_id == 0) return Status::Unauthenticated("sign in first");
  domain::User me;
  RETURN_IF_ERROR(ws_.WithPlatform([&](domain::PlatformDb& db) -> Status {
    ASSIGN_OR_RETURN(me, domain::FindUserById(db, caller.user_id));
    return Status::OK();
  }));
  me.grants = caller.grants;
  return me;
}

Result<domain::Grant> Accounts::GrantRole(const Caller& caller, const GrantRoleRequest& req) {
  AuditRecord what{"user.grant", UserObject(req.username), req.grant.alliance, Status::OK(),
                   std::string("role ") + domain::RoleName(req.grant.role)};
  RETURN_IF_ERROR(Refused(caller, what, Authorize(caller, Action::kAdministerUsers)));
  RETURN_IF_ERROR(Refused(caller, what, CheckGrantTargets(req.grant)));
  domain::Grant stored;
  RETURN_IF_ERROR(Audited(caller, what, [&](domain::PlatformDb& db) -> Status {
    ASSIGN_OR_RETURN(stored, domain::AddGrant(db, req.username, req.grant, Now()));
    return Status::OK();
  }));
  return stored;
}

Status Accounts::RevokeRole(const Caller& caller, const GrantRoleRequest& req) {
  AuditRecord what{"user.revoke", UserObject(req.username), req.grant.alliance, Status::OK(),
                   std::string("role ") + domain::RoleName(req.grant.role)};
  RETURN_IF_ERROR(Refused(caller, what, Authorize(caller, Action::kAdministerUsers)));
  return Audited(caller, what, [&](domain::PlatformDb& db) -> Status {
    RETURN_IF_ERROR(domain::ValidateGrant(req.grant));
    return domain::RemoveGrant(db, req.username, req.grant, Now());
  });
}

LoginOutcome Accounts::Login(const LoginRequest& req) {
  LoginOutcome out;
  Caller who = Caller::Anonymous();
  who.client_address = req.client_address;
  AuditRecord what{"session.login", UserObject(req.username), "", Status::OK(), ""};
  if (req.username.empty() || req.password.empty()) {
    out.status = Status::InvalidArgument("give a username and a password");
    return out;
  }
  domain::LoginPolicy policy{options_.sessions, options_.throttle, options_.password_cost};
  domain::LoginOutcome d = domain::Login(
      [&](const std::function<Status(domain::PlatformDb&)>& fn) { return ws_.WithPlatform(fn); },
      {req.username, req.password, req.client_address, req.user_agent}, Now(), policy);
  out.status = d.status;
  out.retry_after_seconds = d.retry_after_seconds;
  if (d.status.ok()) {
    out.result.token = std::move(d.session.token);
    out.result.expires_at = d.session.expires_at;
    out.result.user = d.user;
    who = CallerOf(d.user);
    who.client_address = req.client_address;
  }
  what.outcome = d.status;
  (void)RecordAudit(who, what);
  return out;
}

Status Accounts::Logout(std::string_view session_token, const std::string& client_address) {
  Caller who = Caller::Anonymous();
  who.client_address = client_address;
  Status st = ws_.WithPlatform([&](domain::PlatformDb& db) -> Status {
    Result<domain::SessionInfo> info = domain::LookupSession(db, session_token, Now(), options_.sessions);
    if (info.ok()) who = CallerOf(info->user);
    who.client_address = client_address;
    return domain::RevokeSession(db, session_token, Now());
  });
  if (st.ok()) (void)RecordAudit(who, {"session.logout", UserObject(who.username), "", Status::OK(), ""});
  return st;
}

Result<Caller> Accounts::Authenticate(std::string_view session_token) {
  Caller c;
  RETURN_IF_ERROR(ws_.WithPlatform([&](domain::PlatformDb& db) -> Status {
    ASSIGN_OR_RETURN(domain::SessionInfo info, domain::LookupSession(db, session_token, Now(), options_.sessions));
    c = CallerOf(info.user);
    return Status::OK();
  }));
  return c;
}

Result<Caller> Accounts::AuthenticateBearer(std::string_view api_token) {
  Caller c;
  RETURN_IF_ERROR(ws_.WithPlatform([&](domain::PlatformDb& db) -> Status {
    ASSIGN_OR_RETURN(domain::ApiTokenIdentity id, domain::LookupApiToken(db, api_token, Now()));
    c = CallerOf(id.user);
    return Status::OK();
  }));
  return c;
}

Result<domain::CreatedApiToken> Accounts::CreateApiToken(const Caller& caller, const CreateApiTokenRequest& req) {
  RETURN_IF_ERROR(RequireIdentity(caller));
  const std::string username = req.username.empty() ? caller.username : req.username;
  AuditRecord what{"token.create", UserObject(username), req.scope.alliance, Status::OK(),
                   std::string("scope ") + domain::RoleName(req.scope.role)};
  domain::CreatedApiToken created;
  RETURN_IF_ERROR(Audited(caller, what, [&](domain::PlatformDb& db) -> Status {
    Result<domain::User> target = domain::FindUser(db, username);
    if (!target.ok() || !IsSelf(caller, *target)) {
      RETURN_IF_ERROR(Authorize(caller, Action::kAdministerUsers));
      RETURN_IF_ERROR(target.status());
    } else if (!caller.IsAdministrator() && !CallerHolds(caller, req.scope)) {
      return Status::PermissionDenied("a token can only carry a grant you hold in this session");
    }
    ASSIGN_OR_RETURN(created, domain::CreateApiToken(db, {target->username, req.scope, req.name, req.days}, Now()));
    return Status::OK();
  }));
  return created;
}

Result<std::vector<domain::ApiToken>> Accounts::ListApiTokens(const Caller& caller, const ListApiTokensRequest& req) {
  RETURN_IF_ERROR(RequireIdentity(caller));
  std::vector<domain::ApiToken> tokens;
  RETURN_IF_ERROR(ws_.WithPlatform([&](domain::PlatformDb& db) -> Status {
    std::string username = req.username;
    if (username.empty() && !caller.local) username = caller.username;
    if (!username.empty()) {
      Result<domain::User> target = domain::FindUser(db, username);
      if (!target.ok() || !IsSelf(caller, *target)) {
        RETURN_IF_ERROR(Authorize(caller, Action::kAdministerUsers));
        RETURN_IF_ERROR(target.status());
      }
    }
    ASSIGN_OR_RETURN(tokens, domain::ListApiTokens(db, username));
    return Status::OK();
  }));
  return tokens;
}

Status Accounts::RevokeApiToken(const Caller& caller, int64_t token_id) {
  RETURN_IF_ERROR(RequireIdentity(caller));
  AuditRecord what{"token.revoke", "token:" + std::to_string(token_id), "", Status::OK(), ""};
  return Audited(caller, what, [&](domain::PlatformDb& db) -> Status {
    Result<domain::ApiToken> token = domain::FindApiToken(db, token_id);
    const bool own = token.ok() && !caller.local && token->user_id == caller.user_id;
    if (!own && !caller.IsAdministrator())
      return Status::NotFound("unknown API token " + std::to_string(token_id));
    RETURN_IF_ERROR(token.status());
    return domain::RevokeApiToken(db, token_id, Now());
  });
}

Result<domain::AuditPage> Accounts::ReadAudit(const Caller& caller, const domain::AuditFilter& filter) {
  RETURN_IF_ERROR(Authorize(caller, Action::kReadAudit));
  domain::AuditFilter f = filter;
  if (!caller.IsAdministrator()) {
    f.only_alliances.clear();
    for (const domain::Grant& g : caller.grants)
      if (g.role == domain::Role::kOperator) f.only_alliances.push_back(g.alliance);
    if (f.only_alliances.empty()) return Status::PermissionDenied("only operators and administrators read the audit trail");
    bool own = f.alliance.empty();
    for (const std::string& a : f.only_alliances) own = own || a == f.alliance;
    if (!own) return Status::NotFound("unknown alliance '" + f.alliance + "'");
  }
  domain::AuditPage page;
  RETURN_IF_ERROR(ws_.WithPlatform([&](domain::PlatformDb& db) -> Status {
    ASSIGN_OR_RETURN(page, domain::QueryAudit(db, f));
    return Status::OK();
  }));
  return page;
}

}  // namespace patnav::app
