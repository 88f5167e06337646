// citation_flows: which applicants cite which, within the set.
#include <algorithm>

#include "analytics/analyses.h"
#include "analytics/analysis_util.h"

namespace patnav::analytics {

namespace {

constexpr size_t kRows = 100;

// The 100 largest pair counts, exactly, without materialising every pair.
// made[a] = the pair increments applicant a's citing patents produce (its
// citations within the set, times the cited patents' applicant counts), an
// upper bound of any pair (a, b)'s count. Citing applicants are visited in
// descending made[a]; each one's pairs are counted in a dense counter over
// the cited applicants and offered to a bounded heap of the best 100. Once
// the heap is full and made[a] is below its worst count, no later applicant
// can enter it (nor tie with it), and the walk stops.
//
// Sorting every pair (3 million on a 100,000-patent corpus with its full
// citation graph) took 0.5 s; this walk touches each pair once, in cache.
Json Run(const AnalysisContext& ctx) {
  const Snapshot& s = ctx.snap;
  const auto& keys = s.applicant_table.keys;
  const size_t parties = keys.size();
  std::vector<uint32_t> made(parties, 0);
  // Rows per citing applicant (CSR), only rows that make a pair.
  std::vector<uint32_t> row_offsets(parties + 1, 0);
  std::vector<uint32_t> pairing_rows;  // rows of the set that make at least one pair
  for (uint32_t r : ctx.rows) {
    const auto citing = s.applicants[r];
    if (citing.empty()) continue;
    uint32_t increments = 0;
    for (uint32_t cited : s.cites[r])
      if (ctx.InSet(cited)) increments += static_cast<uint32_t>(s.applicants[cited].size());
    if (increments == 0) continue;
    pairing_rows.push_back(r);
    for (uint32_t a : citing) {
      made[a] += increments;
      ++row_offsets[a + 1];
    }
  }
  for (size_t a = 0; a < parties; ++a) row_offsets[a + 1] += row_offsets[a];
  std::vector<uint32_t> fill(row_offsets.begin(), row_offsets.end() - 1);
  std::vector<uint32_t> rows_of(row_offsets.back());
  for (uint32_t r : pairing_rows)
    for (uint32_t a : s.applicants[r]) rows_of[fill[a]++] = r;
  std::vector<uint32_t> order;
  for (uint32_t a = 0; a < parties; ++a)
    if (made[a] > 0) order.push_back(a);
  std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) { return made[x] > made[y]; });

  struct Pair {
    uint32_t citing, cited, count;
  };
  // better(x, y): x ranks before y (count, then the citing, then the cited key).
  auto better = [&](const Pair& x, const Pair& y) {
    if (x.count != y.count) return x.count > y.count;
    if (x.citing != y.citing) return keys[x.citing] < keys[y.citing];
    return keys[x.cited] < keys[y.cited];
  };
  std::vector<Pair> heap;  // the best so far; heap.front() is the worst of them when full
  heap.reserve(kRows + 1);
  std::vector<uint32_t> count(parties, 0), touched;
  for (uint32_t a : order) {
    if (heap.size() == kRows && made[a] < heap.front().count) break;
    for (uint32_t i = row_offsets[a]; i < row_offsets[a + 1]; ++i)
      for (uint32_t cited : s.cites[rows_of[i]]) {
        if (!ctx.InSet(cited)) continue;
        for (uint32_t b : s.applicants[cited])
          if (count[b]++ == 0) touched.push_back(b);
      }
    for (uint32_t b : touched) {
      const Pair p{a, b, count[b]};
      count[b] = 0;
      if (heap.size() == kRows) {
        if (p.count < heap.front().count || !better(p, heap.front())) continue;
        std::pop_heap(heap.begin(), heap.end(), better);
        heap.back() = p;
      } else {
        heap.push_back(p);
      }
      std::push_heap(heap.begin(), heap.end(), better);
    }
    touched.clear();
  }
  std::sort(heap.begin(), heap.end(), better);
  Json out = Json::array();
  for (const Pair& p : heap) {
    out.push_back({{"citing", s.applicant_table.names[p.citing]},
                   {"cited", s.applicant_table.names[p.cited]},
                   {"count", p.count},
                   {"citing_normalized", keys[p.citing]},
                   {"cited_normalized", keys[p.cited]},
                   {"self", p.citing == p.cited}});
  }
  return out;
}

}  // namespace

const AnalysisSpec kCitationFlowsAnalysis = {
    "citation_flows", "Citation flows between applicants", "申请人引证关系",
    "Every citation from a patent of the set to another patent of the set counts once for each pair (an "
    "applicant of the citing patent, an applicant of the cited patent). Rows are the 100 largest pairs by "
    "count (ties by the citing, then the cited applicant's key); self marks an applicant citing itself.",
    Run};

}  // namespace patnav::analytics
