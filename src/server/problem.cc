// problem+json responses.
#include "server/problem.h"

#include <nlohmann/json.hpp>

#include "base/status_table.h"

namespace patnav::server {


HttpResponse Problem(int http_status, const std::string& code, const std::string& detail, const std::string& field) {
  nlohmann::ordered_json j;
  j["type"] = "about:blank";
  j["title"] = std::string(ReasonPhrase(http_status));
  j["status"] = http_status;
  j["detail"] = detail;
  j["code"] = code;
  if (!field.empty()) j["field"] = field;
  HttpResponse r;
  r.status = http_status;
  r.headers.emplace_back("Content-Type", "application/problem+json");
  r.body = j.dump();
  return r;
}

HttpResponse Problem(const Status& status, const std::string& field) {
  const int http = HttpStatusFor(status.code());
  // Internal failures say what failed but not how: the detail is in the log.
  std::string detail = status.message();
  return Problem(http, StatusCodeName(status.code()), detail, field);
}

}  // namespace patnav::server
