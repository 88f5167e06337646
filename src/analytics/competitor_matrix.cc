// competitor_matrix: top applicants x top main groups (their IP layout).
#include <memory>

#include "analytics/analyses.h"
#include "analytics/analysis_util.h"

namespace patnav::analytics {

namespace {

constexpr size_t kApplicants = 10, kGroups = 10;

Json Run(const AnalysisContext& ctx) {
  const Snapshot& s = ctx.snap;
  const size_t n_applicants = s.applicant_table.keys.size(), nodes = s.classes.codes.size();
  // Each column is read once (the set's rows may be scattered, each row read
  // costing fresh cache lines). Pass 1: patents per applicant (a row's
  // applicants are distinct already); a sparse set also keeps its (row,
  // applicant) pairs in one sequential array.
  const bool sparse = ctx.rows.size() * 4 < s.size();
  std::vector<uint32_t> applicant_counts(n_applicants, 0);
  std::unique_ptr<uint64_t[]> pairs;  // sparse: row << 32 | applicant, rows ascending (not zero-filled)
  size_t n_pairs = 0;
  {
    uint32_t* const c = applicant_counts.data();
    if (sparse) {
      for (uint32_t r : ctx.rows) n_pairs += s.applicants.offsets[r + 1] - s.applicants.offsets[r];
      pairs.reset(new uint64_t[n_pairs]);
      uint64_t* p = pairs.get();
      for (uint32_t r : ctx.rows)
        for (uint32_t a : s.applicants[r]) {
          ++c[a];
          *p++ = uint64_t{r} << 32 | a;
        }
    } else {
      for (uint32_t r : ctx.rows)
        for (uint32_t a : s.applicants[r]) ++c[a];
    }
  }
  const std::vector<uint32_t> applicants = TopIds(applicant_counts, s.applicant_table.keys, kApplicants);
  // A bitmap of the top applicants (it stays in the L1 cache); slots are read only for them.
  std::vector<uint64_t> is_top((n_applicants + 63) / 64, 0);
  std::unique_ptr<uint32_t[]> a_slot(new uint32_t[n_applicants]);
  for (size_t i = 0; i < applicants.size(); ++i) {
    is_top[applicants[i] >> 6] |= uint64_t{1} << (applicants[i] & 63);
    a_slot[applicants[i]] = static_cast<uint32_t>(i);
  }
  // Pass 2: patents per main group (distinct per row already), and per top
  // applicant and main group: by_applicant[slot][node].
  std::vector<uint32_t> group_counts(nodes, 0), by_applicant(applicants.size() * nodes, 0);
  uint32_t* const gc = group_counts.data();
  uint32_t* const ba = by_applicant.data();
  if (sparse) {
    // The pairs of top applicants as (row, slot), gathered without a branch
    // per pair (a valid slot is read for the others), then merged by row.
    std::unique_ptr<uint64_t[]> hits(new uint64_t[n_pairs + 1]);
    size_t n_hits = 0;
    if (!applicants.empty()) {
      const uint32_t any_top = applicants[0];
      for (size_t i = 0; i < n_pairs; ++i) {
        const uint32_t a = static_cast<uint32_t>(pairs[i]);
        const uint64_t hit = (is_top[a >> 6] >> (a & 63)) & 1;
        hits[n_hits] = (pairs[i] & ~uint64_t{0xffffffff}) | a_slot[hit ? a : any_top];
        n_hits += hit;
      }
    }
    hits[n_hits] = UINT64_MAX;  // a sentinel row
    const uint64_t* h = hits.get();
    for (uint32_t r : ctx.rows) {
      const auto groups = s.groups[r];
      for (uint32_t g : groups) ++gc[g];
      for (; (*h >> 32) == r; ++h) {
        uint32_t* row = ba + static_cast<size_t>(static_cast<uint32_t>(*h)) * nodes;
        for (uint32_t g : groups) ++row[g];
      }
    }
  } else {
    for (uint32_t r : ctx.rows) {
      const auto groups = s.groups[r];
      for (uint32_t g : groups) ++gc[g];
      for (uint32_t a : s.applicants[r]) {
        if (!((is_top[a >> 6] >> (a & 63)) & 1)) continue;
        uint32_t* row = ba + static_cast<size_t>(a_slot[a]) * nodes;
        for (uint32_t g : groups) ++row[g];
      }
    }
  }
  const std::vector<uint32_t> groups = TopIds(group_counts, s.classes.codes, kGroups);
  std::vector<std::vector<uint32_t>> cells(applicants.size(), std::vector<uint32_t>(groups.size(), 0));
  for (size_t i = 0; i < applicants.size(); ++i)
    for (size_t j = 0; j < groups.size(); ++j) cells[i][j] = by_applicant[i * nodes + groups[j]];
  Json names = Json::array(), keys = Json::array(), codes = Json::array(), matrix = Json::array();
  for (uint32_t a : applicants) {
    names.push_back(s.applicant_table.names[a]);
    keys.push_back(s.applicant_table.keys[a]);
  }
  for (uint32_t g : groups) codes.push_back(s.classes.codes[g]);
  for (const auto& row : cells) matrix.push_back(row);
  return Json{{"applicants", std::move(names)}, {"normalized", std::move(keys)}, {"groups", std::move(codes)},
              {"cells", std::move(matrix)}};
}

}  // namespace

const AnalysisSpec kCompetitorMatrixAnalysis = {
    "competitor_matrix", "Competitors' technology layout", "竞争对手技术布局",
    "The 10 largest applicants of the set (as in top_applicants) against the 10 IPC main groups with the most "
    "patents in the set (ties by code); a cell is the number of patents of the set that have both that "
    "applicant and that main group.",
    Run};

}  // namespace patnav::analytics
