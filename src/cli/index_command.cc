// patnav index: brings the search index of the data directory in step with
// the store (re-indexing what changed since its last update, or everything
// when it is missing, of another format or of another store), or with
// --rebuild drops it and indexes every publication anew (app::UpdateIndex).
// Shows a progress line on a terminal; prints documents and seconds.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "app/caller.h"
#include "app/index_update.h"
#include "app/workspace.h"
#include "cli/commands.h"
#include "cli/open_store.h"
#include "cli/progress.h"

namespace patnav::cli {

namespace {

// "\r12,000 / 20,000 docs  5,300 docs/s" on stderr when it is a terminal,
// at most every 200 ms.
class IndexProgressLine {
 public:
  IndexProgressLine() : enabled_(isatty(STDERR_FILENO)), start_(std::chrono::steady_clock::now()) {}
  void operator()(int64_t done, int64_t total) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (drawn_ && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    drawn_ = true;
    const double secs = std::max(1e-3, std::chrono::duration<double>(now - start_).count());
    std::fprintf(stderr, "\r\033[Kindexing: %s / %s docs  %.0f docs/s", WithCommas(static_cast<uint64_t>(done)).c_str(),
                 WithCommas(static_cast<uint64_t>(total)).c_str(), static_cast<double>(done) / secs);
    std::fflush(stderr);
  }
  void Finish() {
    if (drawn_) std::fprintf(stderr, "\r\033[K");
  }

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace

int RunIndex(const IndexOptions& o) {
  app::Workspace workspace(WorkspaceOptions(o.db));
  IndexProgressLine line;
  app::IndexUpdateRequest request;
  request.rebuild = o.rebuild;
  request.writers = o.writers;
  request.on_progress = [&line](int64_t done, int64_t total) { line(done, total); };
  Result<app::IndexUpdateResult> updated = app::UpdateIndex(app::Caller::Local(), workspace, request);
  line.Finish();
  if (!updated.ok()) return ExitWith("index", updated.status());
  const index::IndexUpdateStats& stats = updated->stats;
  const double secs = std::max(stats.seconds, 1e-3);
  if (stats.rebuilt) {
    std::printf("index: rebuilt, %s documents in %.1f s (%.0f docs/s)\n",
                WithCommas(static_cast<uint64_t>(stats.documents_indexed)).c_str(), stats.seconds,
                static_cast<double>(stats.documents_indexed) / secs);
  } else if (stats.documents_indexed == 0 && stats.citations_refreshed == 0) {
    std::printf("index: up to date, %s documents\n", WithCommas(static_cast<uint64_t>(stats.documents_total)).c_str());
    return kExitOk;
  } else {
    std::printf("index: %s documents updated in %.1f s (%s citation counts refreshed)\n",
                WithCommas(static_cast<uint64_t>(stats.documents_indexed)).c_str(), stats.seconds,
                WithCommas(static_cast<uint64_t>(stats.citations_refreshed)).c_str());
  }
  std::printf("  %s documents in %s\n", WithCommas(static_cast<uint64_t>(stats.documents_total)).c_str(),
              updated->index_dir.c_str());
  return kExitOk;
}

}  // namespace patnav::cli
