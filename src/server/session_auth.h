// Credentials of a request into a Caller, and the audit row of a
// state-changing call: the server's two uses of the application's accounts
// calls (app/accounts.h).
#pragma once

#include <string>

#include "app/caller.h"
#include "base/status.h"

namespace patnav::app {
class Workspace;
}

namespace patnav::server {

struct Credentials {
  std::string session_token;  // from the session cookie
  std::string bearer;         // from Authorization: Bearer
  bool empty() const { return session_token.empty() && bearer.empty(); }
};

// The caller the credentials belong to (a bearer token wins over a cookie);
// Unauthenticated when they are unknown, expired, revoked or the user is
// disabled.
Result<app::Caller> ResolveCaller(app::Workspace& workspace, const Credentials& credentials);

struct AuditEntry {
  std::string action;          // the route's operation id
  std::string object;          // the request path
  std::string alliance;        // when the path names one
  std::string outcome;         // "ok" or the problem code
  std::string client_address;
};

// Appends the row; a failure to write it is logged to stderr, never to the client.
void RecordAudit(app::Workspace& workspace, const app::Caller& caller, const AuditEntry& entry);

}  // namespace patnav::server
