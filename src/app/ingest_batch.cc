// When an ingest commits a batch (ingest_batch.h).
#include "app/ingest_batch.h"

#include <algorithm>

#include "app/watch_follower.h"

namespace patnav::app {

IngestBatchLimits BatchLimitsFor(int batch_records, bool watches_follow) {
  IngestBatchLimits out{batch_records, batch_records, batch_records};
  if (watches_follow) {
    out.records = std::min(batch_records, WatchFollower::kBusyBatchRecords);
    if (batch_records > WatchFollower::kBatchRecords) out.early_records = WatchFollower::kBatchRecords;
    out.events = std::min(batch_records, WatchFollower::kBatchEvents);
  }
  return out;
}

}  // namespace patnav::app
