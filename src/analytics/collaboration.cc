// collaboration: the co-applicant network of the set and its communities.
#include <algorithm>
#include <unordered_map>

#include "analytics/analyses.h"
#include "analytics/analysis_util.h"
#include "analytics/communities.h"
#include "analytics/flat_counter.h"

namespace patnav::analytics {

namespace {

constexpr size_t kNodes = 100;

Json Run(const AnalysisContext& ctx) {
  const Snapshot& s = ctx.snap;
  FlatCounter counter(1 << 12);  // (a << 32 | b), a < b -> joint patents
  for (uint32_t r : ctx.rows) {
    const auto apps = s.applicants[r];
    for (size_t i = 0; i < apps.size(); ++i)
      for (size_t j = i + 1; j < apps.size(); ++j) counter.Add((uint64_t{apps[i]} << 32) | apps[j]);
  }
  const std::vector<std::pair<uint64_t, uint32_t>> pairs = counter.Items();
  // Nodes: the applicants with a co-applicant, the largest by patents in the set.
  std::vector<uint32_t> counts = ApplicantCounts(ctx);
  std::vector<uint32_t> partnered(counts.size(), 0);
  for (const auto& [key, w] : pairs) partnered[key >> 32] = partnered[key & 0xFFFFFFFF] = 1;
  for (size_t a = 0; a < counts.size(); ++a)
    if (!partnered[a]) counts[a] = 0;
  const std::vector<uint32_t> nodes = TopIds(counts, s.applicant_table.keys, kNodes);
  std::vector<int> index(counts.size(), -1);
  for (size_t i = 0; i < nodes.size(); ++i) index[nodes[i]] = static_cast<int>(i);
  std::vector<WeightedEdge> edges;
  for (const auto& [key, w] : pairs) {
    const int a = index[key >> 32], b = index[key & 0xFFFFFFFF];
    if (a >= 0 && b >= 0) edges.push_back({static_cast<uint32_t>(std::min(a, b)), static_cast<uint32_t>(std::max(a, b)), double(w)});
  }
  std::sort(edges.begin(), edges.end(), [](const WeightedEdge& x, const WeightedEdge& y) {
    return std::tie(x.a, x.b) < std::tie(y.a, y.b);
  });
  const std::vector<uint32_t> community = LabelPropagation(static_cast<uint32_t>(nodes.size()), edges);
  Json node_rows = Json::array(), edge_rows = Json::array(), communities = Json::array();
  uint32_t n_communities = 0;
  for (size_t i = 0; i < nodes.size(); ++i) {
    node_rows.push_back({{"name", s.applicant_table.names[nodes[i]]},
                         {"normalized", s.applicant_table.keys[nodes[i]]},
                         {"count", counts[nodes[i]]},
                         {"community", community[i]}});
    n_communities = std::max(n_communities, community[i] + 1);
  }
  for (const WeightedEdge& e : edges)
    edge_rows.push_back({{"source", e.a}, {"target", e.b}, {"weight", static_cast<uint32_t>(e.weight)}});
  std::vector<Json> members(n_communities, Json::array());
  for (size_t i = 0; i < nodes.size(); ++i) members[community[i]].push_back(s.applicant_table.names[nodes[i]]);
  for (uint32_t c = 0; c < n_communities; ++c)
    communities.push_back({{"id", c}, {"size", members[c].size()}, {"members", std::move(members[c])}});
  return Json{{"nodes", std::move(node_rows)}, {"edges", std::move(edge_rows)}, {"communities", std::move(communities)}};
}

}  // namespace

const AnalysisSpec kCollaborationAnalysis = {
    "collaboration", "Co-applicant network", "合作申请网络",
    "Two applicants are linked when they file a patent of the set together; the weight is the number of such "
    "patents. Nodes are the 100 applicants with at least one co-applicant that have the most patents in the "
    "set (count; ties by key), edges the links among them (source and target are node indexes). Communities "
    "come from weighted label propagation (nodes in order, each taking its neighbours' heaviest label, ties "
    "kept or to the smallest, until stable), numbered by size.",
    Run};

}  // namespace patnav::analytics
