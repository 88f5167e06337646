// Errors of the API as RFC 9457 problem documents
// (application/problem+json): {"type","title","status","detail","code",
// "field"?, "retry_after"?}. `code` is the StatusCodeName of the
// application's Status (status_table.h), so clients can branch on it.
#pragma once

#include <string>

#include "base/status.h"
#include "server/http.h"

namespace patnav::server {

// A problem response with the HTTP status of `status` (HttpStatusFor).
// `field`: the request field at fault, when one is.
HttpResponse Problem(const Status& status, const std::string& field = "");
// A problem with an explicit HTTP status (413, 405, 404 of the router ...).
HttpResponse Problem(int http_status, const std::string& code, const std::string& detail,
                     const std::string& field = "");

}  // namespace patnav::server
