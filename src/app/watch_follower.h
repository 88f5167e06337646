// Watches evaluated while an ingest runs (issue 14: alerts within a second
// of a batch's commit, without slowing the ingest): after each committed
// batch the ingest calls BatchCommitted(), and a thread of the follower's
// own evaluates the active watches against what has committed so far, on
// the machine's other core, with a store connection of its own (SQLite WAL:
// it reads the committed batches while the ingest writes the next).
//
// Contract:
//   - Passes never overlap and each takes the watermark where the previous
//     one left it (domain::EvaluateWatches), so a batch's hits are recorded
//     once, whichever pass sees it; a crash loses nothing (the next
//     evaluation starts from the watermark).
//   - The passes during the ingest ask what changed; the expiry and fee
//     windows of chosen patents (asked of the date) are left to the last.
//   - The active watches, their compiled queries and their portfolios are
//     prepared once (domain::PreparedWatches) and kept from pass to pass;
//     they are prepared again when a watch was added, changed or deleted
//     (domain::WatchChanges), the portfolios read through the follower's
//     own store connection. A pass that saw the watches change before it
//     committed records nothing and is repeated with them prepared again.
//   - The passes and the last one share one notification per watch
//     (domain::IngestNotifications): the ingest's hits of a watch are one
//     notification, in the inbox from the first pass on and growing; its
//     webhook and e-mail deliveries are queued by the last pass, once.
//   - Finish() waits for the running pass, then runs a last one through the
//     workspace (watches created meanwhile included) and returns the sum of
//     all passes. A pass's failure stops the following: Finish() reports it
//     and the last pass still runs.
//   - With Options::pace, the ingest stays at most one batch ahead of the
//     passes: BatchCommitted() returns once a pass has begun to cover that
//     batch.
//     So a pass covers one batch (more only when batches commit while a
//     pass starts), and a batch's alerts are recorded at most about two
//     passes of one batch after its commit, however fast the store writes;
//     when the passes are slower than the store, the ingest takes their pace
//     instead of the alerts falling behind (issue 14: alerts within a second
//     of a batch's commit).
//   - Start() returns null when there is nothing to follow (no monitoring
//     database, no active watch, or no store yet): the caller evaluates
//     after the ingest as before.
//
// Thread-safety: BatchCommitted() from one thread (the ingest's) while the
// follower's thread runs; Finish() once, from the ingest's thread, after the
// last BatchCommitted().
#pragma once

#include <memory>

#include "base/status.h"
#include "domain/watch_evaluation.h"

namespace patnav::app {

class Workspace;

class WatchFollower {
 public:
  struct Options {
    // Keep the ingest at most one batch ahead of the passes (see above).
    bool pace = false;
  };
  static std::unique_ptr<WatchFollower> Start(Workspace& ws) { return Start(ws, Options{}); }
  static std::unique_ptr<WatchFollower> Start(Workspace& ws, const Options& options);

  // The records of a batch that an ingest commits as soon as no pass is
  // running (IngestRequest::batch_records when smaller; app/ingest_batch.h):
  // a pass covers what committed since the previous one, and its time grows
  // with the records and their hits, so a small batch is what brings the
  // alerts within about a second of its commit (issue 14). 250 since
  // 2026-12-07 (bench/README.md "Watches": a pass of 1,000 records, about
  // 60,000 hits, took 3-9 s of wall time on the loaded machine).
  static constexpr int kBatchRecords = 250;
  // The most records of a batch while a pass runs: committing sooner would
  // shorten no alert's wait (the next pass starts when the running one
  // ends) but cost the store a commit -- each rewrites every index page its
  // records touched, most of a commit's cost once the store is large
  // (bench/README.md "Watches", 2026-12-07 night: `--batch 250` wrote 4.5
  // times the pages of `--batch 5000`). The cap bounds the next pass when
  // a pass runs long.
  static constexpr int kBusyBatchRecords = 1000;
  // The most legal events in one such batch (app/ingest_batch.h): a pass
  // asks an event one lookup by subject and by party, not every query, so
  // a batch of events stays about as large as without watches (5,000, the
  // default): with 250, an event file's ingest committed twenty times more
  // often and its passes did too, which was most of the watches' added CPU
  // for a maintenance-fee file (bench/README.md "Watches", 2026-12-07
  // afternoon).
  static constexpr int kBatchEvents = 5000;
  ~WatchFollower();  // finishes the thread if Finish() was not called (the summary is dropped)

  void BatchCommitted();
  // No pass is running or waiting to start: a batch committed now would be
  // covered at once. Any thread; cheap enough to ask after every record.
  bool Idle() const;
  Result<domain::EvaluationSummary> Finish();

  // After Finish(): the longest time, in seconds, from a batch's commit to
  // the end of the pass that recorded its hits (the alert latency).
  double max_latency_seconds() const;

  struct State;  // watch_follower.cc

 private:
  explicit WatchFollower(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// Adds a later pass's figures to `into` (the first pass's start, the last
// pass's end and evaluation, counts summed).
void AccumulateEvaluation(domain::EvaluationSummary& into, const domain::EvaluationSummary& pass);

}  // namespace patnav::app
