// The monitoring timer's thread (monitoring_timer.h).
#include "app/monitoring_timer.h"

#include <cstdio>

#include "app/digests.h"
#include "app/webhooks.h"

namespace patnav::app {

MonitoringTimer::MonitoringTimer(Workspace& ws, const domain::Clock& clock, std::chrono::milliseconds interval)
    : ws_(ws), clock_(clock), interval_(interval), thread_([this] { Run(); }) {}

MonitoringTimer::~MonitoringTimer() { Stop(); }

void MonitoringTimer::Tick() {
  Result<std::vector<domain::Digest>> digests = CollectDigestsNow(ws_, clock_.Now());
  if (!digests.ok())
    std::fprintf(stderr, "patnav serve: digests not collected: %s\n", digests.status().ToString().c_str());
  Result<DeliverySummary> sent = DeliverDueWebhooks(ws_, clock_.Now());
  if (!sent.ok())
    std::fprintf(stderr, "patnav serve: webhooks not delivered: %s\n", sent.status().ToString().c_str());
  else if (sent->disabled > 0)
    std::fprintf(stderr, "patnav serve: %lld delivery channel(s) disabled after repeated failures (see their listing)\n",
                 static_cast<long long>(sent->disabled));
}

void MonitoringTimer::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void MonitoringTimer::Run() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    if (cv_.wait_for(lock, interval_, [this] { return stopping_; })) return;
    lock.unlock();
    Tick();
    lock.lock();
  }
}

}  // namespace patnav::app
