// Failed-login counting in platform.db's login_attempt (login_throttle.h).
#include "domain/login_throttle.h"

#include <algorithm>

#include "base/utf8.h"
#include "domain/platform_clock.h"
#include "domain/users.h"

namespace patnav::domain {

namespace {

// Seconds until fewer than `limit` attempts under `key` lie in the window
// ending at `now`; 0 when there already are fewer.
Result<int64_t> WaitFor(PlatformDb& db, const std::string& key, int limit, int64_t now, int64_t window) {
  ASSIGN_OR_RETURN(Statement s, db.db().Prepare(
      "SELECT at FROM login_attempt WHERE key = ?1 AND at > ?2 ORDER BY at DESC LIMIT 1 OFFSET ?3"));
  const std::string since = FormatIsoUtc(now - window);
  s.BindText(1, key);
  s.BindText(2, since);
  s.BindInt64(3, limit - 1);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return int64_t{0};
  // The limit-th newest attempt must leave the window before another is allowed.
  ASSIGN_OR_RETURN(int64_t at, ParseIsoUtc(s.ColumnText(0)));
  return std::max<int64_t>(1, at + window - now);
}

Result<int64_t> Record(PlatformDb& db, const std::string& key, int64_t now) {
  ASSIGN_OR_RETURN(Statement s, db.db().Prepare("INSERT INTO login_attempt(key, at) VALUES (?1, ?2)"));
  const std::string at = FormatIsoUtc(now);
  s.BindText(1, key);
  s.BindText(2, at);
  RETURN_IF_ERROR(s.Run());
  return db.db().LastInsertRowid();
}

std::string AccountKey(std::string_view username) {
  return "user:" + (IsValidUtf8(username) ? UsernameKey(username) : std::string(username));
}

}  // namespace

Result<ThrottleDecision> ReserveLoginAttempt(PlatformDb& db, std::string_view username,
                                             std::string_view client_address, int64_t now,
                                             const ThrottlePolicy& policy) {
  ThrottleDecision d;
  d.ticket.account_key = AccountKey(username);
  const std::string address_key = "addr:" + std::string(client_address);
  RETURN_IF_ERROR(db.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Statement prune, db.db().Prepare("DELETE FROM login_attempt WHERE at <= ?1"));
    const std::string horizon = FormatIsoUtc(now - policy.window_seconds);
    prune.BindText(1, horizon);
    RETURN_IF_ERROR(prune.Run());
    ASSIGN_OR_RETURN(int64_t wait, WaitFor(db, d.ticket.account_key, policy.max_per_account, now, policy.window_seconds));
    if (!client_address.empty()) {
      ASSIGN_OR_RETURN(int64_t address_wait,
                       WaitFor(db, address_key, policy.max_per_address, now, policy.window_seconds));
      wait = std::max(wait, address_wait);
    }
    if (wait > 0) {
      d.retry_after_seconds = wait;
      return Status::OK();
    }
    d.allowed = true;
    ASSIGN_OR_RETURN(int64_t unused, Record(db, d.ticket.account_key, now));
    (void)unused;
    if (!client_address.empty()) {
      ASSIGN_OR_RETURN(d.ticket.address_attempt, Record(db, address_key, now));
    }
    return Status::OK();
  }));
  return d;
}

Status LoginAttemptSucceeded(PlatformDb& db, const AttemptTicket& ticket) {
  return db.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Statement s, db.db().Prepare("DELETE FROM login_attempt WHERE key = ?1 OR id = ?2"));
    s.BindText(1, ticket.account_key);
    s.BindInt64(2, ticket.address_attempt);
    return s.Run();
  });
}

}  // namespace patnav::domain
