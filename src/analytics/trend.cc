// trend: filings, priority filings and publications per year, and filings
// per publication country.
#include <algorithm>
#include <map>

#include "analytics/analyses.h"

namespace patnav::analytics {

namespace {

Json Run(const AnalysisContext& ctx) {
  const Snapshot& s = ctx.snap;
  const size_t countries = s.countries.size();
  int lo = 0, hi = 0;
  std::vector<uint32_t> filings, priority, publications, by_country;  // by_country: [year][country id]
  // One pass, counting into a 256-year window around the set's first filing
  // year (slot kWindow takes unknown years), when every year falls in it;
  // otherwise a pass for the range and one to count.
  constexpr uint32_t kWindow = 256;
  bool counted = false;
  if (ctx.first_year) {
    const int base = ctx.first_year - static_cast<int>(kWindow / 2);
    std::vector<uint32_t> f(kWindow + 1, 0), p(kWindow + 1, 0), u(kWindow + 1, 0), c((kWindow + 1) * countries, 0);
    bool outside = false;
    auto slot = [&](int y) {
      const uint32_t i = y ? static_cast<uint32_t>(y - base) : kWindow;  // y < base wraps to a large value
      outside |= i > kWindow;
      return std::min(i, kWindow);
    };
    for (uint32_t r : ctx.rows) {
      const uint32_t fi = slot(s.filing_year[r]);
      ++f[fi];
      ++c[fi * countries + s.country[r]];
      ++p[slot(s.priority_year[r])];
      ++u[slot(s.publication_year[r])];
    }
    if (!outside) {
      counted = true;
      uint32_t first = kWindow, last = 0;
      for (uint32_t i = 0; i < kWindow; ++i)
        if (f[i] || p[i] || u[i]) {
          first = std::min(first, i);
          last = i;
        }
      if (first < kWindow) {
        lo = base + static_cast<int>(first);
        hi = base + static_cast<int>(last);
        filings.assign(f.begin() + first, f.begin() + last + 1);
        priority.assign(p.begin() + first, p.begin() + last + 1);
        publications.assign(u.begin() + first, u.begin() + last + 1);
        by_country.assign(c.begin() + first * countries, c.begin() + (last + 1) * countries);
      }
    }
  }
  if (!counted) {
    for (uint32_t r : ctx.rows)
      for (int y : {s.filing_year[r], s.priority_year[r], s.publication_year[r]}) {
        if (y == 0) continue;
        lo = lo == 0 ? y : std::min(lo, y);
        hi = std::max(hi, y);
      }
    if (lo != 0) {
      const size_t years = static_cast<size_t>(hi - lo + 1);
      filings.assign(years, 0);
      priority.assign(years, 0);
      publications.assign(years, 0);
      by_country.assign(years * countries, 0);
      for (uint32_t r : ctx.rows) {
        if (int y = s.filing_year[r]) {
          ++filings[y - lo];
          ++by_country[static_cast<size_t>(y - lo) * countries + s.country[r]];
        }
        if (int y = s.priority_year[r]) ++priority[y - lo];
        if (int y = s.publication_year[r]) ++publications[y - lo];
      }
    }
  }
  Json rows = Json::array();
  if (lo == 0) return rows;
  const size_t years = static_cast<size_t>(hi - lo + 1);
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
