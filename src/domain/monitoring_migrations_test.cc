// Upgrading monitoring.db: a database written before migration 8 keeps its
// hits, their uniqueness and their removal with a watch, keyed by
// (item, event, watch) afterwards; one written before migration 9 keeps
// every notification's hits, found by their evaluations.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/monitoring_db.h"
#include "domain/monitoring_migrations.h"
#include "domain/watch.h"
#include "store/migrations.h"
#include "testing.h"

namespace patnav::domain {
namespace {

std::vector<std::string> Column(SqliteDb& db, const std::string& sql) {
  std::vector<std::string> out;
  Result<Statement> s = db.Prepare(sql);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  if (!s.ok()) return out;
  for (;;) {
    Result<bool> row = s->Step();
    EXPECT_TRUE(row.ok());
    if (!row.ok() || !*row) break;
    out.emplace_back(s->ColumnText(0));
  }
  return out;
}

// Writes monitoring.db in `dir` at schema version `version` (the first
// `version` migrations), then runs `sql` on it; closed on return.
void WriteAtVersion(const testing::ScratchDir& dir, int version, const char* sql) {
  Result<std::unique_ptr<SqliteDb>> db = SqliteDb::Open(dir.path() / kMonitoringFileName, true);
  ASSERT_TRUE(db.ok());
  const SchemaKind kind{kMonitoringApplicationId, "patnav monitoring database"};
  Result<int> applied = ApplyMigrations(**db, kind, MonitoringMigrations().first(version));
  ASSERT_TRUE(applied.ok()) << applied.status().ToString();
  ASSERT_EQ(*applied, version);
  ASSERT_TRUE((*db)->Exec(sql).ok());
}

TEST(MonitoringMigrations, HitsWrittenBeforeMigration8KeepTheirKeyAndGoWithTheirWatch) {
  testing::ScratchDir dir;
  WriteAtVersion(dir, 7,
                 "INSERT INTO watch(id, owner_user_id, name, kind, params, rate, since_sequence, since_event, "
                 "created_at) VALUES (1, 1, 'a', 'query', '{}', 'immediate', 0, 0, '2026-12-07T00:00:00Z'), "
                 "(2, 1, 'b', 'query', '{}', 'immediate', 0, 0, '2026-12-07T00:00:00Z');"
                 "INSERT INTO evaluation(id, at, from_sequence, to_sequence, from_event, to_event, hits) "
                 "VALUES (1, '2026-12-07T00:00:00Z', 0, 2, 0, 1, 3);"
                 "INSERT INTO notification(id, watch_id, evaluation_id, created_at, hit_count) VALUES "
                 "(1, 1, 1, '2026-12-07T00:00:00Z', 2), (2, 2, 1, '2026-12-07T00:00:00Z', 1);"
                 "INSERT INTO hit(watch_id, item, event, detail, notification_id) VALUES "
                 "(1, 'US2', 'new', '', 1), (1, 'US1', 'legal:EXP', 'expired', 1), (2, 'US2', 'new', '', 2);");
  if (HasFatalFailure()) return;
  Result<std::unique_ptr<MonitoringDb>> opened = MonitoringDb::Open(dir.path(), /*create=*/false);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  MonitoringDb& mdb = **opened;
  SqliteDb& db = mdb.db();
  EXPECT_EQ(*db.QueryInt64("SELECT value FROM meta WHERE key = 'schema_version'"),
            static_cast<int64_t>(MonitoringMigrations().size()));
  // Every hit kept, with its detail and notification.
  EXPECT_EQ(Column(db, "SELECT watch_id || ' ' || item || ' ' || event || ' ' || detail || ' ' || notification_id "
                       "FROM hit ORDER BY watch_id, item"),
            (std::vector<std::string>{"1 US1 legal:EXP expired 1", "1 US2 new  1", "2 US2 new  2"}));
  // The key, in its order.
  EXPECT_EQ(Column(db, "SELECT name FROM pragma_index_info('sqlite_autoindex_hit_1') ORDER BY seqno"),
            (std::vector<std::string>{"item", "event", "watch_id"}));
  // Still unique per (watch, item, event).
  ASSERT_TRUE(db.Exec("INSERT OR IGNORE INTO hit(watch_id, item, event, detail, notification_id, evaluation_id) "
                      "VALUES (1, 'US2', 'new', '', 1, 1)")
                  .ok());
  EXPECT_EQ(*db.QueryInt64("SELECT changes()"), 0);
  EXPECT_EQ(*db.QueryInt64("SELECT count(*) FROM hit"), 3);
  // Removing a watch removes its hits and no other watch's.
  ASSERT_TRUE(DeleteWatch(mdb, 1).ok());
  EXPECT_EQ(Column(db, "SELECT watch_id || ' ' || item FROM hit"), (std::vector<std::string>{"2 US2"}));
}

// The hits of notification `id` as kNotificationHitsSql finds them, "item event detail" in order.
std::vector<std::string> HitsOf(SqliteDb& db, int64_t id) {
  return Column(db, std::string("SELECT h.item || ' ' || h.event || ' ' || h.detail FROM ") + kNotificationHitsSql +
                        " WHERE n.id = " + std::to_string(id) + " ORDER BY h.item, h.event");
}

TEST(MonitoringMigrations, NotificationsWrittenBeforeMigration9KeepTheirHits) {
  testing::ScratchDir dir;
  // Notification 1 is one an ingest's three evaluations grew (open, as a
  // killed ingest leaves it); 2 is another watch's, of evaluation 2.
  WriteAtVersion(dir, 8,
                 "INSERT INTO watch(id, owner_user_id, name, kind, params, rate, since_sequence, since_event, "
                 "created_at) VALUES (1, 1, 'a', 'query', '{}', 'immediate', 0, 0, '2026-12-07T00:00:00Z'), "
                 "(2, 1, 'b', 'query', '{}', 'immediate', 0, 0, '2026-12-07T00:00:00Z');"
                 "INSERT INTO evaluation(id, at, from_sequence, to_sequence, from_event, to_event, hits) "
                 "VALUES (1, '2026-12-07T00:00:00Z', 0, 2, 0, 0, 1), (2, '2026-12-07T00:00:01Z', 2, 4, 0, 0, 2), "
                 "(3, '2026-12-07T00:00:02Z', 4, 6, 0, 0, 1);"
                 "INSERT INTO notification(id, watch_id, evaluation_id, created_at, hit_count, open) VALUES "
                 "(1, 1, 1, '2026-12-07T00:00:00Z', 3, 1), (2, 2, 2, '2026-12-07T00:00:01Z', 1, 0);"
                 "INSERT INTO hit(item, event, watch_id, detail, notification_id) VALUES "
                 "('US1', 'match', 1, '', 1), ('US3', 'match', 1, '', 1), ('US5', 'match', 1, 'x', 1), "
                 "('US3', 'match', 2, '', 2);");
  if (HasFatalFailure()) return;
  Result<std::unique_ptr<MonitoringDb>> opened = MonitoringDb::Open(dir.path(), /*create=*/false);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  SqliteDb& db = (*opened)->db();
  EXPECT_EQ(HitsOf(db, 1), (std::vector<std::string>{"US1 match ", "US3 match ", "US5 match x"}));
  EXPECT_EQ(HitsOf(db, 2), (std::vector<std::string>{"US3 match "}));
  // Each hit is given its notification's evaluation, the range's only one.
  EXPECT_EQ(Column(db, "SELECT watch_id || ' ' || item || ' ' || evaluation_id FROM hit ORDER BY watch_id, item"),
            (std::vector<std::string>{"1 US1 1", "1 US3 1", "1 US5 1", "2 US3 2"}));
  EXPECT_EQ(Column(db, "SELECT id || ' ' || last_evaluation_id FROM notification ORDER BY id"),
            (std::vector<std::string>{"1 1", "2 2"}));
  // Hits are found by (evaluation, watch).
  EXPECT_EQ(Column(db, "SELECT name FROM pragma_index_info('hit_pass') ORDER BY seqno"),
            (std::vector<std::string>{"evaluation_id", "watch_id"}));
  // A hit written later, in evaluation 3, is the notification's once its range reaches 3.
  ASSERT_TRUE(db.Exec("INSERT INTO hit(item, event, watch_id, detail, notification_id, evaluation_id) "
                      "VALUES ('US7', 'match', 1, '', 1, 3)")
                  .ok());
  EXPECT_EQ(HitsOf(db, 1).size(), 3u);
  ASSERT_TRUE(db.Exec("UPDATE notification SET last_evaluation_id = 3 WHERE id = 1").ok());
  EXPECT_EQ(HitsOf(db, 1).size(), 4u);
  EXPECT_EQ(HitsOf(db, 2), (std::vector<std::string>{"US3 match "}));
  // Removing a watch removes every hit of its notifications' ranges, and no other watch's.
  ASSERT_TRUE(DeleteWatch(**opened, 1).ok());
  EXPECT_EQ(Column(db, "SELECT watch_id || ' ' || item FROM hit"), (std::vector<std::string>{"2 US3"}));
}

}  // namespace
}  // namespace patnav::domain
