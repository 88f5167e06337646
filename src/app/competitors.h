// The competitor dashboard of an alliance (issue 14, part 4; first cut, JSON
// only): the competitors are the applicant watches shared with the alliance;
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
// "new_countries", "ipc_gained", "citing_pool"}]}
Result<nlohmann::ordered_json> CompetitorDashboard(const Caller& caller, Workspace& ws, const CompetitorsRequest& r);

}  // namespace patnav::app
