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
  return std::unique_ptr<MonitoringDb>(new MonitoringDb(std::move(opened.db)));
}

bool MonitoringDb::Exists(const std::filesystem::path& data_dir) {
  std::error_code ec;
  return std::filesystem::exists(data_dir / kMonitoringFileName, ec);
}

Status MonitoringDb::Write(const std::function<Status()>& body) { return writes_.Run(*db_, body); }

}  // namespace patnav::domain
