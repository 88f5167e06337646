// The competitor dashboard of an alliance (issue 14, part 4), as JSON and as
// an XLSX workbook: the competitors are the applicant watches shared with the alliance;
// their activity in the last `months` months of publication dates
// (domain/competitor_dashboard.h). Needs the right to read the alliance
// (another alliance is NotFound).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "app/caller.h"
#include "app/workspace.h"
#include "base/status.h"

namespace patnav::app {

struct CompetitorsRequest {
  std::string alliance;
  int months = 12;     // 1..120
  std::string as_of;   // the window's last day; "" = today
};

// {"alliance", "from", "to", "competitors": [{"watch", "applicants",
// "publications", "publications_before", "per_month": {"2025-03": n},
// "new_countries", "ipc_gained", "citing_pool", "acquired_count",
// "sold_count", "lapsed_count", "acquired"|"sold"|"lapsed": [{"patent",
// "date", "counterparty"}]}]}
Result<nlohmann::ordered_json> CompetitorDashboard(const Caller& caller, Workspace& ws, const CompetitorsRequest& r);

// The same dashboard as a workbook: a "competitors" sheet (one row per
// competitor with every count), "per month" (one row per month of the
// window, one column per competitor), and "acquired", "sold", "lapsed",
// "new countries", "IPC gained" (one row per item). The JSON given is
// CompetitorDashboard's. Written through DIR/tmp (workbook_bytes.h).
Result<std::string> CompetitorDashboardXlsx(Workspace& ws, const nlohmann::ordered_json& dashboard);

}  // namespace patnav::app
