// PatentStore behaviour: opening and versioning, round trips, merging,
// batches, ordering, statistics, compression and the side tables.
#include "store/patent_store.h"

#include <algorithm>
#include <map>
#include <set>

#include "model/merge.h"
#include "model/record_json.h"
#include "store/migrations.h"
#include "store/sqlite_store.h"
#include "store/store_testing.h"
#include "testing.h"

namespace patnav {
namespace {

namespace fs = std::filesystem;
using store_testing::FullRecord;
using store_testing::ThinRecord;
using testing::ScratchDir;

std::unique_ptr<SqliteStore> OpenSqlite(const fs::path& dir) {
  Result<std::unique_ptr<SqliteStore>> s = SqliteStore::Open({.dir = dir});
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? std::move(s).value() : nullptr;
}

Result<PutOutcome> PutOne(PatentStore& store, const PatentRecord& r) {
  RETURN_IF_ERROR(store.BeginBatch());
  Result<PutOutcome> out = store.Put(r);
  if (!out.ok()) {
    (void)store.AbortBatch();
    return out;
  }
  RETURN_IF_ERROR(store.CommitBatch());
  return out;
}

int64_t QueryInt(SqliteStore& s, const char* sql) {
  Result<int64_t> v = s.db().QueryInt64(sql);
  EXPECT_TRUE(v.ok()) << v.status().ToString();
  return v.ok() ? *v : -1;
}

IngestInfo Ingest(const std::string& path) {
  IngestInfo info;
  info.path = path;
  return info;
}

std::set<std::string> DirEntries(const fs::path& dir) {
  std::set<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.insert(e.path().filename().string());
  return out;
}

void ExpectSameRecord(const PatentRecord& want, const PatentRecord& got) {
  EXPECT_EQ(RecordToJson(want).dump(), RecordToJson(got).dump());
  EXPECT_EQ(want.description, got.description);
}

TEST(PatentStoreTest, OpenCreatesDirectoryAndMigratesFromEmpty) {
  ScratchDir tmp;
  const fs::path dir = tmp.path() / "a" / "data";
  auto store = OpenSqlite(dir);
  ASSERT_TRUE(store);
  EXPECT_EQ(store->schema_version(), LatestSchemaVersion());
  EXPECT_EQ(*store->Count(), 0);
  EXPECT_TRUE(store->CheckIntegrity().ok());
  EXPECT_EQ(QueryInt(*store, "SELECT value FROM meta WHERE key = 'schema_version'"), LatestSchemaVersion());
  for (const char* table : {"publications", "publication_record", "publication_description", "publication_party",
                            "publication_class", "citation", "ingest"}) {
    Result<Statement> s = store->db().Prepare("SELECT count(*) FROM sqlite_schema WHERE name = ?1");
    ASSERT_TRUE(s.ok());
    s->BindText(1, table);
    ASSERT_TRUE(*s->Step());
    EXPECT_EQ(s->ColumnInt64(0), 1) << table;
  }
}

TEST(PatentStoreTest, WalModeIsOn) {
  ScratchDir tmp;
  auto store = OpenSqlite(tmp.path());
  Result<Statement> s = store->db().Prepare("PRAGMA journal_mode");
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE(*s->Step());
  EXPECT_EQ(s->ColumnText(0), "wal");
}

// SetCheckpointBytes is counted in the store's pages; a bad size changes nothing.
TEST(PatentStoreTest, TheCheckpointIntervalIsSetInPagesOfTheStore) {
  ScratchDir tmp;
  auto store = OpenSqlite(tmp.path());
  const int64_t page = QueryInt(*store, "PRAGMA page_size");
  ASSERT_GT(page, 0);
  EXPECT_EQ(QueryInt(*store, "PRAGMA wal_autocheckpoint"), PatentStore::kDefaultCheckpointBytes / page);
  ASSERT_TRUE(store->SetCheckpointBytes(int64_t{512} << 20).ok());
  EXPECT_EQ(QueryInt(*store, "PRAGMA wal_autocheckpoint"), (int64_t{512} << 20) / page);
  EXPECT_EQ(store->SetCheckpointBytes(0).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(QueryInt(*store, "PRAGMA wal_autocheckpoint"), (int64_t{512} << 20) / page);
  ASSERT_TRUE(store->SetCheckpointBytes(1).ok());
  EXPECT_EQ(QueryInt(*store, "PRAGMA wal_autocheckpoint"), 1) << "at least a page";
}

TEST(PatentStoreTest, ReopenIsIdempotent) {
  ScratchDir tmp;
  const PatentRecord r = FullRecord(1);
  {
    auto store = PatentStore::Open({.dir = tmp.path()});
    ASSERT_TRUE(store.ok());
    ASSERT_EQ(*PutOne(**store, r), PutOutcome::kNew);
  }
  for (int i = 0; i < 2; ++i) {
    auto store = OpenSqlite(tmp.path());
    ASSERT_TRUE(store);
    EXPECT_EQ(store->schema_version(), LatestSchemaVersion());
    EXPECT_EQ(*store->Count(), 1);
    EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM meta"), 2);  // schema_version, store_id
    auto got = store->Get(r.publication_number);
    ASSERT_TRUE(got.ok() && got->has_value());
    ExpectSameRecord(r, **got);
  }
}

TEST(PatentStoreTest, RefusesDatabaseFromNewerPatnav) {
  ScratchDir tmp;
  {
    auto store = OpenSqlite(tmp.path());
    ASSERT_TRUE(store->db().Exec("UPDATE meta SET value = '" + std::to_string(LatestSchemaVersion() + 1) +
                                 "' WHERE key = 'schema_version'").ok());
  }
  auto store = PatentStore::Open({.dir = tmp.path()});
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kUnsupported);
  EXPECT_EQ(store.status().message(), "database schema version " + std::to_string(LatestSchemaVersion() + 1) +
                                          " is newer than this patnav (" + std::to_string(LatestSchemaVersion()) +
                                          ")");
}

TEST(PatentStoreTest, MissingStoreIsNotCreatedWithoutCreateIfMissing) {
  ScratchDir tmp;
  auto store = PatentStore::Open({.dir = tmp.path() / "nope", .create_if_missing = false});
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(fs::exists(tmp.path() / "nope"));
  // An existing but empty directory is not a store either.
  store = PatentStore::Open({.dir = tmp.path(), .create_if_missing = false});
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(DirEntries(tmp.path()).empty());
}

// A statement handed back is reused for the same text, and comes back reset
// and unbound: no row of its last execution, no value of its last binding.
TEST(PatentStoreTest, RecycledStatementsStartFresh) {
  ScratchDir tmp;
  auto store = OpenSqlite(tmp.path());
  ASSERT_EQ(*PutOne(*store, FullRecord(1)), PutOutcome::kNew);
  const std::string sql = "SELECT count(*), ?1 IS NULL FROM publications WHERE publication_number = ?1";
  {
    Result<Statement> s = store->db().Prepare(sql);
    ASSERT_TRUE(s.ok());
    s->BindText(1, FullRecord(1).publication_number);
    ASSERT_TRUE(*s->Step());
    EXPECT_EQ(s->ColumnInt64(0), 1);
  }  // handed back mid-execution, bound
  Result<Statement> again = store->db().Prepare(sql);
  ASSERT_TRUE(again.ok());
  ASSERT_TRUE(*again->Step());
  EXPECT_EQ(again->ColumnInt64(0), 0);
  EXPECT_EQ(again->ColumnInt64(1), 1);  // the old binding is gone
  // A second statement of the same text while the first is out is a new one.
  Result<Statement> other = store->db().Prepare(sql);
  ASSERT_TRUE(other.ok());
  other->BindText(1, FullRecord(1).publication_number);
  ASSERT_TRUE(*other->Step());
  EXPECT_EQ(other->ColumnInt64(0), 1);
  ASSERT_TRUE(*again->Step() == false);
}

TEST(PatentStoreTest, RefusesForeignSqliteDatabase) {
  ScratchDir tmp;
  {
    auto db = SqliteDb::Open(tmp.path() / "patnav.db", true);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Exec("CREATE TABLE songs(title TEXT)").ok());
  }
  auto store = PatentStore::Open({.dir = tmp.path()});
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kCorruption);
  EXPECT_NE(store.status().message().find("not a patnav store"), std::string::npos);
  // The foreign database is left as it was: still in rollback-journal mode.
  auto db = SqliteDb::Open(tmp.path() / "patnav.db", false);
  ASSERT_TRUE(db.ok());
  Result<Statement> s = (*db)->Prepare("PRAGMA journal_mode");
  ASSERT_TRUE(s.ok() && *s->Step());
  EXPECT_EQ(s->ColumnText(0), "delete");
  EXPECT_EQ(*(*db)->QueryInt64("SELECT count(*) FROM sqlite_schema"), 1);
}

