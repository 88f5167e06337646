// Index catch-up and rebuild (index_update.h).
#include "app/index_update.h"

#include "app/authorize.h"
#include "domain/index_status.h"
#include "domain/period.h"

namespace patnav::app {

Result<IndexUpdateResult> UpdateIndex(const Caller& caller, Workspace& workspace, const IndexUpdateRequest& request) {
  RETURN_IF_ERROR(Authorize(caller, Action::kIngest));
  IndexUpdateResult result;
  result.index_dir = index::PatentIndex::IndexDir(workspace.dir());
  Status st = workspace.WithStore([&](PatentStore& store) -> Status {
    ASSIGN_OR_RETURN(domain::IndexStatusSource status,
                     domain::OpenIndexStatusSource(workspace.dir(), domain::TodayUtc()));
    index::IndexWriteOptions options;
    options.legal_status = status.fn;
    if (request.writers > 0) options.rebuild_writers = request.writers;
    ASSIGN_OR_RETURN(index::PatentIndex idx, index::PatentIndex::OpenForWriting(workspace.dir(), options));
    ASSIGN_OR_RETURN(result.stats, request.rebuild ? idx.Rebuild(store, request.on_progress)
                                                   : idx.CatchUp(store, request.on_progress));
    return Status::OK();
  });
  workspace.PatentDataChanged();
  if (!st.ok()) return st;
  return result;
}

}  // namespace patnav::app
