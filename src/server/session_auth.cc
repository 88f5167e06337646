// Credentials into callers, and audit rows, through app/accounts.h.
#include "server/session_auth.h"

#include <cstdio>

#include "app/accounts.h"
#include "app/workspace.h"
#include "base/status_table.h"

namespace patnav::server {

namespace {

// A Status of the code named in a problem document (the audit trail stores
// the code's name).
Status StatusNamed(const std::string& name) {
  switch (StatusCodeFromName(name)) {
    case StatusCode::kInvalidArgument: return Status::InvalidArgument(name);
    case StatusCode::kNotFound: return Status::NotFound(name);
    case StatusCode::kCorruption: return Status::Corruption(name);
    case StatusCode::kUnsupported: return Status::Unsupported(name);
    case StatusCode::kIOError: return Status::IOError(name);
    case StatusCode::kAlreadyExists: return Status::AlreadyExists(name);
    case StatusCode::kFailedPrecondition: return Status::FailedPrecondition(name);
    case StatusCode::kPermissionDenied: return Status::PermissionDenied(name);
    case StatusCode::kUnauthenticated: return Status::Unauthenticated(name);
    case StatusCode::kUnavailable: return Status::Unavailable(name);
    case StatusCode::kResourceExhausted: return Status::ResourceExhausted(name);
    default: return Status::Internal(name);
  }
}

}  // namespace

Result<app::Caller> ResolveCaller(app::Workspace& workspace, const Credentials& credentials) {
  app::Accounts accounts(workspace);
  if (!credentials.bearer.empty()) return accounts.AuthenticateBearer(credentials.bearer);
  return accounts.Authenticate(credentials.session_token);
}

void RecordAudit(app::Workspace& workspace, const app::Caller& caller, const AuditEntry& entry) {
  app::Accounts accounts(workspace);
  app::AuditRecord record;
  record.action = entry.action;
  record.object = entry.object;
  record.alliance = entry.alliance;
  if (entry.outcome != "ok") {
    record.outcome = StatusNamed(entry.outcome);
    record.detail = entry.outcome;
  }
  app::Caller who = caller;
  who.client_address = entry.client_address;
  Status st = accounts.RecordAudit(who, record);
  if (!st.ok())
    std::fprintf(stderr, "patnav serve: could not append the audit row of %s %s: %s\n", entry.action.c_str(),
                 entry.object.c_str(), st.ToString().c_str());
}

}  // namespace patnav::server