TEST(PatentStoreTest, RefusesFileThatIsNotSqlite) {
  ScratchDir tmp;
  testing::WriteFile(tmp.path() / "patnav.db", std::string(8192, 'x'));
  auto store = PatentStore::Open({.dir = tmp.path()});
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kCorruption) << store.status().ToString();
}

TEST(PatentStoreTest, PutGetRoundTripOfFullRecord) {
  ScratchDir tmp;
  auto store = OpenSqlite(tmp.path());
  const PatentRecord r = FullRecord(7);
  ASSERT_EQ(*PutOne(*store, r), PutOutcome::kNew);
  auto got = store->Get(r.publication_number);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ASSERT_TRUE(got->has_value());
  ExpectSameRecord(r, **got);
  EXPECT_EQ((*got)->title.at("zh"), "一种锂离子电池正极材料及其制备方法");
  EXPECT_EQ((*got)->applicants.at(0).name, "宁德时代新能源科技股份有限公司");
  EXPECT_FALSE(store->Get("CN999A")->has_value());
  // The undecoded form is the canonical line, without the description.
  auto json = store->GetJson(r.publication_number);
  ASSERT_TRUE(json.ok() && json->has_value());
  EXPECT_EQ(**json, RecordToJsonLine(r));
  EXPECT_EQ((*json)->find("\"description\""), std::string::npos);
  EXPECT_FALSE(store->GetJson("CN999A")->has_value());

  // The filterable columns carry the record's facts.
  Result<Statement> s = store->db().Prepare(
      "SELECT country, doc_number, kind, publication_date, filing_date, priority_date, grant_date, "
      "application_number, family_id, language, title, ipc_main, claims_count, description_chars, full_text, "
      "source_format FROM publications WHERE publication_number = ?1");
  ASSERT_TRUE(s.ok());
  s->BindText(1, r.publication_number);
  ASSERT_TRUE(*s->Step());
  EXPECT_EQ(s->ColumnText(0), "CN");
  EXPECT_EQ(s->ColumnText(1), r.doc_number);
  EXPECT_EQ(s->ColumnText(2), "A");
  EXPECT_EQ(s->ColumnText(3), "2017-05-31");
  EXPECT_EQ(s->ColumnText(4), "2017-02-27");
  EXPECT_EQ(s->ColumnText(5), "2016-02-29");
  EXPECT_EQ(s->ColumnText(6), "2019-01-18");
  EXPECT_EQ(s->ColumnText(7), r.application_number);
  EXPECT_EQ(s->ColumnText(8), r.family_id);
  EXPECT_EQ(s->ColumnText(9), "zh");
  EXPECT_EQ(s->ColumnText(10), "一种锂离子电池正极材料及其制备方法");
  EXPECT_EQ(s->ColumnText(11), "H01M 4/525");
  EXPECT_EQ(s->ColumnInt64(12), 3);
  EXPECT_EQ(s->ColumnInt64(13), *r.description_chars);
  EXPECT_EQ(s->ColumnInt64(14), 1);
  EXPECT_EQ(s->ColumnText(15), "cnipa-xml-1.0");
}

