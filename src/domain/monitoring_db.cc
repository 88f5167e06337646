// Opening monitoring.db and its write transactions (monitoring_db.h).
#include "domain/monitoring_db.h"

#include <system_error>

#include "domain/monitoring_migrations.h"

namespace patnav::domain {

namespace {

const SchemaKind& MonitoringSchemaKind() {
  static const SchemaKind kind{kMonitoringApplicationId, "patnav monitoring database"};
  return kind;
}

}  // namespace

Result<std::unique_ptr<MonitoringDb>> MonitoringDb::Open(const std::filesystem::path& data_dir, bool create) {
  SideDatabaseOptions o;
  o.kind = &MonitoringSchemaKind();
  o.migrations = MonitoringMigrations();
  o.create = create;
  o.missing_hint = " (no watch has been created: `patnav watch add`)";
  ASSIGN_OR_RETURN(SideDatabase opened, OpenSideDatabase(data_dir / kMonitoringFileName, o));
  // An evaluation of a large ingest writes hundreds of thousands of hits in
  // one transaction: a page cache that holds the hit indexes' working set
  // keeps it from spilling to the WAL and reading pages back (the default is
  // 2 MiB; the cache grows only as pages are used).
  RETURN_IF_ERROR(opened.db->Exec("PRAGMA cache_size = -65536"));
  // Watch evaluations rewrite the same hit pages pass after pass; checkpointing
  // every 16,384 pages (64 MiB of WAL, as the store) instead of SQLite's 1,000
  // copies each page once per many passes (the checkpoints were 12% of a pass
  // while an ingest was followed).
  RETURN_IF_ERROR(opened.db->Exec("PRAGMA wal_autocheckpoint = 16384"));
  return std::unique_ptr<MonitoringDb>(new MonitoringDb(std::move(opened.db)));
}

bool MonitoringDb::Exists(const std::filesystem::path& data_dir) {
  std::error_code ec;
  return std::filesystem::exists(data_dir / kMonitoringFileName, ec);
}

Status MonitoringDb::Write(const std::function<Status()>& body) { return writes_.Run(*db_, body); }

}  // namespace patnav::domain
