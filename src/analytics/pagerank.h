// PageRank on a directed graph given by its in-edges (CSR), as used by
// core_patents on the citation graph (an edge citing -> cited).
//
// Definition: PR(j) = (1 - d) / n + d * (sum over in-edges i->j of PR(i) /
// out(i) + D / n), D = the summed rank of nodes without out-edges (dangling:
// their rank is spread evenly). Ranks add up to 1.
//
// Computation: PR = x / sum(x) where x = 1 + d M x (M: in-edges weighted by
// 1/out-degree), since the teleport and dangling terms are one scalar for
// every node. On an acyclic graph — a citation graph, whose edges point back
// in time, nearly always is — x is solved exactly in one pass in topological
// order: O(nodes + edges). A graph with a cycle falls back to power
// iteration from 1/n until the L1 change is below `tolerance` or
// `max_iterations`.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace patnav::analytics {

struct InGraph {
  uint32_t n = 0;
  std::vector<uint32_t> in_offsets{0};  // n + 1
  std::vector<uint32_t> in_sources;     // the sources of node j's in-edges: [in_offsets[j], in_offsets[j+1])
  std::vector<uint32_t> out_degree;     // n
};

// From an edge list (source, target), duplicates kept as given.
InGraph InGraphFromEdges(uint32_t n, const std::vector<std::pair<uint32_t, uint32_t>>& edges);

struct PageRankOptions {
  double damping = 0.85;
  double tolerance = 1e-10;
  int max_iterations = 100;
};

std::vector<double> PageRank(const InGraph& g, const PageRankOptions& options = {});

}  // namespace patnav::analytics
