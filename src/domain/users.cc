// Accounts and their grants in platform.db (users.h).
#include "domain/users.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "base/utf8.h"
#include "domain/api_tokens.h"
#include "domain/platform_clock.h"
#include "domain/sessions.h"

namespace patnav::domain {

namespace {

constexpr size_t kMaxUsernameChars = 64;
constexpr size_t kMinPasswordChars = 10;
constexpr size_t kMaxPasswordBytes = 1024;
constexpr size_t kMaxDisplayNameChars = 200;

constexpr const char* kUserColumns =
    "SELECT id, username, display_name, created_at, password_changed_at, coalesce(disabled_at, '') FROM user";

User ReadUser(const Statement& s) {
  User u;
  u.id = s.ColumnInt64(0);
  u.username = s.ColumnText(1);
  u.display_name = s.ColumnText(2);
  u.created_at = s.ColumnText(3);
  u.password_changed_at = s.ColumnText(4);
  u.disabled_at = s.ColumnText(5);
  return u;
}

Status CheckDisplayName(std::string_view name) {
  if (!IsValidUtf8(name)) return Status::InvalidArgument("the display name is not valid UTF-8");
  if (CountCodePoints(name) > kMaxDisplayNameChars)
    return Status::InvalidArgument("the display name is longer than 200 characters");
  for (unsigned char c : name)
    if (c < 0x20 || c == 0x7f) return Status::InvalidArgument("the display name contains a control character");
  return Status::OK();
}

}  // namespace

Status ValidateUsername(std::string_view username) {
  if (username.empty()) return Status::InvalidArgument("the username is empty");
  if (!IsValidUtf8(username)) return Status::InvalidArgument("the username is not valid UTF-8");
  size_t chars = 0;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(username.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(username.data(), i, n, c);
    ++chars;
    if (!(u_isalpha(c) || u_isdigit(c) || c == '.' || c == '_' || c == '-'))
      return Status::InvalidArgument("username '" + std::string(username) +
                                     "': only letters, digits, '.', '_' and '-' are allowed");
  }
  if (chars > kMaxUsernameChars) return Status::InvalidArgument("the username is longer than 64 characters");
  return Status::OK();
}

std::string UsernameKey(std::string_view username) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* fold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(username.data(), static_cast<int32_t>(username.size())));
  icu::UnicodeString folded = U_SUCCESS(status) ? fold->normalize(u, status) : u.foldCase();
  if (U_FAILURE(status)) folded = u.foldCase();
  std::string out;
  folded.toUTF8String(out);
  return out;
}

Status ValidatePassword(std::string_view password, std::string_view username) {
  if (!IsValidUtf8(password)) return Status::InvalidArgument("the password is not valid UTF-8");
  if (CountCodePoints(password) < kMinPasswordChars)
    return Status::InvalidArgument("the password is shorter than 10 characters");
  if (password.size() > kMaxPasswordBytes) return Status::InvalidArgument("the password is longer than 1024 bytes");
  if (UsernameKey(password) == UsernameKey(username))
    return Status::InvalidArgument("the password must not be the username");
  return Status::OK();
}

Result<std::vector<Grant>> LoadGrants(PlatformDb& db, int64_t user_id) {
  ASSIGN_OR_RETURN(Statement s, db.db().Prepare(
      "SELECT id, role, alliance, member, licensee, province FROM \"grant\" WHERE user_id = ?1 ORDER BY id"));
  s.BindInt64(1, user_id);
  std::vector<Grant> out;
  while (true) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    Grant g;
    g.id = s.ColumnInt64(0);
    ASSIGN_OR_RETURN(g.role, ParseRole(s.ColumnText(1)));
    g.alliance = s.ColumnText(2);
    g.member = s.ColumnText(3);
    g.licensee = s.ColumnText(4);
    g.province = s.ColumnText(5);
    out.push_back(std::move(g));
  }
  return out;
}

