// Communities of a weighted undirected graph by label propagation, as the
// collaboration analysis uses it. Deterministic: nodes are visited in index
// order; each takes the label with the largest summed edge weight among its
// neighbours (keeping its own label when that is among the largest, else the
// smallest such label); at most 50 rounds, until no label changes. Labels
// are then renumbered 0, 1, ... by community size descending (ties by the
// smallest node index).
#pragma once

#include <cstdint>
#include <vector>

namespace patnav::analytics {

struct WeightedEdge {
  uint32_t a = 0, b = 0;
  double weight = 0;
};

// The community of each node 0..n-1.
std::vector<uint32_t> LabelPropagation(uint32_t n, const std::vector<WeightedEdge>& edges);

}  // namespace patnav::analytics
