// A landscape: the selected analyses over one patent set, as the JSON object
// of docs/landscape-json.md (meta + one key per analysis).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "analytics/analysis.h"
#include "analytics/patent_set.h"
#include "base/status.h"

namespace patnav::analytics {

struct LandscapeRequest {
  std::string query;                // as the user gave it (meta.query)
  std::string data_dir;             // meta.data_dir
  std::vector<std::string> only;    // analysis names; empty = all
  LandscapeOptions options;
};

// (analysis name, milliseconds)
using AnalysisTimings = std::vector<std::pair<std::string, double>>;

// InvalidArgument for an unknown name in `only`, or members_vs_others asked
// for without members. members_vs_others runs only when members are given.
Result<Json> RunLandscape(const Snapshot& s, const PatentSet& set, const LandscapeRequest& request,
                          AnalysisTimings* timings = nullptr);

}  // namespace patnav::analytics
