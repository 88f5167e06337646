// API tokens in platform.db (api_tokens.h).
#include "domain/api_tokens.h"

#include "base/utf8.h"
#include "domain/platform_clock.h"
#include "domain/secret_token.h"

namespace patnav::domain {

namespace {

constexpr size_t kMaxNameChars = 100;
constexpr int64_t kTouchIntervalSeconds = 60;
constexpr int64_t kSecondsPerDay = 24 * 60 * 60;

constexpr const char* kTokenColumns =
    "SELECT t.id, t.user_id, u.username, t.name, t.role, t.alliance, t.member, t.licensee, t.province, "
    "t.created_at, t.expires_at, coalesce(t.revoked_at, ''), coalesce(t.last_used_at, '') "
    "FROM api_token t JOIN user u ON u.id = t.user_id";

Result<ApiToken> ReadToken(const Statement& s) {
  ApiToken t;
  t.id = s.ColumnInt64(0);
  t.user_id = s.ColumnInt64(1);
  t.username = s.ColumnText(2);
  t.name = s.ColumnText(3);
  ASSIGN_OR_RETURN(t.scope.role, ParseRole(s.ColumnText(4)));
  t.scope.alliance = s.ColumnText(5);
  t.scope.member = s.ColumnText(6);
  t.scope.licensee = s.ColumnText(7);
  t.scope.province = s.ColumnText(8);
  t.created_at = s.ColumnText(9);
  t.expires_at = s.ColumnText(10);
  t.revoked_at = s.ColumnText(11);
  t.last_used_at = s.ColumnText(12);
  return t;
}

Status Refused() { return Status::Unauthenticated("API token expired, revoked or unknown"); }

Status CheckLabel(std::string_view name) {
  if (!IsValidUtf8(name)) return Status::InvalidArgument("the token name is not valid UTF-8");
  if (CountCodePoints(name) > kMaxNameChars) return Status::InvalidArgument("the token name is longer than 100 characters");
  for (unsigned char c : name)
    if (c < 0x20 || c == 0x7f) return Status::InvalidArgument("the token name contains a control character");
  return Status::OK();
}

}  // namespace

Result<CreatedApiToken> CreateApiToken(PlatformDb& db, const ApiTokenInput& in, int64_t now) {
  if (in.days < 1 || in.days > kMaxApiTokenDays)
    return Status::InvalidArgument("an API token lives 1 to 365 days, not " + std::to_string(in.days));
  RETURN_IF_ERROR(CheckLabel(in.name));
  RETURN_IF_ERROR(ValidateGrant(in.scope));
  ASSIGN_OR_RETURN(std::string secret, NewSecretToken());
  CreatedApiToken out;
  out.token = std::string(kApiTokenPrefix) + secret;
  RETURN_IF_ERROR(db.Write([&]() -> Status {
    ASSIGN_OR_RETURN(User u, FindUser(db, in.username));
    if (u.disabled()) return Status::FailedPrecondition("user '" + u.username + "' is disabled");
    bool holds = false;
    for (const Grant& g : u.grants) holds = holds || SameGrant(g, in.scope);
    if (!holds)
      return Status::PermissionDenied("user '" + u.username + "' does not hold the " + RoleName(in.scope.role) +
                                      " grant the token is scoped to");
    ASSIGN_OR_RETURN(Statement s, db.db().Prepare(
        "INSERT INTO api_token(token_hash, user_id, name, role, alliance, member, licensee, province, created_at, "
        "expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"));
    const std::string hash = TokenHash(out.token), at = FormatIsoUtc(now),
                      expires = FormatIsoUtc(now + in.days * kSecondsPerDay);
    s.BindText(1, hash);
    s.BindInt64(2, u.id);
    s.BindText(3, in.name);
    s.BindText(4, RoleName(in.scope.role));
    s.BindText(5, in.scope.alliance);
    s.BindText(6, in.scope.member);
    s.BindText(7, in.scope.licensee);
    s.BindText(8, in.scope.province);
    s.BindText(9, at);
    s.BindText(10, expires);
    RETURN_IF_ERROR(s.Run());
    ASSIGN_OR_RETURN(out.info, FindApiToken(db, db.db().LastInsertRowid()));
    return Status::OK();
  }));
  return out;
}

Result<std::vector<ApiToken>> ListApiTokens(PlatformDb& db, std::string_view username) {
  std::string sql = kTokenColumns;
  int64_t user_id = 0;
  if (!username.empty()) {
    ASSIGN_OR_RETURN(User u, FindUser(db, username));
    user_id = u.id;
    sql += " WHERE t.user_id = ?1";
  }
  sql += " ORDER BY t.id DESC";
  ASSIGN_OR_RETURN(Statement s, db.db().Prepare(sql));
  if (user_id != 0) s.BindInt64(1, user_id);
  std::vector<ApiToken> out;
  while (true) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    ASSIGN_OR_RETURN(ApiToken t, ReadToken(s));
    out.push_back(std::move(t));
  }
  return out;
}

