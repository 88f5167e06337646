// emerging_terms: title terms whose share of patents grows fastest between
// two periods.
#include <algorithm>

#include "analytics/analyses.h"
#include "analytics/analysis_util.h"

namespace patnav::analytics {

namespace {

constexpr size_t kRows = 30;
constexpr uint32_t kMinRecent = 3;

Json Run(const AnalysisContext& ctx) {
  const Snapshot& s = ctx.snap;
  const int l = ctx.last_year;
  Json out{{"period_a", l ? Json{l - 5, l - 3} : Json(nullptr)},
           {"period_b", l ? Json{l - 2, l} : Json(nullptr)},
           {"rows", Json::array()}};
  if (!s.has_text || l == 0) {
    out["note"] = s.has_text ? "no dated patents" : "the snapshot was built without titles";
    return out;
  }
  std::vector<uint32_t> in_a(s.text.terms.size(), 0), in_b(s.text.terms.size(), 0);
  double n_a = 0, n_b = 0;
  for (uint32_t r : ctx.rows) {
    const int y = s.filing_year[r];
    std::vector<uint32_t>* counts = nullptr;
    if (y >= l - 5 && y <= l - 3) counts = &in_a, ++n_a;
    else if (y >= l - 2 && y <= l) counts = &in_b, ++n_b;
    if (!counts) continue;
    for (uint32_t t : s.text.title_terms[r]) ++(*counts)[t];
  }
  struct Row { uint32_t term; double growth; };
  std::vector<Row> rows;
  for (uint32_t t = 0; t < in_b.size(); ++t) {
    if (in_b[t] < kMinRecent) continue;
    const double growth = ((in_b[t] + 1) / (n_b + 1)) / ((in_a[t] + 1) / (n_a + 1)) - 1;
    rows.push_back({t, growth});
  }
  auto better = [&](const Row& x, const Row& y) {
    if (x.growth != y.growth) return x.growth > y.growth;
    if (in_b[x.term] != in_b[y.term]) return in_b[x.term] > in_b[y.term];
    return s.text.terms[x.term] < s.text.terms[y.term];
  };
  const size_t k = std::min(kRows, rows.size());
  std::partial_sort(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(k), rows.end(), better);
  for (size_t i = 0; i < k; ++i) {
    const uint32_t t = rows[i].term;
    out["rows"].push_back({{"term", s.text.terms[t]},
                           {"share_a", Round6(n_a > 0 ? in_a[t] / n_a : 0)},
                           {"share_b", Round6(n_b > 0 ? in_b[t] / n_b : 0)},
                           {"growth", Round6(rows[i].growth)},
                           {"count_a", in_a[t]},
                           {"count_b", in_b[t]}});
  }
  return out;
}

}  // namespace

const AnalysisSpec kEmergingTermsAnalysis = {
    "emerging_terms", "Emerging terms", "新兴技术词",
    "Title terms (lower-cased words of 3+ letters that are not stopwords or numbers; character bigrams of "
    "Chinese, Japanese and Korean text), each counted once per patent. Period b is the last three complete "
    "filing years (L-2..L), period a the three before (L-5..L-3); share = patents of the set in the period "
    "with the term / patents of the set in the period. growth = smoothed share ratio - 1 = ((count_b + 1) / "
    "(patents_b + 1)) / ((count_a + 1) / (patents_a + 1)) - 1. Terms in at least 3 patents of period b; the 30 "
    "fastest growing (ties by count_b, then term).",
    Run};

}  // namespace patnav::analytics
