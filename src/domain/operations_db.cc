// Opening operations.db and its write transactions.
#include "domain/operations_db.h"

#include <span>

#include "domain/operations_migrations.h"
#include "store/side_database.h"

namespace patnav::domain {

namespace {

const SchemaKind& OperationsSchemaKind() {
  static const SchemaKind kind{kOperationsApplicationId, "patnav operations database"};
  return kind;
}

}  // namespace

Result<std::unique_ptr<OperationsDb>> OperationsDb::Open(const std::filesystem::path& data_dir, bool create) {
  SideDatabaseOptions o;
  o.kind = &OperationsSchemaKind();
  o.migrations = OperationsMigrations();
  o.create = create;
  o.missing_hint = " (create an alliance first)";
  ASSIGN_OR_RETURN(SideDatabase opened, OpenSideDatabase(data_dir / kOperationsFileName, o));
  return std::unique_ptr<OperationsDb>(new OperationsDb(std::move(opened.db), opened.schema_version));
}

Status OperationsDb::Write(const std::function<Status()>& body) { return writes_.Run(*db_, body); }

Result<std::optional<int64_t>> QueryOptionalInt(SqliteDb& db, const char* sql, std::string_view text_param) {
  ASSIGN_OR_RETURN(Statement s, db.Prepare(sql));
  s.BindText(1, text_param);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row || s.ColumnIsNull(0)) return std::optional<int64_t>();
  return std::optional<int64_t>(s.ColumnInt64(0));
}

}  // namespace patnav::domain
