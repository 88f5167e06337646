// Write throughput of the store on full-text records (~30 KB description
// each): prints records/s for new records, re-puts (unchanged) and merges.
// The assertion is a loose floor that catches pathological regressions (a
// sync per record, an unindexed lookup); the target is >= 5,000 new
// records/s per core, see the printed figures.
#include <chrono>

#include "store/patent_store.h"
#include "store/store_testing.h"
#include "testing.h"

namespace patnav {
namespace {

using Clock = std::chrono::steady_clock;

double Rate(int n, Clock::time_point start) {
  const double s = std::chrono::duration<double>(Clock::now() - start).count();
  return n / s;
}

TEST(StoreThroughputTest, FullTextRecords) {
  constexpr int kRecords = 2000;
  constexpr int kBatch = 1000;
  std::vector<PatentRecord> records, thin;
  records.reserve(kRecords);
  size_t bytes = 0;
  for (int i = 0; i < kRecords; ++i) {
    records.push_back(store_testing::FullRecord(i, 30 * 1024));
    thin.push_back(store_testing::ThinRecord(i));
    bytes += records.back().description.size();
  }
  testing::ScratchDir tmp;
  auto opened = PatentStore::Open({.dir = tmp.path()});
  ASSERT_TRUE(opened.ok());
  PatentStore& store = **opened;

  auto put_all = [&](const std::vector<PatentRecord>& rs, PutOutcome want) {
    const auto start = Clock::now();
    for (int k = 0; k < kRecords; k += kBatch) {
      EXPECT_TRUE(store.BeginBatch().ok());
      for (int i = k; i < k + kBatch; ++i) EXPECT_EQ(*store.Put(rs[static_cast<size_t>(i)]), want);
      EXPECT_TRUE(store.CommitBatch().ok());
    }
    return Rate(kRecords, start);
  };
  const double fresh = put_all(records, PutOutcome::kNew);
  const double unchanged = put_all(records, PutOutcome::kUnchanged);
  const double merged = put_all(thin, PutOutcome::kMerged);
  std::printf("store throughput (%d records, %.1f KB description each): new %.0f/s (%.1f MB/s of text), "
              "unchanged %.0f/s, merged %.0f/s\n",
              kRecords, bytes / 1024.0 / kRecords, fresh, fresh * bytes / kRecords / 1e6, unchanged, merged);
  EXPECT_GT(fresh, 500);
  EXPECT_EQ(*store.Count(), kRecords);
}

}  // namespace
}  // namespace patnav
