// A rebuild's writers: threads that add documents to scratch databases
// ("shards") beside the index, several at once.
//
// Documents arrive in ascending document id order (the store's id order).
// Shard k takes the documents k*per_shard .. (k+1)*per_shard-1 of that
// stream, so every shard is a run of consecutive ids and the runs do not
// overlap: compaction with DBCOMPACT_NO_RENUMBER merges them in order
// (shard_merge.h). Shard k belongs to writer k mod W, which owns its
// database; each writer has a bounded queue (memory stays that of the
// queues however large the store).
//
// While documents arrive in id order, a writer's queue must hold most of a
// shard for the other writers to have work at the same time, so with
// several writers shards are small (about a queue's worth of documents).
//
// Errors: each writer catches its own exceptions; the first error of any
// writer is kept, ok() turns false, and every writer then drains its queue
// without writing, so Submit never blocks for ever. Shards are neither
// synced nor cleaned up here: the caller discards the directory on error.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <xapian.h>

#include "base/status.h"
#include "index/legal_status_terms.h"
#include "model/patent_record.h"

namespace patnav::index {

// One document for a shard: built already, or its record to build on the
// writer's thread (BuildDocument is independent per record).
struct ShardDocument {
  Xapian::docid docid = 0;
  Xapian::Document doc;                // when `record` is empty
  std::optional<PatentRecord> record;  // built by the writer when set
  int64_t forward_citations = 0;
  std::optional<IndexedLegalStatus> status;
};

struct ShardWriterOptions {
  std::filesystem::path dir;  // shards are created here, named by their number
  int writers = 1;            // >= 1
  int64_t per_shard = 1;      // documents per shard, >= 1
  int64_t commit_every = 1;   // documents between two commits of a shard, >= 1
  size_t queue_documents = 1; // capacity of each writer's queue
};

class ShardWriters {
 public:
  // Starts the writer threads.
  explicit ShardWriters(ShardWriterOptions options);
  // Finishes (discarding the result) when Finish was not called.
  ~ShardWriters();
  ShardWriters(const ShardWriters&) = delete;
  ShardWriters& operator=(const ShardWriters&) = delete;

  // False once a writer has failed: submit no more.
  bool ok() const { return !failed_.load(std::memory_order_relaxed); }

  // Hands the next document of the stream to its shard's writer; blocks
  // while that writer's queue is full. REQUIRES: docids ascending; called
  // from one thread.
  void Submit(ShardDocument doc);

  // Documents added to shards so far (read from any thread).
  int64_t written() const { return written_.load(std::memory_order_relaxed); }

  // Closes the queues, waits for the writers to commit and close their last
  // shards; the first writer error, else the shards in document id order.
  Result<std::vector<std::filesystem::path>> Finish();

 private:
  struct Item {
    int64_t shard;
    ShardDocument doc;
  };
  struct Writer;

  std::filesystem::path ShardPath(int64_t shard) const;
  void Run(Writer& w);
  void Fail(Status st);

  const ShardWriterOptions options_;
  std::vector<std::unique_ptr<Writer>> writers_;
  int64_t submitted_ = 0;
  bool finished_ = false;
  std::atomic<bool> failed_{false};
  std::atomic<int64_t> written_{0};
  std::mutex error_mu_;
  Status error_;  // the first failure
};

}  // namespace patnav::index
