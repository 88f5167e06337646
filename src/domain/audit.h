// The audit trail of the platform: one row per state-changing call (who,
// when, from where, what, on which object of which alliance, and the
// outcome), append-only. platform.db's triggers refuse UPDATE and DELETE of
// a row, so the trail can only grow.
//
// Thread-safety: as PlatformDb (one thread at a time per handle).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "domain/platform_db.h"

namespace patnav::domain {

struct AuditEntry {
  int64_t id = 0;              // 0 until appended
  std::string at;              // ISO 8601 UTC
  std::string actor;           // a username, "local" (the command line) or "anonymous"
  int64_t actor_user_id = 0;   // 0 when the actor is no account
  std::string client_address;  // empty for the command line
  std::string action;          // "user.add", "pool.create", "session.login", ...
  std::string object;          // what was acted on ("user:alice", "pool:LTE")
  std::string alliance;        // the tenant; empty for platform-wide objects
  std::string outcome;         // "ok" or a status code name ("permission_denied")
  std::string detail;          // a short human explanation (never a secret)
};

// Appends `entry` (id is assigned; `at` must be set) in its own transaction,
// or joining one already open on `db`. InvalidArgument when `at`, `actor`,
// `action` or `outcome` is empty. Returns the new id.
Result<int64_t> AppendAudit(PlatformDb& db, const AuditEntry& entry);

struct AuditFilter {
  std::string actor;          // exact; empty: any
  std::string action;         // exact; empty: any
  std::string alliance;       // exact; empty: any
  std::string object_prefix;  // rows whose object starts with this; empty: any
  std::string from, to;       // ISO 8601 UTC, inclusive; empty: open
  // When not empty: only rows of these alliances (what an operator may see).
  std::vector<std::string> only_alliances;
  int limit = 100;  // 1..1000
  int offset = 0;
};

struct AuditPage {
  std::vector<AuditEntry> entries;  // newest first
  int64_t total = 0;                // rows matching the filter, all pages
};

// InvalidArgument for a limit outside 1..1000, a negative offset or a time
// not in ISO 8601 UTC form.
Result<AuditPage> QueryAudit(PlatformDb& db, const AuditFilter& filter);

}  // namespace patnav::domain
