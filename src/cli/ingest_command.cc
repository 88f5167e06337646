// patnav ingest: reads files, folders or zips into the store and brings the
// search index up to date, through app::Ingest (app/ingest.h: the contract
// on batches, rejections and idempotent re-runs). Prints the counts, the
// index outcome and the first rejections; exit 3 when some records were
// rejected.
#include <algorithm>
#include <cstdio>

#include "app/caller.h"
#include "app/ingest.h"
#include "app/workspace.h"
#include "cli/commands.h"
#include "cli/open_store.h"
#include "cli/progress.h"

namespace patnav::cli {

namespace {

void PrintRejections(const std::vector<Rejection>& rejections, int max_listed) {
  std::fprintf(stderr, "rejected:\n");
  int shown = 0;
  for (const auto& r : rejections) {
    if (shown++ >= max_listed) break;
    std::fprintf(stderr, "  %s\n", r.ToString().c_str());
  }
  if (rejections.size() > static_cast<size_t>(max_listed))
    std::fprintf(stderr, "  ... and %zu more\n", rejections.size() - static_cast<size_t>(max_listed));
}

}  // namespace

int RunIngest(const IngestOptions& o) {
  app::Workspace workspace(WorkspaceOptions(o.db));
  Progress progress(o.progress);
  Progress index_progress(o.progress);
  bool reading = true;
  app::IngestRequest request;
  request.paths = o.paths;
  request.mapping = o.mapping;
  request.batch_records = o.batch_records;
  request.index = o.index;
  request.pace_alerts = o.pace_alerts;
  request.on_progress = [&progress](const app::IngestProgress& p) {
    progress.Update(p.records_read, p.bytes, p.rejected, p.total_bytes, p.current);
  };
  request.on_index_progress = [&](int64_t done, int64_t) {
    if (reading) progress.Finish(), reading = false;
    index_progress.Update(static_cast<uint64_t>(done), 0, 0, 0, "indexing");
  };
  Result<app::IngestResult> ingested = app::Ingest(app::Caller::Local(), workspace, request);
  progress.Finish();
  index_progress.Finish();
  if (!ingested.ok()) return ExitWith("ingest", ingested.status());
  const app::IngestResult& r = *ingested;
  const double secs = r.seconds;
  std::printf("ingest: %s files, %s records read in %.1f s (%.0f docs/s, %.1f MB/s)\n",
              WithCommas(r.files).c_str(), WithCommas(r.read).c_str(), secs,
              static_cast<double>(r.read) / std::max(secs, 1e-3),
              static_cast<double>(r.bytes) / 1e6 / std::max(secs, 1e-3));
  std::printf("  new %s, merged %s, unchanged %s, rejected %s\n", WithCommas(r.fresh).c_str(),
              WithCommas(r.merged).c_str(), WithCommas(r.unchanged).c_str(), WithCommas(r.rejected).c_str());
  if (r.legal_events > 0)
    std::printf("  legal events %s (new %s)\n", WithCommas(r.legal_events).c_str(), WithCommas(r.legal_events_new).c_str());
  std::printf("  store: %s\n", r.store_dir.c_str());
  if (r.index) {
    std::printf("  index: %s documents updated in %.1f s%s\n",
                WithCommas(static_cast<uint64_t>(r.index->documents_indexed + r.index->citations_refreshed)).c_str(),
                r.index->seconds, r.index->rebuilt ? " (rebuilt)" : "");
  }
  std::printf("  time: reading and parsing %.1f s, storing %.1f s", std::max(0.0, secs - r.store_seconds),
              r.store_seconds);
  if (r.index) std::printf(", index %.1f s", r.index->seconds);
  std::printf("\n");
  if (r.watches)
    std::printf("  watches: %lld evaluated, %lld new hits in %lld notifications (`patnav inbox`)\n",
                static_cast<long long>(r.watches->watches), static_cast<long long>(r.watches->hits),
                static_cast<long long>(r.watches->notifications));
  for (const std::string& w : r.warnings) std::fprintf(stderr, "patnav ingest: %s\n", w.c_str());
  const bool index_failed = !r.index_error.empty();
  if (!r.rejections.empty()) {
    PrintRejections(r.rejections, o.max_listed_rejections);
    return index_failed ? kExitFailure : kExitRejected;
  }
  return index_failed ? kExitFailure : kExitOk;
}

}  // namespace patnav::cli
