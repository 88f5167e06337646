// white_space: growing technology groups with few patents or few holders.
#include <algorithm>

#include "analytics/analyses.h"
#include "analytics/analysis_util.h"
#include "analytics/flat_counter.h"

namespace patnav::analytics {

namespace {

constexpr size_t kRows = 30;
constexpr uint32_t kFewHolders = 3;

Json Run(const AnalysisContext& ctx) {
  const Snapshot& s = ctx.snap;
  const int l = ctx.last_year;
  Json out = Json::array();
  if (l == 0) return out;
  const size_t groups = s.classes.codes.size();
  std::vector<uint32_t> count(groups, 0), recent(groups, 0), previous(groups, 0), holders(groups, 0);
  FlatCounter pairs(1 << 14);  // (group << 32 | applicant) -> patents
  for (uint32_t r : ctx.rows) {
    const int y = s.filing_year[r];
    for (uint32_t g : s.groups[r]) {
      ++count[g];
      if (y >= l - 2 && y <= l) ++recent[g];
      else if (y >= l - 5 && y <= l - 3) ++previous[g];
      for (uint32_t a : s.applicants[r])
        if (pairs.Add((uint64_t{g} << 32) | a) == 1) ++holders[g];
    }
  }
  std::vector<uint32_t> present;
  for (uint32_t g = 0; g < groups; ++g)
    if (count[g] > 0) present.push_back(g);
  if (present.empty()) return out;
  std::vector<uint32_t> sorted_counts;
  for (uint32_t g : present) sorted_counts.push_back(count[g]);
  std::sort(sorted_counts.begin(), sorted_counts.end());
  const uint32_t median = sorted_counts[(sorted_counts.size() - 1) / 2];
  struct Row { uint32_t group; double growth; std::string reason; };
  std::vector<Row> rows;
  for (uint32_t g : present) {
    if (recent[g] <= previous[g]) continue;
    std::string reason;
    if (count[g] <= median) reason = "few patents (" + std::to_string(count[g]) + ", median " + std::to_string(median) + ")";
    if (holders[g] <= kFewHolders)
      reason += (reason.empty() ? "" : "; ") + std::string("few holders (") + std::to_string(holders[g]) + ")";
    if (reason.empty()) continue;
    rows.push_back({g, (recent[g] + 1.0) / (previous[g] + 1.0) - 1, "growing: " + std::to_string(previous[g]) +
                                                                     " -> " + std::to_string(recent[g]) + "; " + reason});
  }
  std::sort(rows.begin(), rows.end(), [&](const Row& x, const Row& y) {
    if (x.growth != y.growth) return x.growth > y.growth;
    if (count[x.group] != count[y.group]) return count[x.group] < count[y.group];
    return s.classes.codes[x.group] < s.classes.codes[y.group];
  });
  for (size_t i = 0; i < rows.size() && i < kRows; ++i) {
    const uint32_t g = rows[i].group;
    out.push_back({{"group", s.classes.codes[g]},
                   {"count", count[g]},
                   {"holders", holders[g]},
                   {"growth", Round6(rows[i].growth)},
                   {"reason", rows[i].reason},
                   {"recent", recent[g]},
                   {"previous", previous[g]}});
  }
  return out;
}

}  // namespace

const AnalysisSpec kWhiteSpaceAnalysis = {
    "white_space", "White space", "技术空白点",
    "For each IPC main group of the set: count = its patents, holders = distinct applicants among them, "
    "recent = its patents filed in L-2..L and previous = in L-5..L-3 (L = the last complete year); growth = "
    "(recent + 1) / (previous + 1) - 1. A group is white space when it is growing (recent > previous) and has "
    "few patents (count at most the median count of the set's groups) or few holders (at most 3). The 30 "
    "fastest growing (ties by fewer patents, then code), with the reason.",
    Run};

}  // namespace patnav::analytics
