// Routes of sessions, users, API tokens and the audit trail. The accounts
// calls (app/accounts.h) authorise and append their own audit rows, so these
// routes are marked audited_by_app.
#include <cstdlib>

#include "app/accounts.h"
#include "app/accounts_json.h"
#include "server/api_routes.h"
#include "server/api_server.h"
#include "server/problem.h"

namespace patnav::server {

namespace {

using Json = nlohmann::ordered_json;
constexpr FieldType S = FieldType::kString;

std::string SessionCookie(const ApiOptions& o, const std::string& token, bool clear) {
  std::string c = std::string(SessionCookieName(o)) + "=" + (clear ? "" : token) + "; Path=/; HttpOnly; SameSite=Lax";
  if (o.secure_cookies) c += "; Secure";
  if (clear) c += "; Max-Age=0";
  return c;
}

Result<domain::Grant> GrantFrom(const std::string& role, const std::string& alliance, const std::string& member,
                                const std::string& licensee, const std::string& province) {
  ASSIGN_OR_RETURN(domain::Role r, domain::ParseRole(role));
  domain::Grant g;
  g.role = r;
  g.alliance = alliance;
  g.member = member;
  g.licensee = licensee;
  g.province = province;
  return g;
}

Result<domain::Grant> GrantFromBody(const nlohmann::json& j) {
  auto str = [&](const char* k) { return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string(); };
  return GrantFrom(str("role"), str("alliance"), str("member"), str("licensee"), str("province"));
}

HttpResponse Login(ApiContext& ctx, const ApiRequest& req) {
  app::Accounts accounts(ctx.workspace);
  app::LoginRequest in;
  in.username = req.Str("username");
  in.password = req.Str("password");
  in.client_address = req.http.client_address;
  in.user_agent = req.http.Header("user-agent");
  app::LoginOutcome out = accounts.Login(in);
  if (!out.status.ok()) {
    HttpResponse r = Problem(out.status);
    if (out.status.code() == StatusCode::kResourceExhausted) {
      r.SetHeader("Retry-After", std::to_string(std::max<int64_t>(1, out.retry_after_seconds)));
      Json j = Json::parse(r.body);
      j["retry_after"] = out.retry_after_seconds;
      r.body = j.dump();
    }
    return r;
  }
  HttpResponse r = JsonResponse(app::ToJson(out.result));
  r.headers.emplace_back("Set-Cookie", SessionCookie(ctx.options, out.result.token, false));
  r.SetHeader("X-Patnav-User", out.result.user.username);
  return r;
}

HttpResponse Logout(ApiContext& ctx, const ApiRequest& req) {
  if (req.session_token.empty())
    return StatusResponse(Status::InvalidArgument("signed in with an API token: there is no session to end"));
  app::Accounts accounts(ctx.workspace);
  Status st = accounts.Logout(req.session_token, req.http.client_address);
  if (!st.ok()) return StatusResponse(st);
  HttpResponse r;
  r.status = 204;
  r.headers.emplace_back("Set-Cookie", SessionCookie(ctx.options, "", true));
  return r;
}

HttpResponse Me(ApiContext& ctx, const ApiRequest& req) {
  Result<domain::User> u = app::Accounts(ctx.workspace).Me(req.caller);
  if (!u.ok()) return StatusResponse(u.status());
  return JsonResponse(app::ToJson(*u));
}

HttpResponse ListUsers(ApiContext& ctx, const ApiRequest& req) {
  Result<std::vector<domain::User>> users = app::Accounts(ctx.workspace).ListUsers(req.caller);
  if (!users.ok()) return StatusResponse(users.status());
  Json out = Json::array();
  for (const auto& u : *users) out.push_back(app::ToJson(u));
  return JsonResponse(out);
}

HttpResponse AddUser(ApiContext& ctx, const ApiRequest& req) {
  app::AddUserRequest in;
  in.username = req.Str("username");
  in.display_name = req.Str("display_name");
  in.password = req.Str("password");
  if (req.body.contains("grants"))
    for (const auto& g : req.body["grants"]) {
      Result<domain::Grant> grant = GrantFromBody(g);
      if (!grant.ok()) return StatusResponse(grant.status(), "grants");
      in.grants.push_back(*grant);
    }
  Result<domain::User> u = app::Accounts(ctx.workspace).AddUser(req.caller, in);
  if (!u.ok()) return StatusResponse(u.status());
  return JsonResponse(app::ToJson(*u), 201);
}

HttpResponse DisableUser(ApiContext& ctx, const ApiRequest& req) {
  Status st = app::Accounts(ctx.workspace).DisableUser(req.caller, req.Param("username"));
  if (!st.ok()) return StatusResponse(st);
  return JsonResponse({{"username", req.Param("username")}, {"disabled", true}});
}

HttpResponse SetPassword(ApiContext& ctx, const ApiRequest& req) {
  app::SetPasswordRequest in;
  in.username = req.Param("username");
  in.new_password = req.Str("password");
  in.current_password = req.Str("current_password");
  Status st = app::Accounts(ctx.workspace).SetPassword(req.caller, in);
  if (!st.ok()) return StatusResponse(st);
  HttpResponse r;
  r.status = 204;
  return r;
}

HttpResponse Grant(ApiContext& ctx, const ApiRequest& req) {
  Result<domain::Grant> g = GrantFromBody(req.body);
  if (!g.ok()) return StatusResponse(g.status(), "role");
  Result<domain::Grant> added = app::Accounts(ctx.workspace).GrantRole(req.caller, {req.Param("username"), *g});
  if (!added.ok()) return StatusResponse(added.status());
  return JsonResponse(app::ToJson(*added), 201);
}

HttpResponse Revoke(ApiContext& ctx, const ApiRequest& req) {
  const HttpRequest& h = req.http;
  Result<domain::Grant> g = GrantFrom(h.QueryParam("role"), h.QueryParam("alliance"), h.QueryParam("member"),
                                      h.QueryParam("licensee"), h.QueryParam("province"));
  if (!g.ok()) return StatusResponse(g.status(), "role");
  Status st = app::Accounts(ctx.workspace).RevokeRole(req.caller, {req.Param("username"), *g});
  if (!st.ok()) return StatusResponse(st);
  HttpResponse r;
  r.status = 204;
  return r;
}

HttpResponse ListTokens(ApiContext& ctx, const ApiRequest& req) {
  Result<std::vector<domain::ApiToken>> tokens =
      app::Accounts(ctx.workspace).ListApiTokens(req.caller, {req.http.QueryParam("username")});
  if (!tokens.ok()) return StatusResponse(tokens.status());
  Json out = Json::array();
  for (const auto& t : *tokens) out.push_back(app::ToJson(t));
  return JsonResponse(out);
}

HttpResponse CreateToken(ApiContext& ctx, const ApiRequest& req) {
  Result<domain::Grant> g = GrantFromBody(req.body);
  if (!g.ok()) return StatusResponse(g.status(), "role");
  app::CreateApiTokenRequest in;
  in.username = req.Str("username");
  in.scope = *g;
  in.name = req.Str("name");
  in.days = static_cast<int>(std::clamp<int64_t>(req.Int("days", 0), -1, 100000));
  Result<domain::CreatedApiToken> t = app::Accounts(ctx.workspace).CreateApiToken(req.caller, in);
  if (!t.ok()) return StatusResponse(t.status());
  return JsonResponse(app::ToJson(*t), 201);
}

HttpResponse RevokeToken(ApiContext& ctx, const ApiRequest& req) {
  const int64_t id = req.Id("id");
  if (id == 0) return StatusResponse(Status::NotFound("unknown API token " + req.Param("id")));
  Status st = app::Accounts(ctx.workspace).RevokeApiToken(req.caller, id);
  if (!st.ok()) return StatusResponse(st);
  HttpResponse r;
  r.status = 204;
  return r;
}

HttpResponse Audit(ApiContext& ctx, const ApiRequest& req) {
  const HttpRequest& h = req.http;
  domain::AuditFilter f;
  f.actor = h.QueryParam("actor");
  f.action = h.QueryParam("action");
  f.alliance = h.QueryParam("alliance");
  f.object_prefix = h.QueryParam("object");
  f.from = h.QueryParam("from");
  f.to = h.QueryParam("to");
  if (h.HasQueryParam("limit")) f.limit = std::atoi(h.QueryParam("limit").c_str());
  if (h.HasQueryParam("offset")) f.offset = std::atoi(h.QueryParam("offset").c_str());
  Result<domain::AuditPage> page = app::Accounts(ctx.workspace).ReadAudit(req.caller, f);
  if (!page.ok()) return StatusResponse(page.status());
  return JsonResponse(app::ToJson(*page));
}

// Accounts routes: the application call audits itself.
Route Make(const char* method, const char* pattern, const char* id, const char* summary, ApiHandler handler,
           std::vector<FieldSpec> body = {}, std::vector<QuerySpec> query = {}, int success = 200,
           const char* schema = R"({"type":"object"})") {
  Route r = MakeRoute(method, pattern, id, summary, "accounts", std::move(handler), std::move(body),
                      std::move(query), success, schema);
  r.audited_by_app = true;
  return r;
}

constexpr const char* kUserSchema =
    R"({"type":"object","required":["id","username","grants"],"properties":{"id":{"type":"integer"},)"
    R"("username":{"type":"string"},"grants":{"type":"array"}}})";

}  // namespace

std::vector<Route> SessionRoutes() {
  const std::vector<FieldSpec> grant_fields = {{"role", S, true, "administrator, operator, member, licensee, analyst, reviewer"},
                                               {"alliance", S, false, ""},
                                               {"member", S, false, ""},
                                               {"licensee", S, false, ""},
                                               {"province", S, false, ""}};
  std::vector<Route> r;
  Route login = Make("POST", "/api/v1/session", "login", "Sign in: sets the session cookie", Login,
                     {{"username", S, true, ""}, {"password", S, true, ""}}, {}, 200,
                     R"({"type":"object","required":["user","expires_at"]})");
  login.access = Access::kPublic;
  r.push_back(login);
  r.push_back(Make("DELETE", "/api/v1/session", "logout", "Sign out: ends the session at once", Logout, {}, {}, 204));
  r.push_back(Make("GET", "/api/v1/me", "getMe", "The signed-in user and the grants in force", Me, {}, {}, 200,
                   kUserSchema));
  r.push_back(Make("GET", "/api/v1/users", "listUsers", "Every user with their grants (administrators)", ListUsers,
                   {}, {}, 200, R"({"type":"array"})"));
  r.push_back(Make("POST", "/api/v1/users", "addUser", "Create a user (administrators)", AddUser,
                   {{"username", S, true, ""},
                    {"password", S, true, "at least 10 characters"},
                    {"display_name", S, false, ""},
                    {"grants", FieldType::kObjectArray, false, "[{\"role\",\"alliance\",...}]"}},
                   {}, 201, kUserSchema));
  r.push_back(Make("POST", "/api/v1/users/{username}/disable", "disableUser",
                   "Disable a user: sessions and tokens end at once", DisableUser));
  r.push_back(Make("PUT", "/api/v1/users/{username}/password", "setPassword",
                   "Change a password (one's own with the current one, or anyone's as administrator)", SetPassword,
                   {{"password", S, true, ""}, {"current_password", S, false, ""}}, {}, 204));
  r.push_back(Make("POST", "/api/v1/users/{username}/grants", "grantRole", "Grant a role", Grant, grant_fields, {},
                   201));
  r.push_back(Make("DELETE", "/api/v1/users/{username}/grants", "revokeRole", "Revoke a role", Revoke, {},
                   {{"role", S, true, ""},
                    {"alliance", S, false, ""},
                    {"member", S, false, ""},
                    {"licensee", S, false, ""},
                    {"province", S, false, ""}},
                   204));
  r.push_back(Make("GET", "/api/v1/tokens", "listTokens", "API tokens (one's own; administrators: ?username=)",
                   ListTokens, {}, {{"username", S, false, ""}}, 200, R"({"type":"array"})"));
  std::vector<FieldSpec> token_fields = grant_fields;
  token_fields.push_back({"days", FieldType::kInteger, true, "1-365"});
  token_fields.push_back({"name", S, false, "a label"});
  token_fields.push_back({"username", S, false, "administrators: another user's"});
  r.push_back(Make("POST", "/api/v1/tokens", "createToken",
                   "Create an API token scoped to one of the user's grants; the secret is shown once", CreateToken,
                   token_fields, {}, 201, R"({"type":"object","required":["token","id","expires_at"]})"));
  r.push_back(Make("DELETE", "/api/v1/tokens/{id}", "revokeToken", "Revoke an API token", RevokeToken, {}, {}, 204));
  Route audit = Make("GET", "/api/v1/audit", "readAudit",
                     "The audit trail (administrators: all; operators: their alliances)", Audit, {},
                     {{"actor", S, false, ""},
                      {"action", S, false, ""},
                      {"alliance", S, false, ""},
                      {"object", S, false, "object prefix"},
                      {"from", S, false, "ISO 8601 UTC"},
                      {"to", S, false, "ISO 8601 UTC"},
                      {"limit", FieldType::kInteger, false, "1-1000 (default 100)"},
                      {"offset", FieldType::kInteger, false, ""}},
                     200, R"({"type":"object","required":["total","entries"]})");
  r.push_back(audit);
  return r;
}

}  // namespace patnav::server
