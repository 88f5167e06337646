// concentration: CR4, CR8 and HHI of applicants per filing year.
#include <algorithm>
#include <functional>
#include <map>

#include "analytics/analyses.h"
#include "analytics/analysis_util.h"

namespace patnav::analytics {

namespace {

Json Run(const AnalysisContext& ctx) {
  const Snapshot& s = ctx.snap;
  const RowsByYear by_year = GroupRowsByYear(ctx);
  std::vector<double> part(s.applicant_table.keys.size(), 0);  // fractional patents, reset after each year
  std::vector<uint32_t> touched;
  std::vector<double> shares;
  Json rows = Json::array();
  for (size_t y = 0; y < by_year.years.size(); ++y) {
    uint32_t patents = 0;
    touched.clear();
    for (uint32_t k = by_year.offsets[y]; k < by_year.offsets[y + 1]; ++k) {
      const auto applicants = s.applicants[by_year.rows[k]];
      if (applicants.empty()) continue;
      ++patents;
      const double each = 1.0 / static_cast<double>(applicants.size());
      for (uint32_t a : applicants) {
        if (part[a] == 0) touched.push_back(a);
        part[a] += each;
      }
    }
    if (patents == 0) continue;
    shares.clear();
    for (uint32_t a : touched) {
      shares.push_back(part[a] / patents);
      part[a] = 0;
    }
    // Only the 8 largest need ordering.
    const size_t top = std::min<size_t>(8, shares.size());
    std::partial_sort(shares.begin(), shares.begin() + static_cast<std::ptrdiff_t>(top), shares.end(), std::greater<>());
    double cr4 = 0, cr8 = 0, hhi = 0;
    for (size_t i = 0; i < shares.size(); ++i) {
      if (i < 4) cr4 += shares[i];
      if (i < 8) cr8 += shares[i];
      hhi += (100 * shares[i]) * (100 * shares[i]);
    }
    rows.push_back({{"year", by_year.years[y]},
                    {"patents", patents},
                    {"applicants", shares.size()},
                    {"cr4", Round6(cr4)},
                    {"cr8", Round6(cr8)},
                    {"hhi", Round6(hhi)}});
  }
  return rows;
}

}  // namespace

const AnalysisSpec kConcentrationAnalysis = {
    "concentration", "Market concentration", "集中度",
    "Per filing year, over the patents of the set that name an applicant: each patent is shared equally among "
    "its k distinct applicants (1/k each), so applicant shares add up to 1. CR4 and CR8 = the summed shares of "
    "the 4 and 8 largest applicants; HHI = the sum of the squared shares in percent (0-10,000; above 2,500 is "
    "conventionally highly concentrated). patents and applicants are the year's counts.",
    Run};

}  // namespace patnav::analytics
