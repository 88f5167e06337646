// PageRank by power iteration in pull form (each node sums its in-edges).
#include "analytics/pagerank.h"

#include <cmath>

namespace patnav::analytics {

InGraph InGraphFromEdges(uint32_t n, const std::vector<std::pair<uint32_t, uint32_t>>& edges) {
  InGraph g;
  g.n = n;
  g.in_offsets.assign(n + 1, 0);
  g.out_degree.assign(n, 0);
  for (const auto& [from, to] : edges) {
    ++g.in_offsets[to + 1];
    ++g.out_degree[from];
  }
  for (uint32_t i = 0; i < n; ++i) g.in_offsets[i + 1] += g.in_offsets[i];
  g.in_sources.resize(edges.size());
  std::vector<uint32_t> next(g.in_offsets.begin(), g.in_offsets.end() - 1);
  for (const auto& [from, to] : edges) g.in_sources[next[to]++] = from;
  return g;
}

namespace {

// On an acyclic graph: x = 1 + d M x solved in one pass, every in-neighbour
// before its target (a depth-first walk along in-edges, so no out-edge index
// is built), then PR = x / sum(x). Empty when the graph has a cycle.
std::vector<double> AcyclicPageRank(const InGraph& g, double d) {
  const uint32_t n = g.n;
  enum : uint8_t { kNew, kOpen, kDone };
  std::vector<uint8_t> state(n, kNew);
  std::vector<double> x(n);
  // (node, its next in-edge to look at)
  std::vector<std::pair<uint32_t, uint32_t>> stack;
  double total = 0;
  for (uint32_t root = 0; root < n; ++root) {
    if (state[root] != kNew) continue;
    stack.emplace_back(root, g.in_offsets[root]);
    state[root] = kOpen;
    while (!stack.empty()) {
      auto& [v, k] = stack.back();
      const uint32_t end = g.in_offsets[v + 1];
      while (k < end && state[g.in_sources[k]] == kDone) ++k;
      if (k < end) {
        const uint32_t u = g.in_sources[k];
        if (state[u] == kOpen) return {};  // a cycle
        state[u] = kOpen;
        stack.emplace_back(u, g.in_offsets[u]);
        continue;
      }
      double sum = 0;
      for (uint32_t e = g.in_offsets[v]; e < end; ++e) sum += x[g.in_sources[e]] / g.out_degree[g.in_sources[e]];
      x[v] = 1 + d * sum;
      total += x[v];
      state[v] = kDone;
      stack.pop_back();
    }
  }
  for (double& v : x) v /= total;
  return x;
}

}  // namespace

std::vector<double> PageRank(const InGraph& g, const PageRankOptions& options) {
  const uint32_t n = g.n;
  if (n == 0) return {};
  if (std::vector<double> exact = AcyclicPageRank(g, options.damping); !exact.empty()) return exact;
  const double d = options.damping;
  std::vector<double> rank(n, 1.0 / n), next(n), share(n);
  for (int it = 0; it < options.max_iterations; ++it) {
    double dangling = 0;
    for (uint32_t i = 0; i < n; ++i) {
      if (g.out_degree[i] == 0) {
        dangling += rank[i];
        share[i] = 0;
      } else {
        share[i] = rank[i] / g.out_degree[i];
      }
    }
    const double base = (1 - d) / n + d * dangling / n;
    double change = 0;
    for (uint32_t j = 0; j < n; ++j) {
      double sum = 0;
      for (uint32_t k = g.in_offsets[j]; k < g.in_offsets[j + 1]; ++k) sum += share[g.in_sources[k]];
      next[j] = base + d * sum;
      change += std::fabs(next[j] - rank[j]);
    }
    rank.swap(next);
    if (change < options.tolerance) break;
  }
  return rank;
}

}  // namespace patnav::analytics
