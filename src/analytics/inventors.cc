// inventors: the key inventors of the set and whom they file for.
#include <algorithm>

#include "analytics/analyses.h"
#include "analytics/analysis_util.h"

namespace patnav::analytics {

namespace {

constexpr size_t kApplicantsListed = 3;

Json Run(const AnalysisContext& ctx) {
  const Snapshot& s = ctx.snap;
  std::vector<uint32_t> counts(s.inventor_table.keys.size(), 0);
  for (uint32_t r : ctx.rows)
    for (uint32_t v : s.inventors[r]) ++counts[v];
  const std::vector<uint32_t> top = TopIds(counts, s.inventor_table.keys, static_cast<size_t>(ctx.options.top));
  std::vector<int> slot(counts.size(), -1);
  for (size_t i = 0; i < top.size(); ++i) slot[top[i]] = static_cast<int>(i);
  std::vector<std::vector<uint32_t>> rows(top.size());
  for (uint32_t r : ctx.rows)
    for (uint32_t v : s.inventors[r])
      if (slot[v] >= 0) rows[slot[v]].push_back(r);
  std::vector<uint32_t> applicant_counts(s.applicant_table.keys.size(), 0);
  Json out = Json::array();
  for (size_t i = 0; i < top.size(); ++i) {
    int first = 0, last = 0;
    double citations = 0;
    std::vector<uint32_t> touched;
    for (uint32_t r : rows[i]) {
      if (int y = s.filing_year[r]) {
        first = first == 0 ? y : std::min(first, y);
        last = std::max(last, y);
      }
      citations += s.forward(r);
      for (uint32_t a : s.applicants[r])
        if (applicant_counts[a]++ == 0) touched.push_back(a);
    }
    std::sort(touched.begin(), touched.end(), [&](uint32_t a, uint32_t b) {
      if (applicant_counts[a] != applicant_counts[b]) return applicant_counts[a] > applicant_counts[b];
      return s.applicant_table.keys[a] < s.applicant_table.keys[b];
    });
    Json applicants = Json::array();
    for (size_t k = 0; k < touched.size() && k < kApplicantsListed; ++k)
      applicants.push_back(s.applicant_table.names[touched[k]]);
    for (uint32_t a : touched) applicant_counts[a] = 0;
    out.push_back({{"name", s.inventor_table.names[top[i]]},
                   {"count", counts[top[i]]},
                   {"applicants", std::move(applicants)},
                   {"first_year", first ? Json(first) : Json(nullptr)},
                   {"last_year", last ? Json(last) : Json(nullptr)},
                   {"mean_forward_citations", Round6(citations / static_cast<double>(rows[i].size()))}});
  }
  return out;
}

}  // namespace

const AnalysisSpec kInventorsAnalysis = {
    "inventors", "Key inventors", "核心发明人",
    "Inventors are grouped by their name as published (\"Last, First\"); the top N by number of patents in "
    "the set (ties by name). applicants = the (at most 3) applicants they file for most often in the set; "
    "first_year and last_year = the earliest and latest filing year of their patents; mean_forward_citations "
    "= the mean number of stored patents citing them.",
    Run};

}  // namespace patnav::analytics
