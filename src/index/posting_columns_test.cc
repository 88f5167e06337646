// PostingColumns::Postings in both forms (sparse: CRoaring; dense: bitmap
// with a rank directory) against the plain lists they were made from.
#include "index/posting_columns.h"

#include <random>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace patnav::index {
namespace {

TEST(PostingColumnsTest, SparseAndDenseListsAgreeWithTheirInput) {
  std::mt19937 rng(7);
  const Xapian::docid last = 5000;
  for (double density : {0.001, 0.01, 0.05, 0.07, 0.3, 0.9, 1.0}) {
    SCOPED_TRACE(density);
    std::vector<uint32_t> docs, wdf;
    std::bernoulli_distribution in(density);
    for (uint32_t did = 1; did <= last; ++did)
      if (in(rng)) {
        docs.push_back(did);
        wdf.push_back(1 + rng() % 300);  // some over the 255 cap
      }
    PostingColumns::Postings p(docs, wdf, last);
    EXPECT_EQ(p.termfreq(), docs.size());
    std::vector<std::pair<uint32_t, uint32_t>> expected, seen;
    for (size_t i = 0; i < docs.size(); ++i) expected.emplace_back(docs[i], std::min<uint32_t>(wdf[i], 255));
    p.ForEach([&](Xapian::docid did, uint32_t w) { seen.emplace_back(did, w); });
    EXPECT_EQ(seen, expected);

    DocSet set = p.Set(last);
    EXPECT_EQ(set.Count(), static_cast<int64_t>(docs.size()));
    for (uint32_t did : docs) EXPECT_TRUE(set.Contains(did));

    DocSet gate(last);
    for (uint32_t did = 1; did <= last; did += 1 + rng() % 5) gate.Add(did);
    std::vector<std::pair<uint32_t, uint32_t>> in_gate, seen_in_gate;
    for (const auto& e : expected)
      if (gate.Contains(e.first)) in_gate.push_back(e);
    p.ForEachIn(gate, [&](Xapian::docid did, uint32_t w) { seen_in_gate.emplace_back(did, w); });
    EXPECT_EQ(seen_in_gate, in_gate);
    EXPECT_GT(p.MemoryBytes(), 0u);
  }
}

}  // namespace
}  // namespace patnav::index
