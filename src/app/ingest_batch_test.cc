// When an ingest commits a batch (ingest_batch.h): records and legal events
// counted alike without watches; while watches follow, records in short
// batches and events in batches about as large as without.
#include "app/ingest_batch.h"

#include <gtest/gtest.h>

#include "app/watch_follower.h"

namespace patnav::app {
namespace {

// The items added, one by one, until the counter says the batch is full.
int Fill(IngestBatchCounter& c, bool records, bool events) {
  for (int n = 1;; ++n) {
    const bool full = (records && (!events || n % 2)) ? c.AddRecord() : c.AddEvent();
    if (full) return n;
  }
}

TEST(IngestBatch, WithoutWatchesRecordsAndEventsCountAlike) {
  const IngestBatchLimits limits = BatchLimitsFor(5000, /*watches_follow=*/false);
  IngestBatchCounter c(limits);
  EXPECT_EQ(Fill(c, true, false), 5000);
  c.Clear();
  EXPECT_EQ(Fill(c, false, true), 5000);
  c.Clear();
  EXPECT_EQ(Fill(c, true, true), 5000) << "2,500 records and 2,500 events";
}

TEST(IngestBatch, WhileWatchesFollowRecordsAreShortBatchesAndEventsAreNot) {
  const IngestBatchLimits limits = BatchLimitsFor(5000, /*watches_follow=*/true);
  IngestBatchCounter c(limits);
  EXPECT_EQ(Fill(c, true, false), WatchFollower::kBusyBatchRecords);
  c.Clear();
  EXPECT_EQ(Fill(c, false, true), WatchFollower::kBatchEvents);
  EXPECT_GT(WatchFollower::kBatchEvents, WatchFollower::kBusyBatchRecords);
  c.Clear();
  // Alternating, the records fill first.
  EXPECT_EQ(Fill(c, true, true), 2 * WatchFollower::kBusyBatchRecords - 1);
  // A smaller request is never exceeded.
  IngestBatchCounter small(BatchLimitsFor(7, /*watches_follow=*/true));
  EXPECT_EQ(Fill(small, false, true), 7);
  small.Clear();
  EXPECT_EQ(Fill(small, true, false), 7);
  EXPECT_FALSE(small.Ready()) << "a batch no larger than the short one never ends early";
}

TEST(IngestBatch, WhileWatchesFollowABatchMayEndAtTheShortSizeAndNoSooner) {
  IngestBatchCounter c(BatchLimitsFor(5000, /*watches_follow=*/true));
  for (int n = 1; n < WatchFollower::kBatchRecords; ++n) {
    ASSERT_FALSE(c.AddRecord());
    ASSERT_FALSE(c.Ready()) << n;
  }
  EXPECT_FALSE(c.AddRecord());
  EXPECT_TRUE(c.Ready());
  c.Clear();
  EXPECT_FALSE(c.Ready());
  // Events alone never make a batch ready early: they have a size of their own.
  for (int n = 1; n < WatchFollower::kBatchRecords * 2; ++n) ASSERT_FALSE(c.AddEvent());
  EXPECT_FALSE(c.Ready());
  // Without watches, no early end.
  IngestBatchCounter alone(BatchLimitsFor(5000, /*watches_follow=*/false));
  for (int n = 0; n < WatchFollower::kBatchRecords * 2; ++n) ASSERT_FALSE(alone.AddRecord());
  EXPECT_FALSE(alone.Ready());
}

}  // namespace
}  // namespace patnav::app
