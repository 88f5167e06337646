// Loading patent data: files, folders or zips (a zip is one input per member)
// read by the format each input's bytes show (readers/), merged into the
// workspace's store in batches, then the search index brought up to date.
// Authorised as Action::kIngest.
//
// Contract: every record read is put into the store, merged with what is
// there; every record that cannot be read is a Rejection (file#index:
// reason) and is left out whole, the rest goes on. Each batch of
// `batch_records` records is one transaction: a crash, a store failure or a
// cancellation leaves the store exactly as of the last committed batch, and
// re-running the same ingest converges to the same records (puts are
// idempotent merges).
//
// Cancellation: when *cancel becomes true (checked between reads of input
// bytes and between records), the open batch is rolled back, nothing more is
// read, the index is not updated, and the call returns OK with
// result.cancelled set; the counts then are those of the committed batches
// (rejections: every one seen).
//
// Watches: when there are active watches, they follow the ingest batch by
// batch on a thread of their own (watch_follower.h), and a batch is then at
// most WatchFollower::kBatchRecords records or kBatchEvents legal events
// (ingest_batch.h; the alerts come within about a second of a batch's
// commit); otherwise, after the store is updated (and
// not cancelled), they are evaluated against what changed
// (EvaluateWatchesNow).
//
// Thread-safety: callable from any thread. The ingest holds the workspace's
// store handle for its whole run (other store calls on this workspace wait);
// observers are called on the calling thread. Afterwards it calls
// Workspace::PatentDataChanged(), so the searcher and the snapshot refresh.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/caller.h"
#include "app/workspace.h"
#include "base/status.h"
#include "domain/watch_evaluation.h"
#include "index/patent_index.h"
#include "readers/reader.h"

namespace patnav::app {

struct IngestProgress {
  uint64_t records_read = 0;
  uint64_t bytes = 0;        // input bytes consumed so far
  uint64_t rejected = 0;
  uint64_t total_bytes = 0;  // of every input, when known (0 otherwise)
  std::string current;       // the input being read: a path or "archive.zip!member.xml"
};

struct IngestRequest {
  std::vector<std::string> paths;  // files, folders (walked in name order) or zip archives; an upload's saved file
  std::string mapping;             // column-mapping file for CSV/TSV/JSONL (docs/formats/mapping.md); optional
  int batch_records = 5000;        // records and events per transaction, >= 1 (ingest_batch.h)
  bool index = true;               // then bring the search index up to date
  // Then bring the analytics snapshot up to date (and save it), so that the
  // first landscape after the ingest does not wait for it: the server's
  // ingest jobs do; a one-shot CLI ingest leaves it to the next landscape.
  bool refresh_snapshot = false;
  // While watches follow the ingest: keep it at most one batch ahead of
  // their passes (WatchFollower::Options::pace), so every batch's alerts are
  // recorded within about two passes of its commit, at the cost of the
  // ingest's own speed when the passes are slower than the store
  // (bench/README.md, "Watches": on 2 cores, slowest latency 2.4 s -> 1.1 s,
  // added ingest time 9% -> 29%). Off: the passes catch up on the cores the
  // index update leaves idle.
  bool pace_alerts = false;
  // Called after every read of input bytes (often: throttle in the observer).
  std::function<void(const IngestProgress&)> on_progress;
  // Called while the index is updated.
  std::function<void(int64_t done, int64_t total)> on_index_progress;
  // Called once before the snapshot is refreshed (refresh_snapshot).
  std::function<void()> on_snapshot;
  const std::atomic<bool>* cancel = nullptr;  // optional; see the contract above
};

struct IngestResult {
  uint64_t files = 0;  // inputs opened (a zip's members count one each)
  uint64_t read = 0, fresh = 0, merged = 0, unchanged = 0, rejected = 0;
  // Legal events read (legal-status sources such as the USPTO maintenance fee
  // file) and how many of them were new to the store (the rest merged).
  uint64_t legal_events = 0, legal_events_new = 0;
  uint64_t bytes = 0;  // input bytes read
  std::vector<Rejection> rejections;          // in input order
  std::map<std::string, uint64_t> by_format;  // reader name -> inputs
  double seconds = 0;  // reading and storing (not the index)
  // Of `seconds`, the time spent in the store's writes and commits; the rest
  // is reading and parsing the inputs.
  double store_seconds = 0;
  bool cancelled = false;
  std::filesystem::path store_dir;
  // The index update when request.index and not cancelled: its figures, or
  // index_error (then also a warning) when it failed; the store is updated
  // either way.
  std::optional<index::IndexUpdateStats> index;
  std::string index_error;
  // When refresh_snapshot and not cancelled: the time to bring the analytics
  // snapshot up to date (0 when it already was); a failure is a warning.
  std::optional<double> snapshot_seconds;
  // The watches evaluated after the batches committed (app/watches.h), when
  // any watch exists and the ingest was not cancelled; a failure is a
  // warning (the next ingest or `patnav watch run` catches up).
  std::optional<domain::EvaluationSummary> watches;
  // When the watches followed the ingest batch by batch (watch_follower.h):
  // the longest time from a batch's commit to its hits being recorded.
  std::optional<double> watch_latency_seconds;
  std::vector<std::string> warnings;
};

// InvalidArgument for a path that does not exist or batch_records < 1;
// IOError and the like for a store failure (message "store failure: ...
// (the last batch was rolled back)"). Rejected records are not an error.
Result<IngestResult> Ingest(const Caller& caller, Workspace& workspace, const IngestRequest& request);

}  // namespace patnav::app
