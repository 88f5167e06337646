// patnav ingest: inputs -> readers -> store, in batches of one transaction.
//
// Contract: every record read is put into the store, merged with what is
// there; every record that cannot be read is reported (file, document index,
// reason) and left out whole. A batch commits atomically, so a crash leaves
// the store as of the last committed batch, and re-running the same ingest
// converges to the same records (puts are idempotent merges).
//
// After the store, the search index is brought up to date in the same
// command (unless --no-index): the publications this ingest changed — and
// any an earlier, interrupted run left unindexed — are re-indexed.
#include <sys/stat.h>

#include <cstdio>
#include <map>

#include "cli/commands.h"
#include "cli/progress.h"
#include "index/patent_index.h"
#include "readers/input_files.h"
#include "readers/reader.h"
#include "store/patent_store.h"

namespace patnav::cli {

namespace {

struct Counts {
  uint64_t read = 0, fresh = 0, merged = 0, unchanged = 0, rejected = 0, files = 0, bytes = 0;
};

class IngestSink : public RecordSink {
 public:
  IngestSink(PatentStore& store, int batch, Counts& counts, std::vector<Rejection>& rejections)
      : store_(store), batch_(batch), counts_(counts), rejections_(rejections) {}

  void OnRecord(PatentRecord&& r) override {
    if (!status_.ok()) return;
    ++counts_.read;
    if (!in_batch_) {
      status_ = store_.BeginBatch();
      if (!status_.ok()) return;
      in_batch_ = true;
    }
    Result<PutOutcome> put = store_.Put(r);
    if (!put.ok()) {
      // A record the store refuses (e.g. an impossible key) is a rejection, not a crash.
      if (put.status().code() == StatusCode::kInvalidArgument || put.status().code() == StatusCode::kCorruption) {
        OnReject({r.source.file, r.source.doc_index.value_or(0), put.status().message()});
        return;
      }
      status_ = put.status();
      return;
    }
    switch (*put) {
      case PutOutcome::kNew: ++counts_.fresh; break;
      case PutOutcome::kMerged: ++counts_.merged; break;
      case PutOutcome::kUnchanged: ++counts_.unchanged; break;
    }
    if (++pending_ >= batch_) Commit();
  }

  void OnReject(Rejection&& r) override {
    ++counts_.rejected;
    rejections_.push_back(std::move(r));
  }

  // Records one input's provenance in the current batch.
  void RecordInput(const IngestInfo& info) {
    if (!status_.ok()) return;
    if (!in_batch_) {
      status_ = store_.BeginBatch();
      if (!status_.ok()) return;
      in_batch_ = true;
    }
    status_ = store_.RecordIngest(info);
  }

  void Commit() {
    if (in_batch_ && status_.ok()) status_ = store_.CommitBatch();
    in_batch_ = false;
    pending_ = 0;
  }

  void Abort() {
    if (in_batch_) (void)store_.AbortBatch();
    in_batch_ = false;
  }

  const Status& status() const { return status_; }

 private:
  PatentStore& store_;
  int batch_;
  Counts& counts_;
  std::vector<Rejection>& rejections_;
  bool in_batch_ = false;
  int pending_ = 0;
  Status status_;
};

// Wraps a source to feed the progress line as bytes are consumed.
class ProgressSource : public ByteSource {
 public:
  ProgressSource(ByteSource& inner, Progress& progress, Counts& counts, uint64_t total)
      : inner_(inner), progress_(progress), counts_(counts), total_(total) {}
  Result<size_t> Read(char* buf, size_t n) override {
    Result<size_t> got = inner_.Read(buf, n);
    if (got.ok()) {
      counts_.bytes += *got;
      progress_.Update(counts_.read, counts_.bytes, counts_.rejected, total_, inner_.label());
    }
    return got;
  }
  const std::string& label() const override { return inner_.label(); }
  uint64_t size_hint() const override { return inner_.size_hint(); }

