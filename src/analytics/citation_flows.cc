// citation_flows: which applicants cite which, within the set.
#include <algorithm>
#include <unordered_map>

#include "analytics/analyses.h"

namespace patnav::analytics {

namespace {

constexpr size_t kRows = 100;

Json Run(const AnalysisContext& ctx) {
  const Snapshot& s = ctx.snap;
  std::unordered_map<uint64_t, uint32_t> flows;
  for (uint32_t r : ctx.rows)
    for (uint32_t cited : s.cites[r]) {
      if (!ctx.InSet(cited)) continue;
      for (uint32_t a : s.applicants[r])
        for (uint32_t b : s.applicants[cited]) ++flows[(uint64_t{a} << 32) | b];
    }
  std::vector<std::pair<uint64_t, uint32_t>> rows(flows.begin(), flows.end());
  const auto& keys = s.applicant_table.keys;
  auto better = [&](const auto& x, const auto& y) {
    if (x.second != y.second) return x.second > y.second;
    const uint32_t xa = x.first >> 32, ya = y.first >> 32, xb = x.first & 0xFFFFFFFF, yb = y.first & 0xFFFFFFFF;
    if (xa != ya) return keys[xa] < keys[ya];
    return keys[xb] < keys[yb];
  };
  const size_t k = std::min(kRows, rows.size());
  std::partial_sort(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(k), rows.end(), better);
  Json out = Json::array();
  for (size_t i = 0; i < k; ++i) {
    const uint32_t a = rows[i].first >> 32, b = rows[i].first & 0xFFFFFFFF;
    out.push_back({{"citing", s.applicant_table.names[a]},
                   {"cited", s.applicant_table.names[b]},
                   {"count", rows[i].second},
                   {"citing_normalized", keys[a]},
                   {"cited_normalized", keys[b]},
                   {"self", a == b}});
  }
  return out;
}

}  // namespace

const AnalysisSpec kCitationFlowsAnalysis = {
    "citation_flows", "Citation flows between applicants", "申请人引证关系",
    "Every citation from a patent of the set to another patent of the set counts once for each pair (an "
    "applicant of the citing patent, an applicant of the cited patent). Rows are the 100 largest pairs by "
    "count (ties by the citing, then the cited applicant's key); self marks an applicant citing itself.",
    Run};

}  // namespace patnav::analytics
