// The monitoring database of a data directory: DIR/monitoring.db, beside
// patnav.db, operations.db and platform.db. Holds the watches (issue 14),
// each evaluation's notifications and hits, the inbox's read state, and the
// watermark: how far the store's change sequence and legal events have been
// evaluated. Kept apart so that evaluating watches never waits on an
// operations or session write, and its migrations are its own.
//
// Concurrency: WAL mode; writers BEGIN IMMEDIATE with a busy timeout.
// Thread-safety: one thread at a time per MonitoringDb.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>

#include "base/status.h"
#include "store/side_database.h"
#include "store/sqlite_db.h"

namespace patnav::domain {

inline constexpr const char* kMonitoringFileName = "monitoring.db";

// Reading hits as (item, event, detail): the columns (to select from
// kNotificationHitsSql below). A hit on a publication itself keeps no copy of its
// title (detail ''): hit_title holds it once per publication.
inline constexpr const char* kHitColumnsSql =
    "h.item, h.event, CASE WHEN h.detail = '' THEN coalesce(t.title, '') ELSE h.detail END";
// The hits of notifications: notification n, its hits h (with kHitColumnsSql's
// title t), for a WHERE clause on n. A notification's hits are those of its
// watch and of itself written by the evaluations of its range (migration 9):
// the range's evaluations are walked in order, each looked up by
// (evaluation, watch) in hit_pass (the joins are CROSS so that SQLite keeps
// that order). A notification whose last_evaluation_id was left 0 spans its
// own evaluation.
inline constexpr const char* kNotificationHitsSql =
    "notification n CROSS JOIN evaluation e ON e.id BETWEEN n.evaluation_id AND "
    "max(n.evaluation_id, n.last_evaluation_id) "
    "CROSS JOIN hit h ON h.evaluation_id = e.id AND h.watch_id = n.watch_id AND h.notification_id = n.id "
    "LEFT JOIN hit_title t ON t.item = h.item";

class MonitoringDb {
 public:
  // Opens DIR/monitoring.db, creating it when absent if `create` (else
  // NotFound), and applies missing migrations in one transaction.
  static Result<std::unique_ptr<MonitoringDb>> Open(const std::filesystem::path& data_dir, bool create = true);
  // Whether DIR/monitoring.db exists (no watch was ever created when not).
  static bool Exists(const std::filesystem::path& data_dir);

  // Runs `body` in one write transaction, committed when it returns OK,
  // rolled back otherwise. Nested calls join the outer transaction.
  Status Write(const std::function<Status()>& body);

  SqliteDb& db() { return *db_; }

 private:
  explicit MonitoringDb(std::unique_ptr<SqliteDb> db) : db_(std::move(db)) {}
  std::unique_ptr<SqliteDb> db_;
  WriteTransactions writes_;
};

}  // namespace patnav::domain
