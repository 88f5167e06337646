// Label propagation communities.
#include "analytics/communities.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace patnav::analytics {

std::vector<uint32_t> LabelPropagation(uint32_t n, const std::vector<WeightedEdge>& edges) {
  std::vector<std::vector<std::pair<uint32_t, double>>> adjacent(n);
  for (const WeightedEdge& e : edges) {
    if (e.a == e.b) continue;
    adjacent[e.a].emplace_back(e.b, e.weight);
    adjacent[e.b].emplace_back(e.a, e.weight);
  }
  std::vector<uint32_t> label(n);
  std::iota(label.begin(), label.end(), 0u);
  for (int round = 0; round < 50; ++round) {
    bool changed = false;
    for (uint32_t v = 0; v < n; ++v) {
      if (adjacent[v].empty()) continue;
      std::map<uint32_t, double> weight;
      for (const auto& [u, w] : adjacent[v]) weight[label[u]] += w;
      double best = 0;
      for (const auto& [l, w] : weight) best = std::max(best, w);
      uint32_t chosen = label[v];
      auto own = weight.find(label[v]);
      if (own == weight.end() || own->second < best) {
        for (const auto& [l, w] : weight)
          if (w == best) { chosen = l; break; }
      }
      if (chosen != label[v]) {
        label[v] = chosen;
        changed = true;
      }
    }
    if (!changed) break;
  }
  // Renumber by size descending, ties by the smallest member.
  std::map<uint32_t, std::pair<uint32_t, uint32_t>> groups;  // label -> (size, smallest node)
  for (uint32_t v = 0; v < n; ++v) {
    auto [it, fresh] = groups.try_emplace(label[v], 0u, v);
    ++it->second.first;
  }
  std::vector<std::pair<uint32_t, uint32_t>> order;  // (label, ...)
  std::vector<uint32_t> labels;
  for (const auto& [l, g] : groups) labels.push_back(l);
  std::sort(labels.begin(), labels.end(), [&](uint32_t x, uint32_t y) {
    if (groups[x].first != groups[y].first) return groups[x].first > groups[y].first;
    return groups[x].second < groups[y].second;
  });
  std::map<uint32_t, uint32_t> renumber;
  for (uint32_t i = 0; i < labels.size(); ++i) renumber[labels[i]] = i;
  for (uint32_t& l : label) l = renumber[l];
  return label;
}

}  // namespace patnav::analytics
