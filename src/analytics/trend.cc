// trend: filings, priority filings and publications per year, and filings
// per publication country.
#include <algorithm>
#include <map>

#include "analytics/analyses.h"

namespace patnav::analytics {

namespace {

Json Run(const AnalysisContext& ctx) {
  const Snapshot& s = ctx.snap;
  int lo = 0, hi = 0;
  for (uint32_t r : ctx.rows)
    for (int y : {s.filing_year[r], s.priority_year[r], s.publication_year[r]}) {
      if (y == 0) continue;
      lo = lo == 0 ? y : std::min(lo, y);
      hi = std::max(hi, y);
    }
  Json rows = Json::array();
  if (lo == 0) return rows;
  const size_t years = static_cast<size_t>(hi - lo + 1);
  std::vector<uint32_t> filings(years), priority(years), publications(years);
  const size_t countries = s.countries.size();
  std::vector<uint32_t> by_country(years * countries, 0);  // [year][country id]
  for (uint32_t r : ctx.rows) {
    if (int y = s.filing_year[r]) {
      ++filings[y - lo];
      ++by_country[static_cast<size_t>(y - lo) * countries + s.country[r]];
    }
    if (int y = s.priority_year[r]) ++priority[y - lo];
    if (int y = s.publication_year[r]) ++publications[y - lo];
  }
  for (size_t i = 0; i < years; ++i) {
    std::map<std::string_view, uint32_t> named;  // by country code, for a stable key order
    for (size_t c = 0; c < countries; ++c)
      if (uint32_t n = by_country[i * countries + c]) named[s.countries[static_cast<uint32_t>(c)]] += n;
    Json per_country = Json::object();
    for (const auto& [c, n] : named) per_country[std::string(c)] = n;
    rows.push_back({{"year", lo + static_cast<int>(i)},
                    {"count", filings[i]},
                    {"priority", priority[i]},
                    {"publications", publications[i]},
                    {"by_country", std::move(per_country)}});
  }
  return rows;
}

}  // namespace

const AnalysisSpec kTrendAnalysis = {
    "trend", "Filing trend", "申请趋势",
    "One row per year from the earliest to the latest year seen in the set (years without patents included, "
    "with zeros). count: patents of the set whose filing date falls in the year; priority: patents whose "
    "earliest priority date (else filing date) falls in it; publications: patents published in it; by_country: "
    "the year's filings split by publication country. Patents without the date are not counted in that column.",
    Run};

}  // namespace patnav::analytics
