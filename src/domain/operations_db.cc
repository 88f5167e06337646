// Opening operations.db and its write transactions.
#include "domain/operations_db.h"

#include <span>

#include "domain/operations_migrations.h"

namespace patnav::domain {

namespace {

constexpr int kBusyTimeoutMs = 10000;

Result<int> ReadVersion(SqliteDb& db) {
  ASSIGN_OR_RETURN(int64_t app_id, db.QueryInt64("PRAGMA application_id"));
  ASSIGN_OR_RETURN(int64_t tables, db.QueryInt64("SELECT count(*) FROM sqlite_schema"));
  if (tables == 0 && (app_id == 0 || app_id == kOperationsApplicationId)) return 0;
  if (app_id != kOperationsApplicationId)
    return Status::Corruption(db.file().string() + " is an SQLite database but not a patnav operations database");
  ASSIGN_OR_RETURN(Statement s, db.Prepare("SELECT value FROM meta WHERE key = 'schema_version'"));
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::Corruption(db.file().string() + ": meta has no schema_version");
  std::string text(s.ColumnText(0));
  int v = 0;
  for (char c : text) {
    if (c < '0' || c > '9' || v > 1'000'000) return Status::Corruption("bad schema_version '" + text + "'");
    v = v * 10 + (c - '0');
  }
  if (v <= 0) return Status::Corruption("bad schema_version '" + text + "'");
  return v;
}

Result<int> Migrate(SqliteDb& db, std::span<const Migration> migrations) {
  ASSIGN_OR_RETURN(int version, ReadVersion(db));
  const int latest = static_cast<int>(migrations.size());
  if (version > latest)
    return Status::Unsupported(db.file().string() + ": operations schema version " + std::to_string(version) +
                               " is newer than this patnav (" + std::to_string(latest) + ")");
  if (version == latest) return version;
  for (int v = version + 1; v <= latest; ++v) {
    const Migration& m = migrations[static_cast<size_t>(v - 1)];
    Status st = db.Exec(m.sql);
    if (!st.ok())
      return Status::Internal("operations migration to version " + std::to_string(v) + " (" + m.description +
                              ") failed: " + st.message());
  }
  RETURN_IF_ERROR(db.Exec("PRAGMA application_id = " + std::to_string(kOperationsApplicationId)));
  ASSIGN_OR_RETURN(Statement s, db.Prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?1)"));
  std::string text = std::to_string(latest);
  s.BindText(1, text);
  RETURN_IF_ERROR(s.Run());
  return latest;
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
  RETURN_IF_ERROR(ReadVersion(*db).status());
  {
    ASSIGN_OR_RETURN(Statement s, db->Prepare("PRAGMA journal_mode = WAL"));
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row || s.ColumnText(0) != "wal") return Status::IOError(file.string() + ": cannot switch to WAL mode");
  }
  // FULL: a committed distribution or payment survives a power loss too.
  RETURN_IF_ERROR(db->Exec("PRAGMA synchronous = FULL"));
  RETURN_IF_ERROR(db->Exec("PRAGMA foreign_keys = ON"));
  RETURN_IF_ERROR(db->Exec("BEGIN IMMEDIATE"));
  Result<int> version = Migrate(*db, OperationsMigrations());
  if (!version.ok()) {
    (void)db->Exec("ROLLBACK");
    return version.status();
  }
  Status st = db->Exec("COMMIT");
  if (!st.ok()) {
    (void)db->Exec("ROLLBACK");
    return st;
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
