// The platform.db migrations. Times are ISO 8601 UTC text
// ("2026-12-06T10:00:00Z"); absent scope fields of a grant are '' (not NULL)
// so that UNIQUE over the tuple holds. Secrets are stored only as SHA-256
// hex (token_hash) or Argon2id strings (password_hash). The audit trail is
// insert-only: triggers refuse UPDATE and DELETE.
#include "domain/platform_migrations.h"

namespace patnav::domain {

namespace {

constexpr Migration kMigrations[] = {
    {1, "users, grants, sessions, API tokens, login attempts, the audit trail",
     R"sql(
CREATE TABLE meta(
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE user(
  id                  INTEGER PRIMARY KEY,
  username            TEXT NOT NULL,
  username_key        TEXT NOT NULL UNIQUE,
  display_name        TEXT NOT NULL DEFAULT '',
  password_hash       TEXT NOT NULL CHECK (substr(password_hash, 1, 10) = '$argon2id$'),
  disabled_at         TEXT,
  created_at          TEXT NOT NULL,
  password_changed_at TEXT NOT NULL
);

CREATE TABLE "grant"(
  id         INTEGER PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES user(id),
  role       TEXT NOT NULL CHECK (role IN ('administrator', 'operator', 'member', 'licensee', 'analyst', 'reviewer')),
  alliance   TEXT NOT NULL DEFAULT '',
  member     TEXT NOT NULL DEFAULT '',
  licensee   TEXT NOT NULL DEFAULT '',
  province   TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  UNIQUE (user_id, role, alliance, member, licensee, province)
);

CREATE TABLE session(
  token_hash     TEXT PRIMARY KEY,
  user_id        INTEGER NOT NULL REFERENCES user(id),
  created_at     TEXT NOT NULL,
  last_seen_at   TEXT NOT NULL,
  expires_at     TEXT NOT NULL,
  revoked_at     TEXT,
  client_address TEXT NOT NULL DEFAULT '',
  user_agent     TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE INDEX session_user ON session(user_id);

CREATE TABLE api_token(
  id           INTEGER PRIMARY KEY,
  token_hash   TEXT NOT NULL UNIQUE,
  user_id      INTEGER NOT NULL REFERENCES user(id),
  name         TEXT NOT NULL DEFAULT '',
  role         TEXT NOT NULL,
  alliance     TEXT NOT NULL DEFAULT '',
  member       TEXT NOT NULL DEFAULT '',
  licensee     TEXT NOT NULL DEFAULT '',
  province     TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  expires_at   TEXT NOT NULL,
  revoked_at   TEXT,
  last_used_at TEXT
);
CREATE INDEX api_token_user ON api_token(user_id);

CREATE TABLE login_attempt(
  id  INTEGER PRIMARY KEY,
  key TEXT NOT NULL,
  at  TEXT NOT NULL
);
CREATE INDEX login_attempt_key ON login_attempt(key, at);

CREATE TABLE audit(
  id             INTEGER PRIMARY KEY,
  at             TEXT NOT NULL,
  actor          TEXT NOT NULL,
  actor_user_id  INTEGER,
  client_address TEXT NOT NULL DEFAULT '',
  action         TEXT NOT NULL,
  object         TEXT NOT NULL DEFAULT '',
  alliance       TEXT NOT NULL DEFAULT '',
  outcome        TEXT NOT NULL,
  detail         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_at ON audit(at);
CREATE INDEX audit_alliance_at ON audit(alliance, at);
CREATE TRIGGER audit_immutable_u BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_immutable_d BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
)sql"},
};

}  // namespace

std::span<const Migration> PlatformMigrations() { return kMigrations; }

}  // namespace patnav::domain
