// One route of the API: method, path pattern, what it needs (access, body,
// query parameters), what it answers (schema), and its handler. The router
// matches requests against the route table, the dispatcher (api_server.h)
// checks access, CSRF and the body before calling the handler, and the
// OpenAPI document is generated from the same table, so it cannot drift from
// what the server accepts.
//
// Handlers are plain functions of (context, request) -> response: they parse
// nothing the dispatcher already checked, call the application layer and turn
// its result into JSON. They run on the worker pool and may block.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/caller.h"
#include "server/http.h"
#include "server/json_body.h"

namespace patnav::app {
class Workspace;
class JobRegistry;
}  // namespace patnav::app

namespace patnav::server {

struct ApiOptions {
  bool public_search = false;       // anonymous read-only patent search
  bool secure_cookies = true;       // __Host- cookie with Secure; false only for plain-HTTP loopback development
  std::string allowed_origin;       // e.g. "https://patnav.example.org"; empty: the request's own Host
  size_t upload_limit = 512u << 20; // ingest uploads
  size_t json_limit = 1u << 20;     // JSON bodies
  double rate_per_second = 50;      // API requests a second per client address (0: no limit)
  double rate_burst = 200;          // ... in bursts of up to this many
};

struct ApiContext {
  app::Workspace& workspace;
  app::JobRegistry& jobs;
  const ApiOptions& options;
};

struct ApiRequest {
  const HttpRequest& http;
  std::map<std::string, std::string> params;  // path parameters, percent-decoded
  app::Caller caller;
  nlohmann::json body;                        // the checked JSON body; null when the route takes none
  std::string session_token;                  // the session cookie's token, when signed in by cookie
  // A path parameter (REQUIRES: the route's pattern names it).
  const std::string& Param(const std::string& name) const { return params.at(name); }
  // A body field as a string/int/bool with a default when absent or null.
  std::string Str(const char* name, const std::string& fallback = "") const;
  int64_t Int(const char* name, int64_t fallback = 0) const;
  double Num(const char* name, double fallback = 0) const;
  bool Bool(const char* name, bool fallback = false) const;
  std::vector<std::string> Strings(const char* name) const;
  // A path parameter as an object id: its value when it is 1 to 18 decimal
  // digits and positive, else 0 (the route then answers 404: no such object).
  // REQUIRES: the route's pattern names it.
  int64_t Id(const std::string& name) const;
};

using ApiHandler = std::function<HttpResponse(ApiContext& ctx, const ApiRequest& req)>;

enum class Access {
  kPublic,    // no credentials needed (login, health, the OpenAPI document)
  kSignedIn,  // a session or an API token; the application call authorises the rest
  kPublicSearch,  // signed in, or anonymous when ApiOptions::public_search is on
};

struct QuerySpec {
  const char* name;
  FieldType type;
  bool required;
  const char* description;
};

struct Route {
  std::string method;        // "GET", "POST", "PUT", "DELETE"
  std::string pattern;       // "/api/v1/alliances/{alliance}/members"
  std::string operation_id;  // "listMembers": also the audit trail's action
  std::string summary;
  std::string tag;
  Access access = Access::kSignedIn;
  std::vector<FieldSpec> body;   // a JSON body with these fields (empty and !raw_body: no body)
  bool raw_body = false;         // an upload: the bytes as sent (ingest)
  std::vector<QuerySpec> query;
  std::string response_schema = R"({"type":"object"})";  // JSON Schema of the success body
  int success_status = 200;
  std::string response_type = "application/json";
  // The application call appends its own audit row (accounts, sessions,
  // tokens): the dispatcher does not add another.
  bool audited_by_app = false;
  ApiHandler handler;
};

// A route from its parts (the fields not named keep their defaults).
Route MakeRoute(std::string method, std::string pattern, std::string operation_id, std::string summary,
                std::string tag, ApiHandler handler, std::vector<FieldSpec> body = {},
                std::vector<QuerySpec> query = {}, int success_status = 200,
                std::string response_schema = R"({"type":"object"})");

// Responses handlers build.
HttpResponse JsonResponse(const nlohmann::ordered_json& body, int status = 200);
HttpResponse StatusResponse(const Status& status, const std::string& field = "");  // problem+json
// A file to download: 200 with `content_type` and Content-Disposition
// attachment naming `filename` (ASCII, no quotes).
HttpResponse Download(const std::string& content_type, const std::string& filename, std::string body);

}  // namespace patnav::server
