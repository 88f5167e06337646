// citation_flows: which applicants cite which, within the set.
#include <algorithm>

#include "analytics/analyses.h"

namespace patnav::analytics {

namespace {

constexpr size_t kRows = 100;

Json Run(const AnalysisContext& ctx) {
  const Snapshot& s = ctx.snap;
  // Every (citing applicant, cited applicant) occurrence, then counted by sorting.
  std::vector<uint64_t> pairs;
  for (uint32_t r : ctx.rows) {
    const auto citing = s.applicants[r];
    if (citing.empty()) continue;
    for (uint32_t cited : s.cites[r]) {
      if (!ctx.InSet(cited)) continue;
      for (uint32_t a : citing)
        for (uint32_t b : s.applicants[cited]) pairs.push_back((uint64_t{a} << 32) | b);
    }
  }
  std::sort(pairs.begin(), pairs.end());
  std::vector<std::pair<uint64_t, uint32_t>> rows;
  for (size_t i = 0; i < pairs.size();) {
    size_t j = i;
    while (j < pairs.size() && pairs[j] == pairs[i]) ++j;
    rows.emplace_back(pairs[i], static_cast<uint32_t>(j - i));
    i = j;
  }
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
