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

// On an acyclic graph: x = 1 + d M x solved in one topological pass (every
// in-neighbour before its target), then PR = x / sum(x). Empty when the graph
// has a cycle.
std::vector<double> AcyclicPageRank(const InGraph& g, double d) {
  const uint32_t n = g.n;
  std::vector<uint32_t> out_offsets(n + 1, 0), out_targets(g.in_sources.size()), pending(n);
  for (uint32_t source : g.in_sources) ++out_offsets[source + 1];
  for (uint32_t i = 0; i < n; ++i) out_offsets[i + 1] += out_offsets[i];
  std::vector<uint32_t> next(out_offsets.begin(), out_offsets.end() - 1);
  for (uint32_t j = 0; j < n; ++j) {
    pending[j] = g.in_offsets[j + 1] - g.in_offsets[j];
    for (uint32_t k = g.in_offsets[j]; k < g.in_offsets[j + 1]; ++k) out_targets[next[g.in_sources[k]]++] = j;
  }
  std::vector<uint32_t> order;
  order.reserve(n);
  for (uint32_t j = 0; j < n; ++j)
    if (pending[j] == 0) order.push_back(j);
  for (size_t head = 0; head < order.size(); ++head) {
    const uint32_t v = order[head];
    for (uint32_t k = out_offsets[v]; k < out_offsets[v + 1]; ++k)
      if (--pending[out_targets[k]] == 0) order.push_back(out_targets[k]);
  }
  if (order.size() < n) return {};
  std::vector<double> x(n);
  double total = 0;
  for (uint32_t v : order) {
    double sum = 0;
    for (uint32_t k = g.in_offsets[v]; k < g.in_offsets[v + 1]; ++k) sum += x[g.in_sources[k]] / g.out_degree[g.in_sources[k]];
    x[v] = 1 + d * sum;
    total += x[v];
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
