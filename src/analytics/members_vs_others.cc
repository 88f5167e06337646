// members_vs_others: the alliance members' share and gap per technology group.
#include <algorithm>

#include "analytics/analyses.h"
#include "analytics/analysis_util.h"

namespace patnav::analytics {

namespace {

constexpr size_t kGroups = 30;

Json Run(const AnalysisContext& ctx) {
  const Snapshot& s = ctx.snap;
  std::vector<uint8_t> is_member(s.applicant_table.keys.size(), 0);
  for (uint32_t a : ctx.member_ids) is_member[a] = 1;
  const std::vector<uint32_t> group_counts = ClassCounts(ctx, ClassLevel::kMainGroup);
  const std::vector<uint32_t> groups = TopIds(group_counts, s.classes.codes, kGroups);
  std::vector<int> slot(s.classes.codes.size(), -1);
  for (size_t i = 0; i < groups.size(); ++i) slot[groups[i]] = static_cast<int>(i);
  std::vector<uint32_t> members(groups.size(), 0);
  uint32_t member_patents = 0;
  for (uint32_t r : ctx.rows) {
    bool member = false;
    for (uint32_t a : s.applicants[r]) member = member || is_member[a];
    if (!member) continue;
    ++member_patents;
    for (uint32_t g : s.groups[r])
      if (slot[g] >= 0) ++members[slot[g]];
  }
  Json names = Json::array(), missing = Json::array(), rows = Json::array();
  for (uint32_t a : ctx.member_ids) names.push_back(s.applicant_table.names[a]);
  for (const std::string& m : ctx.members_missing) missing.push_back(m);
  for (size_t i = 0; i < groups.size(); ++i) {
    const uint32_t total = group_counts[groups[i]];
    const uint32_t others = total - members[i];
    rows.push_back({{"group", s.classes.codes[groups[i]]},
                    {"members", members[i]},
                    {"others", others},
                    {"member_share", Round6(static_cast<double>(members[i]) / total)},
                    {"gap", static_cast<int64_t>(others) - static_cast<int64_t>(members[i])}});
  }
  const size_t n = ctx.size();
  return Json{{"members", std::move(names)},
              {"rows", std::move(rows)},
              {"not_found", std::move(missing)},
              {"total", {{"members", member_patents},
                         {"others", n - member_patents},
                         {"member_share", Round6(n ? static_cast<double>(member_patents) / n : 0)}}}};
}

}  // namespace

const AnalysisSpec kMembersVsOthersAnalysis = {
    "members_vs_others", "Alliance members vs others", "联盟成员与其他申请人对比",
    "Members are the applicants whose grouping key equals the normalized name of a line of the members file "
    "(names not found are listed in not_found). For the 30 IPC main groups with the most patents in the set: "
    "members = patents of the group with at least one member applicant, others = the group's other patents, "
    "member_share = members / (members + others), gap = others - members (how far the members trail; "
    "negative when they lead). total gives the same over the whole set.",
    Run};

}  // namespace patnav::analytics
