// Background jobs: long work (an ingest) that a request starts and later
// requests follow (state, summary, progress events) or cancel.
//
// Contract:
// - Jobs run one at a time, in the order started, on the registry's own
//   thread: the store takes one writer, and two ingests would only queue on
//   its lock. A queued job can be cancelled before it starts.
// - A job's work is given a JobContext: it reports progress (each report is
//   one event) and checks Cancelled() between units of work; work that stops
//   for cancellation returns Status::Unavailable("cancelled"). What the work
//   committed before stopping stays committed (ingest batches are
//   transactions), nothing half-written.
// - Visibility follows ownership: a job is seen (got, followed, cancelled)
//   by the user who started it and by administrators; anyone else gets
//   NotFound, as for an object of another tenant.
// - Jobs live in memory: a restarted server has no record of earlier jobs
//   (their effects are in the store).
// Thread-safety: every method may be called from any thread.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/caller.h"
#include "base/status.h"

namespace patnav::app {

enum class JobState { kQueued, kRunning, kSucceeded, kFailed, kCancelled };
const char* JobStateName(JobState s);  // "queued", "running", "succeeded", "failed", "cancelled"

struct JobEvent {
  int64_t seq = 0;    // 1, 2, ... within a job
  std::string type;   // "progress", then one of "succeeded", "failed", "cancelled"
  nlohmann::ordered_json data;
};

struct JobView {
  std::string id;
  std::string kind;       // "ingest"
  std::string owner;      // username
  JobState state = JobState::kQueued;
  std::string created_at, started_at, finished_at;  // ISO 8601 UTC; empty until then
  nlohmann::ordered_json progress;  // the last progress report
  nlohmann::ordered_json summary;   // the work's result (when succeeded, or what was done when cancelled)
  std::string error;                // when failed: the status message
  std::string error_code;           // when failed: StatusCodeName
};
nlohmann::ordered_json JobToJson(const JobView& job);

class JobContext {
 public:
  virtual ~JobContext() = default;
  virtual void Progress(nlohmann::ordered_json data) = 0;
  virtual bool Cancelled() const = 0;
  // The flag Cancelled() reads, for work that takes an atomic.
  virtual const std::atomic<bool>* cancel_flag() const = 0;
};

// The work of a job: its summary JSON, or a Status (Unavailable "cancelled"
// when it stopped for cancellation; `partial` then holds what was done).
using JobWork = std::function<Result<nlohmann::ordered_json>(JobContext& context, nlohmann::ordered_json* partial)>;

class JobRegistry {
 public:
  // `keep_finished`: how many finished jobs are remembered (oldest forgotten).
  explicit JobRegistry(size_t keep_finished = 200);
  ~JobRegistry();  // cancels what runs and what waits, joins the thread

  // Queues `work`; returns the job's id (128 random bits, hex).
  std::string Start(const Caller& caller, std::string kind, JobWork work);
  Result<JobView> Get(const Caller& caller, const std::string& id) const;
  // Asks a queued or running job to stop. FailedPrecondition when it has
  // already finished.
  Status Cancel(const Caller& caller, const std::string& id);
  // Events with seq > `after`, waiting up to `wait` when there are none yet.
  // `finished` says whether the job has ended (no event will follow those
  // returned).
  Result<std::vector<JobEvent>> EventsAfter(const Caller& caller, const std::string& id, int64_t after,
                                            std::chrono::milliseconds wait, bool* finished) const;
  // A subscription to a job's events: while it lives, `on_event` runs each
  // time the job gains an event and once when the registry forgets the job.
  // `on_event` runs on the thread that appends, under the registry's lock, so
  // it must be quick and must not call into the registry (post a wake-up).
  // The registry must outlive it.
  class Following {
   public:
    ~Following();
    Following(const Following&) = delete;
    Following& operator=(const Following&) = delete;

   private:
    friend class JobRegistry;
    Following(const JobRegistry* registry, std::string id, uint64_t key)
        : registry_(registry), id_(std::move(id)), key_(key) {}
    const JobRegistry* registry_;
    std::string id_;
    uint64_t key_;
  };
  // Follows a job the caller may see (NotFound as Get). This is how an event
  // stream waits without polling.
  Result<std::unique_ptr<Following>> Follow(const Caller& caller, const std::string& id,
                                            std::function<void()> on_event) const;
  // Blocks until the job has ended or `timeout` passed; true when ended.
  bool WaitFinished(const std::string& id, std::chrono::milliseconds timeout) const;
  // Stops taking jobs, cancels the running one and waits for it (SIGTERM).
  void Shutdown();

 private:
  struct Job;
  class Context;
  void RunLoop();
  std::shared_ptr<Job> Find(const Caller& caller, const std::string& id) const;
  // Appends an event to `job` and tells its followers. Requires mu_.
  void AppendEvent(Job& job, std::string type, nlohmann::ordered_json data);

  mutable std::mutex mu_;
  mutable std::condition_variable changed_;
  std::map<std::string, std::shared_ptr<Job>> jobs_;
  std::deque<std::shared_ptr<Job>> queue_;
  std::deque<std::string> finished_order_;
  mutable uint64_t next_following_ = 1;  // guarded by mu_
  size_t keep_finished_;
  bool stopping_ = false;
  std::thread thread_;
};

// Now as ISO 8601 UTC with seconds: 2026-12-06T10:00:00Z.
std::string NowIso();

}  // namespace patnav::app