Result<ApiToken> FindApiToken(PlatformDb& db, int64_t id) {
  ASSIGN_OR_RETURN(Statement s, db.db().Prepare(std::string(kTokenColumns) + " WHERE t.id = ?1"));
  s.BindInt64(1, id);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::NotFound("unknown API token " + std::to_string(id));
  return ReadToken(s);
}

Status RevokeApiToken(PlatformDb& db, int64_t id, int64_t now) {
  return db.Write([&]() -> Status {
    ASSIGN_OR_RETURN(ApiToken t, FindApiToken(db, id));
    if (t.revoked()) return Status::FailedPrecondition("API token " + std::to_string(id) + " is already revoked");
    ASSIGN_OR_RETURN(Statement s, db.db().Prepare("UPDATE api_token SET revoked_at = ?1 WHERE id = ?2"));
    const std::string at = FormatIsoUtc(now);
    s.BindText(1, at);
    s.BindInt64(2, id);
    return s.Run();
  });
}

Status RevokeApiTokensOfUser(PlatformDb& db, int64_t user_id, int64_t now) {
  return db.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Statement s, db.db().Prepare(
        "UPDATE api_token SET revoked_at = ?1 WHERE user_id = ?2 AND revoked_at IS NULL"));
    const std::string at = FormatIsoUtc(now);
    s.BindText(1, at);
    s.BindInt64(2, user_id);
    return s.Run();
  });
}

Status RevokeApiTokensOfGrant(PlatformDb& db, int64_t user_id, const Grant& grant, int64_t now) {
  return db.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Statement s, db.db().Prepare(
        "UPDATE api_token SET revoked_at = ?1 WHERE user_id = ?2 AND revoked_at IS NULL AND role = ?3 AND "
        "alliance = ?4 AND member = ?5 AND licensee = ?6 AND province = ?7"));
    const std::string at = FormatIsoUtc(now);
    s.BindText(1, at);
    s.BindInt64(2, user_id);
    s.BindText(3, RoleName(grant.role));
    s.BindText(4, grant.alliance);
    s.BindText(5, grant.member);
    s.BindText(6, grant.licensee);
    s.BindText(7, grant.province);
    return s.Run();
  });
}

Result<ApiTokenIdentity> LookupApiToken(PlatformDb& db, std::string_view token, int64_t now) {
  const std::string_view prefix = kApiTokenPrefix;
  if (token.size() <= prefix.size() || token.size() > 128 || token.substr(0, prefix.size()) != prefix)
    return Refused();
  const std::string hash = TokenHash(token);
  ASSIGN_OR_RETURN(Statement s, db.db().Prepare(std::string(kTokenColumns) + " WHERE t.token_hash = ?1"));
  s.BindText(1, hash);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Refused();
  ASSIGN_OR_RETURN(ApiToken t, ReadToken(s));
  s.Reset();
  if (t.revoked()) return Refused();
  ASSIGN_OR_RETURN(int64_t expires, ParseIsoUtc(t.expires_at));
  if (now >= expires) return Refused();
  ApiTokenIdentity id;
  id.token_id = t.id;
  ASSIGN_OR_RETURN(id.user, FindUserById(db, t.user_id));
  if (id.user.disabled()) return Refused();
  std::vector<Grant> held = std::move(id.user.grants);
  id.user.grants.clear();
  for (const Grant& g : held)
    if (SameGrant(g, t.scope)) id.user.grants.push_back(g);
  if (id.user.grants.empty()) return Refused();
  int64_t last_used = 0;
  if (!t.last_used_at.empty()) {
    ASSIGN_OR_RETURN(last_used, ParseIsoUtc(t.last_used_at));
  }
  if (t.last_used_at.empty() || now - last_used >= kTouchIntervalSeconds) {
    RETURN_IF_ERROR(db.Write([&]() -> Status {
      ASSIGN_OR_RETURN(Statement u, db.db().Prepare("UPDATE api_token SET last_used_at = ?1 WHERE id = ?2"));
      const std::string at = FormatIsoUtc(now);
      u.BindText(1, at);
      u.BindInt64(2, t.id);
      return u.Run();
    }));
  }
  return id;
}

}  // namespace patnav::domain
