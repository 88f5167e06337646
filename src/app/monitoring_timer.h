// The server's monitoring timer (issue 14): a thread of its own that, every
// interval, makes the digests due (digests.h) and delivers the queued
// webhooks. It runs beside the HTTP server's I/O and worker threads, never
// on them, and its work goes through the Workspace like any other call.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "app/workspace.h"
#include "domain/platform_clock.h"

namespace patnav::app {

// Thread-safety: Stop may be called from any thread but the timer's own.
// The workspace and the clock must outlive the timer.
class MonitoringTimer {
 public:
  // Starts the thread; the first tick runs after `interval`.
  MonitoringTimer(Workspace& ws, const domain::Clock& clock, std::chrono::milliseconds interval);
  ~MonitoringTimer();  // Stop()
  MonitoringTimer(const MonitoringTimer&) = delete;
  MonitoringTimer& operator=(const MonitoringTimer&) = delete;

  // One round now, on the calling thread: digests due at the clock's now,
  // then the deliveries due. Errors are written to standard error (no
  // secrets are in them) and the next round tries again.
  void Tick();
  // Ends the thread after the round in progress, if any. Idempotent.
  void Stop();

 private:
  void Run();

  Workspace& ws_;
  const domain::Clock& clock_;
  const std::chrono::milliseconds interval_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;  // guarded by mu_
  std::thread thread_;
};

}  // namespace patnav::app
