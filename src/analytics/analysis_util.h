// Counting helpers shared by the analyses: patents per applicant, per
// classification node, per year, over a patent set; growth rates.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analytics/analysis.h"

namespace patnav::analytics {

// Patents of the set per applicant id (a patent counts once per applicant).
std::vector<uint32_t> ApplicantCounts(const AnalysisContext& ctx);
// The ids with the largest counts (> 0), count descending then key ascending.
std::vector<uint32_t> TopIds(const std::vector<uint32_t>& counts, const Dictionary& keys, size_t n);
// Patents of the set per class node at `level` (once per node per patent).
std::vector<uint32_t> ClassCounts(const AnalysisContext& ctx, ClassLevel level);
// Patents of the set per class node at every level at once (node ids are
// unique across levels; a patent counts once per node).
std::vector<uint32_t> ClassCountsAllLevels(const AnalysisContext& ctx);
// The distinct nodes at `level` of a row's main groups, ascending.
void NodesAt(const Snapshot& s, uint32_t row, ClassLevel level, std::vector<uint32_t>& out);

// Compound annual growth from `first` to `last` over `years` years; nullopt
// when first == 0 or years <= 0.
std::optional<double> Cagr(double first, double last, int years);

// Patents of `rows` per filing year in [from, to] (index year - from).
std::vector<uint32_t> YearCounts(const Snapshot& s, const std::vector<uint32_t>& rows, int from, int to);

// Rounds to 6 decimals for stable JSON.
double Round6(double v);
Json NullableNumber(const std::optional<double>& v);

}  // namespace patnav::analytics

#include "analytics/pagerank.h"

namespace patnav::analytics {

// The citation graph induced by the set: node i = ctx.rows[i], an edge
// i -> j when rows[i] cites rows[j] (both in the set).
InGraph SetCitationGraph(const AnalysisContext& ctx);

}  // namespace patnav::analytics

namespace patnav::analytics {

// core_patents' normalized citations of ctx.rows[i]: forward citations over
// the mean of the set's patents of the same (filing year, main IPC subclass);
// 0 when that mean is 0.
std::vector<double> NormalizedCitations(const AnalysisContext& ctx);

}  // namespace patnav::analytics

namespace patnav::analytics {

// The set's rows with a filing year, grouped by year ascending (counting
// sort): the rows of years[i] are rows[offsets[i] .. offsets[i+1]).
struct RowsByYear {
  std::vector<int> years;
  std::vector<uint32_t> offsets{0};
  std::vector<uint32_t> rows;
};
RowsByYear GroupRowsByYear(const AnalysisContext& ctx);

}  // namespace patnav::analytics
