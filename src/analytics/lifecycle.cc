// lifecycle: patents and applicants per year, and the stage verdict.
#include "analytics/lifecycle.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "analytics/analyses.h"
#include "analytics/analysis_util.h"

namespace patnav::analytics {

namespace {

std::string Format(const char* fmt, double a, double b, double c, double d, double e, double f) {
  char buf[512];
  std::snprintf(buf, sizeof buf, fmt, a, b, c, d, e, f);
  return buf;
}

Json Run(const AnalysisContext& ctx) {
  const Snapshot& s = ctx.snap;
  const RowsByYear by_year = GroupRowsByYear(ctx);
  std::vector<int> stamp(s.applicant_table.keys.size(), 0);  // the last year an applicant was counted in
  std::vector<LifecyclePoint> points;
  Json rows = Json::array();
  for (size_t y = 0; y < by_year.years.size(); ++y) {
    const int year = by_year.years[y];
    int distinct = 0;
    for (uint32_t k = by_year.offsets[y]; k < by_year.offsets[y + 1]; ++k)
      for (uint32_t a : s.applicants[by_year.rows[k]])
        if (stamp[a] != year) {
          stamp[a] = year;
          ++distinct;
        }
    const int patents = static_cast<int>(by_year.offsets[y + 1] - by_year.offsets[y]);
    points.push_back({year, patents, distinct});
    rows.push_back({{"year", year}, {"patents", patents}, {"applicants", distinct}});
  }
  LifecycleVerdict v = ClassifyLifecycle(points, ctx.last_year);
  return Json{{"rows", std::move(rows)}, {"stage", v.stage}, {"rule", v.rule}, {"last_complete_year", ctx.last_year ? Json(ctx.last_year) : Json(nullptr)}};
}

}  // namespace

LifecycleVerdict ClassifyLifecycle(const std::vector<LifecyclePoint>& points, int last_year) {
  if (last_year == 0 || points.empty()) return {"germination", "germination: no dated patent in the set"};
  double p_recent = 0, p_previous = 0, a_recent = 0, a_previous = 0;
  for (const LifecyclePoint& p : points) {
    if (p.year > last_year - 3 && p.year <= last_year) {
      p_recent += p.patents;
      a_recent += p.applicants;
    } else if (p.year > last_year - 6 && p.year <= last_year - 3) {
      p_previous += p.patents;
      a_previous += p.applicants;
    }
  }
  p_recent /= 3, p_previous /= 3, a_recent /= 3, a_previous /= 3;
  const double y = last_year;
  const std::string figures =
      Format("%.0f-%.0f averaged %.1f patents and %.1f applicants a year against %.1f and %.1f",
             y - 2, y, p_recent, a_recent, p_previous, a_previous) +
      Format(" in %.0f-%.0f", y - 5, y - 3, 0, 0, 0, 0);
  if (p_recent < 0.9 * p_previous && a_recent < 0.9 * a_previous)
    return {"decline", "decline: patents and applicants both fell by more than 10% (" + figures + ")"};
  if (p_previous == 0 || p_recent < 10)
    return {"germination",
            "germination: fewer than 10 patents a year recently, or none in the previous window (" + figures + ")"};
  if (p_recent >= 1.2 * p_previous && a_recent >= 1.1 * a_previous)
    return {"growth", "growth: patents grew by at least 20% and applicants by at least 10% (" + figures + ")"};
  return {"maturity",
          "maturity: patents neither fell with the applicants nor grew with them (grew <20% or the number of "
          "applicants stalled) (" + figures + ")"};
}

const AnalysisSpec kLifecycleAnalysis = {
    "lifecycle", "Technology life cycle", "技术生命周期",
    "Per filing year: the patents of the set and the distinct applicants filing them. The stage compares the "
    "last three complete years (L-2..L, L = the last complete year) with the three before (L-5..L-3), by mean "
    "patents (P) and mean distinct applicants (A) a year; the first rule that holds: decline if P and A both "
    "fell by more than 10%; germination if there were no patents in the earlier window or fewer than 10 a "
    "year recently; growth if P grew by at least 20% and A by at least 10%; otherwise maturity. The rule that "
    "fired is given with its figures.",
    Run};

}  // namespace patnav::analytics
