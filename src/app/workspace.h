// The workspace: one data directory and the long-lived handles on it, shared
// by every application call (the CLI makes one per command; the server one
// per process).
//
// Handles, each opened on first use:
//   store       PatentStore (patnav.db)
//   operations  domain::OperationsDb (operations.db)
//   platform    domain::PlatformDb (platform.db: users, sessions, audit)
//   monitoring  domain::MonitoringDb (monitoring.db: watches, hits, inbox)
//   searcher    index::Searcher; with Options::long_lived it keeps its
//               columns in memory (what the server wants)
//   snapshot    the analytics snapshot, immutable, shared
//
// Thread-safety: every method may be called from any thread. Each SQLite
// handle and the searcher are used by one thread at a time: With* runs its
// function under that handle's own mutex, so calls on different handles run
// in parallel and calls on one handle queue. Do not call With* for the same
// handle from inside its function (the mutexes are not recursive). The
// snapshot is immutable and handed out as a shared_ptr: a caller keeps the
// one it got while a newer one is built.
//
// Freshness: after a write that changes the patent data (ingest, index), the
// writer calls PatentDataChanged(); the searcher then reopens the latest index
// revision on its next use and the snapshot is rechecked against the store.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>

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
  };
  // Does not touch the disk: handles open on first use.
  explicit Workspace(Options options);
  ~Workspace();
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  const std::filesystem::path& dir() const { return options_.dir; }

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
  // The analytics snapshot, loaded or built (and saved) when missing or
  // stale; `built` (optional) says whether this call built it.
  Result<std::shared_ptr<const analytics::Snapshot>> Snapshot(bool* built = nullptr);

  // The patent data changed (an ingest or index finished): the searcher and
  // snapshot are refreshed on their next use.
  void PatentDataChanged();

 private:
  Options options_;
  std::mutex store_mu_, ops_mu_, platform_mu_, searcher_mu_, snapshot_mu_, monitoring_mu_;
  std::unique_ptr<PatentStore> store_;
  std::unique_ptr<domain::OperationsDb> ops_;
  std::unique_ptr<domain::PlatformDb> platform_;
  std::unique_ptr<domain::MonitoringDb> monitoring_;
  std::unique_ptr<index::Searcher> searcher_;
  bool searcher_stale_ = false;
  std::shared_ptr<const analytics::Snapshot> snapshot_;
  bool snapshot_stale_ = true;
};

}  // namespace patnav::app