 private:
  ByteSource& inner_;
  Progress& progress_;
  Counts& counts_;
  uint64_t total_;
};

}  // namespace

int RunIngest(const IngestOptions& o) {
  Result<std::vector<InputFile>> inputs = ExpandInputs(o.paths);
  if (!inputs.ok()) {
    std::fprintf(stderr, "patnav ingest: %s\n", inputs.status().message().c_str());
    return inputs.status().code() == StatusCode::kInvalidArgument ? kExitUsage : kExitFailure;
  }
  StoreOptions so;
  so.dir = ResolveDataDir(o.db);
  Result<std::unique_ptr<PatentStore>> store = PatentStore::Open(so);
  if (!store.ok()) {
    std::fprintf(stderr, "patnav ingest: %s\n", store.status().ToString().c_str());
    return kExitFailure;
  }
  uint64_t total_bytes = 0;
  for (const auto& in : *inputs) total_bytes += in.size;

  Counts counts;
  std::vector<Rejection> rejections;
  IngestSink sink(**store, o.batch_records, counts, rejections);
  Progress progress(o.progress);
  ReaderOptions ropts;
  ropts.mapping_file = o.mapping;
  std::map<std::string, uint64_t> by_format;

  for (const InputFile& input : *inputs) {
    if (!sink.status().ok()) break;
    ++counts.files;
    Result<std::unique_ptr<ByteSource>> opened = OpenInput(input);
    if (!opened.ok()) {
      sink.OnReject({input.label(), 0, opened.status().message()});
      continue;
    }
    PeekableSource peek(std::move(opened).value());
    Result<std::string_view> head = peek.Peek(64 << 10);
    if (!head.ok()) {
      sink.OnReject({input.label(), 0, head.status().message()});
      continue;
    }
    Result<std::unique_ptr<Reader>> reader = DetectReader(*head, ropts);
    if (!reader.ok()) {
      sink.OnReject({input.label(), 0, reader.status().message()});
      counts.bytes += input.size;
      continue;
    }
    ++by_format[std::string((*reader)->name())];
    const Counts before = counts;
    ProgressSource tracked(peek, progress, counts, total_bytes);
    Status st = (*reader)->Read(tracked, sink);
    if (!st.ok()) sink.OnReject({input.label(), 0, "input abandoned: " + st.message()});
    IngestInfo info;
    info.path = input.label();
    if (input.size) info.size_bytes = static_cast<int64_t>(input.size);
    struct stat st_buf;
    if (::stat(input.path.c_str(), &st_buf) == 0) info.mtime_unix = static_cast<int64_t>(st_buf.st_mtime);
    info.format = std::string((*reader)->name());
    info.records_read = static_cast<int64_t>(counts.read - before.read);
    info.records_new = static_cast<int64_t>(counts.fresh - before.fresh);
    info.records_merged = static_cast<int64_t>(counts.merged - before.merged);
    info.records_unchanged = static_cast<int64_t>(counts.unchanged - before.unchanged);
    info.records_rejected = static_cast<int64_t>(counts.rejected - before.rejected);
    sink.RecordInput(info);
  }
  sink.Commit();
  progress.Finish();
  double secs = progress.ElapsedSeconds();

  if (!sink.status().ok()) {
    sink.Abort();
    std::fprintf(stderr, "patnav ingest: store failure: %s (the last batch was rolled back)\n",
                 sink.status().ToString().c_str());
    return kExitFailure;
  }
  std::printf("ingest: %s files, %s records read in %.1f s (%.0f docs/s, %.1f MB/s)\n",
              WithCommas(counts.files).c_str(), WithCommas(counts.read).c_str(), secs,
              static_cast<double>(counts.read) / std::max(secs, 1e-3),
              static_cast<double>(counts.bytes) / 1e6 / std::max(secs, 1e-3));
  std::printf("  new %s, merged %s, unchanged %s, rejected %s\n", WithCommas(counts.fresh).c_str(),
              WithCommas(counts.merged).c_str(), WithCommas(counts.unchanged).c_str(),
              WithCommas(counts.rejected).c_str());
  std::printf("  store: %s\n", so.dir.c_str());
  bool index_failed = false;
  if (o.index) {
    Progress index_progress(o.progress);
    Result<index::IndexUpdateStats> updated = Status::Internal("not run");
    Result<index::PatentIndex> idx = index::PatentIndex::OpenForWriting(so.dir);
    if (idx.ok()) {
      updated = idx->CatchUp(**store, [&index_progress](int64_t done, int64_t total) {
        index_progress.Update(static_cast<uint64_t>(done), 0, 0, 0, "indexing");
      });
    } else {
      updated = idx.status();
    }
    index_progress.Finish();
    if (updated.ok()) {
      std::printf("  index: %s documents updated in %.1f s%s\n",
                  WithCommas(static_cast<uint64_t>(updated->documents_indexed + updated->citations_refreshed)).c_str(),
                  updated->seconds, updated->rebuilt ? " (rebuilt)" : "");
    } else {
      index_failed = true;
      std::fprintf(stderr,
                   "patnav ingest: the store is updated but the search index is not: %s "
                   "(run `patnav index` to catch up)\n",
                   updated.status().ToString().c_str());
    }
  }
  if (!rejections.empty()) {
    std::fprintf(stderr, "rejected:\n");
    int shown = 0;
    for (const auto& r : rejections) {
      if (shown++ >= o.max_listed_rejections) break;
      std::fprintf(stderr, "  %s\n", r.ToString().c_str());
    }
    if (rejections.size() > static_cast<size_t>(o.max_listed_rejections))
      std::fprintf(stderr, "  ... and %zu more\n", rejections.size() - static_cast<size_t>(o.max_listed_rejections));
    return index_failed ? kExitFailure : kExitRejected;
  }
  return index_failed ? kExitFailure : kExitOk;
}

}  // namespace patnav::cli
