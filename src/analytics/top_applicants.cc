// top_applicants: the largest applicants of the set with their activity.
#include <algorithm>

#include "analytics/analyses.h"
#include "analytics/analysis_util.h"

namespace patnav::analytics {

namespace {

constexpr int kGrowthYears = 5;
constexpr size_t kMainIpc = 3;

Json Run(const AnalysisContext& ctx) {
  const Snapshot& s = ctx.snap;
  const std::vector<uint32_t> counts = ApplicantCounts(ctx);
  const std::vector<uint32_t> top = TopIds(counts, s.applicant_table.keys, static_cast<size_t>(ctx.options.top));
  // Per top applicant: its rows of the set.
  std::vector<int> slot(s.applicant_table.keys.size(), -1);
  for (size_t i = 0; i < top.size(); ++i) slot[top[i]] = static_cast<int>(i);
  std::vector<std::vector<uint32_t>> rows(top.size());
  for (uint32_t r : ctx.rows)
    for (uint32_t a : s.applicants[r])
      if (slot[a] >= 0) rows[slot[a]].push_back(r);
  Json out = Json::array();
  std::vector<uint32_t> subclass_counts(s.classes.codes.size(), 0);
  std::vector<uint32_t> last_row(s.classes.codes.size(), UINT32_MAX);  // a subclass counts once per patent
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
      for (uint32_t g : s.groups[r]) {
        const uint32_t n = s.classes.AncestorAt(g, ClassLevel::kSubclass);
        if (last_row[n] == r) continue;
        last_row[n] = r;
        if (subclass_counts[n]++ == 0) touched.push_back(n);
      }
    }
    std::sort(touched.begin(), touched.end(), [&](uint32_t a, uint32_t b) {
      if (subclass_counts[a] != subclass_counts[b]) return subclass_counts[a] > subclass_counts[b];
      return s.classes.codes[a] < s.classes.codes[b];
    });
    Json main_ipc = Json::array();
    for (size_t k = 0; k < touched.size() && k < kMainIpc; ++k) main_ipc.push_back(s.classes.codes[touched[k]]);
    for (uint32_t n : touched) {
      subclass_counts[n] = 0;
      last_row[n] = UINT32_MAX;  // the next applicant may share rows
    }
    std::optional<double> growth;
    if (ctx.last_year) {
      const std::vector<uint32_t> per_year = YearCounts(s, rows[i], ctx.last_year - kGrowthYears, ctx.last_year);
      growth = Cagr(per_year.front(), per_year.back(), kGrowthYears);
    }
    const uint32_t id = top[i];
    out.push_back({{"name", s.applicant_table.names[id]},
                   {"normalized", s.applicant_table.keys[id]},
                   {"count", counts[id]},
                   {"share", Round6(static_cast<double>(counts[id]) / static_cast<double>(ctx.size()))},
                   {"first_year", first ? Json(first) : Json(nullptr)},
                   {"last_year", last ? Json(last) : Json(nullptr)},
                   {"growth", NullableNumber(growth)},
                   {"mean_forward_citations", Round6(citations / static_cast<double>(rows[i].size()))},
                   {"main_ipc", std::move(main_ipc)},
                   {"type", PartyTypeName(static_cast<PartyType>(s.applicant_table.types[id]))}});
  }
  return out;
}

}  // namespace

const AnalysisSpec kTopApplicantsAnalysis = {
    "top_applicants", "Top applicants", "主要申请人",
    "Applicants are grouped by their normalized key (legal forms and punctuation removed; name = the first "
    "spelling seen); a patent counts once for each of its distinct applicants (assignees when it names no "
    "applicant). The top N by patent count (ties by key). share = count / patents in the set; first_year and "
    "last_year = earliest and latest filing year of its patents; growth = compound annual growth of its yearly "
    "filings from year L-5 to year L, L being the last complete year (null when it filed nothing in L-5); "
    "mean_forward_citations = mean number of stored patents citing its patents; main_ipc = its three most "
    "frequent IPC subclasses (ties by code).",
    Run};

}  // namespace patnav::analytics