TEST(PatentStoreTest, MinimalRecordRoundTripsWithNullColumns) {
  ScratchDir tmp;
  auto store = OpenSqlite(tmp.path());
  PatentRecord r;
  r.country = "US";
  r.doc_number = "6857133";
  r.kind = "B2";
  r.publication_number = "US6857133B2";
  r.source.format = "patentsview-csv";
  ASSERT_EQ(*PutOne(*store, r), PutOutcome::kNew);
  auto got = store->Get("US6857133B2");
  ASSERT_TRUE(got.ok() && got->has_value());
  ExpectSameRecord(r, **got);
  EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM publications WHERE publication_date IS NULL AND title IS NULL "
                             "AND claims_count IS NULL AND full_text = 0"),
            1);
  EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM publication_description"), 0);
}

TEST(PatentStoreTest, SamePublicationFromTwoSourcesIsOneMergedRecord) {
  for (bool rich_first : {false, true}) {
    SCOPED_TRACE(rich_first ? "rich first" : "thin first");
    ScratchDir tmp;
    auto store = OpenSqlite(tmp.path());
    const PatentRecord rich = FullRecord(3), thin = ThinRecord(3);
    ASSERT_EQ(*PutOne(*store, rich_first ? rich : thin), PutOutcome::kNew);
    ASSERT_EQ(*PutOne(*store, rich_first ? thin : rich), PutOutcome::kMerged);
    EXPECT_EQ(*store->Count(), 1);
    auto got = store->Get(rich.publication_number);
    ASSERT_TRUE(got.ok() && got->has_value());
    const PatentRecord& m = **got;
    // The richer record is the base: its source, claims, parties, description.
    EXPECT_EQ(m.source.format, "cnipa-xml-1.0");
    EXPECT_EQ(m.claims.size(), 3u);
    EXPECT_EQ(m.assignees.size(), 1u);
    EXPECT_EQ(m.assignees[0].name, "Contemporary Amperex Technology Co., Limited");
    EXPECT_EQ(m.description, rich.description);
    // Classification symbols are a union without duplicates.
    EXPECT_EQ(m.cpc, (std::vector<std::string>{"H01M 4/525", "Y02E 60/10", "Y02P 70/50"}));
    ExpectSameRecord(MergeRecords(rich_first ? rich : thin, rich_first ? thin : rich), m);
    // Side tables describe the merged record exactly once.
    EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM publication_party"), 4);
    EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM publication_class WHERE scheme = 'cpc'"), 3);
    EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM citation"), 3);
    EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM publication_record"), 1);
    EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM publication_description"), 1);
    EXPECT_TRUE(store->CheckIntegrity().ok());
  }
}

TEST(PatentStoreTest, SideTablesMatchTheRecordAfterMerges) {
  ScratchDir tmp;
  auto store = OpenSqlite(tmp.path());
  ASSERT_TRUE(store->BeginBatch().ok());
  for (int i = 0; i < 20; ++i) {
    ASSERT_TRUE(store->Put(ThinRecord(i)).ok());
    ASSERT_TRUE(store->Put(FullRecord(i)).ok());
    ASSERT_TRUE(store->Put(ThinRecord(i)).ok());
  }
  ASSERT_TRUE(store->CommitBatch().ok());
  EXPECT_EQ(*store->Count(), 20);
  // No duplicate party, class or citation rows: each distinct fact once per publication.
  EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM (SELECT pub_id, role, name FROM publication_party "
                             "GROUP BY 1, 2, 3 HAVING count(*) > 1)"),
            0);
  EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM (SELECT pub_id, scheme, symbol FROM publication_class "
                             "GROUP BY 1, 2, 3 HAVING count(*) > 1)"),
            0);
  int64_t parties = 0, classes = 0, citations = 0;
  ASSERT_TRUE(store
                  ->ForEach([&](const PatentRecord& r) {
                    parties += static_cast<int64_t>(r.applicants.size() + r.assignees.size() + r.inventors.size());
                    classes += static_cast<int64_t>(r.ipc.size() + r.cpc.size() + r.national_classes.size());
                    citations += static_cast<int64_t>(r.citations.size());
                    return true;
                  })
                  .ok());
  EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM publication_party"), parties);
  EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM publication_class"), classes);
  EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM citation"), citations);
  EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM publication_party WHERE normalized = "
                             "'宁德时代新能源科技' AND role = 'applicant'"),
            20);
  EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM citation WHERE cited_number = 'JP2010123456A'"), 20);
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

