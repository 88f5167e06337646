// The chunk pipe (chunk_pipe.h).
#include "server/chunk_pipe.h"

#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <thread>

namespace patnav::server {

namespace {

struct PipeState {
  std::mutex mu;
  std::condition_variable space;
  std::deque<std::string> chunks;
  bool done = false;
  Status status;
  std::atomic<bool> cancel{false};
  std::function<void()> wake;
  size_t max_queued = 4;
};

class Pipe {
 public:
  Pipe(std::shared_ptr<PipeState> state, ChunkProducer producer) : state_(std::move(state)) {
    thread_ = std::thread([st = state_, producer = std::move(producer)] {
      auto sink = [&](std::string_view chunk) -> Status {
        std::unique_lock<std::mutex> lock(st->mu);
        st->space.wait(lock, [&] { return st->cancel || st->chunks.size() < st->max_queued; });
        if (st->cancel) return Status::Unavailable("the client went away");
        st->chunks.emplace_back(chunk);
        auto wake = st->wake;
        lock.unlock();
        if (wake) wake();
        return Status::OK();
      };
      Status s = producer(sink, st->cancel);
      std::function<void()> wake;
      {
        std::lock_guard<std::mutex> lock(st->mu);
        st->done = true;
        st->status = s;
        wake = st->wake;
      }
      if (wake) wake();
    });
  }
  ~Pipe() {
    {
      std::lock_guard<std::mutex> lock(state_->mu);
      state_->cancel = true;
    }
    state_->space.notify_all();
    thread_.join();
  }
  StreamStep Next(std::string& chunk) {
    std::lock_guard<std::mutex> lock(state_->mu);
    if (!state_->chunks.empty()) {
      chunk = std::move(state_->chunks.front());
      state_->chunks.pop_front();
      state_->space.notify_all();
      return StreamStep::kChunk;
    }
    if (state_->done) {
      if (!state_->status.ok() && state_->status.code() != StatusCode::kUnavailable)
        std::fprintf(stderr, "patnav serve: a streamed response ended early: %s\n", state_->status.ToString().c_str());
      return StreamStep::kEnd;
    }
    return StreamStep::kPending;
  }
  void BindWake(std::function<void()> wake) {
    std::lock_guard<std::mutex> lock(state_->mu);
    state_->wake = std::move(wake);
  }

 private:
  std::shared_ptr<PipeState> state_;
  std::thread thread_;
};

}  // namespace

ResponseStream PipeStream(ChunkProducer producer, size_t max_queued) {
  auto state = std::make_shared<PipeState>();
  state->max_queued = max_queued;
  auto pipe = std::make_shared<Pipe>(state, std::move(producer));
  ResponseStream s;
  s.next = [pipe](std::string& chunk) { return pipe->Next(chunk); };
  s.bind_wake = [pipe](std::function<void()> wake) { pipe->BindWake(std::move(wake)); };
  s.poll_interval = std::chrono::milliseconds(50);
  return s;
}

}  // namespace patnav::server
