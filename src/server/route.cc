// Helpers of route.h: body field access and the common responses.
#include "server/route.h"

#include "server/problem.h"

namespace patnav::server {

std::string ApiRequest::Str(const char* name, const std::string& fallback) const {
  if (!body.is_object() || !body.contains(name) || !body[name].is_string()) return fallback;
  return body[name].get<std::string>();
}

int64_t ApiRequest::Int(const char* name, int64_t fallback) const {
  if (!body.is_object() || !body.contains(name) || !body[name].is_number_integer()) return fallback;
  return body[name].get<int64_t>();
}

int64_t ApiRequest::Id(const std::string& name) const {
  const std::string& text = Param(name);
  if (text.empty() || text.size() > 18) return 0;
  int64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return 0;
    v = v * 10 + (c - '0');
  }
  return v;
}

double ApiRequest::Num(const char* name, double fallback) const {
  if (!body.is_object() || !body.contains(name) || !body[name].is_number()) return fallback;
  return body[name].get<double>();
}

bool ApiRequest::Bool(const char* name, bool fallback) const {
  if (!body.is_object() || !body.contains(name) || !body[name].is_boolean()) return fallback;
  return body[name].get<bool>();
}

std::vector<std::string> ApiRequest::Strings(const char* name) const {
  std::vector<std::string> out;
  if (!body.is_object() || !body.contains(name) || !body[name].is_array()) return out;
  for (const auto& v : body[name])
    if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

Route MakeRoute(std::string method, std::string pattern, std::string operation_id, std::string summary,
                std::string tag, ApiHandler handler, std::vector<FieldSpec> body, std::vector<QuerySpec> query,
                int success_status, std::string response_schema) {
  Route r;
  r.method = std::move(method);
  r.pattern = std::move(pattern);
  r.operation_id = std::move(operation_id);
  r.summary = std::move(summary);
  r.tag = std::move(tag);
  r.handler = std::move(handler);
  r.body = std::move(body);
  r.query = std::move(query);
  r.success_status = success_status;
  r.response_schema = std::move(response_schema);
  return r;
}

HttpResponse JsonResponse(const nlohmann::ordered_json& body, int status) {
  HttpResponse r;
  r.status = status;
  r.headers.emplace_back("Content-Type", "application/json; charset=utf-8");
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

HttpResponse StatusResponse(const Status& status, const std::string& field) { return Problem(status, field); }

HttpResponse Download(const std::string& content_type, const std::string& filename, std::string body) {
  HttpResponse r;
  r.headers.emplace_back("Content-Type", content_type);
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  r.body = std::move(body);
  return r;
}

}  // namespace patnav::server