TEST(PatentStoreTest, RePutIsUnchangedAndWritesNothing) {
  ScratchDir tmp;
  auto store = OpenSqlite(tmp.path());
  const PatentRecord r = FullRecord(5);
  ASSERT_EQ(*PutOne(*store, r), PutOutcome::kNew);
  ASSERT_TRUE(store->db().Exec("UPDATE publications SET updated_at = 'sentinel'").ok());
  EXPECT_EQ(*PutOne(*store, r), PutOutcome::kUnchanged);
  EXPECT_EQ(*PutOne(*store, ThinRecord(5)), PutOutcome::kMerged);  // adds a CPC symbol
  EXPECT_EQ(*PutOne(*store, ThinRecord(5)), PutOutcome::kUnchanged);
  EXPECT_EQ(*PutOne(*store, r), PutOutcome::kUnchanged);
  EXPECT_EQ(*store->Count(), 1);
  EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM publications WHERE updated_at = 'sentinel'"), 0);
}

TEST(PatentStoreTest, UnchangedPutDoesNotTouchTheRow) {
  ScratchDir tmp;
  auto store = OpenSqlite(tmp.path());
  const PatentRecord r = FullRecord(5);
  ASSERT_EQ(*PutOne(*store, r), PutOutcome::kNew);
  ASSERT_TRUE(store->db().Exec("UPDATE publications SET updated_at = 'sentinel'").ok());
  EXPECT_EQ(*PutOne(*store, r), PutOutcome::kUnchanged);
  EXPECT_EQ(QueryInt(*store, "SELECT count(*) FROM publications WHERE updated_at = 'sentinel'"), 1);
}

TEST(PatentStoreTest, AbortLeavesNothing) {
  ScratchDir tmp;
  auto store = OpenSqlite(tmp.path());
  ASSERT_TRUE(store->BeginBatch().ok());
  for (int i = 0; i < 10; ++i) ASSERT_EQ(*store->Put(FullRecord(i)), PutOutcome::kNew);
  ASSERT_TRUE(store->RecordIngest(Ingest("x.xml")).ok());
  EXPECT_EQ(*store->Count(), 10);  // the batch sees its own writes
  ASSERT_TRUE(store->AbortBatch().ok());
  EXPECT_FALSE(store->batch_open());
  EXPECT_EQ(*store->Count(), 0);
  EXPECT_FALSE(store->Get(FullRecord(0).publication_number)->has_value());
  EXPECT_TRUE(store->Ingests()->empty());
  for (const char* table : {"publication_record", "publication_description", "publication_party",
                            "publication_class", "citation"})
    EXPECT_EQ(QueryInt(*store, (std::string("SELECT count(*) FROM ") + table).c_str()), 0) << table;
  // The store is usable afterwards.
  EXPECT_EQ(*PutOne(*store, FullRecord(0)), PutOutcome::kNew);
}

TEST(PatentStoreTest, DestroyingWithOpenBatchRollsBack) {
  ScratchDir tmp;
  {
    auto store = OpenSqlite(tmp.path());
    ASSERT_TRUE(store->BeginBatch().ok());
    ASSERT_TRUE(store->Put(FullRecord(1)).ok());
  }
  auto store = OpenSqlite(tmp.path());
  EXPECT_EQ(*store->Count(), 0);
}

