// A fixed pool of threads taking tasks from one queue: where the HTTP server
// runs handlers and stream producers, so its I/O threads never do.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace patnav::server {

// Thread-safe: Post and Shutdown may be called from any thread, including a
// task (but Shutdown from a task of this pool would deadlock).
class WorkerPool {
 public:
  // Starts `threads` threads (at least 1).
  explicit WorkerPool(int threads);
  ~WorkerPool();  // Shutdown()
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues `task` to run on some pool thread, in FIFO order of queueing.
  // Returns false, and destroys `task` unrun, once Shutdown has begun.
  bool Post(std::function<void()> task);
  // Tasks queued (not yet started).
  std::size_t Queued() const;
  // Lets the threads finish the queued tasks, then joins them. Idempotent.
  void Shutdown();

 private:
  void Run();

  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> queue_;  // guarded by mu_
  bool shutting_down_ = false;               // guarded by mu_
  std::vector<std::thread> threads_;
  std::once_flag joined_;
};

}  // namespace patnav::server
