// The login sequence (login.h).
#include "domain/login.h"

#include <optional>

namespace patnav::domain {

namespace {

Status WrongCredentials() { return Status::Unauthenticated("wrong username or password"); }

}  // namespace

LoginOutcome Login(const PlatformAccess& with_db, const LoginRequest& req, int64_t now, const LoginPolicy& policy) {
  LoginOutcome out;
  ThrottleDecision decision;
  std::optional<StoredCredentials> creds;
  out.status = with_db([&](PlatformDb& db) -> Status {
    ASSIGN_OR_RETURN(decision, ReserveLoginAttempt(db, req.username, req.client_address, now, policy.throttle));
    if (!decision.allowed) return Status::OK();
    ASSIGN_OR_RETURN(creds, LoadCredentials(db, req.username));
    return Status::OK();
  });
  if (!out.status.ok()) return out;
  if (!decision.allowed) {
    out.retry_after_seconds = decision.retry_after_seconds;
    out.status = Status::ResourceExhausted("too many failed logins: try again in " +
                                           std::to_string(decision.retry_after_seconds) + " seconds");
    return out;
  }

  bool right = false;
  if (creds) {
    right = VerifyPassword(creds->password_hash, req.password) && !creds->disabled;
  } else {
    VerifyAgainstDummy(req.password, policy.cost);
  }
  if (!right) {
    out.status = WrongCredentials();
    return out;
  }
  std::optional<std::string> rehash;
  if (NeedsRehash(creds->password_hash, policy.cost)) {
    Result<std::string> h = HashPassword(req.password, policy.cost);
    if (h.ok()) rehash = *h;
  }

  out.status = with_db([&](PlatformDb& db) -> Status {
    return db.Write([&]() -> Status {
      ASSIGN_OR_RETURN(out.user, FindUserById(db, creds->user_id));
      if (out.user.disabled()) return WrongCredentials();  // disabled while the password was checked
      RETURN_IF_ERROR(LoginAttemptSucceeded(db, decision.ticket));
      if (rehash) RETURN_IF_ERROR(ReplacePasswordHash(db, creds->user_id, *rehash));
      ASSIGN_OR_RETURN(out.session,
                       CreateSession(db, creds->user_id, req.client_address, req.user_agent, now, policy.sessions));
      return Status::OK();
    });
  });
  return out;
}

}  // namespace patnav::domain
