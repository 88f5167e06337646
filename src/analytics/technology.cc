// technology: the IPC tree of the set, counted at every level.
#include "analytics/analyses.h"
#include "analytics/analysis_util.h"

namespace patnav::analytics {

namespace {

constexpr size_t kRowsPerLevel = 100;

Json Run(const AnalysisContext& ctx) {
  const Snapshot& s = ctx.snap;
  Json rows = Json::array();
  const std::vector<uint32_t> all_levels = ClassCountsAllLevels(ctx);
  for (ClassLevel level : {ClassLevel::kSection, ClassLevel::kClass, ClassLevel::kSubclass, ClassLevel::kMainGroup}) {
    std::vector<uint32_t> counts = all_levels;
    for (uint32_t id = 0; id < counts.size(); ++id)
      if (s.classes.level[id] != level) counts[id] = 0;
    for (uint32_t id : TopIds(counts, s.classes.codes, kRowsPerLevel)) {
      const uint32_t parent = s.classes.parent[id];
      rows.push_back({{"level", ClassLevelName(level)},
                      {"code", s.classes.codes[id]},
                      {"parent", parent == UINT32_MAX ? std::string_view() : s.classes.codes[parent]},
                      {"count", counts[id]},
                      {"share", Round6(static_cast<double>(counts[id]) / static_cast<double>(ctx.size()))}});
    }
  }
  return Json{{"scheme", "ipc"}, {"rows", std::move(rows)}};
}

}  // namespace

const AnalysisSpec kTechnologyAnalysis = {
    "technology", "Technology breakdown", "技术构成",
    "The IPC symbols of each patent (its CPC symbols when it has no IPC) are cut to their main group "
    "(H01M 10/0525 -> H01M 10/00); the tree above it is section (H), class (H01) and subclass (H01M). At each "
    "level a patent counts once per distinct node; share = count / patents in the set (shares at one level "
    "can add up to more than 1 since a patent has several symbols). Rows by level, then count descending "
    "(ties by code), at most 100 per level; parent is the node one level up.",
    Run};

}  // namespace patnav::analytics
