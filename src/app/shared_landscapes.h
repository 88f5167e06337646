// The alliance's shared landscape reports (issue 11, the member portal): an
// analyst or the operator runs a landscape and shares it with the alliance;
// its JSON and the report's words are frozen at that moment
// (domain/shared_landscape.h), so every member sees the same figures
// whatever is ingested later. Members, analysts and the operator of the
// alliance list and open them (JSON for the page's charts, or the HTML or
// XLSX report rendered from the frozen JSON); licensees may not
// (authorize.h, kReadSharedLandscapes). Another alliance's report is
// NotFound, worded as an unknown one.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/caller.h"
#include "app/landscape.h"
#include "app/workspace.h"
#include "base/status.h"
#include "domain/shared_landscape.h"

namespace patnav::app {

struct ShareLandscapeRequest {
  std::string alliance;
  std::string title;                 // required, 1..200 characters
  std::string query;                 // the expert query language; "" or "*": the whole store
  std::vector<std::string> only;     // analysis names; empty: all
  std::vector<std::string> members;  // applicant names for members_vs_others
  int top = 20;
  int as_of_year = 0;
};

struct ShareLandscapeResult {
  domain::SharedLandscape shared;    // without its JSON
  std::vector<std::string> warnings; // the landscape's warnings
};

// Authorised as kShareLandscape in the alliance (and kRunLandscape).
// InvalidArgument naming the field first ("title: ...", "query: ...",
// "only: ..."), before anything runs or is stored.
Result<ShareLandscapeResult> ShareLandscape(const Caller& caller, Workspace& ws, const ShareLandscapeRequest& req);

// kReadSharedLandscapes: the alliance's shared landscapes, newest first.
Result<std::vector<domain::SharedLandscape>> ListSharedLandscapes(const Caller& caller, Workspace& ws,
                                                                   const std::string& alliance);

struct OpenSharedLandscapeRequest {
  std::string alliance;
  int64_t id = 0;
  LandscapeFormat format = LandscapeFormat::kJson;
  std::string language = "both";  // html, xlsx: en, zh or both
};

struct OpenSharedLandscapeResult {
  domain::SharedLandscape shared;       // with its JSON
  nlohmann::ordered_json landscape;     // as frozen
  nlohmann::ordered_json presentation;  // as frozen (LandscapeReportResult::presentation)
  std::string bytes;                    // html, xlsx: the report
};

// kReadSharedLandscapes. NotFound "unknown shared landscape N".
Result<OpenSharedLandscapeResult> OpenSharedLandscape(const Caller& caller, Workspace& ws,
                                                      const OpenSharedLandscapeRequest& req);

// Removed by the user who shared it or the alliance's operator (or an
// administrator); another analyst of the alliance is PermissionDenied.
Status DeleteSharedLandscape(const Caller& caller, Workspace& ws, const std::string& alliance, int64_t id);

// {"id", "title", "query", "analyses", "patents", "store_patents",
// "shared_by", "shared_at"}
nlohmann::ordered_json SharedLandscapeJson(const domain::SharedLandscape& s);

}  // namespace patnav::app
