// The job registry (jobs.h): one runner thread, jobs in memory.
#include "app/jobs.h"

#include <sodium.h>

#include <ctime>

#include "base/status_table.h"
#include "domain/platform_clock.h"

namespace patnav::app {

struct JobRegistry::Job {
  JobView view;
  int64_t owner_user_id = 0;
  bool owner_local = false;
  JobWork work;
  std::atomic<bool> cancel{false};
  std::vector<JobEvent> events;
  std::map<uint64_t, std::function<void()>> followers;  // guarded by the registry's mu_
  void TellFollowers() const {
    for (const auto& [key, on_event] : followers) on_event();
  }
  bool finished() const {
    return view.state != JobState::kQueued && view.state != JobState::kRunning;
  }
};

class JobRegistry::Context : public JobContext {
 public:
  Context(JobRegistry& registry, std::shared_ptr<Job> job) : registry_(registry), job_(std::move(job)) {}
  void Progress(nlohmann::ordered_json data) override {
    std::lock_guard<std::mutex> lock(registry_.mu_);
    job_->view.progress = data;
    registry_.AppendEvent(*job_, "progress", std::move(data));
    registry_.changed_.notify_all();
  }
  bool Cancelled() const override { return job_->cancel.load(); }
  const std::atomic<bool>* cancel_flag() const override { return &job_->cancel; }

 private:
  JobRegistry& registry_;
  std::shared_ptr<Job> job_;
};

const char* JobStateName(JobState s) {
  switch (s) {
    case JobState::kQueued: return "queued";
    case JobState::kRunning: return "running";
    case JobState::kSucceeded: return "succeeded";
    case JobState::kFailed: return "failed";
    case JobState::kCancelled: return "cancelled";
  }
  return "unknown";
}

std::string NowIso() { return domain::FormatIsoUtc(std::time(nullptr)); }

nlohmann::ordered_json JobToJson(const JobView& j) {
  nlohmann::ordered_json out;
  out["id"] = j.id;
  out["kind"] = j.kind;
  out["owner"] = j.owner;
  out["state"] = JobStateName(j.state);
  out["created_at"] = j.created_at;
  out["started_at"] = j.started_at.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(j.started_at);
  out["finished_at"] = j.finished_at.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(j.finished_at);
  out["progress"] = j.progress.is_null() ? nlohmann::ordered_json::object() : j.progress;
  out["summary"] = j.summary.is_null() ? nlohmann::ordered_json() : j.summary;
  if (!j.error.empty()) out["error"] = {{"code", j.error_code}, {"message", j.error}};
  return out;
}

JobRegistry::JobRegistry(size_t keep_finished) : keep_finished_(keep_finished) {
  if (sodium_init() < 0) std::abort();  // no secure random source: nothing can be trusted
  thread_ = std::thread([this] { RunLoop(); });
}

JobRegistry::~JobRegistry() { Shutdown(); }

void JobRegistry::Shutdown() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_ && !thread_.joinable()) return;
    stopping_ = true;
    for (auto& [id, job] : jobs_) job->cancel = true;
    changed_.notify_all();
  }
  if (thread_.joinable()) thread_.join();
}

std::string JobRegistry::Start(const Caller& caller, std::string kind, JobWork work) {
  auto job = std::make_shared<Job>();
  unsigned char raw[16];
  randombytes_buf(raw, sizeof raw);
  static const char* kHex = "0123456789abcdef";
  for (unsigned char b : raw) {
    job->view.id += kHex[b >> 4];
    job->view.id += kHex[b & 15];
  }
  job->view.kind = std::move(kind);
  job->view.owner = caller.Actor();
  job->view.created_at = NowIso();
  job->owner_user_id = caller.user_id;
  job->owner_local = caller.local;
  job->work = std::move(work);
  std::lock_guard<std::mutex> lock(mu_);
  jobs_[job->view.id] = job;
  if (stopping_) {
    job->view.state = JobState::kCancelled;
    job->view.finished_at = NowIso();
    AppendEvent(*job, "cancelled", nlohmann::ordered_json::object());
  } else {
    queue_.push_back(job);
  }
  changed_.notify_all();
  return job->view.id;
}

std::shared_ptr<JobRegistry::Job> JobRegistry::Find(const Caller& caller, const std::string& id) const {
  auto it = jobs_.find(id);
  if (it == jobs_.end()) return nullptr;
  const Job& job = *it->second;
  const bool owner = caller.local ? job.owner_local : (!caller.anonymous && caller.user_id == job.owner_user_id &&
                                                       job.owner_user_id != 0);
  if (!owner && !caller.IsAdministrator()) return nullptr;
  return it->second;
}

