// The API's dispatcher: what every request goes through between the
// transport and a route's handler.
//
// For a request to /api/v1/...: refuse a client over its request rate (429
// with Retry-After; ApiOptions::rate_per_second), match a route (404; 405 with Allow), find the
// caller from the session cookie or the bearer token (a presented credential
// that is unknown, expired or revoked is 401), refuse anonymous callers on
// signed-in routes (401), check CSRF on state-changing calls made with the
// cookie (403), check the body (413 by the transport; 415 not JSON; 400 with
// the field), run the handler, and append one audit row for every
// state-changing call, whatever its outcome. /healthz and /readyz answer
// without credentials. Every response carries the security headers
// (SecurityHeaders) and, for API responses, Cache-Control: no-store.
//
// Thread-safety: Handle and BodyLimit may be called from any thread at once.
#pragma once

#include <string>
#include <string_view>

#include "server/http.h"
#include "server/request_rate.h"
#include "server/route.h"
#include "server/router.h"

namespace patnav::server {

// The cookie that carries the session token: "__Host-patnav_session" with
// secure cookies, "patnav_session" in plain-HTTP development mode.
const char* SessionCookieName(const ApiOptions& options);
// The header a browser must send with every state-changing call (CSRF).
inline constexpr const char* kCsrfHeader = "x-requested-with";
inline constexpr const char* kCsrfHeaderValue = "patnav";

// The headers every response carries: CSP without inline scripts,
// frame-ancestors 'none', nosniff, Referrer-Policy (and HSTS over TLS).
HeaderList SecurityHeaders(bool tls);

class ApiServer {
 public:
  ApiServer(app::Workspace& workspace, app::JobRegistry& jobs, ApiOptions options);

  HttpResponse Handle(const HttpRequest& request);
  std::size_t BodyLimit(std::string_view method, std::string_view path) const;
  // Whether the body of such a request is spooled to a file (uploads) rather
  // than read into memory (ServerOptions::spool_body).
  bool SpoolsBody(std::string_view method, std::string_view path) const;
  const Router& router() const { return router_; }
  const ApiOptions& options() const { return options_; }

 private:
  HttpResponse Dispatch(const HttpRequest& request, std::string* user);

  ApiOptions options_;
  ApiContext context_;
  Router router_;
  RequestRate rate_;
};

}  // namespace patnav::server
