// Shared counting helpers of the analyses.
#include "analytics/analysis_util.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace patnav::analytics {

std::vector<uint32_t> ApplicantCounts(const AnalysisContext& ctx) {
  std::vector<uint32_t> counts(ctx.snap.applicant_table.keys.size(), 0);
  for (uint32_t r : ctx.rows)
    for (uint32_t a : ctx.snap.applicants[r]) ++counts[a];
  return counts;
}

std::vector<uint32_t> TopIds(const std::vector<uint32_t>& counts, const Dictionary& keys, size_t n) {
  auto better = [&](uint32_t a, uint32_t b) {
    if (counts[a] != counts[b]) return counts[a] > counts[b];
    return keys[a] < keys[b];
  };
  // One scan keeping the n best in a heap whose top is the worst kept (keys
  // are distinct, so the order is total and the result is that of sorting
  // every id); most ids fail the first comparison with the worst count.
  std::vector<uint32_t> heap;
  if (n == 0) return heap;
  heap.reserve(n + 1);
  uint32_t lo = 1;  // the least count that can enter: 1, then the heap top's once full
  const uint32_t* c = counts.data();
  const uint32_t size = static_cast<uint32_t>(counts.size());
  for (uint32_t block = 0; block < size; block += 16) {
    const uint32_t end = std::min(size, block + 16);
    bool any = false;  // a branch-free (vectorized) test of 16 counts at once
    for (uint32_t i = block; i < end; ++i) any |= c[i] >= lo;
    if (!any) continue;
    for (uint32_t i = block; i < end; ++i) {
      if (c[i] < lo) continue;
      if (heap.size() < n) {
        heap.push_back(i);
        std::push_heap(heap.begin(), heap.end(), better);
      } else if (better(i, heap.front())) {
        std::pop_heap(heap.begin(), heap.end(), better);
        heap.back() = i;
        std::push_heap(heap.begin(), heap.end(), better);
      } else {
        continue;
      }
      if (heap.size() == n) lo = std::max<uint32_t>(1, c[heap.front()]);
    }
  }
  std::sort(heap.begin(), heap.end(), better);
  return heap;
}

void NodesAt(const Snapshot& s, uint32_t row, ClassLevel level, std::vector<uint32_t>& out) {
  out.clear();
  for (uint32_t g : s.groups[row]) out.push_back(s.classes.AncestorAt(g, level));
  if (level != ClassLevel::kMainGroup) {
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
  }
}

std::vector<uint32_t> ClassCounts(const AnalysisContext& ctx, ClassLevel level) {
  const Snapshot& s = ctx.snap;
  std::vector<uint32_t> counts(s.classes.codes.size(), 0);
  if (level == ClassLevel::kMainGroup) {  // a row's main groups are distinct already
    for (uint32_t r : ctx.rows)
      for (uint32_t g : s.groups[r]) ++counts[g];
    return counts;
  }
  std::vector<uint32_t> last_row(counts.size(), UINT32_MAX);
  for (uint32_t r : ctx.rows)
    for (uint32_t g : s.groups[r]) {
      const uint32_t node = s.classes.AncestorAt(g, level);
      if (last_row[node] != r) {
        last_row[node] = r;
        ++counts[node];
      }
    }
  return counts;
}

std::vector<uint32_t> ClassCountsAllLevels(const AnalysisContext& ctx) {
  const Snapshot& s = ctx.snap;
  const uint32_t nodes = static_cast<uint32_t>(s.classes.codes.size());
  // Index `nodes` is a dummy that absorbs missing ancestors.
  std::vector<uint32_t> counts(nodes + 1, 0), last_row(nodes + 1, UINT32_MAX);
  // Each node's three ancestors or fewer (padded with the dummy), so that a
  // row needs no walk and no branch per node: a node counts for the row when
  // the row has not marked it yet (a marked node's ancestors are marked too).
  std::vector<std::array<uint32_t, 3>> up(nodes);
  for (uint32_t n = 0; n < nodes; ++n) {
    up[n].fill(nodes);
    uint32_t node = s.classes.parent[n];
    for (size_t k = 0; k < 3 && node != UINT32_MAX; ++k, node = s.classes.parent[node]) up[n][k] = node;
  }
  uint32_t* const c = counts.data();
  uint32_t* const mark = last_row.data();
  for (uint32_t r : ctx.rows)
    for (uint32_t g : s.groups[r]) {
      c[g] += mark[g] != r;  // a row's main groups are distinct, but a node may be other than a main group
      mark[g] = r;
      for (uint32_t x : up[g]) {
        c[x] += mark[x] != r;
        mark[x] = r;
      }
    }
  counts.pop_back();
  return counts;
}

