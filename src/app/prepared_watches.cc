// The active watches kept prepared between ingests (prepared_watches.h).
#include "app/prepared_watches.h"

#include <mutex>
#include <string>

namespace patnav::app {
namespace {

// The connection whose watches are kept, and them.
struct Kept {
  std::mutex mu;
  int64_t connection = 0;
  std::shared_ptr<const domain::PreparedWatches> prepared;
  int64_t last_connection = 0;  // the last mark handed out
};

Kept& TheKept() {
  static Kept* kept = new Kept;  // never destroyed: used until the process ends
  return *kept;
}

// The mark of `db`'s connection, given on first use: the temp schema's
// user_version, which is the connection's own and ends with it.
Result<int64_t> ConnectionMark(domain::MonitoringDb& db, Kept& kept) {
  ASSIGN_OR_RETURN(int64_t mark, db.db().QueryInt64("PRAGMA temp.user_version"));
  if (mark != 0) return mark;
  {
    std::lock_guard lock(kept.mu);
    mark = ++kept.last_connection;
  }
  RETURN_IF_ERROR(db.db().Exec("PRAGMA temp.user_version = " + std::to_string(mark)));
  return mark;
}

}  // namespace

Result<std::shared_ptr<const domain::PreparedWatches>> PreparedWatchesOf(domain::MonitoringDb& db) {
  Kept& kept = TheKept();
  ASSIGN_OR_RETURN(int64_t connection, ConnectionMark(db, kept));
  std::shared_ptr<const domain::PreparedWatches> prepared;
  {
    std::lock_guard lock(kept.mu);
    if (kept.connection == connection) prepared = kept.prepared;
  }
  if (prepared) {
    ASSIGN_OR_RETURN(int64_t changes, domain::WatchChanges(db));
    if (changes == prepared->changes()) return prepared;
  }
  ASSIGN_OR_RETURN(std::unique_ptr<domain::PreparedWatches> loaded, domain::PreparedWatches::Load(db));
  prepared = std::move(loaded);
  std::lock_guard lock(kept.mu);
  kept.connection = connection;
  kept.prepared = prepared;
  return prepared;
}

}  // namespace patnav::app
