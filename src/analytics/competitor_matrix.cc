// competitor_matrix: top applicants x top main groups (their IP layout).
#include "analytics/analyses.h"
#include "analytics/analysis_util.h"

namespace patnav::analytics {

namespace {

constexpr size_t kApplicants = 10, kGroups = 10;

Json Run(const AnalysisContext& ctx) {
  const Snapshot& s = ctx.snap;
  const std::vector<uint32_t> applicants = TopIds(ApplicantCounts(ctx), s.applicant_table.keys, kApplicants);
  const std::vector<uint32_t> groups = TopIds(ClassCounts(ctx, ClassLevel::kMainGroup), s.classes.codes, kGroups);
  std::vector<int> a_slot(s.applicant_table.keys.size(), -1), g_slot(s.classes.codes.size(), -1);
  for (size_t i = 0; i < applicants.size(); ++i) a_slot[applicants[i]] = static_cast<int>(i);
  for (size_t j = 0; j < groups.size(); ++j) g_slot[groups[j]] = static_cast<int>(j);
  std::vector<std::vector<uint32_t>> cells(applicants.size(), std::vector<uint32_t>(groups.size(), 0));
  for (uint32_t r : ctx.rows)
    for (uint32_t a : s.applicants[r]) {
      if (a_slot[a] < 0) continue;
      for (uint32_t g : s.groups[r])
        if (g_slot[g] >= 0) ++cells[a_slot[a]][g_slot[g]];
    }
  Json names = Json::array(), keys = Json::array(), codes = Json::array(), matrix = Json::array();
  for (uint32_t a : applicants) {
    names.push_back(s.applicant_table.names[a]);
    keys.push_back(s.applicant_table.keys[a]);
  }
  for (uint32_t g : groups) codes.push_back(s.classes.codes[g]);
  for (const auto& row : cells) matrix.push_back(row);
  return Json{{"applicants", std::move(names)}, {"normalized", std::move(keys)}, {"groups", std::move(codes)},
              {"cells", std::move(matrix)}};
}

}  // namespace

const AnalysisSpec kCompetitorMatrixAnalysis = {
    "competitor_matrix", "Competitors' technology layout", "竞争对手技术布局",
    "The 10 largest applicants of the set (as in top_applicants) against the 10 IPC main groups with the most "
    "patents in the set (ties by code); a cell is the number of patents of the set that have both that "
    "applicant and that main group.",
    Run};

}  // namespace patnav::analytics
