// ShardWriters: one thread and one bounded queue per writer.
#include "index/shard_writers.h"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <string>
#include <utility>

#include "index/bounded_queue.h"
#include "index/document_builder.h"
#include "index/xapian_status.h"

namespace patnav::index {

struct ShardWriters::Writer {
  explicit Writer(size_t capacity) : queue(capacity) {}
  BoundedQueue<Item> queue;
  std::thread thread;
};

ShardWriters::ShardWriters(ShardWriterOptions options) : options_(std::move(options)) {
  const int n = std::max(options_.writers, 1);
  for (int i = 0; i < n; ++i) writers_.push_back(std::make_unique<Writer>(options_.queue_documents));
  for (auto& w : writers_) w->thread = std::thread([this, raw = w.get()] { Run(*raw); });
}

ShardWriters::~ShardWriters() {
  if (!finished_) (void)Finish();
}

std::filesystem::path ShardWriters::ShardPath(int64_t shard) const {
  char name[24];
  std::snprintf(name, sizeof name, "%06lld", static_cast<long long>(shard));
  return options_.dir / name;
}

void ShardWriters::Fail(Status st) {
  std::lock_guard lock(error_mu_);
  if (error_.ok()) error_ = std::move(st);
  failed_.store(true);
}

void ShardWriters::Submit(ShardDocument doc) {
  const int64_t per_shard = std::max<int64_t>(options_.per_shard, 1);
  const int64_t shard = submitted_++ / per_shard;
  writers_[static_cast<size_t>(shard % static_cast<int64_t>(writers_.size()))]->queue.Push({shard, std::move(doc)});
}

void ShardWriters::Run(Writer& w) {
  Xapian::WritableDatabase db;
  int64_t shard = -1;  // the open shard, -1 when none
  int64_t pending = 0;
  std::string where;
  auto close_shard = [&] {
    if (shard < 0) return;
    shard = -1;
    db.commit();
    db.close();
  };
  while (std::optional<Item> item = w.queue.Pop()) {
    if (failed_.load(std::memory_order_relaxed)) continue;  // draining after a failure
    try {
      if (item->shard != shard) {
        close_shard();
        where = "index shard " + ShardPath(item->shard).string();
        db = Xapian::WritableDatabase(ShardPath(item->shard).string(), Xapian::DB_CREATE_OR_OVERWRITE |
                                                                           Xapian::DB_BACKEND_GLASS |
                                                                           Xapian::DB_NO_SYNC);
        shard = item->shard;
        pending = 0;
      }
      ShardDocument& d = item->doc;
      if (d.record) d.doc = BuildDocument(*d.record, d.forward_citations, d.status ? &*d.status : nullptr);
      db.replace_document(d.docid, d.doc);
      written_.fetch_add(1, std::memory_order_relaxed);
      if (++pending >= options_.commit_every) {
        db.commit();
        pending = 0;
      }
    } catch (const Xapian::Error& e) {
      Fail(StatusFromXapian(e, where));
    } catch (const std::exception& e) {
      Fail(Status::Internal(where + ": " + e.what()));
    }
  }
  try {
    if (failed_.load()) {
      shard = -1;
      db.close();  // the shard is discarded with the scratch directory
    } else {
      close_shard();
    }
  } catch (const Xapian::Error& e) {
    Fail(StatusFromXapian(e, where));
  }
}

Result<std::vector<std::filesystem::path>> ShardWriters::Finish() {
  finished_ = true;
  for (auto& w : writers_) w->queue.Close();
  for (auto& w : writers_)
    if (w->thread.joinable()) w->thread.join();
  if (failed_.load()) {
    std::lock_guard lock(error_mu_);
    return error_;
  }
  const int64_t per_shard = std::max<int64_t>(options_.per_shard, 1);
  const int64_t shards = (submitted_ + per_shard - 1) / per_shard;
  std::vector<std::filesystem::path> out;
  out.reserve(static_cast<size_t>(shards));
  for (int64_t k = 0; k < shards; ++k) out.push_back(ShardPath(k));
  return out;
}

}  // namespace patnav::index
