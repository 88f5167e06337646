// The OpenAPI document (openapi.h).
#include "server/openapi.h"

#include <map>

namespace patnav::server {

namespace {

using Json = nlohmann::ordered_json;

Json ProblemSchema() {
  return Json::parse(R"({
    "type": "object",
    "required": ["type", "title", "status", "detail", "code"],
    "properties": {
      "type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"},
      "detail": {"type": "string"}, "code": {"type": "string"}, "field": {"type": "string"},
      "retry_after": {"type": "integer"}
    }
  })");
}

Json ProblemRef(const char* description) {
  return {{"description", description},
          {"content", {{"application/problem+json", {{"schema", {{"$ref", "#/components/schemas/Problem"}}}}}}}};
}

std::vector<std::string> PathParams(const std::string& pattern) {
  std::vector<std::string> out;
  size_t i = 0;
  while ((i = pattern.find('{', i)) != std::string::npos) {
    size_t j = pattern.find('}', i);
    out.push_back(pattern.substr(i + 1, j - i - 1));
    i = j;
  }
  return out;
}

Json Operation(const Route& r) {
  Json op;
  op["operationId"] = r.operation_id;
  op["summary"] = r.summary;
  op["tags"] = Json::array({r.tag});
  Json params = Json::array();
  for (const std::string& p : PathParams(r.pattern))
    params.push_back({{"name", p}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}});
  for (const QuerySpec& q : r.query) {
    Json p = {{"name", q.name}, {"in", "query"}, {"required", q.required}, {"schema", {{"type", FieldTypeName(q.type)}}}};
    if (q.description && *q.description) p["description"] = q.description;
    params.push_back(p);
  }
  if (!params.empty()) op["parameters"] = params;
  if (!r.body.empty()) {
    op["requestBody"] = {{"required", true},
                         {"content", {{"application/json", {{"schema", FieldsSchema(r.body)}}}}}};
  } else if (r.raw_body) {
    op["requestBody"] = {
        {"required", true},
        {"content",
         {{"application/octet-stream", {{"schema", {{"type", "string"}, {"contentMediaType", "application/octet-stream"}}}}},
          {"multipart/form-data", {{"schema", {{"type", "object"}}}}}}}};
  }
  Json responses;
  Json ok = {{"description", "success"}};
  if (r.response_type == "application/json") {
    ok["content"] = {{"application/json", {{"schema", Json::parse(r.response_schema)}}}};
  } else if (!r.response_type.empty()) {
    ok["content"] = {{r.response_type, {{"schema", {{"type", "string"}}}}}};
  }
  responses[std::to_string(r.success_status)] = ok;
  responses["400"] = ProblemRef("bad request: the field and the reason");
  if (r.access == Access::kSignedIn) {
    responses["401"] = ProblemRef("not signed in, or the session expired");
    responses["403"] = ProblemRef("signed in, but the roles do not allow it");
  }
  responses["404"] = ProblemRef("unknown, or another tenant's object");
  responses["429"] = ProblemRef("too many requests; see Retry-After");
  op["responses"] = responses;
  if (r.access == Access::kPublic) op["security"] = Json::array();
  return op;
}

}  // namespace

nlohmann::ordered_json OpenApiDocument(const std::vector<Route>& routes) {
  Json doc;
  doc["openapi"] = "3.1.0";
  doc["info"] = {{"title", "patnav API"},
                 {"version", "1"},
                 {"description",
                  "Patent navigation and IP-alliance operations. Errors are application/problem+json (RFC 9457). "
                  "Sign in with POST /api/v1/session (cookie) or send an API token as Authorization: Bearer. "
                  "State-changing calls with the session cookie need the header X-Requested-With: patnav. "
                  "See docs/api.md."}};
  Json paths = Json::object();
  for (const Route& r : routes) {
    std::string method = r.method;
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    paths[r.pattern][method] = Operation(r);
  }
  doc["paths"] = paths;
  doc["components"] = {
      {"schemas", {{"Problem", ProblemSchema()}}},
      {"securitySchemes",
       {{"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "__Host-patnav_session"}}},
        {"token", {{"type", "http"}, {"scheme", "bearer"}}}}}};
  doc["security"] = Json::array({{{"session", Json::array()}}, {{"token", Json::array()}}});
  return doc;
}

}  // namespace patnav::server
