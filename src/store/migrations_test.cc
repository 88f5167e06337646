// Schema migrations: forward steps applied once, atomically, in order.
#include "store/migrations.h"

#include "testing.h"

namespace patnav {
namespace {

using testing::ScratchDir;

std::unique_ptr<SqliteDb> OpenDb(const ScratchDir& tmp) {
  auto db = SqliteDb::Open(tmp.path() / "patnav.db", true);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  return std::move(db).value();
}

constexpr Migration kStep1 = {1, "meta and a table", "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                                                     "CREATE TABLE t(x INTEGER);"};
constexpr Migration kStep2 = {2, "a row", "INSERT INTO t VALUES (2);"};
constexpr Migration kStep3 = {3, "a column", "ALTER TABLE t ADD COLUMN y TEXT; INSERT INTO t VALUES (3, 'y');"};
constexpr Migration kBroken = {3, "half valid", "INSERT INTO t VALUES (30); INSERT INTO nowhere VALUES (1);"};

TEST(MigrationsTest, StoreMigrationsAreNumberedInOrder) {
  std::span<const Migration> all = StoreMigrations();
  ASSERT_FALSE(all.empty());
  for (size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i].version, static_cast<int>(i) + 1);
    EXPECT_NE(std::string(all[i].description), "");
  }
  EXPECT_EQ(LatestSchemaVersion(), static_cast<int>(all.size()));
}

TEST(MigrationsTest, AppliesOnlyTheMissingSteps) {
  ScratchDir tmp;
  auto db = OpenDb(tmp);
  const Migration v1[] = {kStep1};
  const Migration v2[] = {kStep1, kStep2};
  const Migration v3[] = {kStep1, kStep2, kStep3};
  EXPECT_EQ(*ApplyMigrations(*db, v1), 1);
  EXPECT_EQ(*ApplyMigrations(*db, v1), 1);
  EXPECT_EQ(*ApplyMigrations(*db, v2), 2);
  EXPECT_EQ(*ApplyMigrations(*db, v2), 2);
  EXPECT_EQ(*db->QueryInt64("SELECT count(*) FROM t"), 1);
  EXPECT_EQ(*ApplyMigrations(*db, v3), 3);
  EXPECT_EQ(*db->QueryInt64("SELECT count(*) FROM t"), 2);
  EXPECT_EQ(*db->QueryInt64("SELECT value FROM meta WHERE key = 'schema_version'"), 3);
  EXPECT_FALSE(db->InTransaction());
}

TEST(MigrationsTest, SeveralStepsFromEmptyInOneGo) {
  ScratchDir tmp;
  auto db = OpenDb(tmp);
  const Migration v3[] = {kStep1, kStep2, kStep3};
  EXPECT_EQ(*ApplyMigrations(*db, v3), 3);
  EXPECT_EQ(*db->QueryInt64("SELECT sum(x) FROM t"), 5);
}

TEST(MigrationsTest, FailedStepRollsBackEverything) {
  ScratchDir tmp;
  auto db = OpenDb(tmp);
  const Migration v1[] = {kStep1};
  const Migration broken[] = {kStep1, kStep2, kBroken};
  ASSERT_EQ(*ApplyMigrations(*db, v1), 1);
  Result<int> r = ApplyMigrations(*db, broken);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("migration to schema version 3"), std::string::npos) << r.status().ToString();
  EXPECT_FALSE(db->InTransaction());
  // Neither step 2 nor the valid half of step 3 remains.
  EXPECT_EQ(*db->QueryInt64("SELECT count(*) FROM t"), 0);
  EXPECT_EQ(*db->QueryInt64("SELECT value FROM meta WHERE key = 'schema_version'"), 1);
}

TEST(MigrationsTest, RefusesNewerDatabase) {
  ScratchDir tmp;
  auto db = OpenDb(tmp);
  const Migration v1[] = {kStep1};
  const Migration v3[] = {kStep1, kStep2, kStep3};
  ASSERT_EQ(*ApplyMigrations(*db, v3), 3);
  Result<int> r = ApplyMigrations(*db, v1);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnsupported);
  EXPECT_EQ(r.status().message(), "database schema version 3 is newer than this patnav (1)");
  EXPECT_EQ(*db->QueryInt64("SELECT count(*) FROM t"), 2);
}

TEST(MigrationsTest, RefusesDatabaseOfAnotherApplication) {
  ScratchDir tmp;
  auto db = OpenDb(tmp);
  ASSERT_TRUE(db->Exec("CREATE TABLE photos(id INTEGER)").ok());
  Result<int> r = ApplyMigrations(*db, StoreMigrations());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorruption);
  EXPECT_EQ(*db->QueryInt64("SELECT count(*) FROM sqlite_schema"), 1);
}

}  // namespace
}  // namespace patnav