Result<User> AddUser(PlatformDb& db, const NewUser& in, PasswordCost cost, int64_t now) {
  RETURN_IF_ERROR(ValidateUsername(in.username));
  RETURN_IF_ERROR(ValidatePassword(in.password, in.username));
  RETURN_IF_ERROR(CheckDisplayName(in.display_name));
  const std::string key = UsernameKey(in.username);
  ASSIGN_OR_RETURN(std::string hash, HashPassword(in.password, cost));
  const std::string at = FormatIsoUtc(now);
  int64_t id = 0;
  RETURN_IF_ERROR(db.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Statement q, db.db().Prepare("SELECT username FROM user WHERE username_key = ?1"));
    q.BindText(1, key);
    ASSIGN_OR_RETURN(bool taken, q.Step());
    if (taken) return Status::AlreadyExists("the username '" + std::string(q.ColumnText(0)) + "' is taken");
    ASSIGN_OR_RETURN(Statement s, db.db().Prepare(
        "INSERT INTO user(username, username_key, display_name, password_hash, created_at, password_changed_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?5)"));
    s.BindText(1, in.username);
    s.BindText(2, key);
    s.BindText(3, in.display_name);
    s.BindText(4, hash);
    s.BindText(5, at);
    RETURN_IF_ERROR(s.Run());
    id = db.db().LastInsertRowid();
    return Status::OK();
  }));
  return FindUserById(db, id);
}

Result<User> FindUser(PlatformDb& db, std::string_view username) {
  auto unknown = [&] { return Status::NotFound("unknown user '" + std::string(username) + "'"); };
  if (!IsValidUtf8(username)) return unknown();
  const std::string key = UsernameKey(username);
  ASSIGN_OR_RETURN(Statement s, db.db().Prepare(std::string(kUserColumns) + " WHERE username_key = ?1"));
  s.BindText(1, key);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return unknown();
  User u = ReadUser(s);
  s.Reset();
  ASSIGN_OR_RETURN(u.grants, LoadGrants(db, u.id));
  return u;
}

Result<User> FindUserById(PlatformDb& db, int64_t id) {
  ASSIGN_OR_RETURN(Statement s, db.db().Prepare(std::string(kUserColumns) + " WHERE id = ?1"));
  s.BindInt64(1, id);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::NotFound("unknown user #" + std::to_string(id));
  User u = ReadUser(s);
  s.Reset();
  ASSIGN_OR_RETURN(u.grants, LoadGrants(db, u.id));
  return u;
}

Result<std::vector<User>> ListUsers(PlatformDb& db) {
  ASSIGN_OR_RETURN(Statement s, db.db().Prepare(std::string(kUserColumns) + " ORDER BY username_key"));
  std::vector<User> out;
  while (true) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(ReadUser(s));
  }
  s.Reset();
  for (User& u : out) {
    ASSIGN_OR_RETURN(u.grants, LoadGrants(db, u.id));
  }
  return out;
}

Status SetPassword(PlatformDb& db, std::string_view username, std::string_view password, PasswordCost cost,
                   int64_t now) {
  ASSIGN_OR_RETURN(User u, FindUser(db, username));
  RETURN_IF_ERROR(ValidatePassword(password, u.username));
  ASSIGN_OR_RETURN(std::string hash, HashPassword(password, cost));
  return db.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Statement s, db.db().Prepare(
        "UPDATE user SET password_hash = ?1, password_changed_at = ?2 WHERE id = ?3"));
    const std::string at = FormatIsoUtc(now);
    s.BindText(1, hash);
    s.BindText(2, at);
    s.BindInt64(3, u.id);
    RETURN_IF_ERROR(s.Run());
    return RevokeSessionsOfUser(db, u.id, now);
  });
}

