// Ingest into the workspace's store, then the index (ingest.h).
#include "app/ingest.h"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>

#include "app/authorize.h"
#include "app/ingest_batch.h"
#include "app/status_context.h"
#include "app/watch_follower.h"
#include "app/watches.h"
#include "domain/index_status.h"
#include "domain/period.h"
#include "readers/byte_source.h"
#include "readers/input_files.h"
#include "store/patent_store.h"

namespace patnav::app {

namespace {

bool Cancelled(const std::atomic<bool>* cancel) { return cancel && cancel->load(std::memory_order_relaxed); }

// Reader warnings listed in the result at most (a file of unknown codes
// must not grow the summary without bound).
constexpr size_t kMaxReaderWarnings = 100;

struct Counts {
  uint64_t read = 0, fresh = 0, merged = 0, unchanged = 0, events = 0, events_new = 0;
};

// Adds the time of its scope to IngestResult::store_seconds.
class StoreTimer {
 public:
  explicit StoreTimer(IngestResult& result) : result_(result), start_(std::chrono::steady_clock::now()) {}
  ~StoreTimer() {
    result_.store_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  IngestResult& result_;
  std::chrono::steady_clock::time_point start_;
};

// Puts records into the store, a batch per `limits` (ingest_batch.h);
// remembers the counts as of the last commit for a cancellation.
class IngestSink : public RecordSink {
 public:
  // `follower` (optional) is told of every batch that committed, and says
  // whether a batch may end early (Ready()).
  IngestSink(PatentStore& store, IngestBatchLimits limits, IngestResult& result, const std::atomic<bool>* cancel,
             WatchFollower* follower)
      : store_(store), batch_(limits), result_(result), cancel_(cancel), follower_(follower) {}

  void OnRecord(PatentRecord&& r) override {
    if (!status_.ok() || Cancelled(cancel_)) return;
    ++result_.read;
    if (!EnsureBatch()) return;
    StoreTimer timed(result_);
    Result<PutOutcome> put = store_.Put(r);
    if (!put.ok()) {
      // A record the store refuses (e.g. an impossible key) is a rejection, not a failure.
      if (put.status().code() == StatusCode::kInvalidArgument || put.status().code() == StatusCode::kCorruption) {
        OnReject({r.source.file, r.source.doc_index.value_or(0), put.status().message()});
        return;
      }
      status_ = put.status();
      return;
    }
    switch (*put) {
      case PutOutcome::kNew: ++result_.fresh; break;
      case PutOutcome::kMerged: ++result_.merged; break;
      case PutOutcome::kUnchanged: ++result_.unchanged; break;
    }
    if (batch_.AddRecord() || (batch_.Ready() && follower_ && follower_->Idle())) Commit();
  }

  void OnLegalEvent(LegalEvent&& e) override {
    if (!status_.ok() || Cancelled(cancel_)) return;
    if (!EnsureBatch()) return;
    StoreTimer timed(result_);
    Result<bool> put = store_.PutLegalEvent(e);
    if (!put.ok()) {
      if (put.status().code() == StatusCode::kInvalidArgument) {
        OnReject({e.sources.empty() ? "" : e.sources.front().format, 0, put.status().message()});
        return;
      }
      status_ = put.status();
      return;
    }
    ++result_.legal_events;
    if (*put) ++result_.legal_events_new;
    if (batch_.AddEvent()) Commit();
  }

  void OnWarning(Rejection&& w) override {
    if (Cancelled(cancel_)) return;
    if (result_.warnings.size() < kMaxReaderWarnings) result_.warnings.push_back(w.ToString());
    else if (result_.warnings.size() == kMaxReaderWarnings) result_.warnings.push_back("further reader warnings not listed");
  }

  void OnReject(Rejection&& r) override {
    if (Cancelled(cancel_)) return;
    ++result_.rejected;
    result_.rejections.push_back(std::move(r));
  }

  // Records one input's provenance in the current batch.
  void RecordInput(const IngestInfo& info) {
    if (!status_.ok() || !EnsureBatch()) return;
    status_ = store_.RecordIngest(info);
  }

  void Commit() {
    const bool committing = in_batch_ && status_.ok();
    if (committing) {
      StoreTimer timed(result_);
      status_ = store_.CommitBatch();
    }
    in_batch_ = false;
    batch_.Clear();
    if (status_.ok())
      committed_ = {result_.read,      result_.fresh,        result_.merged,
                    result_.unchanged, result_.legal_events, result_.legal_events_new};
    if (committing && status_.ok() && follower_) follower_->BatchCommitted();
  }

