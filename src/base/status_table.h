// The one table that says how each StatusCode leaves patnav: the CLI's exit
// status, the HTTP status of the API, and the stable names used in
// problem+json documents (`code`) and in logs.
//
// Exit statuses (also documented in README and docs/api.md):
//   0  done
//   1  a failure of patnav or its environment (I/O, corruption, internal)
//   2  the request was refused: bad argument, unknown name, already exists,
//      wrong state (nothing was written)
//   3  some input records were rejected, the rest went in (ingest only; not a
//      StatusCode, the commands return it themselves)
//   4  not authenticated or not allowed
//   5  unavailable: try again later
//   6  a limit was reached
#pragma once

#include <string_view>

#include "base/status.h"

namespace patnav {

struct StatusCodeInfo {
  StatusCode code;
  const char* name;   // "invalid_argument": stable, machine-readable
  const char* title;  // "Invalid argument": for people (Status::ToString)
  int exit_code;      // the CLI's exit status
  int http_status;    // the API's HTTP status
};

// Every StatusCode exactly once, in enum order.
const StatusCodeInfo& InfoFor(StatusCode code);

inline const char* StatusCodeName(StatusCode code) { return InfoFor(code).name; }
inline const char* StatusCodeTitle(StatusCode code) { return InfoFor(code).title; }
inline int ExitCodeFor(StatusCode code) { return InfoFor(code).exit_code; }
inline int HttpStatusFor(StatusCode code) { return InfoFor(code).http_status; }
// The code named `name` ("not_found"); kInternal for an unknown name.
StatusCode StatusCodeFromName(std::string_view name);

}  // namespace patnav
