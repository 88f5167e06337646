// JSON forms of the account objects (accounts_json.h).
#include "app/accounts_json.h"

namespace patnav::app {

namespace {

nlohmann::ordered_json TimeOrNull(const std::string& at) {
  return at.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(at);
}

}  // namespace

nlohmann::ordered_json ToJson(const domain::Grant& g) {
  nlohmann::ordered_json j;
  j["id"] = g.id;
  j["role"] = domain::RoleName(g.role);
  if (!g.alliance.empty()) j["alliance"] = g.alliance;
  if (!g.member.empty()) j["member"] = g.member;
  if (!g.licensee.empty()) j["licensee"] = g.licensee;
  if (!g.province.empty()) j["province"] = g.province;
  return j;
}

nlohmann::ordered_json ToJson(const domain::User& u) {
  nlohmann::ordered_json j;
  j["id"] = u.id;
  j["username"] = u.username;
  j["display_name"] = u.display_name;
  j["created_at"] = u.created_at;
  j["password_changed_at"] = u.password_changed_at;
  j["disabled"] = u.disabled();
  j["disabled_at"] = TimeOrNull(u.disabled_at);
  nlohmann::ordered_json grants = nlohmann::ordered_json::array();
  for (const domain::Grant& g : u.grants) grants.push_back(ToJson(g));
  j["grants"] = std::move(grants);
  return j;
}

nlohmann::ordered_json ToJson(const domain::ApiToken& t) {
  nlohmann::ordered_json j;
  j["id"] = t.id;
  j["username"] = t.username;
  j["name"] = t.name;
  j["scope"] = ToJson(t.scope);
  j["scope"].erase("id");
  j["created_at"] = t.created_at;
  j["expires_at"] = t.expires_at;
  j["revoked_at"] = TimeOrNull(t.revoked_at);
  j["last_used_at"] = TimeOrNull(t.last_used_at);
  return j;
}

nlohmann::ordered_json ToJson(const domain::CreatedApiToken& c) {
  nlohmann::ordered_json j = ToJson(c.info);
  j["token"] = c.token;
  return j;
}

nlohmann::ordered_json ToJson(const domain::AuditEntry& e) {
  nlohmann::ordered_json j;
  j["id"] = e.id;
  j["at"] = e.at;
  j["actor"] = e.actor;
  j["actor_user_id"] = e.actor_user_id == 0 ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(e.actor_user_id);
  j["client_address"] = e.client_address;
  j["action"] = e.action;
  j["object"] = e.object;
  j["alliance"] = e.alliance;
  j["outcome"] = e.outcome;
  j["detail"] = e.detail;
  return j;
}

nlohmann::ordered_json ToJson(const domain::AuditPage& page) {
  nlohmann::ordered_json j;
  j["total"] = page.total;
  nlohmann::ordered_json entries = nlohmann::ordered_json::array();
  for (const domain::AuditEntry& e : page.entries) entries.push_back(ToJson(e));
  j["entries"] = std::move(entries);
  return j;
}

nlohmann::ordered_json ToJson(const LoginResult& login) {
  nlohmann::ordered_json j;
  j["user"] = ToJson(login.user);
  j["expires_at"] = login.expires_at;
  return j;
}

}  // namespace patnav::app
