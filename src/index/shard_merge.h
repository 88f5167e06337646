// The last step of a rebuild: a rebuild's shards (shard_writers.h), runs of
// consecutive document ids in id order, compacted into one database with
// Xapian's compaction (DBCOMPACT_NO_RENUMBER: document ids are kept).
//
// One compaction opens every source at once (a few files each), so beyond
// kMaxMergeSources shards consecutive groups are first compacted into
// larger runs, the groups of one level on up to `threads` threads at once;
// each level is again runs of consecutive ids in order.
#pragma once

#include <filesystem>
#include <vector>

#include "base/status.h"

namespace patnav::index {

inline constexpr size_t kMaxMergeSources = 128;

// Compacts `shards` (in document id order, non-empty) into a new database
// at `out`; intermediate levels are written under `scratch`, and the
// sources of a level are removed once it is merged (so the shards may be
// gone afterwards). Throws nothing: Xapian errors become Status.
Status MergeShards(const std::vector<std::filesystem::path>& shards, const std::filesystem::path& scratch,
                   const std::filesystem::path& out, int threads);

}  // namespace patnav::index
