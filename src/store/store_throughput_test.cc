// Write throughput of the store on full-text records (~30 KB description
// each): prints records/s for new records, re-puts (unchanged) and merges,
// per CPU second (the per-core figure) and per wall second. The assertion is
// a loose floor that catches pathological regressions (a sync per record, an
// unindexed lookup); the target is >= 5,000 new records per CPU second.
#include <time.h>

#include <chrono>

#include "store/patent_store.h"
#include "store/store_testing.h"
#include "testing.h"

namespace patnav {
namespace {

struct Rates {
  double cpu;
  double wall;
};

double CpuSeconds() {
  timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

TEST(StoreThroughputTest, FullTextRecords) {
  constexpr int kRecords = 1500;
  constexpr int kBatch = 500;
  constexpr int kDistinct = 50;  // distinct descriptions, rotated (generating text is not what we measure)
  std::vector<PatentRecord> templates;
  for (int i = 0; i < kDistinct; ++i) templates.push_back(store_testing::FullRecord(i, 30 * 1024));
  auto record = [&](int i, bool thin) {
    PatentRecord r = thin ? store_testing::ThinRecord(i) : templates[static_cast<size_t>(i % kDistinct)];
    r.doc_number = std::to_string(200000000 + i);
    r.publication_number = r.country + r.doc_number + r.kind;
    return r;
  };
  testing::ScratchDir tmp;
  auto opened = PatentStore::Open({.dir = tmp.path()});
  ASSERT_TRUE(opened.ok());
  PatentStore& store = **opened;

  auto put_all = [&](bool thin, PutOutcome want) {
    std::vector<PatentRecord> batch;
    double cpu = 0;
    const auto wall_start = std::chrono::steady_clock::now();
    for (int k = 0; k < kRecords; k += kBatch) {
      batch.clear();
      for (int i = k; i < k + kBatch; ++i) batch.push_back(record(i, thin));
      const double cpu_start = CpuSeconds();
      EXPECT_TRUE(store.BeginBatch().ok());
      for (const PatentRecord& r : batch) EXPECT_EQ(*store.Put(r), want);
      EXPECT_TRUE(store.CommitBatch().ok());
      cpu += CpuSeconds() - cpu_start;
    }
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
    return Rates{kRecords / cpu, kRecords / wall};
  };
  const Rates fresh = put_all(false, PutOutcome::kNew);
  const Rates unchanged = put_all(false, PutOutcome::kUnchanged);
  const Rates merged = put_all(true, PutOutcome::kMerged);
  std::printf("store throughput, %d records of %.1f KB description, records/s per CPU second (per wall second):\n"
              "  new %.0f (%.0f), unchanged %.0f (%.0f), merged %.0f (%.0f)\n",
              kRecords, templates[0].description.size() / 1024.0, fresh.cpu, fresh.wall, unchanged.cpu,
              unchanged.wall, merged.cpu, merged.wall);
  EXPECT_GT(fresh.cpu, 500);
  EXPECT_EQ(*store.Count(), kRecords);
}

}  // namespace
}  // namespace patnav