TEST(PatentStoreTest, BatchContractViolationsAreErrorsNotCrashes) {
  ScratchDir tmp;
  auto store = OpenSqlite(tmp.path());
  EXPECT_EQ(store->Put(FullRecord(1)).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store->CommitBatch().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store->AbortBatch().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store->RecordIngest(Ingest("x")).code(), StatusCode::kInvalidArgument);
  ASSERT_TRUE(store->BeginBatch().ok());
  EXPECT_EQ(store->BeginBatch().code(), StatusCode::kInvalidArgument);
  // A record without a key is refused; the batch goes on.
  PatentRecord keyless = FullRecord(1);
  keyless.publication_number.clear();
  EXPECT_EQ(store->Put(keyless).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(*store->Put(FullRecord(2)), PutOutcome::kNew);
  ASSERT_TRUE(store->CommitBatch().ok());
  EXPECT_EQ(*store->Count(), 1);
}

TEST(PatentStoreTest, UndecodableStoredRecordIsCorruptionAndTheBatchGoesOn) {
  ScratchDir tmp;
  auto store = OpenSqlite(tmp.path());
  ASSERT_EQ(*PutOne(*store, FullRecord(1)), PutOutcome::kNew);
  ASSERT_TRUE(store->db().Exec("UPDATE publication_record SET record = x'00112233'").ok());
  EXPECT_EQ(store->Get(FullRecord(1).publication_number).status().code(), StatusCode::kCorruption);
  ASSERT_TRUE(store->BeginBatch().ok());
  EXPECT_EQ(store->Put(FullRecord(1)).status().code(), StatusCode::kCorruption);
  EXPECT_EQ(*store->Put(FullRecord(2)), PutOutcome::kNew);
  ASSERT_TRUE(store->CommitBatch().ok());
  EXPECT_EQ(*store->Count(), 2);
}

TEST(PatentStoreTest, FailureMidWriteLosesTheWholeBatch) {
  ScratchDir tmp;
  auto store = OpenSqlite(tmp.path());
  ASSERT_EQ(*PutOne(*store, FullRecord(1)), PutOutcome::kNew);
  // Fault injection: the side-table insert of one inventor fails, after the
  // publication row and the record blob have been written.
  ASSERT_TRUE(store->db().Exec("CREATE TRIGGER fail BEFORE INSERT ON publication_party "
                               "WHEN NEW.name = 'Li, Na' AND NEW.pub_id > 2 "
                               "BEGIN SELECT RAISE(ABORT, 'injected fault'); END").ok());
  ASSERT_TRUE(store->BeginBatch().ok());
  ASSERT_EQ(*store->Put(ThinRecord(2)), PutOutcome::kNew);
  Result<PutOutcome> failed = store->Put(FullRecord(3));
  ASSERT_FALSE(failed.ok());
  EXPECT_NE(failed.status().message().find("injected fault"), std::string::npos) << failed.status().ToString();
  EXPECT_EQ(store->Put(FullRecord(4)).status().message(), failed.status().message());
  EXPECT_EQ(store->RecordIngest(Ingest("x")).message(), failed.status().message());
  EXPECT_EQ(store->CommitBatch().message(), failed.status().message());
  EXPECT_FALSE(store->batch_open());
  EXPECT_EQ(*store->Count(), 1);  // record 2, though put fine, went with the batch
  EXPECT_TRUE(store->CheckIntegrity().ok());
  ASSERT_TRUE(store->db().Exec("DROP TRIGGER fail").ok());
  EXPECT_EQ(*PutOne(*store, FullRecord(3)), PutOutcome::kNew);
}

TEST(PatentStoreTest, ForEachIsInPublicationNumberOrderAndStopsEarly) {
  ScratchDir tmp;
  auto store = OpenSqlite(tmp.path());
  std::vector<std::string> keys;
  ASSERT_TRUE(store->BeginBatch().ok());
  Random rnd(42);
  for (int i = 0; i < 60; ++i) {
    PatentRecord r;
    r.country = std::vector<std::string>{"US", "CN", "EP", "JP"}[rnd.Uniform(4)];
    r.doc_number = std::to_string(rnd.Uniform(100000000));
    r.kind = std::vector<std::string>{"A", "A1", "B1", "B2"}[rnd.Uniform(4)];
    r.source.format = "test";
    FinishRecord(r);
    if (std::find(keys.begin(), keys.end(), r.publication_number) != keys.end()) continue;
    keys.push_back(r.publication_number);
    ASSERT_TRUE(store->Put(r).ok());
  }
  ASSERT_TRUE(store->CommitBatch().ok());
  std::sort(keys.begin(), keys.end());
  std::vector<std::string> seen;
  ASSERT_TRUE(store->ForEach([&](const PatentRecord& r) {
    seen.push_back(r.publication_number);
    return true;
  }).ok());
  EXPECT_EQ(seen, keys);
  seen.clear();
  ASSERT_TRUE(store->ForEach([&](const PatentRecord& r) {
    seen.push_back(r.publication_number);
    return seen.size() < 3;
  }).ok());
  EXPECT_EQ(seen, std::vector<std::string>(keys.begin(), keys.begin() + 3));
}

TEST(PatentStoreTest, ForEachLoadsDescriptionsOnlyWhenAsked) {
  ScratchDir tmp;
  auto store = OpenSqlite(tmp.path());
  ASSERT_EQ(*PutOne(*store, FullRecord(1)), PutOutcome::kNew);
  ASSERT_EQ(*PutOne(*store, ThinRecord(2)), PutOutcome::kNew);
  std::vector<size_t> sizes;
  ASSERT_TRUE(store->ForEach([&](const PatentRecord& r) { sizes.push_back(r.description.size()); return true; },
                             false).ok());
  EXPECT_EQ(sizes, (std::vector<size_t>{0, 0}));
  sizes.clear();
  ASSERT_TRUE(store->ForEach([&](const PatentRecord& r) { sizes.push_back(r.description.size()); return true; },
                             true).ok());
  EXPECT_EQ(sizes, (std::vector<size_t>{FullRecord(1).description.size(), 0}));
}

TEST(PatentStoreTest, ExportOrderUsesTheIndexNotASort) {
  ScratchDir tmp;
  auto store = OpenSqlite(tmp.path());
  Result<Statement> s = store->db().Prepare(
      "EXPLAIN QUERY PLAN SELECT r.record, d.description FROM publications p JOIN publication_record r ON "
      "r.pub_id = p.id LEFT JOIN publication_description d ON d.pub_id = p.id ORDER BY p.publication_number");
  ASSERT_TRUE(s.ok());
  std::string plan;
  while (*s->Step()) plan += std::string(s->ColumnText(3)) + "\n";
  EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << plan;
}

TEST(PatentStoreTest, StatsMatchBruteForce) {
  ScratchDir tmp;
  auto store = OpenSqlite(tmp.path());
  std::map<std::string, int64_t> country, kind, year, format;
  int64_t full_text = 0;
  Random rnd(7);
  ASSERT_TRUE(store->BeginBatch().ok());
  for (int i = 0; i < 300; ++i) {
    PatentRecord r;
    r.country = std::vector<std::string>{"US", "CN", "EP", "JP", "KR"}[rnd.Uniform(5)];
    r.doc_number = std::to_string(1000000 + i);
    r.kind = std::vector<std::string>{"A", "A1", "B1", "B2", "U"}[rnd.Uniform(5)];
    if (rnd.Uniform(10)) r.publication_date = std::to_string(1995 + rnd.Uniform(30)) + "-03-14";
    if (rnd.Uniform(10)) r.source.format = std::vector<std::string>{"google-patents-csv", "uspto-grant-xml-4.5",
                                                                   "epo-xml-1.5"}[rnd.Uniform(3)];
    if (rnd.Uniform(3) == 0) r.description = "text " + std::to_string(i);
    FinishRecord(r);
    ASSERT_TRUE(store->Put(r).ok());
    ++country[r.country];
    ++kind[r.kind];
    ++year[r.publication_date.substr(0, 4)];
    ++format[r.source.format];
    full_text += !r.description.empty();
  }
  ASSERT_TRUE(store->CommitBatch().ok());
  auto by_count = [](const std::map<std::string, int64_t>& m) {
    ValueCounts v(m.begin(), m.end());
    std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    return v;
  };
  Result<StoreStats> s = store->Stats();
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->publications, 300);
  EXPECT_EQ(*store->Count(), 300);
  EXPECT_EQ(s->with_full_text, full_text);
  EXPECT_EQ(s->by_country, by_count(country));
  EXPECT_EQ(s->by_kind, by_count(kind));
  EXPECT_EQ(s->by_year, ValueCounts(year.begin(), year.end()));
  EXPECT_EQ(s->by_format, by_count(format));
  ASSERT_FALSE(s->by_year.empty());
  EXPECT_EQ(s->by_year.front().first, "");  // records without a publication date
}