  // Rolls the open batch back; the counts return to the last commit's.
  void Abort() {
    if (in_batch_) (void)store_.AbortBatch();
    in_batch_ = false;
    batch_.Clear();
    result_.read = committed_.read;
    result_.fresh = committed_.fresh;
    result_.merged = committed_.merged;
    result_.unchanged = committed_.unchanged;
    result_.legal_events = committed_.events;
    result_.legal_events_new = committed_.events_new;
  }

  const Status& status() const { return status_; }

 private:
  bool EnsureBatch() {
    if (in_batch_) return true;
    StoreTimer timed(result_);
    status_ = store_.BeginBatch();
    in_batch_ = status_.ok();
    return in_batch_;
  }

  PatentStore& store_;
  IngestBatchCounter batch_;
  IngestResult& result_;
  const std::atomic<bool>* cancel_;
  WatchFollower* follower_;
  bool in_batch_ = false;
  Counts committed_;
  Status status_;
};

// The store's log checkpointed every `bytes` (none: as it was) for the
// scope, then every PatentStore::kDefaultCheckpointBytes again.
class CheckpointInterval {
 public:
  CheckpointInterval(PatentStore& store, int64_t bytes) : store_(bytes > 0 ? &store : nullptr) {
    if (store_) (void)store_->SetCheckpointBytes(bytes);  // a hint: the load goes on without it
  }
  ~CheckpointInterval() {
    if (store_) (void)store_->SetCheckpointBytes(PatentStore::kDefaultCheckpointBytes);
  }
  CheckpointInterval(const CheckpointInterval&) = delete;
  CheckpointInterval& operator=(const CheckpointInterval&) = delete;

 private:
  PatentStore* store_;
};

// While watches follow: batches of 250 records rewrote the store's scattered
// index pages in the log at every commit; checkpointing every 512 MiB of log
// instead of 64 MiB took 6% off the wall time of a 10,000-grant
// `--batch 250 --no-index` ingest into 20,000 grants (bench/README.md
// "Watches", 2026-12-07 late evening), and nothing measurable off `--batch 5000`.
constexpr int64_t kFollowedCheckpointBytes = int64_t{512} << 20;

// Wraps a source to count bytes, tell the observer, and stop on cancellation.
class ObservedSource : public ByteSource {
 public:
  ObservedSource(ByteSource& inner, const IngestRequest& request, IngestResult& result, uint64_t total)
      : inner_(inner), request_(request), result_(result), total_(total) {}
  Result<size_t> Read(char* buf, size_t n) override {
    if (Cancelled(request_.cancel)) return Status::Unavailable("cancelled");
    Result<size_t> got = inner_.Read(buf, n);
    if (got.ok()) {
      result_.bytes += *got;
      if (request_.on_progress)
        request_.on_progress({result_.read, result_.bytes, result_.rejected, total_, inner_.label()});
    }
    return got;
  }
  const std::string& label() const override { return inner_.label(); }
  uint64_t size_hint() const override { return inner_.size_hint(); }

