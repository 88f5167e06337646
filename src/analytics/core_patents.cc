// core_patents: the most important patents of the set by citations
// (normalized for age and field) and by PageRank, with the reasons.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "analytics/analyses.h"
#include "analytics/analysis_util.h"

namespace patnav::analytics {

namespace {

constexpr size_t kCore = 50;

std::string Fixed(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

}  // namespace

std::vector<double> NormalizedCitations(const AnalysisContext& ctx) {
  const Snapshot& s = ctx.snap;
  // Cohort: (filing year, subclass of the main symbol), as a dense index:
  // year slot (0 = unknown, else year - first_year + 1) x (subclass node + 1, 0 = none).
  const size_t nodes = s.classes.codes.size() + 1;
  const int first = ctx.first_year;
  int last = first;
  for (uint32_t r : ctx.rows) last = std::max<int>(last, s.filing_year[r]);
  const size_t years = first ? static_cast<size_t>(last - first + 2) : 1;
  // The subclass of each class node (the tree is small).
  std::vector<uint32_t> subclass_of(nodes - 1);
  for (uint32_t n = 0; n + 1 < nodes; ++n) subclass_of[n] = s.classes.AncestorAt(n, ClassLevel::kSubclass);
  // A sparse set keeps its forward citations for the second loop (its rows'
  // offsets are scattered); a dense one reads them again in order.
  const bool sparse = ctx.rows.size() * 4 < s.size();
  std::vector<uint32_t> cohort(ctx.rows.size()), forward(sparse ? ctx.rows.size() : 0);
  std::vector<std::pair<double, uint32_t>> sums(years * nodes, {0.0, 0});  // forward citations, patents
  for (size_t i = 0; i < ctx.rows.size(); ++i) {
    const uint32_t r = ctx.rows[i];
    const uint32_t g0 = s.groups.offsets[r], g1 = s.groups.offsets[r + 1];
    const size_t sub = g0 == g1 ? 0 : subclass_of[s.groups.values[g0]] + 1;
    const size_t year = s.filing_year[r] ? static_cast<size_t>(s.filing_year[r] - first + 1) : 0;
    cohort[i] = static_cast<uint32_t>(year * nodes + sub);
    const uint32_t f = s.forward(r);
    if (sparse) forward[i] = f;
    sums[cohort[i]].first += f;
    ++sums[cohort[i]].second;
  }
  std::vector<double> normalized(ctx.rows.size());
  for (size_t i = 0; i < ctx.rows.size(); ++i) {
    const auto& c = sums[cohort[i]];
    const double mean = c.first / c.second;
    normalized[i] = mean > 0 ? (sparse ? forward[i] : s.forward(ctx.rows[i])) / mean : 0;
  }
  return normalized;
}

namespace {

Json Run(const AnalysisContext& ctx) {
  const Snapshot& s = ctx.snap;
  const size_t n = ctx.rows.size();
  Json out = Json::array();
  if (n == 0) return out;
  const std::vector<double> normalized = NormalizedCitations(ctx);
  const double max_normalized = *std::max_element(normalized.begin(), normalized.end());
  const std::vector<double> pagerank = PageRank(SetCitationGraph(ctx));
  const double max_pagerank = *std::max_element(pagerank.begin(), pagerank.end());
  std::vector<double> combined(n);
  for (size_t i = 0; i < n; ++i)
    combined[i] = 0.5 * (max_normalized > 0 ? normalized[i] / max_normalized : 0) +
                  0.5 * (max_pagerank > 0 ? pagerank[i] / max_pagerank : 0);
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  auto better = [&](uint32_t a, uint32_t b) {
    if (combined[a] != combined[b]) return combined[a] > combined[b];
    if (s.forward(ctx.rows[a]) != s.forward(ctx.rows[b])) return s.forward(ctx.rows[a]) > s.forward(ctx.rows[b]);
    return s.publication_number[ctx.rows[a]] < s.publication_number[ctx.rows[b]];
  };
  const size_t k = std::min(kCore, n);
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k), order.end(), better);
  // PageRank position of each chosen patent, for the reasons, which name it
  // only within the top 5%: the top 5% of ranks sorted suffice (a rank below
  // them is at a position past 5%).
  const size_t head = std::min(n, static_cast<size_t>(std::ceil(0.05 * static_cast<double>(n))));
  std::vector<double> sorted_pr(pagerank);
  std::nth_element(sorted_pr.begin(), sorted_pr.begin() + static_cast<std::ptrdiff_t>(head - 1), sorted_pr.end(),
                   std::greater<>());
  sorted_pr.resize(head);
  std::sort(sorted_pr.begin(), sorted_pr.end(), std::greater<>());
  for (size_t rank = 0; rank < k; ++rank) {
    const uint32_t i = order[rank];
    const uint32_t r = ctx.rows[i];
    Json applicants = Json::array();
    for (uint32_t a : s.applicants[r]) applicants.push_back(s.applicant_table.names[a]);
    Json reasons = Json::array();
    const uint32_t f = s.forward(r);
    if (f > 0) reasons.push_back("cited by " + std::to_string(f) + " patents");
    if (normalized[i] >= 2) {
      const auto groups = s.groups[r];
      std::string field = groups.empty() ? "unclassified"
                                         : std::string(s.classes.codes[s.classes.AncestorAt(groups[0], ClassLevel::kSubclass)]);
      reasons.push_back(Fixed(normalized[i], 1) + "x the mean citations of patents filed in " +
                        (s.filing_year[r] ? std::to_string(s.filing_year[r]) : std::string("an unknown year")) +
                        " in " + field);
    }
    const size_t pr_position =
        static_cast<size_t>(std::lower_bound(sorted_pr.begin(), sorted_pr.end(), pagerank[i], std::greater<>()) -
                            sorted_pr.begin());
    const double pct = 100.0 * static_cast<double>(pr_position + 1) / static_cast<double>(n);
    if (pct <= 5) reasons.push_back("PageRank in the top " + Fixed(std::max(pct, 0.1), pct < 1 ? 1 : 0) + "% of the set's citation graph");
    if (reasons.empty()) reasons.push_back("highest combined score in a set with few citations");
    out.push_back({{"publication_number", s.publication_number[r]},
                   {"title", s.has_text ? s.text.titles[r] : std::string_view()},
                   {"applicants", std::move(applicants)},
                   {"year", s.filing_year[r] ? Json(s.filing_year[r]) : Json(nullptr)},
                   {"forward_citations", f},
                   {"normalized_citations", Round6(normalized[i])},
                   {"pagerank", Round6(pagerank[i] * static_cast<double>(n))},
                   {"rank", rank + 1},
                   {"reasons", std::move(reasons)},
                   {"score", Round6(combined[i])}});
  }
  return out;
}

}  // namespace

const AnalysisSpec kCorePatentsAnalysis = {
    "core_patents", "Core patents", "核心专利",
    "forward_citations = stored patents citing the patent. normalized_citations = forward citations divided by "
    "the mean of the set's patents of the same filing year and main IPC subclass (age and field; 0 when that "
    "mean is 0). pagerank = PageRank (damping 0.85, dangling rank spread evenly, to a change below 1e-10) on "
    "the citation graph between the set's patents, scaled by the set size (1 = average). score = half the "
    "normalized citations over their maximum plus half the PageRank over its maximum; the 50 best scores "
    "(ties by forward citations, then publication number) with rank 1 = best. reasons name the figures that "
    "stand out: any citations, at least twice the cohort mean, PageRank in the top 5%.",
    Run};

}  // namespace patnav::analytics