TEST(PatentStoreTest, StatsOfEmptyStore) {
  ScratchDir tmp;
  auto store = OpenSqlite(tmp.path());
  Result<StoreStats> s = store->Stats();
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->publications, 0);
  EXPECT_EQ(s->with_full_text, 0);
  EXPECT_TRUE(s->by_country.empty() && s->by_kind.empty() && s->by_year.empty() && s->by_format.empty());
}

TEST(PatentStoreTest, DescriptionIsStoredCompressed) {
  ScratchDir tmp;
  auto store = OpenSqlite(tmp.path());
  const PatentRecord r = FullRecord(1, 30 * 1024);
  ASSERT_GE(r.description.size(), 30u * 1024);
  ASSERT_EQ(*PutOne(*store, r), PutOutcome::kNew);
  const int64_t stored = QueryInt(*store, "SELECT length(description) FROM publication_description");
  EXPECT_LT(stored, static_cast<int64_t>(r.description.size()) / 3) << "stored " << stored << " bytes";
  const int64_t record = QueryInt(*store, "SELECT length(record) FROM publication_record");
  EXPECT_LT(record, static_cast<int64_t>(RecordToJsonLine(r).size()));
  // The blob is a plain zstd frame (magic 28 B5 2F FD).
  EXPECT_EQ(QueryInt(*store, "SELECT hex(substr(description, 1, 4)) = '28B52FFD' FROM publication_description"), 1);
  ExpectSameRecord(r, **store->Get(r.publication_number));
}

TEST(PatentStoreTest, IngestsAreRecordedWithTheBatch) {
  ScratchDir tmp;
  auto store = OpenSqlite(tmp.path());
  ASSERT_TRUE(store->BeginBatch().ok());
  IngestInfo info = Ingest("data/金.xml");
  info.size_bytes = 1234;
  info.mtime_unix = 1700000000;
  info.format = "uspto-grant-xml-4.5";
  info.records_read = 5;
  info.records_new = 3;
  info.records_merged = 1;
  info.records_unchanged = 1;
  info.records_rejected = 2;
  ASSERT_TRUE(store->RecordIngest(info).ok());
  ASSERT_TRUE(store->RecordIngest(Ingest("b.csv")).ok());
  ASSERT_TRUE(store->CommitBatch().ok());
  Result<std::vector<IngestInfo>> all = store->Ingests();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  const IngestInfo& got = (*all)[0];
  EXPECT_EQ(got.path, info.path);
  EXPECT_EQ(got.size_bytes, info.size_bytes);
  EXPECT_EQ(got.mtime_unix, info.mtime_unix);
  EXPECT_EQ(got.format, info.format);
  EXPECT_EQ(got.records_read, 5);
  EXPECT_EQ(got.records_new, 3);
  EXPECT_EQ(got.records_merged, 1);
  EXPECT_EQ(got.records_unchanged, 1);
  EXPECT_EQ(got.records_rejected, 2);
  EXPECT_EQ(got.ingested_at.size(), 20u);  // 2024-01-02T03:04:05Z
  EXPECT_EQ((*all)[1].path, "b.csv");
  EXPECT_FALSE((*all)[1].size_bytes.has_value());
}

