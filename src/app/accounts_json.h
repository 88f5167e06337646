// JSON forms of accounts, grants, API tokens and audit rows for the API and
// `patnav user list --format json` (docs/api.md). Never a password hash, a
// token hash, nor (except CreatedApiToken, shown once) a token secret.
#pragma once

#include <nlohmann/json.hpp>

#include "app/accounts.h"
#include "domain/api_tokens.h"
#include "domain/audit.h"
#include "domain/roles.h"
#include "domain/users.h"

namespace patnav::app {

// {"id","role"} plus the scope fields the role has ("alliance", "member",
// "licensee", "province").
nlohmann::ordered_json ToJson(const domain::Grant& grant);
// {"id","username","display_name","created_at","password_changed_at",
//  "disabled","disabled_at" (null while active),"grants":[...]}
nlohmann::ordered_json ToJson(const domain::User& user);
// {"id","username","name","scope":{grant},"created_at","expires_at",
//  "revoked_at","last_used_at" (null when not yet)}
nlohmann::ordered_json ToJson(const domain::ApiToken& token);
// The token's fields plus "token": the secret, this once.
nlohmann::ordered_json ToJson(const domain::CreatedApiToken& created);
// {"id","at","actor","actor_user_id" (null for no account),"client_address",
//  "action","object","alliance","outcome","detail"}
nlohmann::ordered_json ToJson(const domain::AuditEntry& entry);
// {"total","entries":[...]}
nlohmann::ordered_json ToJson(const domain::AuditPage& page);
// {"user":{...},"expires_at"}: the session token goes in the cookie, not here.
nlohmann::ordered_json ToJson(const LoginResult& login);

}  // namespace patnav::app
