// Watches evaluated while an ingest runs (watch_follower.h).
#include "app/watch_follower.h"

#include <pthread.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <optional>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "app/prepared_watches.h"
#include "app/watches.h"
#include "app/workspace.h"
#include "domain/monitoring_db.h"
#include "store/patent_store.h"

namespace patnav::app {

namespace {

// How much lower the passes' priority is than the ingest's (nice steps;
// CFS gives a thread at +5 about a third of the weight of one at 0).
constexpr int kPassNice = 5;

}  // namespace

struct WatchFollower::State {
  Workspace* ws = nullptr;
  std::unique_ptr<PatentStore> store;  // the follower's own connection
  // The active watches and their portfolios, prepared once and kept from
  // one pass to the next while the watches do not change; the watches come
  // kept from the previous ingest (prepared_watches.h), the portfolios are
  // read again for each ingest.
  std::shared_ptr<const domain::PreparedWatches> prepared;
  domain::Portfolios portfolios;
  // One notification per watch for the whole ingest; the follower's thread
  // uses it during the passes, Finish's last pass after the thread ended.
  domain::IngestNotifications notifications;

  std::mutex mu;
  std::condition_variable wake;
  std::condition_variable taken;  // a pass took the pending batches, or the thread ended
  bool pending = false;  // a batch committed since the last pass began
  // pending, or a pass running; written under mu, read without (Idle()):
  // released after a pass's hits committed, so a caller that sees it false
  // sees them.
  std::atomic<bool> busy{false};
  bool ended = false;    // the thread returned (stopped or failed); guarded by mu
  bool pace = false;     // Options::pace
  // The commit of the oldest batch no pass has begun to cover; guarded by mu.
  std::optional<std::chrono::steady_clock::time_point> uncovered_since;
  double max_latency = 0;  // seconds; guarded by mu
  bool stop = false;
  Status failure;                     // the first pass that failed; guarded by mu
  domain::EvaluationSummary summary;  // guarded by mu
  bool any = false;                   // summary holds a pass; guarded by mu
  std::thread thread;

  void Run() {
    // The passes yield the CPU to the ingest's own threads: a pass only
    // needs the time the ingest leaves, while every share it takes from
    // them delays the load (issue 14: under 10% added ingest time). On
    // failure the thread keeps the process's priority.
    (void)setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), getpriority(PRIO_PROCESS, 0) + kPassNice);
    (void)pthread_setname_np(pthread_self(), "watch-passes");  // as top -H and perf show it
    RunPasses();
    std::lock_guard lock(mu);
    ended = true;
    taken.notify_all();
  }

  void RunPasses() {
    for (;;) {
      {
        std::unique_lock lock(mu);
        wake.wait(lock, [&] { return pending || stop; });
        if (stop) return;  // Finish's last pass covers whatever is left
        pending = false;
        covering_since = uncovered_since;
        uncovered_since.reset();
        taken.notify_all();
      }
      Result<domain::EvaluationSummary> pass = Pass();
      std::lock_guard lock(mu);
      if (!pending) busy.store(false, std::memory_order_release);
      NoteLatency(covering_since);
      if (!pass.ok()) {
        failure = pass.status();
        return;
      }
      if (pass->evaluation_id != 0 || pass->records_examined || pass->events_examined) {
        if (any) AccumulateEvaluation(summary, *pass);
        else summary = *pass;
        any = true;
      }
    }
  }

  std::optional<std::chrono::steady_clock::time_point> covering_since;  // the follower thread's own

  // REQUIRES: mu held.
  void NoteLatency(const std::optional<std::chrono::steady_clock::time_point>& since) {
    if (since)
      max_latency = std::max(
          max_latency, std::chrono::duration<double>(std::chrono::steady_clock::now() - *since).count());
  }

  // Lists the active watches and reads their portfolios again when they
  // changed since they were prepared (or were never). Lock order as
  // EvaluateWatchesNow: monitoring.db, then operations.db and the store.
  Status Refresh() {
    std::shared_ptr<const domain::PreparedWatches> loaded;
    RETURN_IF_ERROR(ws->WithMonitoring([&](domain::MonitoringDb& db) -> Status {
      ASSIGN_OR_RETURN(loaded, PreparedWatchesOf(db));
      return Status::OK();
    }));
    if (loaded == prepared) return Status::OK();
    prepared.reset();
    std::vector<const domain::WatchInput*> inputs;
    for (const domain::Watch& w : loaded->watches()) inputs.push_back(&w);
    ASSIGN_OR_RETURN(portfolios, PortfoliosOf(*ws, inputs, store.get()));
    prepared = std::move(loaded);
    return Status::OK();
  }

  Result<domain::EvaluationSummary> Pass() {
    domain::EvaluationSummary out;
    for (int attempt = 0;; ++attempt) {
      RETURN_IF_ERROR(Refresh());
      Status st = ws->WithMonitoring([&](domain::MonitoringDb& db) -> Status {
        domain::EvaluationOptions options;
        options.date_windows = false;  // Finish's last pass asks them, once per ingest
        options.ingest = &notifications;
        ASSIGN_OR_RETURN(out, domain::EvaluateWatches(db, *store, *prepared, portfolios, options));
        return Status::OK();
      });
      if (st.code() == StatusCode::kUnavailable && attempt < 2) continue;  // the watches changed meanwhile
      RETURN_IF_ERROR(st);
      return out;
    }
  }
};

