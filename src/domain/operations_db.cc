// Opening operations.db and its write transactions.
#include "domain/operations_db.h"

#include <span>

#include "domain/operations_migrations.h"

namespace patnav::domain {

namespace {

constexpr int kBusyTimeoutMs = 10000;

const SchemaKind& OperationsSchemaKind() {
  static const SchemaKind kind{kOperationsApplicationId, "patnav operations database"};
  return kind;
}

}  // namespace

Result<std::unique_ptr<OperationsDb>> OperationsDb::Open(const std::filesystem::path& data_dir, bool create) {
  namespace fs = std::filesystem;
  if (data_dir.empty()) return Status::InvalidArgument("no data directory given");
  std::error_code ec;
  if (!fs::exists(data_dir, ec)) {
    if (!create) return Status::NotFound("no data directory at " + data_dir.string());
    fs::create_directories(data_dir, ec);
    if (ec) return Status::IOError("cannot create " + data_dir.string() + ": " + ec.message());
  }
  const fs::path file = data_dir / kOperationsFileName;
  if (!create && !fs::exists(file, ec))
    return Status::NotFound("no operations database at " + file.string() + " (create an alliance first)");
  ASSIGN_OR_RETURN(std::unique_ptr<SqliteDb> db, SqliteDb::Open(file, create));
  RETURN_IF_ERROR(db->Exec("PRAGMA busy_timeout = " + std::to_string(kBusyTimeoutMs)));
  // Before anything that writes: never touch another application's database.
  RETURN_IF_ERROR(CheckSchemaKind(*db, OperationsSchemaKind()));
  {
    ASSIGN_OR_RETURN(Statement s, db->Prepare("PRAGMA journal_mode = WAL"));
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row || s.ColumnText(0) != "wal") return Status::IOError(file.string() + ": cannot switch to WAL mode");
  }
  // FULL: a committed distribution or payment survives a power loss too.
  RETURN_IF_ERROR(db->Exec("PRAGMA synchronous = FULL"));
  RETURN_IF_ERROR(db->Exec("PRAGMA foreign_keys = ON"));
  Result<int> version = ApplyMigrations(*db, OperationsSchemaKind(), OperationsMigrations());
  if (!version.ok()) {
    if (version.status().code() != StatusCode::kUnsupported) return version.status();
    return Status::Unsupported(file.string() + ": " + version.status().message());  // a newer patnav's: say which file
  }
  return std::unique_ptr<OperationsDb>(new OperationsDb(std::move(db), *version));
}

Status OperationsDb::Write(const std::function<Status()>& body) {
  if (write_depth_ > 0) {
    ++write_depth_;
    Status st = body();
    --write_depth_;
    return st;
  }
  RETURN_IF_ERROR(db_->Exec("BEGIN IMMEDIATE"));
  ++write_depth_;
  Status st = body();
  --write_depth_;
  if (!st.ok()) {
    (void)db_->Exec("ROLLBACK");
    return st;
  }
  st = db_->Exec("COMMIT");
  if (!st.ok()) (void)db_->Exec("ROLLBACK");
  return st;
}

Result<std::optional<int64_t>> QueryOptionalInt(SqliteDb& db, const char* sql, std::string_view text_param) {
  ASSIGN_OR_RETURN(Statement s, db.Prepare(sql));
  s.BindText(1, text_param);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row || s.ColumnIsNull(0)) return std::optional<int64_t>();
  return std::optional<int64_t>(s.ColumnInt64(0));
}

}  // namespace patnav::domain