TEST(PatentStoreTest, DataDirectoryHoldsOnlyDatabaseFiles) {
  ScratchDir tmp;
  const std::set<std::string> allowed = {"patnav.db", "patnav.db-wal", "patnav.db-shm"};
  {
    auto store = PatentStore::Open({.dir = tmp.path()});
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->BeginBatch().ok());
    for (int i = 0; i < 50; ++i) ASSERT_TRUE((*store)->Put(FullRecord(i, 20000)).ok());
    ASSERT_TRUE((*store)->CommitBatch().ok());
    ASSERT_TRUE((*store)->Stats().ok());
    ASSERT_TRUE((*store)->ForEach([](const PatentRecord&) { return true; }, true).ok());
    for (const std::string& f : DirEntries(tmp.path())) EXPECT_TRUE(allowed.count(f)) << f;
  }
  EXPECT_EQ(DirEntries(tmp.path()), std::set<std::string>{"patnav.db"});
}

TEST(PatentStoreTest, CheckIntegrityFindsBrokenInvariants) {
  ScratchDir tmp;
  auto store = OpenSqlite(tmp.path());
  ASSERT_EQ(*PutOne(*store, FullRecord(1)), PutOutcome::kNew);
  ASSERT_EQ(*PutOne(*store, FullRecord(2)), PutOutcome::kNew);
  ASSERT_TRUE(store->CheckIntegrity().ok());
  ASSERT_TRUE(store->db().Exec("INSERT INTO publication_class VALUES (999, 'ipc', 0, 'A01B 1/00')").ok());
  Status st = store->CheckIntegrity();
  EXPECT_EQ(st.code(), StatusCode::kCorruption);
  EXPECT_NE(st.message().find("publication_class"), std::string::npos) << st.ToString();
  ASSERT_TRUE(store->db().Exec("DELETE FROM publication_class WHERE pub_id = 999").ok());
  ASSERT_TRUE(store->db().Exec("DELETE FROM publication_description WHERE pub_id = 1").ok());
  st = store->CheckIntegrity();
  EXPECT_NE(st.message().find("full_text"), std::string::npos) << st.ToString();
  ASSERT_TRUE(store->db().Exec("DELETE FROM publication_record WHERE pub_id = 2").ok());
  st = store->CheckIntegrity();
  EXPECT_NE(st.message().find("1 publications without a record"), std::string::npos) << st.ToString();
}

TEST(PatentStoreTest, ReadersSeeOnlyCommittedBatches) {
  ScratchDir tmp;
  auto writer = OpenSqlite(tmp.path());
  auto reader = OpenSqlite(tmp.path());
  ASSERT_TRUE(writer->BeginBatch().ok());
  ASSERT_TRUE(writer->Put(FullRecord(1)).ok());
  EXPECT_EQ(*reader->Count(), 0);
  EXPECT_FALSE(reader->Get(FullRecord(1).publication_number)->has_value());
  ASSERT_TRUE(writer->CommitBatch().ok());
  EXPECT_EQ(*reader->Count(), 1);
  EXPECT_EQ(reader->Stats()->publications, 1);
}

TEST(PatentStoreTest, DefaultStoreDirFollowsPatnavHome) {
  const char* old = std::getenv("PATNAV_HOME");
  const std::string saved = old ? old : "";
  setenv("PATNAV_HOME", "/srv/patnav", 1);
  EXPECT_EQ(DefaultStoreDir(), fs::path("/srv/patnav"));
  setenv("PATNAV_HOME", "", 1);
  EXPECT_EQ(DefaultStoreDir(), fs::path("patnav-data"));
  unsetenv("PATNAV_HOME");
  EXPECT_EQ(DefaultStoreDir(), fs::path("patnav-data"));
  if (old) setenv("PATNAV_HOME", saved.c_str(), 1);
}

}  // namespace
}  // namespace patnav

