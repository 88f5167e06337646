// Sessions in platform.db (sessions.h).
#include "domain/sessions.h"

#include "base/utf8.h"
#include "domain/platform_clock.h"
#include "domain/secret_token.h"

namespace patnav::domain {

namespace {

constexpr size_t kMaxRecordedBytes = 256;

std::string Recordable(std::string_view text) {
  if (!IsValidUtf8(text)) return std::string();
  std::string_view cut = text.substr(0, kMaxRecordedBytes);
  while (!IsValidUtf8(cut)) cut.remove_suffix(1);  // a character cut in half
  return std::string(cut);
}

Status Expired() { return Status::Unauthenticated("session expired or unknown: sign in again"); }

}  // namespace

Result<NewSession> CreateSession(PlatformDb& db, int64_t user_id, std::string_view client_address,
                                 std::string_view user_agent, int64_t now, const SessionPolicy& policy) {
  ASSIGN_OR_RETURN(std::string token, NewSecretToken());
  NewSession out;
  out.expires_at = FormatIsoUtc(now + policy.absolute_seconds);
  RETURN_IF_ERROR(db.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Statement s, db.db().Prepare(
        "INSERT INTO session(token_hash, user_id, created_at, last_seen_at, expires_at, client_address, user_agent) "
        "VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6)"));
    const std::string hash = TokenHash(token), at = FormatIsoUtc(now);
    const std::string address = Recordable(client_address), agent = Recordable(user_agent);
    s.BindText(1, hash);
    s.BindInt64(2, user_id);
    s.BindText(3, at);
    s.BindText(4, out.expires_at);
    s.BindText(5, address);
    s.BindText(6, agent);
    return s.Run();
  }));
  out.token = std::move(token);
  return out;
}

Result<SessionInfo> LookupSession(PlatformDb& db, std::string_view token, int64_t now, const SessionPolicy& policy) {
  if (token.empty() || token.size() > 128) return Expired();
  const std::string hash = TokenHash(token);
  ASSIGN_OR_RETURN(Statement s, db.db().Prepare(
      "SELECT token_hash, user_id, created_at, last_seen_at, expires_at, revoked_at IS NOT NULL "
      "FROM session WHERE token_hash = ?1"));
  s.BindText(1, hash);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row || !SameTokenHash(s.ColumnText(0), hash) || s.ColumnInt64(5) != 0) return Expired();
  SessionInfo info;
  const int64_t user_id = s.ColumnInt64(1);
  info.created_at = s.ColumnText(2);
  info.last_seen_at = s.ColumnText(3);
  info.expires_at = s.ColumnText(4);
  s.Reset();
  ASSIGN_OR_RETURN(int64_t created, ParseIsoUtc(info.created_at));
  ASSIGN_OR_RETURN(int64_t last_seen, ParseIsoUtc(info.last_seen_at));
  ASSIGN_OR_RETURN(int64_t expires, ParseIsoUtc(info.expires_at));
  if (now >= expires || now >= created + policy.absolute_seconds) return Expired();
  if (now - last_seen >= policy.idle_seconds) return Expired();
  ASSIGN_OR_RETURN(info.user, FindUserById(db, user_id));
  if (info.user.disabled()) return Expired();
  if (now - last_seen >= policy.touch_interval_seconds) {
    info.last_seen_at = FormatIsoUtc(now);
    RETURN_IF_ERROR(db.Write([&]() -> Status {
      ASSIGN_OR_RETURN(Statement u, db.db().Prepare("UPDATE session SET last_seen_at = ?1 WHERE token_hash = ?2"));
      u.BindText(1, info.last_seen_at);
      u.BindText(2, hash);
      return u.Run();
    }));
  }
  return info;
}

Status RevokeSession(PlatformDb& db, std::string_view token, int64_t now) {
  if (token.empty() || token.size() > 128) return Expired();
  const std::string hash = TokenHash(token);
  return db.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Statement s, db.db().Prepare(
        "UPDATE session SET revoked_at = ?1 WHERE token_hash = ?2 AND revoked_at IS NULL"));
    const std::string at = FormatIsoUtc(now);
    s.BindText(1, at);
    s.BindText(2, hash);
    RETURN_IF_ERROR(s.Run());
    ASSIGN_OR_RETURN(int64_t changed, db.db().QueryInt64("SELECT changes()"));
    if (changed == 0) return Expired();
    return Status::OK();
  });
}

Status RevokeSessionsOfUser(PlatformDb& db, int64_t user_id, int64_t now) {
  return db.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Statement s, db.db().Prepare(
        "UPDATE session SET revoked_at = ?1 WHERE user_id = ?2 AND revoked_at IS NULL"));
    const std::string at = FormatIsoUtc(now);
    s.BindText(1, at);
    s.BindInt64(2, user_id);
    return s.Run();
  });
}

}  // namespace patnav::domain
