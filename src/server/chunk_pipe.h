// Turns a call that pushes its output into a sink (an export) into a
// ResponseStream that the transport pulls from: the call runs on its own
// thread and hands chunks over a small bounded queue.
//
// Contract: at most `max_queued` chunks wait; the producing thread blocks
// when the queue is full, so a slow client holds up the export, not memory.
// When the response ends early (client gone, server stopping) the pipe is
// destroyed: the sink then returns Unavailable, the producer's cancel flag is
// set, and the destructor joins the thread (it ends at the next record).
// An error after the first chunk cannot change the status line any more: the
// stream ends and the error is written to stderr.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "base/status.h"
#include "server/http.h"

namespace patnav::server {

using ChunkSink = std::function<Status(std::string_view chunk)>;
// The producer: writes everything to the sink, checks `cancel` now and then.
using ChunkProducer = std::function<Status(const ChunkSink& sink, const std::atomic<bool>& cancel)>;

ResponseStream PipeStream(ChunkProducer producer, size_t max_queued = 4);

}  // namespace patnav::server