Result<JobView> JobRegistry::Get(const Caller& caller, const std::string& id) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto job = Find(caller, id);
  if (!job) return Status::NotFound("unknown job '" + id + "'");
  return job->view;
}

Status JobRegistry::Cancel(const Caller& caller, const std::string& id) {
  std::lock_guard<std::mutex> lock(mu_);
  auto job = Find(caller, id);
  if (!job) return Status::NotFound("unknown job '" + id + "'");
  if (job->finished())
    return Status::FailedPrecondition("job '" + id + "' has already " + JobStateName(job->view.state));
  job->cancel = true;
  changed_.notify_all();
  return Status::OK();
}

Result<std::vector<JobEvent>> JobRegistry::EventsAfter(const Caller& caller, const std::string& id, int64_t after,
                                                       std::chrono::milliseconds wait, bool* finished) const {
  std::unique_lock<std::mutex> lock(mu_);
  auto job = Find(caller, id);
  if (!job) return Status::NotFound("unknown job '" + id + "'");
  auto ready = [&] { return static_cast<int64_t>(job->events.size()) > after || job->finished(); };
  changed_.wait_for(lock, wait, ready);
  std::vector<JobEvent> out;
  for (const JobEvent& e : job->events)
    if (e.seq > after) out.push_back(e);
  if (finished) *finished = job->finished();
  return out;
}

void JobRegistry::AppendEvent(Job& job, std::string type, nlohmann::ordered_json data) {
  job.events.push_back({static_cast<int64_t>(job.events.size()) + 1, std::move(type), std::move(data)});
  job.TellFollowers();
}

Result<std::unique_ptr<JobRegistry::Following>> JobRegistry::Follow(const Caller& caller, const std::string& id,
                                                                    std::function<void()> on_event) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto job = Find(caller, id);
  if (!job) return Status::NotFound("unknown job '" + id + "'");
  uint64_t key = next_following_++;
  job->followers.emplace(key, std::move(on_event));
  return std::unique_ptr<Following>(new Following(this, id, key));
}

JobRegistry::Following::~Following() {
  std::lock_guard<std::mutex> lock(registry_->mu_);
  auto it = registry_->jobs_.find(id_);
  if (it != registry_->jobs_.end()) it->second->followers.erase(key_);
}

bool JobRegistry::WaitFinished(const std::string& id, std::chrono::milliseconds timeout) const {
  std::unique_lock<std::mutex> lock(mu_);
  auto it = jobs_.find(id);
  if (it == jobs_.end()) return false;
  auto job = it->second;
  return changed_.wait_for(lock, timeout, [&] { return job->finished(); });
}

void JobRegistry::RunLoop() {
  for (;;) {
    std::shared_ptr<Job> job;
    {
      std::unique_lock<std::mutex> lock(mu_);
      changed_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping with nothing left
      job = queue_.front();
      queue_.pop_front();
      if (job->cancel || stopping_) {
        job->view.state = JobState::kCancelled;
        job->view.finished_at = NowIso();
        AppendEvent(*job, "cancelled", nlohmann::ordered_json::object());
        finished_order_.push_back(job->view.id);
        changed_.notify_all();
        continue;
      }
      job->view.state = JobState::kRunning;
      job->view.started_at = NowIso();
      changed_.notify_all();
    }
    Context context(*this, job);
    nlohmann::ordered_json partial;
    Result<nlohmann::ordered_json> result = job->work(context, &partial);
    std::lock_guard<std::mutex> lock(mu_);
    job->view.finished_at = NowIso();
    std::string type;
    if (result.ok()) {
      job->view.state = JobState::kSucceeded;
      job->view.summary = *result;
      type = "succeeded";
    } else if (job->cancel && result.status().code() == StatusCode::kUnavailable) {
      job->view.state = JobState::kCancelled;
      job->view.summary = partial;
      type = "cancelled";
    } else {
      job->view.state = JobState::kFailed;
      job->view.error = result.status().message();
      job->view.error_code = StatusCodeName(result.status().code());
      job->view.summary = partial;
      type = "failed";
    }
    job->work = nullptr;
    AppendEvent(*job, type, JobToJson(job->view));
    finished_order_.push_back(job->view.id);
    while (finished_order_.size() > keep_finished_) {
      auto forgotten = jobs_.find(finished_order_.front());
      if (forgotten != jobs_.end()) {
        forgotten->second->TellFollowers();
        jobs_.erase(forgotten);
      }
      finished_order_.pop_front();
    }
    changed_.notify_all();
  }
}

}  // namespace patnav::app
