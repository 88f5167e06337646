// Upgrading monitoring.db: a database written before migration 8 keeps its
// hits, their uniqueness and their removal with a watch, keyed by
// (item, event, watch) afterwards.
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

TEST(MonitoringMigrations, HitsWrittenBeforeMigration8KeepTheirKeyAndGoWithTheirWatch) {
  testing::ScratchDir dir;
  {
    Result<std::unique_ptr<SqliteDb>> db = SqliteDb::Open(dir.path() / kMonitoringFileName, true);
    ASSERT_TRUE(db.ok());
    const SchemaKind kind{kMonitoringApplicationId, "patnav monitoring database"};
    Result<int> version = ApplyMigrations(**db, kind, MonitoringMigrations().first(7));
    ASSERT_TRUE(version.ok()) << version.status().ToString();
    ASSERT_EQ(*version, 7);
    ASSERT_TRUE((*db)->Exec(
                         "INSERT INTO watch(id, owner_user_id, name, kind, params, rate, since_sequence, since_event, "
                         "created_at) VALUES (1, 1, 'a', 'query', '{}', 'immediate', 0, 0, '2026-12-07T00:00:00Z'), "
                         "(2, 1, 'b', 'query', '{}', 'immediate', 0, 0, '2026-12-07T00:00:00Z');"
                         "INSERT INTO evaluation(id, at, from_sequence, to_sequence, from_event, to_event, hits) "
                         "VALUES (1, '2026-12-07T00:00:00Z', 0, 2, 0, 1, 3);"
                         "INSERT INTO notification(id, watch_id, evaluation_id, created_at, hit_count) VALUES "
                         "(1, 1, 1, '2026-12-07T00:00:00Z', 2), (2, 2, 1, '2026-12-07T00:00:00Z', 1);"
                         "INSERT INTO hit(watch_id, item, event, detail, notification_id) VALUES "
                         "(1, 'US2', 'new', '', 1), (1, 'US1', 'legal:EXP', 'expired', 1), (2, 'US2', 'new', '', 2);")
                    .ok());
  }
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
  ASSERT_TRUE(db.Exec("INSERT OR IGNORE INTO hit(watch_id, item, event, detail, notification_id) "
                      "VALUES (1, 'US2', 'new', '', 1)")
                  .ok());
  EXPECT_EQ(*db.QueryInt64("SELECT changes()"), 0);
  EXPECT_EQ(*db.QueryInt64("SELECT count(*) FROM hit"), 3);
  // Removing a watch removes its hits and no other watch's.
  ASSERT_TRUE(DeleteWatch(mdb, 1).ok());
  EXPECT_EQ(Column(db, "SELECT watch_id || ' ' || item FROM hit"), (std::vector<std::string>{"2 US2"}));
}

}  // namespace
}  // namespace patnav::domain
