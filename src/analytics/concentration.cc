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
  Json rows = Json::array();
  if (ctx.first_year == 0) return rows;
  const int lo = ctx.first_year;
  int hi = lo;
  for (uint32_t r : ctx.rows) hi = std::max<int>(hi, s.filing_year[r]);
  const size_t years = static_cast<size_t>(hi - lo + 1);
  // Two passes over the set in row order (not a pass per year, which would
  // jump around the columns): count each year's patents with applicants and
  // their (patent, applicant) pairs, then bucket the pairs by year, keeping
  // row order so every sum below adds in the same order as row by row.
  std::vector<uint32_t> patents_of(years, 0), start(years + 1, 0);
  for (uint32_t r : ctx.rows)
    if (const int y = s.filing_year[r]) {
      const uint32_t k = s.applicants.offsets[r + 1] - s.applicants.offsets[r];
      patents_of[static_cast<size_t>(y - lo)] += k > 0;
      start[static_cast<size_t>(y - lo) + 1] += k;
    }
  for (size_t y = 0; y < years; ++y) start[y + 1] += start[y];
  std::vector<uint64_t> pairs(start.back());  // applicant << 32 | the patent's applicant count
  std::vector<uint32_t> next(start.begin(), start.end() - 1);
  for (uint32_t r : ctx.rows)
    if (const int y = s.filing_year[r]) {
      const auto applicants = s.applicants[r];
      uint32_t& at = next[static_cast<size_t>(y - lo)];
      for (uint32_t a : applicants) pairs[at++] = uint64_t{a} << 32 | applicants.size();
    }
  std::vector<double> part(s.applicant_table.keys.size(), 0);  // fractional patents, reset after each year
  std::vector<uint32_t> touched;
  std::vector<double> shares;
  for (size_t y = 0; y < years; ++y) {
    const uint32_t patents = patents_of[y];
    // First-touch order, recorded without a branch per pair.
    touched.resize(start[y + 1] - start[y]);
    size_t n_touched = 0;
    for (uint32_t k = start[y]; k < start[y + 1]; ++k) {
      const uint32_t a = static_cast<uint32_t>(pairs[k] >> 32);
      const double each = 1.0 / static_cast<double>(static_cast<uint32_t>(pairs[k]));
      touched[n_touched] = a;
      n_touched += part[a] == 0;
      part[a] += each;
    }
    touched.resize(n_touched);
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
    rows.push_back({{"year", lo + static_cast<int>(y)},
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
