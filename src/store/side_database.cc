// Opening and writing the side databases (side_database.h).
#include "store/side_database.h"

#include <string>
#include <system_error>

namespace patnav {

namespace {
constexpr int kBusyTimeoutMs = 10000;
}  // namespace

Result<SideDatabase> OpenSideDatabase(const std::filesystem::path& file, const SideDatabaseOptions& o) {
  namespace fs = std::filesystem;
  const fs::path dir = file.parent_path();
  if (dir.empty()) return Status::InvalidArgument("no data directory given");
  std::error_code ec;
  if (!fs::exists(dir, ec)) {
    if (!o.create) return Status::NotFound("no data directory at " + dir.string());
    fs::create_directories(dir, ec);
    if (ec) return Status::IOError("cannot create " + dir.string() + ": " + ec.message());
  }
  const bool existed = fs::exists(file, ec);
  if (!o.create && !existed) return Status::NotFound("no " + std::string(o.kind->name) + " at " + file.string() + o.missing_hint);
  ASSIGN_OR_RETURN(std::unique_ptr<SqliteDb> db, SqliteDb::Open(file, o.create));
  if (!existed && o.owner_only) {
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace, ec);
    if (ec) return Status::IOError("cannot restrict the permissions of " + file.string() + ": " + ec.message());
  }
  RETURN_IF_ERROR(db->Exec("PRAGMA busy_timeout = " + std::to_string(kBusyTimeoutMs)));
  // Before anything that writes: never touch another application's database.
  RETURN_IF_ERROR(CheckSchemaKind(*db, *o.kind));
  {
    ASSIGN_OR_RETURN(Statement s, db->Prepare("PRAGMA journal_mode = WAL"));
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row || s.ColumnText(0) != "wal") return Status::IOError(file.string() + ": cannot switch to WAL mode");
  }
  RETURN_IF_ERROR(db->Exec("PRAGMA synchronous = FULL"));
  RETURN_IF_ERROR(db->Exec("PRAGMA foreign_keys = ON"));
  Result<int> version = ApplyMigrations(*db, *o.kind, o.migrations);
  if (!version.ok()) {
    if (version.status().code() != StatusCode::kUnsupported) return version.status();
    return Status::Unsupported(file.string() + ": " + version.status().message());
  }
  return SideDatabase{std::move(db), *version};
}

Status WriteTransactions::Run(SqliteDb& db, const std::function<Status()>& body) {
  if (depth_ > 0) {
    ++depth_;
    Status st = body();
    --depth_;
    return st;
  }
  RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
  ++depth_;
  Status st = body();
  --depth_;
  if (!st.ok()) {
    (void)db.Exec("ROLLBACK");
    return st;
  }
  st = db.Exec("COMMIT");
  if (!st.ok()) (void)db.Exec("ROLLBACK");
  return st;
}

}  // namespace patnav