 private:
  ByteSource& inner_;
  const IngestRequest& request_;
  IngestResult& result_;
  uint64_t total_;
};

// Reads one input into the sink and records its provenance.
void IngestOne(const InputFile& input, const IngestRequest& request, const ReaderOptions& ropts, uint64_t total_bytes,
               IngestSink& sink, IngestResult& result) {
  ++result.files;
  Result<std::unique_ptr<ByteSource>> opened = OpenInput(input);
  if (!opened.ok()) return sink.OnReject({input.label(), 0, opened.status().message()});
  PeekableSource peek(std::move(opened).value());
  Result<std::string_view> head = peek.Peek(64 << 10);
  if (!head.ok()) return sink.OnReject({input.label(), 0, head.status().message()});
  Result<std::unique_ptr<Reader>> reader = DetectReader(*head, ropts);
  if (!reader.ok()) {
    sink.OnReject({input.label(), 0, reader.status().message()});
    result.bytes += input.size;
    return;
  }
  ++result.by_format[std::string((*reader)->name())];
  const Counts before{result.read, result.fresh, result.merged, result.unchanged};
  const uint64_t rejected_before = result.rejected;
  ObservedSource tracked(peek, request, result, total_bytes);
  Status st = (*reader)->Read(tracked, sink);
  if (Cancelled(request.cancel)) return;
  if (!st.ok()) sink.OnReject({input.label(), 0, "input abandoned: " + st.message()});
  IngestInfo info;
  info.path = input.label();
  if (input.size) info.size_bytes = static_cast<int64_t>(input.size);
  struct stat st_buf;
  if (::stat(input.path.c_str(), &st_buf) == 0) info.mtime_unix = static_cast<int64_t>(st_buf.st_mtime);
  info.format = std::string((*reader)->name());
  info.records_read = static_cast<int64_t>(result.read - before.read);
  info.records_new = static_cast<int64_t>(result.fresh - before.fresh);
  info.records_merged = static_cast<int64_t>(result.merged - before.merged);
  info.records_unchanged = static_cast<int64_t>(result.unchanged - before.unchanged);
  info.records_rejected = static_cast<int64_t>(result.rejected - rejected_before);
  sink.RecordInput(info);
}

// Brings the index up to date with `store`; a failure is the result's
// index_error and a warning, not the call's.
void UpdateIndexAfterIngest(const IngestRequest& request, const std::filesystem::path& dir, PatentStore& store,
                            IngestResult& result) {
  Result<index::IndexUpdateStats> updated = Status::Internal("not run");
  Result<domain::IndexStatusSource> status = domain::OpenIndexStatusSource(dir, domain::TodayUtc());
  index::IndexWriteOptions options;
  if (status.ok()) options.legal_status = status->fn;
  else result.warnings.push_back("legal status not indexed (LS=, EX=): " + status.status().ToString());
  Result<index::PatentIndex> idx = index::PatentIndex::OpenForWriting(dir, options);
  if (idx.ok()) updated = idx->CatchUp(store, request.on_index_progress);
  else updated = idx.status();
  if (updated.ok()) {
    result.index = *updated;
    return;
  }
  result.index_error = updated.status().ToString();
  result.warnings.push_back("the store is updated but the search index is not: " + result.index_error +
                            " (run `patnav index` to catch up)");
}

}  // namespace

Result<IngestResult> Ingest(const Caller& caller, Workspace& workspace, const IngestRequest& request) {
  RETURN_IF_ERROR(Authorize(caller, Action::kIngest));
  if (request.batch_records < 1) return Status::InvalidArgument("batch_records: must be at least 1");
  ASSIGN_OR_RETURN(std::vector<InputFile> inputs, ExpandInputs(request.paths));
  uint64_t total_bytes = 0;
  for (const auto& in : inputs) total_bytes += in.size;
  ReaderOptions ropts;
  ropts.mapping_file = request.mapping;

  IngestResult result;
  result.store_dir = workspace.dir();
  const auto start = std::chrono::steady_clock::now();
  // The watches are evaluated after each committed batch, on another thread,
  // when there are any and the store exists (watch_follower.h); otherwise
  // once, after the ingest.
  std::unique_ptr<WatchFollower> follower = WatchFollower::Start(workspace, WatchFollower::Options{.pace = request.pace_alerts});
  Status st = workspace.WithStore(
      [&](PatentStore& store) -> Status {
        IngestSink sink(store, BatchLimitsFor(request.batch_records, follower != nullptr), result, request.cancel,
                        follower.get());
        // While watches follow, batches are small (ingest_batch.h): checkpoint
        // the store's log less often (PatentStore::SetCheckpointBytes), back
        // to the default when the load is done.
        CheckpointInterval checkpoints(store, follower ? kFollowedCheckpointBytes : 0);
        for (const InputFile& input : inputs) {
          if (!sink.status().ok() || Cancelled(request.cancel)) break;
          IngestOne(input, request, ropts, total_bytes, sink, result);
        }
        if (Cancelled(request.cancel) || !sink.status().ok()) {
          result.cancelled = sink.status().ok();
          sink.Abort();
        } else {
          sink.Commit();
        }
        result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (!sink.status().ok())
          return WithContext(sink.status(), "store failure: ", " (the last batch was rolled back)");
        if (result.cancelled) {
          result.warnings.push_back("cancelled: the store holds the batches committed before; the search index "
                                    "was not updated (run `patnav index` to catch up)");
        } else if (request.index) {
          UpdateIndexAfterIngest(request, workspace.dir(), store, result);
        }
        return Status::OK();
      },
      /*create=*/true);
  workspace.PatentDataChanged();
  if (!st.ok()) return st;
  if (request.refresh_snapshot && !result.cancelled) {
    if (request.on_snapshot) request.on_snapshot();
    const auto snapshot_start = std::chrono::steady_clock::now();
    Result<std::shared_ptr<const analytics::Snapshot>> snapshot = workspace.Snapshot();
    if (snapshot.ok())
      result.snapshot_seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - snapshot_start).count();
    else
      result.warnings.push_back("the analytics snapshot was not refreshed: " + snapshot.status().ToString() +
                                " (the next landscape builds it)");
  }
  if (!result.cancelled && domain::MonitoringDb::Exists(workspace.dir())) {
    Result<domain::EvaluationSummary> evaluated = follower ? follower->Finish() : EvaluateWatchesNow(workspace);
    if (follower) result.watch_latency_seconds = follower->max_latency_seconds();
    if (evaluated.ok()) result.watches = *evaluated;
    else
      result.warnings.push_back("the store is updated but the watches were not evaluated: " +
                                evaluated.status().ToString() + " (run `patnav watch run` to catch up)");
  }
  return result;
}

}  // namespace patnav::app
