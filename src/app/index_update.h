// Bringing the search index in step with the store (re-indexing what changed
// since its last update, or everything when it is missing, of another format
// or of another store), or rebuilding it from scratch. Authorised as
// Action::kIngest.
//
// Thread-safety: callable from any thread; runs under the workspace's store
// handle (so it never overlaps an ingest of the same workspace), then calls
// Workspace::PatentDataChanged() so the searcher reopens the new revision.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "app/caller.h"
#include "app/workspace.h"
#include "base/status.h"
#include "index/patent_index.h"

namespace patnav::app {

struct IndexUpdateRequest {
  bool rebuild = false;  // drop the index and index every publication anew
  int writers = 0;       // threads writing a rebuild; 0: IndexWriteOptions' default
  std::function<void(int64_t done, int64_t total)> on_progress;  // on the calling thread
};

struct IndexUpdateResult {
  index::IndexUpdateStats stats;  // rebuilt, documents_indexed, citations_refreshed, documents_total, seconds
  std::filesystem::path index_dir;
  std::vector<std::string> warnings;
};

// NotFound (hint: ingest) when there is no store.
Result<IndexUpdateResult> UpdateIndex(const Caller& caller, Workspace& workspace, const IndexUpdateRequest& request);

}  // namespace patnav::app
