// The workspace: one data directory and the long-lived handles on it, shared
// by every application call (the CLI makes one per command; the server one
// per process).
//
// Handles, each opened on first use:
//   store       PatentStore (patnav.db)
//   operations  domain::OperationsDb (operations.db)
//   platform    domain::PlatformDb (platform.db: users, sessions, audit)
//   monitoring  domain::MonitoringDb (monitoring.db: watches, hits, inbox)
//   searchers   index::Searcher, up to Options::searchers of them so that
//               searches run in parallel (a Xapian handle serves one thread
//               at a time); with Options::long_lived they keep their columns
//               in memory, one copy shared by all (what the server wants)
//   snapshot    the analytics snapshot, immutable, shared
//
// Thread-safety: every method may be called from any thread. Each SQLite
// handle and the searcher are used by one thread at a time: With* runs its
// function under that handle's own mutex, so calls on different handles run
// in parallel and calls on one handle queue. Do not call With* for the same
// handle from inside its function (the mutexes are not recursive).
// WithSearcher takes an idle searcher, opening another while fewer than
// Options::searchers exist, else waits for one. The
// snapshot is immutable and handed out as a shared_ptr: a caller keeps the
// one it got while a newer one is built.
//
// Freshness: after a write that changes the patent data (ingest, index), the
// writer calls PatentDataChanged(); each searcher then reopens the latest
// index revision on its next use and the snapshot is rechecked against the store.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "analytics/snapshot.h"
#include "base/status.h"
#include "domain/monitoring_db.h"
#include "domain/operations_db.h"
#include "domain/platform_db.h"
#include "index/searcher.h"
#include "store/patent_store.h"

namespace patnav::app {

class Workspace {
 public:
  struct Options {
    std::filesystem::path dir;  // the data directory
    bool long_lived = false;    // keep search columns in memory (the server)
    int searchers = 1;          // searches that may run at once (the server: its workers)
  };
  // Does not touch the disk: handles open on first use.
  explicit Workspace(Options options);
  ~Workspace();
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  const std::filesystem::path& dir() const { return options_.dir; }

  // The port `patnav serve` listens on (0: not serving), set once it is
  // bound; webhooks pointing back at it are refused. Any thread.
  void SetServedPort(int port) { served_port_.store(port); }
  int served_port() const { return served_port_.load(); }

  // Runs `fn` with the store. Without `create`, a missing data directory or
  // store is NotFound with the hint to ingest first.
  Status WithStore(const std::function<Status(PatentStore&)>& fn, bool create = false);
  // Runs `fn` with operations.db (created when absent if `create`).
  Status WithOperations(const std::function<Status(domain::OperationsDb&)>& fn, bool create = true);
  // Runs `fn` with platform.db (always created when absent).
  Status WithPlatform(const std::function<Status(domain::PlatformDb&)>& fn);
  // Runs `fn` with monitoring.db (created when absent if `create`; else
  // NotFound when no watch was ever created).
  Status WithMonitoring(const std::function<Status(domain::MonitoringDb&)>& fn, bool create = true);
  // Runs `fn` with the searcher. NotFound with the hint to run `patnav index`
  // when there is no index.
  Status WithSearcher(const std::function<Status(index::Searcher&)>& fn);
  // For long-lived use: loads the search columns now, once, so the first
  // requests do not wait for them and every searcher opened later adopts
  // this copy instead of loading its own. Without an index (or when it
  // cannot be read) nothing is loaded; searches report the problem.
  void WarmUp();
  // How many searchers are open (idle or busy); at most Options::searchers.
  int SearchersOpen();
  // The analytics snapshot, loaded or built (and saved) when missing or
  // stale; `built` (optional) says whether this call built it.
  Result<std::shared_ptr<const analytics::Snapshot>> Snapshot(bool* built = nullptr);

  // The patent data changed (an ingest or index finished): the searcher and
  // snapshot are refreshed on their next use.
  void PatentDataChanged();

 private:
  Options options_;
  std::atomic<int> served_port_{0};
  std::mutex store_mu_, ops_mu_, platform_mu_, searcher_mu_, snapshot_mu_, monitoring_mu_;
  std::unique_ptr<PatentStore> store_;
  std::unique_ptr<domain::OperationsDb> ops_;
  std::unique_ptr<domain::PlatformDb> platform_;
  std::unique_ptr<domain::MonitoringDb> monitoring_;
  // Idle searchers, each tagged with the data generation it was opened at;
  // searchers_open_ counts idle and busy ones. Under searchers_mu_.
  struct IdleSearcher {
    std::unique_ptr<index::Searcher> searcher;
    uint64_t generation = 0;
  };
  std::condition_variable searcher_idle_;
  std::vector<IdleSearcher> idle_searchers_;
  int searchers_open_ = 0;
  uint64_t data_generation_ = 1;  // bumped by PatentDataChanged
  index::Searcher::Columns shared_columns_;  // the newest loaded, for new searchers
  std::shared_ptr<const analytics::Snapshot> snapshot_;
  bool snapshot_stale_ = true;
};

}  // namespace patnav::app
