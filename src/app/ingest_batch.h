// When an ingest commits a batch (app/ingest.h). Without watches following,
// a batch is `batch_records` items, records and legal events counted alike.
// While watches follow (app/watch_follower.h) a batch also ends at
// WatchFollower::kBusyBatchRecords records or WatchFollower::kBatchEvents
// legal events, and may end early, at WatchFollower::kBatchRecords records,
// when no pass is running (Ready(): the caller asks the follower). A commit
// while a pass runs shortens no alert's wait -- the next pass starts only
// when that one ends -- but costs the store a commit (each rewrites the
// index pages its records touched), so while a pass runs the batch grows
// until the pass ends or the batch is full. A pass covers what committed
// since the one before, and a record
// costs a pass far more than an event (matched against every query, with
// dozens of hits, where an event is one lookup by subject), so an event
// file keeps batches about as large as without watches -- as many commits
// and passes, not twenty times more -- while a pass of records stays short.
#pragma once

namespace patnav::app {

struct IngestBatchLimits {
  int items = 1;    // records and events together
  int records = 1;  // records alone
  int events = 1;   // legal events alone
  // A batch of this many records may end before it is full (0: never).
  int early_records = 0;
};

// The limits for `batch_records` (>= 1), with or without watches following.
IngestBatchLimits BatchLimitsFor(int batch_records, bool watches_follow);

// Counts the items of the open batch.
class IngestBatchCounter {
 public:
  explicit IngestBatchCounter(IngestBatchLimits limits) : limits_(limits) {}
  // Each returns true when the batch is full: commit it (then Clear()).
  bool AddRecord() { return ++records_ >= limits_.records || records_ + events_ >= limits_.items; }
  bool AddEvent() { return ++events_ >= limits_.events || records_ + events_ >= limits_.items; }
  // The batch may end early (IngestBatchLimits::early_records).
  bool Ready() const { return limits_.early_records > 0 && records_ >= limits_.early_records; }
  void Clear() { records_ = events_ = 0; }

 private:
  IngestBatchLimits limits_;
  int records_ = 0, events_ = 0;
};

}  // namespace patnav::app