std::unique_ptr<WatchFollower> WatchFollower::Start(Workspace& ws, const Options& follow) {
  if (!domain::MonitoringDb::Exists(ws.dir())) return nullptr;
  auto state = std::make_unique<State>();
  state->ws = &ws;
  state->pace = follow.pace;
  StoreOptions options;
  options.dir = ws.dir();
  options.create_if_missing = false;
  options.cache_bytes = int64_t{32} << 20;
  Result<std::unique_ptr<PatentStore>> store = PatentStore::Open(options);
  if (!store.ok()) return nullptr;
  state->store = std::move(*store);
  if (!state->Refresh().ok() || state->prepared->watches().empty()) return nullptr;
  State* s = state.get();
  state->thread = std::thread([s] { s->Run(); });
  return std::unique_ptr<WatchFollower>(new WatchFollower(std::move(state)));
}

WatchFollower::WatchFollower(std::unique_ptr<State> state) : state_(std::move(state)) {}

WatchFollower::~WatchFollower() {
  if (!state_ || !state_->thread.joinable()) return;
  {
    std::lock_guard lock(state_->mu);
    state_->stop = true;
    state_->pending = false;
  }
  state_->wake.notify_one();
  state_->thread.join();
}

void WatchFollower::BatchCommitted() {
  std::unique_lock lock(state_->mu);
  state_->pending = true;
  state_->busy.store(true, std::memory_order_relaxed);
  if (!state_->uncovered_since) state_->uncovered_since = std::chrono::steady_clock::now();
  state_->wake.notify_one();
  // Paced: returns once a pass has begun to cover this batch (see the header).
  if (state_->pace) state_->taken.wait(lock, [&] { return !state_->pending || state_->ended; });
}

Result<domain::EvaluationSummary> WatchFollower::Finish() {
  {
    std::lock_guard lock(state_->mu);
    state_->stop = true;
  }
  state_->wake.notify_one();
  if (state_->thread.joinable()) state_->thread.join();
  state_->store.reset();
  domain::EvaluationOptions options;
  options.ingest = &state_->notifications;
  options.ingest->last = true;
  Result<domain::EvaluationSummary> last = EvaluateWatchesNow(*state_->ws, options);
  {
    std::lock_guard lock(state_->mu);
    state_->NoteLatency(state_->uncovered_since);
  }
  if (!state_->failure.ok()) return state_->failure;
  if (!last.ok()) return last.status();
  if (!state_->any) return *last;
  domain::EvaluationSummary sum = state_->summary;
  AccumulateEvaluation(sum, *last);
  return sum;
}

bool WatchFollower::Idle() const { return !state_->busy.load(std::memory_order_acquire); }

double WatchFollower::max_latency_seconds() const { return state_->max_latency; }

void AccumulateEvaluation(domain::EvaluationSummary& into, const domain::EvaluationSummary& pass) {
  if (pass.evaluation_id != 0) into.evaluation_id = pass.evaluation_id;
  into.to_sequence = std::max(into.to_sequence, pass.to_sequence);
  into.to_event = std::max(into.to_event, pass.to_event);
  into.watches = std::max(into.watches, pass.watches);
  into.records_examined += pass.records_examined;
  into.events_examined += pass.events_examined;
  into.hits += pass.hits;
  into.notifications += pass.notifications;
}

}  // namespace patnav::app
