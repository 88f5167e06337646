// Opening platform.db and its write transactions (platform_db.h).
#include "domain/platform_db.h"

#include <system_error>

#include "domain/platform_migrations.h"
#include "store/side_database.h"

namespace patnav::domain {

namespace {

const SchemaKind& PlatformSchemaKind() {
  static const SchemaKind kind{kPlatformApplicationId, "patnav platform database"};
  return kind;
}

}  // namespace

Result<std::unique_ptr<PlatformDb>> PlatformDb::Open(const std::filesystem::path& data_dir) {
  SideDatabaseOptions o;
  o.kind = &PlatformSchemaKind();
  o.migrations = PlatformMigrations();
  o.owner_only = true;  // password hashes
  ASSIGN_OR_RETURN(SideDatabase opened, OpenSideDatabase(data_dir / kPlatformFileName, o));
  return std::unique_ptr<PlatformDb>(new PlatformDb(std::move(opened.db), opened.schema_version));
}

Status PlatformDb::Write(const std::function<Status()>& body) { return writes_.Run(*db_, body); }

}  // namespace patnav::domain
