// top_applicants: the largest applicants of the set with their activity.
#include <algorithm>
#include <memory>

#include "analytics/analyses.h"
#include "analytics/analysis_util.h"

namespace patnav::analytics {

namespace {

constexpr int kGrowthYears = 5;
constexpr size_t kMainIpc = 3;

Json Run(const AnalysisContext& ctx) {
  const Snapshot& s = ctx.snap;
  const size_t n_applicants = s.applicant_table.keys.size();
  // Pass 1: patents per applicant, and the set's (row, applicant) pairs
  // copied into one sequential array for pass 2 (the columns are read once).
  std::vector<uint32_t> counts(n_applicants, 0);
  size_t n_pairs = 0;
  for (uint32_t r : ctx.rows) n_pairs += s.applicants.offsets[r + 1] - s.applicants.offsets[r];
  std::unique_ptr<uint64_t[]> pairs(new uint64_t[n_pairs]);  // row << 32 | applicant, rows ascending
  {
    uint32_t* const c = counts.data();
    uint64_t* p = pairs.get();
    for (uint32_t r : ctx.rows)
      for (uint32_t a : s.applicants[r]) {
        ++c[a];
        *p++ = uint64_t{r} << 32 | a;
      }
  }
  const std::vector<uint32_t> top = TopIds(counts, s.applicant_table.keys, static_cast<size_t>(ctx.options.top));
  const size_t k_top = top.size();
  // Pass 2a: the pairs of top applicants, as (row, slot), without branching
  // per pair. `is_top` is a bitmap small enough for the L1 cache; `slot` is
  // read only where is_top is set.
  std::vector<uint64_t> is_top((n_applicants + 63) / 64, 0);
  std::unique_ptr<uint32_t[]> slot(new uint32_t[n_applicants]);
  for (size_t i = 0; i < k_top; ++i) {
    is_top[top[i] >> 6] |= uint64_t{1} << (top[i] & 63);
    slot[top[i]] = static_cast<uint32_t>(i);
  }
  std::unique_ptr<uint64_t[]> hits(new uint64_t[n_pairs]);
  size_t n_hits = 0;
  if (k_top > 0) {
    const uint32_t any_top = top[0];  // a valid slot index to read for the other pairs
    for (size_t i = 0; i < n_pairs; ++i) {
      const uint64_t p = pairs[i];
      const uint32_t a = static_cast<uint32_t>(p);
      const uint64_t hit = (is_top[a >> 6] >> (a & 63)) & 1;
      hits[n_hits] = (p & ~uint64_t{0xffffffff}) | slot[hit ? a : any_top];
      n_hits += hit;
    }
  }
  // Pass 2b: the top applicants' figures, rows in ascending order.
  // The subclass of each class node (the tree is small).
  const size_t nodes = s.classes.codes.size();
  std::vector<uint32_t> subclass_of(nodes);
  for (uint32_t n = 0; n < nodes; ++n) subclass_of[n] = s.classes.AncestorAt(n, ClassLevel::kSubclass);
  std::vector<int> first(k_top, 0), last(k_top, 0);
  std::vector<double> citations(k_top, 0);
  std::vector<uint32_t> in_first_year(k_top, 0), in_last_year(k_top, 0);  // filings in L-5 and L
  std::vector<uint32_t> subclass_counts(k_top * nodes, 0);                  // [slot][node]
  std::vector<uint32_t> last_row(nodes, UINT32_MAX);                        // a subclass counts once per patent
  std::vector<uint32_t> row_subclasses;
  size_t n_subclasses = 0;
  const int growth_from = ctx.last_year - kGrowthYears, growth_to = ctx.last_year;
  uint32_t prepared = UINT32_MAX;  // the row whose y, f and subclasses are below
  int y = 0;
  uint32_t f = 0;
  // In a sparse set the hit rows are scattered over the columns: prefetch two
  // steps ahead (the offsets 16 hits ahead, then the values 8 ahead).
  const bool sparse = ctx.rows.size() * 4 < s.size();
  const uint32_t* group_offsets = s.groups.offsets.data();
  const uint32_t* cited_offsets = s.cited_by.offsets.data();
  for (size_t h = 0; h < n_hits; ++h) {
    if (sparse && h + 16 < n_hits) {
      const uint32_t ahead = static_cast<uint32_t>(hits[h + 16] >> 32);
      __builtin_prefetch(group_offsets + ahead);
      __builtin_prefetch(cited_offsets + ahead);
      __builtin_prefetch(s.filing_year.data() + ahead);
    }
    if (sparse && h + 8 < n_hits) __builtin_prefetch(s.groups.values.data() + group_offsets[hits[h + 8] >> 32]);
    const uint32_t r = static_cast<uint32_t>(hits[h] >> 32), k = static_cast<uint32_t>(hits[h]);
    if (r != prepared) {
      prepared = r;
      y = s.filing_year[r];
      f = s.forward(r);
      const auto groups = s.groups[r];
      if (row_subclasses.size() < groups.size()) row_subclasses.resize(groups.size());
      n_subclasses = 0;
      for (uint32_t g : groups) {  // distinct, in first-seen order, without a branch per group
        const uint32_t n = subclass_of[g];
        row_subclasses[n_subclasses] = n;
        n_subclasses += last_row[n] != r;
        last_row[n] = r;
      }
    }
    if (y) {
      first[k] = first[k] == 0 ? y : std::min(first[k], y);
      last[k] = std::max(last[k], y);
      in_first_year[k] += y == growth_from;
      in_last_year[k] += y == growth_to;
    }
    citations[k] += f;
    uint32_t* sc = &subclass_counts[k * nodes];
    for (size_t j = 0; j < n_subclasses; ++j) ++sc[row_subclasses[j]];
  }
  Json out = Json::array();
  std::vector<uint32_t> touched;
  for (size_t i = 0; i < k_top; ++i) {
    const uint32_t* sc = &subclass_counts[i * nodes];
    touched.clear();
    for (uint32_t n = 0; n < nodes; ++n)
      if (sc[n]) touched.push_back(n);
    std::sort(touched.begin(), touched.end(), [&](uint32_t a, uint32_t b) {
      if (sc[a] != sc[b]) return sc[a] > sc[b];
      return s.classes.codes[a] < s.classes.codes[b];
    });
    Json main_ipc = Json::array();
    for (size_t k = 0; k < touched.size() && k < kMainIpc; ++k) main_ipc.push_back(s.classes.codes[touched[k]]);
    std::optional<double> growth;
    if (ctx.last_year) growth = Cagr(in_first_year[i], in_last_year[i], kGrowthYears);
    const uint32_t id = top[i];
    out.push_back({{"name", s.applicant_table.names[id]},
                   {"normalized", s.applicant_table.keys[id]},
                   {"count", counts[id]},
                   {"share", Round6(static_cast<double>(counts[id]) / static_cast<double>(ctx.size()))},
                   {"first_year", first[i] ? Json(first[i]) : Json(nullptr)},
                   {"last_year", last[i] ? Json(last[i]) : Json(nullptr)},
                   {"growth", NullableNumber(growth)},
                   {"mean_forward_citations", Round6(citations[i] / static_cast<double>(counts[id]))},
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
