// citation_flows: which applicants cite which, within the set.
#include <algorithm>
#include <functional>

#include "analytics/analyses.h"
#include "analytics/analysis_util.h"

namespace patnav::analytics {

namespace {

constexpr size_t kRows = 100;

// The 100 largest pair counts, exactly, without counting every pair: with
// made[a] = citations made by applicant a and received[b] = citations received by b
// (within the set), a pair's count is at most min(made[a], received[b]). The counts
// among the top 256 citing x top 256 cited applicants are true counts, so
// their 100th largest, t, is a lower bound of the final 100th; a pair with
// made[a] < t or received[b] < t cannot reach it (nor tie with it) and is skipped.
Json Run(const AnalysisContext& ctx) {
  const Snapshot& s = ctx.snap;
  const size_t parties = s.applicant_table.keys.size();
  std::vector<std::pair<uint32_t, uint32_t>> edges;  // (citing row, cited row), both in the set
  std::vector<uint32_t> made(parties, 0), received(parties, 0);
  for (uint32_t r : ctx.rows) {
    const auto citing = s.applicants[r];
    if (citing.empty()) continue;
    for (uint32_t cited : s.cites[r]) {
      if (!ctx.InSet(cited)) continue;
      const auto cited_applicants = s.applicants[cited];
      if (cited_applicants.empty()) continue;
      edges.emplace_back(r, cited);
      for (uint32_t a : citing) made[a] += static_cast<uint32_t>(cited_applicants.size());
      for (uint32_t b : cited_applicants) received[b] += static_cast<uint32_t>(citing.size());
    }
  }
  constexpr size_t kProbe = 256;
  const std::vector<uint32_t> top_out = TopIds(made, s.applicant_table.keys, kProbe);
  const std::vector<uint32_t> top_in = TopIds(received, s.applicant_table.keys, kProbe);
  std::vector<int> out_slot(parties, -1), in_slot(parties, -1);
  for (size_t i = 0; i < top_out.size(); ++i) out_slot[top_out[i]] = static_cast<int>(i);
  for (size_t i = 0; i < top_in.size(); ++i) in_slot[top_in[i]] = static_cast<int>(i);
  std::vector<uint32_t> probe(top_out.size() * top_in.size(), 0);
  for (const auto& [r, c] : edges)
    for (uint32_t a : s.applicants[r]) {
      if (out_slot[a] < 0) continue;
      for (uint32_t b : s.applicants[c])
        if (in_slot[b] >= 0) ++probe[static_cast<size_t>(out_slot[a]) * top_in.size() + in_slot[b]];
    }
  uint32_t threshold = 1;
  if (probe.size() >= kRows) {
    std::nth_element(probe.begin(), probe.begin() + (kRows - 1), probe.end(), std::greater<>());
    threshold = std::max<uint32_t>(1, probe[kRows - 1]);
  }
  std::vector<uint64_t> pairs;
  for (const auto& [r, c] : edges)
    for (uint32_t a : s.applicants[r]) {
      if (made[a] < threshold) continue;
      for (uint32_t b : s.applicants[c])
        if (received[b] >= threshold) pairs.push_back((uint64_t{a} << 32) | b);
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