Status DisableUser(PlatformDb& db, std::string_view username, int64_t now) {
  return db.Write([&]() -> Status {
    ASSIGN_OR_RETURN(User u, FindUser(db, username));
    if (u.disabled()) return Status::FailedPrecondition("user '" + u.username + "' is already disabled");
    ASSIGN_OR_RETURN(Statement s, db.db().Prepare("UPDATE user SET disabled_at = ?1 WHERE id = ?2"));
    const std::string at = FormatIsoUtc(now);
    s.BindText(1, at);
    s.BindInt64(2, u.id);
    RETURN_IF_ERROR(s.Run());
    RETURN_IF_ERROR(RevokeSessionsOfUser(db, u.id, now));
    return RevokeApiTokensOfUser(db, u.id, now);
  });
}

bool SameGrant(const Grant& a, const Grant& b) {
  return a.role == b.role && a.alliance == b.alliance && a.member == b.member && a.licensee == b.licensee &&
         a.province == b.province;
}

Result<Grant> AddGrant(PlatformDb& db, std::string_view username, const Grant& grant, int64_t now) {
  RETURN_IF_ERROR(ValidateGrant(grant));
  Grant stored = grant;
  RETURN_IF_ERROR(db.Write([&]() -> Status {
    ASSIGN_OR_RETURN(User u, FindUser(db, username));
    for (const Grant& g : u.grants)
      if (SameGrant(g, grant)) return Status::AlreadyExists("user '" + u.username + "' already holds this grant");
    ASSIGN_OR_RETURN(Statement s, db.db().Prepare(
        "INSERT INTO \"grant\"(user_id, role, alliance, member, licensee, province, created_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
    s.BindInt64(1, u.id);
    s.BindText(2, RoleName(grant.role));
    s.BindText(3, grant.alliance);
    s.BindText(4, grant.member);
    s.BindText(5, grant.licensee);
    s.BindText(6, grant.province);
    const std::string at = FormatIsoUtc(now);
    s.BindText(7, at);
    RETURN_IF_ERROR(s.Run());
    stored.id = db.db().LastInsertRowid();
    return Status::OK();
  }));
  return stored;
}

Status RemoveGrant(PlatformDb& db, std::string_view username, const Grant& grant, int64_t now) {
  return db.Write([&]() -> Status {
    ASSIGN_OR_RETURN(User u, FindUser(db, username));
    for (const Grant& g : u.grants) {
      if (!SameGrant(g, grant)) continue;
      ASSIGN_OR_RETURN(Statement s, db.db().Prepare("DELETE FROM \"grant\" WHERE id = ?1"));
      s.BindInt64(1, g.id);
      RETURN_IF_ERROR(s.Run());
      return RevokeApiTokensOfGrant(db, u.id, g, now);
    }
    return Status::NotFound("user '" + u.username + "' does not hold this grant");
  });
}

Result<std::optional<StoredCredentials>> LoadCredentials(PlatformDb& db, std::string_view username) {
  if (!ValidateUsername(username).ok()) return std::optional<StoredCredentials>();
  ASSIGN_OR_RETURN(Statement s, db.db().Prepare(
      "SELECT id, username, password_hash, disabled_at IS NOT NULL FROM user WHERE username_key = ?1"));
  const std::string key = UsernameKey(username);
  s.BindText(1, key);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<StoredCredentials>();
  StoredCredentials c;
  c.user_id = s.ColumnInt64(0);
  c.username = s.ColumnText(1);
  c.password_hash = s.ColumnText(2);
  c.disabled = s.ColumnInt64(3) != 0;
  return std::optional<StoredCredentials>(std::move(c));
}

Status ReplacePasswordHash(PlatformDb& db, int64_t user_id, std::string_view hash) {
  return db.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Statement s, db.db().Prepare("UPDATE user SET password_hash = ?1 WHERE id = ?2"));
    s.BindText(1, hash);
    s.BindInt64(2, user_id);
    return s.Run();
  });
}

}  // namespace patnav::domain
