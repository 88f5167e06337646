// competitor_matrix: top applicants x top main groups (their IP layout).
#include <memory>
#include <span>

#include "analytics/analyses.h"
#include "analytics/analysis_util.h"

namespace patnav::analytics {

namespace {

constexpr size_t kApplicants = 10, kGroups = 10;

Json Run(const AnalysisContext& ctx) {
  const Snapshot& s = ctx.snap;
  // Pass 1: patents per applicant and per main group (a row's applicants and
  // main groups are distinct already). In a sparse set the rows' lists are
  // also copied into sequential arrays, so that pass 2 does not fetch the
  // scattered column lines again; a dense set reads the columns in order.
  const size_t n = ctx.rows.size();
  const bool sparse = n * 4 < s.size();
  std::vector<uint32_t> applicant_counts(s.applicant_table.keys.size(), 0), group_counts(s.classes.codes.size(), 0);
  std::vector<uint32_t> a_end, g_end;
  std::unique_ptr<uint32_t[]> a_list, g_list;
  uint32_t* const a_counts = applicant_counts.data();
  uint32_t* const g_counts = group_counts.data();
  if (sparse) {
    // Exact sizes first (the offsets are cheap to read), then raw writes.
    size_t na = 0, ng = 0;
    for (uint32_t r : ctx.rows) {
      na += s.applicants.offsets[r + 1] - s.applicants.offsets[r];
      ng += s.groups.offsets[r + 1] - s.groups.offsets[r];
    }
    a_end.resize(n);
    g_end.resize(n);
    a_list.reset(new uint32_t[na]);
    g_list.reset(new uint32_t[ng]);
    uint32_t* ap = a_list.get();
    uint32_t* gp = g_list.get();
    for (size_t i = 0; i < n; ++i) {
      const uint32_t r = ctx.rows[i];
      for (uint32_t a : s.applicants[r]) {
        ++a_counts[a];
        *ap++ = a;
      }
      for (uint32_t g : s.groups[r]) {
        ++g_counts[g];
        *gp++ = g;
      }
      a_end[i] = static_cast<uint32_t>(ap - a_list.get());
      g_end[i] = static_cast<uint32_t>(gp - g_list.get());
    }
  } else {
    for (uint32_t r : ctx.rows) {
      for (uint32_t a : s.applicants[r]) ++a_counts[a];
      for (uint32_t g : s.groups[r]) ++g_counts[g];
    }
  }
  const std::vector<uint32_t> applicants = TopIds(applicant_counts, s.applicant_table.keys, kApplicants);
  const std::vector<uint32_t> groups = TopIds(group_counts, s.classes.codes, kGroups);
  // A bitmap of the top applicants (it stays in the L1 cache); slots are read only for them.
  std::vector<uint64_t> is_top((s.applicant_table.keys.size() + 63) / 64, 0);
  std::unique_ptr<uint32_t[]> a_slot(new uint32_t[s.applicant_table.keys.size()]);
  std::vector<int> g_slot(s.classes.codes.size(), -1);
  for (size_t i = 0; i < applicants.size(); ++i) {
    is_top[applicants[i] >> 6] |= uint64_t{1} << (applicants[i] & 63);
    a_slot[applicants[i]] = static_cast<uint32_t>(i);
  }
  for (size_t j = 0; j < groups.size(); ++j) g_slot[groups[j]] = static_cast<int>(j);
  std::vector<std::vector<uint32_t>> cells(applicants.size(), std::vector<uint32_t>(groups.size(), 0));
  auto add_row = [&](std::span<const uint32_t> row_applicants, std::span<const uint32_t> row_groups) {
    for (uint32_t a : row_applicants) {
      if (!((is_top[a >> 6] >> (a & 63)) & 1)) continue;
      std::vector<uint32_t>& cell_row = cells[a_slot[a]];
      for (uint32_t g : row_groups)
        if (g_slot[g] >= 0) ++cell_row[static_cast<size_t>(g_slot[g])];
    }
  };
  if (sparse) {
    for (size_t i = 0, ai = 0, gi = 0; i < n; ai = a_end[i], gi = g_end[i], ++i)
      add_row(std::span<const uint32_t>(a_list.get() + ai, a_end[i] - ai),
              std::span<const uint32_t>(g_list.get() + gi, g_end[i] - gi));
  } else {
    for (uint32_t r : ctx.rows) add_row(s.applicants[r], s.groups[r]);
  }
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
