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
  // year -> (applicant -> fractional patents)
  std::map<int, std::vector<std::pair<uint32_t, double>>> shares;
  std::map<int, uint32_t> patents;
  for (uint32_t r : ctx.rows) {
    const int y = s.filing_year[r];
    const auto applicants = s.applicants[r];
    if (y == 0 || applicants.empty()) continue;
    ++patents[y];
    const double part = 1.0 / static_cast<double>(applicants.size());
    auto& v = shares[y];
    for (uint32_t a : applicants) v.emplace_back(a, part);
  }
  Json rows = Json::array();
  for (auto& [y, v] : shares) {
    std::sort(v.begin(), v.end());
    std::vector<double> per_applicant;
    for (size_t i = 0; i < v.size();) {
      double sum = 0;
      size_t j = i;
      for (; j < v.size() && v[j].first == v[i].first; ++j) sum += v[j].second;
      per_applicant.push_back(sum / patents[y]);
      i = j;
    }
    std::sort(per_applicant.begin(), per_applicant.end(), std::greater<>());
    double cr4 = 0, cr8 = 0, hhi = 0;
    for (size_t i = 0; i < per_applicant.size(); ++i) {
      if (i < 4) cr4 += per_applicant[i];
      if (i < 8) cr8 += per_applicant[i];
      hhi += (100 * per_applicant[i]) * (100 * per_applicant[i]);
    }
    rows.push_back({{"year", y},
                    {"patents", patents[y]},
                    {"applicants", per_applicant.size()},
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
