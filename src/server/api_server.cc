// The API dispatcher (api_server.h).
#include "server/api_server.h"

#include <exception>

#include "app/workspace.h"
#include "base/status_table.h"
#include "server/api_routes.h"
#include "server/problem.h"
#include "server/session_auth.h"
#include "server/web_assets.h"

namespace patnav::server {

namespace {

bool StateChanging(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

// The value of cookie `name` in a Cookie header, or "".
std::string CookieValue(const std::string& header, std::string_view name) {
  size_t i = 0;
  while (i < header.size()) {
    while (i < header.size() && (header[i] == ' ' || header[i] == ';')) ++i;
    size_t eq = header.find('=', i), end = header.find(';', i);
    if (end == std::string::npos) end = header.size();
    if (eq != std::string::npos && eq < end && std::string_view(header).substr(i, eq - i) == name)
      return header.substr(eq + 1, end - eq - 1);
    i = end + 1;
  }
  return "";
}

// The CSRF defence of a cookie-authenticated state-changing call: the custom
// header (which a cross-site form cannot send without a CORS preflight we
// never grant) and, when the browser says where the call comes from, the
// same origin.
Status CheckCsrf(const HttpRequest& r, const ApiOptions& options) {
  if (r.Header(kCsrfHeader) != kCsrfHeaderValue)
    return Status::PermissionDenied("state-changing calls need the header X-Requested-With: patnav");
  const std::string site = r.Header("sec-fetch-site");
  if (!site.empty() && site != "same-origin" && site != "none")
    return Status::PermissionDenied("cross-site request refused (Sec-Fetch-Site: " + site + ")");
  const std::string origin = r.Header("origin");
  if (!origin.empty()) {
    std::string expected = options.allowed_origin;
    if (expected.empty()) expected = std::string(r.tls ? "https://" : "http://") + r.Header("host");
    if (origin != expected) return Status::PermissionDenied("cross-origin request refused (Origin: " + origin + ")");
  }
  return Status::OK();
}

Status CheckQuery(const HttpRequest& r, const Route& route, std::string* field) {
  for (const QuerySpec& q : route.query) {
    if (!r.HasQueryParam(q.name)) {
      if (q.required) {
        *field = q.name;
        return Status::InvalidArgument(std::string("query parameter '") + q.name + "' is required");
      }
      continue;
    }
    const std::string v = r.QueryParam(q.name);
    if (q.type == FieldType::kInteger) {
      bool ok = !v.empty() && v.size() <= 18;
      for (size_t i = 0; ok && i < v.size(); ++i) ok = std::isdigit(static_cast<unsigned char>(v[i])) || (i == 0 && v[i] == '-');
      if (!ok) {
        *field = q.name;
        return Status::InvalidArgument(std::string("query parameter '") + q.name + "' must be an integer");
      }
    } else if (q.type == FieldType::kBoolean && v != "true" && v != "false" && v != "1" && v != "0") {
      *field = q.name;
      return Status::InvalidArgument(std::string("query parameter '") + q.name + "' must be true or false");
    }
  }
  return Status::OK();
}

// The outcome word of the audit trail: "ok" or the problem's code.
std::string Outcome(const HttpResponse& r) {
  if (r.status < 400) return "ok";
  auto j = nlohmann::json::parse(r.body, nullptr, false);
  if (j.is_object() && j.contains("code") && j["code"].is_string()) return j["code"].get<std::string>();
  return "http_" + std::to_string(r.status);
}

}  // namespace

const char* SessionCookieName(const ApiOptions& options) {
  return options.secure_cookies ? "__Host-patnav_session" : "patnav_session";
}

HeaderList SecurityHeaders(bool tls) {
  HeaderList h = {
      {"Content-Security-Policy",
       "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"},
      {"X-Frame-Options", "DENY"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
  };
  if (tls) h.emplace_back("Strict-Transport-Security", "max-age=31536000");
  return h;
}

ApiServer::ApiServer(app::Workspace& workspace, app::JobRegistry& jobs, ApiOptions options)
    : options_(std::move(options)),
      context_{workspace, jobs, options_},
      rate_(options_.rate_per_second, options_.rate_burst) {
  for (Route& r : ApiRoutes()) router_.Add(std::move(r));
}

std::size_t ApiServer::BodyLimit(std::string_view method, std::string_view path) const {
  RouteMatch m = router_.Match(std::string(method), std::string(path));
  if (m.route && m.route->raw_body) return options_.upload_limit;
  return options_.json_limit;
}

bool ApiServer::SpoolsBody(std::string_view method, std::string_view path) const {
  RouteMatch m = router_.Match(std::string(method), std::string(path));
  return m.route && m.route->raw_body;
}

HttpResponse ApiServer::Handle(const HttpRequest& request) {
  std::string user;
  HttpResponse response;
  try {
    response = Dispatch(request, &user);
  } catch (const std::exception& e) {
    response = Problem(Status::Internal("the request failed unexpectedly"));
  }
  if (!user.empty()) response.SetHeader("X-Patnav-User", user);
  if (request.path.rfind("/api/", 0) == 0) response.SetHeader("Cache-Control", "no-store");
  return response;
}

HttpResponse ApiServer::Dispatch(const HttpRequest& request, std::string* user) {
  int retry_after = 0;
  if (request.path.rfind("/api/", 0) == 0 && !rate_.Allow(request.client_address, &retry_after)) {
    HttpResponse r = Problem(Status::ResourceExhausted("too many requests from " + request.client_address +
                                                       ": try again in " + std::to_string(retry_after) + " s"));
    r.SetHeader("Retry-After", std::to_string(retry_after));
    return r;
  }
  RouteMatch m = router_.Match(request.method, request.path);
  if (!m.route) {
    if (m.path_known) {
      HttpResponse r = Problem(405, "method_not_allowed", request.method + " is not allowed here");
      r.SetHeader("Allow", m.allow);
      return r;
    }
    if ((request.method == "GET" || request.method == "HEAD") && WebAssets::IsWebPath(request.path))
      return WebAssets::Embedded().Serve(request);
    return Problem(404, "not_found", "no such endpoint: " + request.path);
  }
  const Route& route = *m.route;

  Credentials credentials;
  credentials.session_token = CookieValue(request.Header("cookie"), SessionCookieName(options_));
  const std::string authorization = request.Header("authorization");
  if (authorization.rfind("Bearer ", 0) == 0) credentials.bearer = authorization.substr(7);
  ApiRequest api{request, std::move(m.params), app::Caller::Anonymous(options_.public_search), nlohmann::json(),
                 credentials.session_token};
  if (!credentials.empty()) {
    Result<app::Caller> caller = ResolveCaller(context_.workspace, credentials);
    if (!caller.ok()) {
      if (route.access == Access::kSignedIn || route.access == Access::kPublicSearch)
        return Problem(caller.status());
      api.session_token.clear();  // public routes ignore a stale cookie
    } else {
      api.caller = std::move(caller).value();
      *user = api.caller.username;
    }
  }
  api.caller.client_address = request.client_address;
  if (api.caller.anonymous && (route.access == Access::kSignedIn ||
                               (route.access == Access::kPublicSearch && !options_.public_search)))
    return Problem(Status::Unauthenticated("sign in first (POST /api/v1/session) or send an API token"));

  HttpResponse response;
  std::string field;
  Status refused = Status::OK();
  if (StateChanging(request.method) && credentials.bearer.empty()) refused = CheckCsrf(request, options_);
  if (refused.ok()) refused = CheckQuery(request, route, &field);
  if (refused.ok() && !route.body.empty()) {
    std::string type = request.Header("content-type");
    if (type.rfind("application/json", 0) != 0) {
      refused = Status::Unsupported("the body must be application/json");
      field.clear();
    } else {
      BodyError error;
      api.body = ParseBody(request.body, route.body, &error);
      if (!error.status.ok()) {
        refused = error.status;
        field = error.field;
      }
    }
  } else if (refused.ok() && !route.raw_body && !request.body.empty() && route.body.empty()) {
    refused = Status::InvalidArgument("this endpoint takes no body");
  }
  if (!refused.ok()) {
    response = Problem(refused, field);
  } else {
    response = route.handler(context_, api);
  }
  if (StateChanging(request.method) && !route.audited_by_app) {
    AuditEntry entry;
    entry.action = route.operation_id;
    entry.object = request.path;
    auto it = api.params.find("alliance");
    if (it != api.params.end()) entry.alliance = it->second;
    entry.outcome = Outcome(response);
    entry.client_address = request.client_address;
    RecordAudit(context_.workspace, api.caller, entry);
  }
  if (user->empty())
    for (const auto& [k, v] : response.headers)
      if (k == "X-Patnav-User") *user = v;
  return response;
}

}  // namespace patnav::server