std::optional<double> Cagr(double first, double last, int years) {
  if (first <= 0 || years <= 0) return std::nullopt;
  return std::pow(last / first, 1.0 / years) - 1.0;
}

std::vector<uint32_t> YearCounts(const Snapshot& s, const std::vector<uint32_t>& rows, int from, int to) {
  std::vector<uint32_t> counts(to >= from ? static_cast<size_t>(to - from + 1) : 0, 0);
  for (uint32_t r : rows) {
    const int y = s.filing_year[r];
    if (y >= from && y <= to) ++counts[static_cast<size_t>(y - from)];
  }
  return counts;
}

double Round6(double v) { return std::round(v * 1e6) / 1e6; }

Json NullableNumber(const std::optional<double>& v) { return v ? Json(Round6(*v)) : Json(nullptr); }

}  // namespace patnav::analytics

namespace patnav::analytics {

InGraph SetCitationGraph(const AnalysisContext& ctx) {
  const Snapshot& s = ctx.snap;
  const uint32_t n = static_cast<uint32_t>(ctx.rows.size());
  // The whole snapshot needs no row-to-node map: node i is row i. Sized by a
  // counting pass, so the edge array is allocated once (growing it by
  // doubling was a third of core_patents on a 100,000-patent corpus).
  const bool whole = n == s.size();
  std::vector<uint32_t> index_of;
  if (!whole) {
    index_of.assign(s.size(), UINT32_MAX);
    for (uint32_t i = 0; i < n; ++i) index_of[ctx.rows[i]] = i;
  }
  auto node = [&](uint32_t row) { return whole ? row : index_of[row]; };
  InGraph g;
  g.n = n;
  g.in_offsets.assign(n + 1, 0);
  g.out_degree.assign(n, 0);
  size_t edges = 0;
  for (uint32_t j = 0; j < n; ++j)
    for (uint32_t citing : s.cited_by[ctx.rows[j]]) edges += whole || ctx.InSet(citing);
  g.in_sources.resize(edges);
  size_t at = 0;
  for (uint32_t j = 0; j < n; ++j) {
    for (uint32_t citing : s.cited_by[ctx.rows[j]]) {
      const uint32_t i = node(citing);
      if (i == UINT32_MAX) continue;
      g.in_sources[at++] = i;
      ++g.out_degree[i];
    }
    g.in_offsets[j + 1] = static_cast<uint32_t>(at);
  }
  return g;
}

}  // namespace patnav::analytics

namespace patnav::analytics {

RowsByYear GroupRowsByYear(const AnalysisContext& ctx) {
  RowsByYear out;
  if (ctx.first_year == 0) return out;
  int hi = ctx.first_year;
  for (uint32_t r : ctx.rows) hi = std::max<int>(hi, ctx.snap.filing_year[r]);
  const int lo = ctx.first_year;
  std::vector<uint32_t> counts(static_cast<size_t>(hi - lo + 2), 0);
  for (uint32_t r : ctx.rows)
    if (int y = ctx.snap.filing_year[r]) ++counts[static_cast<size_t>(y - lo + 1)];
  for (size_t i = 1; i < counts.size(); ++i) counts[i] += counts[i - 1];
  out.rows.resize(counts.back());
  std::vector<uint32_t> next(counts.begin(), counts.end() - 1);
  for (uint32_t r : ctx.rows)
    if (int y = ctx.snap.filing_year[r]) out.rows[next[static_cast<size_t>(y - lo)]++] = r;
  // Empty years hold no rows, so the kept years' rows are contiguous.
  for (int y = lo; y <= hi; ++y) {
    const size_t i = static_cast<size_t>(y - lo);
    if (counts[i + 1] == counts[i]) continue;
    out.years.push_back(y);
    out.offsets.push_back(counts[i + 1]);
  }
  return out;
}

}  // namespace patnav::analytics
