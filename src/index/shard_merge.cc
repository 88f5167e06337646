// MergeShards: a tree of Xapian compactions, the wide levels in parallel.
#include "index/shard_merge.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <exception>
#include <mutex>
#include <string>
#include <thread>

#include <xapian.h>

#include "index/xapian_status.h"

namespace patnav::index {
namespace {

Status Compact(const std::vector<std::filesystem::path>& sources, size_t begin, size_t end,
               const std::filesystem::path& out) {
  try {
    Xapian::Database all;
    for (size_t i = begin; i < end; ++i) all.add_database(Xapian::Database(sources[i].string()));
    all.compact(out.string(), Xapian::DBCOMPACT_NO_RENUMBER | Xapian::DBCOMPACT_MULTIPASS);
    return Status::OK();
  } catch (const Xapian::Error& e) {
    return StatusFromXapian(e, "index compaction into " + out.string());
  } catch (const std::exception& e) {
    return Status::Internal("index compaction into " + out.string() + ": " + e.what());
  }
}

}  // namespace

Status MergeShards(const std::vector<std::filesystem::path>& shards, const std::filesystem::path& scratch,
                   const std::filesystem::path& out, int threads) {
  if (shards.empty()) return Status::InvalidArgument("MergeShards: no shards");
  std::vector<std::filesystem::path> level = shards;
  for (int depth = 0; level.size() > kMaxMergeSources; ++depth) {
    // Groups of consecutive sources, as even as can be.
    const size_t groups = (level.size() + kMaxMergeSources - 1) / kMaxMergeSources;
    std::vector<std::filesystem::path> next(groups);
    for (size_t g = 0; g < groups; ++g) {
      char name[48];
      std::snprintf(name, sizeof name, "merge%d-%06zu", depth, g);
      next[g] = scratch / name;
    }
    std::atomic<size_t> claim{0};
    std::mutex mu;
    Status first;
    auto work = [&] {
      for (size_t g; (g = claim.fetch_add(1)) < groups;) {
        Status st = Compact(level, g * level.size() / groups, (g + 1) * level.size() / groups, next[g]);
        if (!st.ok()) {
          std::lock_guard lock(mu);
          if (first.ok()) first = st;
          claim.store(groups);  // start no further group
        }
      }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < std::min<int>(threads, static_cast<int>(groups)); ++t) pool.emplace_back(work);
    work();
    for (std::thread& t : pool) t.join();
    RETURN_IF_ERROR(first);
    std::error_code ec;
    for (const auto& p : level) std::filesystem::remove_all(p, ec);  // merged: no longer needed
    level = std::move(next);
  }
  return Compact(level, 0, level.size(), out);
}

}  // namespace patnav::index
