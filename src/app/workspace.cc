// The workspace's handles (workspace.h).
#include "app/workspace.h"

#include <algorithm>

#include <system_error>

#include "analytics/snapshot_file.h"

namespace patnav::app {

Workspace::Workspace(Options options) : options_(std::move(options)) {}
Workspace::~Workspace() = default;

Status Workspace::WithStore(const std::function<Status(PatentStore&)>& fn, bool create) {
  std::lock_guard<std::mutex> lock(store_mu_);
  if (!store_) {
    StoreOptions so;
    so.dir = options_.dir;
    so.create_if_missing = create;
    std::error_code ec;
    if (!create && !std::filesystem::exists(so.dir / "patnav.db", ec))
      return Status::NotFound("no store at " + so.dir.string() + " (run 'patnav ingest --db " + so.dir.string() +
                              " FILES' first)");
    ASSIGN_OR_RETURN(store_, PatentStore::Open(so));
  }
  return fn(*store_);
}

Status Workspace::WithOperations(const std::function<Status(domain::OperationsDb&)>& fn, bool create) {
  std::lock_guard<std::mutex> lock(ops_mu_);
  if (!ops_) {
    ASSIGN_OR_RETURN(ops_, domain::OperationsDb::Open(options_.dir, create));
  }
  return fn(*ops_);
}

Status Workspace::WithPlatform(const std::function<Status(domain::PlatformDb&)>& fn) {
  std::lock_guard<std::mutex> lock(platform_mu_);
  if (!platform_) {
    ASSIGN_OR_RETURN(platform_, domain::PlatformDb::Open(options_.dir));
  }
  return fn(*platform_);
}

Status Workspace::WithMonitoring(const std::function<Status(domain::MonitoringDb&)>& fn, bool create) {
  std::lock_guard<std::mutex> lock(monitoring_mu_);
  if (!monitoring_) {
    ASSIGN_OR_RETURN(monitoring_, domain::MonitoringDb::Open(options_.dir, create));
  }
  return fn(*monitoring_);
}

Status Workspace::WithSearcher(const std::function<Status(index::Searcher&)>& fn) {
  IdleSearcher slot;
  uint64_t generation = 0;
  index::Searcher::Columns columns;
  {
    std::unique_lock<std::mutex> lock(searcher_mu_);
    const int most = std::max(1, options_.searchers);
    searcher_idle_.wait(lock, [&] { return !idle_searchers_.empty() || searchers_open_ < most; });
    if (!idle_searchers_.empty()) {
      slot = std::move(idle_searchers_.back());
      idle_searchers_.pop_back();
    } else {
      ++searchers_open_;
    }
    generation = data_generation_;
    columns = shared_columns_;
  }
  // Whatever happens below, the slot goes back (a failed open gives its
  // place up) and a waiter wakes.
  auto give_back = [&] {
    {
      std::lock_guard<std::mutex> lock(searcher_mu_);
      if (slot.searcher) {
        if (options_.long_lived) {
          index::Searcher::Columns loaded = slot.searcher->LoadedColumns();
          if (loaded.facets && loaded.revision >= shared_columns_.revision) shared_columns_ = std::move(loaded);
        }
        idle_searchers_.push_back(std::move(slot));
      } else {
        --searchers_open_;
      }
    }
    searcher_idle_.notify_one();
  };
  if (!slot.searcher || slot.generation != generation) {
    Result<index::Searcher> opened = index::Searcher::Open(options_.dir);
    if (!opened.ok()) {
      slot.searcher.reset();
      give_back();
      return opened.status();
    }
    slot.searcher = std::make_unique<index::Searcher>(std::move(*opened));
    slot.generation = generation;
    if (options_.long_lived) {
      slot.searcher->KeepFacetColumns(true);
      slot.searcher->AdoptColumns(columns);
    }
  }
  Status st = fn(*slot.searcher);
  give_back();
  return st;
}

void Workspace::WarmUp() {
  if (!options_.long_lived) return;
  (void)WithSearcher([](index::Searcher& s) { return s.LoadFacetColumns(); });
}

int Workspace::SearchersOpen() {
  std::lock_guard<std::mutex> lock(searcher_mu_);
  return searchers_open_;
}

Result<std::shared_ptr<const analytics::Snapshot>> Workspace::Snapshot(bool* built) {
  if (built) *built = false;
  std::lock_guard<std::mutex> lock(snapshot_mu_);
  std::shared_ptr<const analytics::Snapshot> current = snapshot_;
  Status st = WithStore([&](PatentStore& store) -> Status {
    ASSIGN_OR_RETURN(int64_t sequence, store.LastChangeSequence());
    ASSIGN_OR_RETURN(std::string store_id, store.StoreId());
    if (current && !snapshot_stale_ && current->store_sequence == sequence && current->store_id == store_id)
      return Status::OK();
    analytics::BuildOptions build;
    build.with_text = true;
    analytics::SnapshotSource source;
    ASSIGN_OR_RETURN(analytics::Snapshot s, analytics::LoadOrBuildSnapshot(options_.dir, store, build, &source));
    if (built) *built = !source.loaded;
    current = std::make_shared<const analytics::Snapshot>(std::move(s));
    return Status::OK();
  });
  if (!st.ok()) return st;
  snapshot_ = current;
  snapshot_stale_ = false;
  return current;
}

void Workspace::PatentDataChanged() {
  {
    std::lock_guard<std::mutex> lock(searcher_mu_);
    ++data_generation_;
  }
  std::lock_guard<std::mutex> lock(snapshot_mu_);
  snapshot_stale_ = true;
}

}  // namespace patnav::app