namespace patnav {
namespace {

// PatentsView writes US grants with kind "B" (it cannot tell B1 from B2):
// such a record and the same patent from USPTO XML are one publication,
// kept under the precise kind, whichever arrives first.
TEST(PatentStoreKinds, LetterOnlyKindMergesWithPreciseKind) {
  for (bool precise_first : {true, false}) {
    testing::ScratchDir dir;
    std::unique_ptr<SqliteStore> store = OpenSqlite(dir.path());
    ASSERT_TRUE(store);
    PatentRecord precise;
    precise.country = "US";
    precise.doc_number = "10002222";
    precise.kind = "B2";
    precise.title["en"] = "Neural network accelerator";
    precise.claims.push_back({1, "1. An accelerator.", true, {}});
    precise.source.format = "uspto-grant-xml-4.5";
    FinishRecord(precise);
    PatentRecord letter;
    letter.country = "US";
    letter.doc_number = "10002222";
    letter.kind = "B";
    letter.title["en"] = "Neural network accelerator";
    letter.abstract_text["en"] = "An accelerator for neural networks.";
    letter.source.format = "patentsview-csv";
    FinishRecord(letter);
    const PatentRecord& first = precise_first ? precise : letter;
    const PatentRecord& second = precise_first ? letter : precise;
    ASSERT_EQ(*PutOne(*store, first), PutOutcome::kNew);
    ASSERT_EQ(*PutOne(*store, second), PutOutcome::kMerged);
    EXPECT_EQ(*PutOne(*store, letter), PutOutcome::kUnchanged);
    EXPECT_EQ(*PutOne(*store, precise), PutOutcome::kUnchanged);
    EXPECT_EQ(*store->Count(), 1);
    Result<std::optional<PatentRecord>> got = store->Get("US10002222B2");
    ASSERT_TRUE(got.ok() && got->has_value());
    EXPECT_EQ((*got)->kind, "B2");
    EXPECT_EQ((*got)->abstract_text.at("en"), "An accelerator for neural networks.");
    EXPECT_EQ((*got)->claims.size(), 1u);
    EXPECT_FALSE(store->Get("US10002222B")->has_value());
    EXPECT_TRUE(store->CheckIntegrity().ok());
  }
}

TEST(PatentStoreTest, LinksCitingFamilyAndCitedPublications) {
  ScratchDir dir;
  auto store = OpenSqlite(dir.path() / "db");
  ASSERT_NE(store, nullptr);
  PatentRecord cited = FullRecord(0);
  cited.family_id = "F1";
  cited.citations.clear();
  FinishRecord(cited);
  PatentRecord member = FullRecord(1);
  member.family_id = "F1";
  member.publication_date = "2018-01-02";
  member.citations.push_back({cited.publication_number, "CN", cited.doc_number, "A", "", "X"});
  member.citations.push_back({cited.publication_number, "CN", cited.doc_number, "A", "", "Y"});
  FinishRecord(member);
  PatentRecord other = FullRecord(2);
  other.family_id = "F2";
  other.citations = {{"", "CN", cited.doc_number, "A", "", ""}};
  FinishRecord(other);
  PatentRecord jp;
  jp.country = "JP";
  jp.doc_number = "2010123456";
  jp.kind = "B2";
  jp.publication_date = "2012-03-04";
  jp.title = {{"en", "Electrode"}};
  FinishRecord(jp);
  ASSERT_TRUE(store->BeginBatch().ok());
  for (const PatentRecord* r : {&cited, &member, &other, &jp}) ASSERT_TRUE(store->Put(*r).ok());
  ASSERT_TRUE(store->CommitBatch().ok());

  // Cited twice by one publication, once by another: two citing, as counted.
  Result<std::vector<PublicationBrief>> citing = store->CitingPublications(cited.publication_number, 10);
  ASSERT_TRUE(citing.ok()) << citing.status().ToString();
  ASSERT_EQ(citing->size(), 2u);
  EXPECT_EQ((*citing)[0].publication_number, member.publication_number);
  EXPECT_EQ((*citing)[1].publication_number, other.publication_number);
  EXPECT_EQ((*citing)[0].publication_date, "2018-01-02");
  EXPECT_EQ((*citing)[0].title, "一种锂离子电池正极材料及其制备方法");
  EXPECT_EQ(static_cast<int64_t>(citing->size()), *store->ForwardCitationCount(cited.publication_number));
  EXPECT_EQ(store->CitingPublications(cited.publication_number, 1)->size(), 1u);
  EXPECT_TRUE(store->CitingPublications(member.publication_number, 10)->empty());
  EXPECT_FALSE(store->CitingPublications(cited.publication_number, -1).ok());

  Result<std::vector<PublicationBrief>> family = store->FamilyMembers("F1");
  ASSERT_TRUE(family.ok()) << family.status().ToString();
  ASSERT_EQ(family->size(), 2u);
  EXPECT_EQ((*family)[0].publication_number, cited.publication_number);
  EXPECT_EQ((*family)[0].country, "CN");
  EXPECT_EQ((*family)[0].kind, "A");
  EXPECT_EQ((*family)[1].publication_number, member.publication_number);
  EXPECT_TRUE(store->FamilyMembers("")->empty());
  EXPECT_TRUE(store->FamilyMembers("F9")->empty());

  // Exactly, then by country and document number whatever the kind.
  Result<std::optional<PublicationBrief>> exact = store->FindCited({cited.publication_number, "CN", cited.doc_number, "B", "", ""});
  ASSERT_TRUE(exact.ok() && exact->has_value());
  EXPECT_EQ((*exact)->publication_number, cited.publication_number);
  Result<std::optional<PublicationBrief>> sibling = store->FindCited({"", "JP", "2010123456", "A", "", ""});
  ASSERT_TRUE(sibling.ok() && sibling->has_value());
  EXPECT_EQ((*sibling)->publication_number, "JP2010123456B2");
  EXPECT_EQ((*sibling)->publication_date, "2012-03-04");
  EXPECT_FALSE(store->FindCited({"", "US", "5123456", "A", "", ""})->has_value());
  EXPECT_FALSE(store->FindCited({"WO2001012345A1", "", "", "", "", ""})->has_value());
}

}  // namespace
}  // namespace patnav
