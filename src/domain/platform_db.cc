// Opening platform.db and its write transactions (platform_db.h).
#include "domain/platform_db.h"

#include <system_error>

#include "domain/platform_migrations.h"

namespace patnav::domain {

namespace {

constexpr int kBusyTimeoutMs = 10000;

const SchemaKind& PlatformSchemaKind() {
  static const SchemaKind kind{kPlatformApplicationId, "patnav platform database"};
  return kind;
}

}  // namespace

Result<std::unique_ptr<PlatformDb>> PlatformDb::Open(const std::filesystem::path& data_dir) {
  namespace fs = std::filesystem;
  if (data_dir.empty()) return Status::InvalidArgument("no data directory given");
  std::error_code ec;
  if (!fs::exists(data_dir, ec)) {
    fs::create_directories(data_dir, ec);
    if (ec) return Status::IOError("cannot create " + data_dir.string() + ": " + ec.message());
  }
  const fs::path file = data_dir / kPlatformFileName;
  const bool existed = fs::exists(file, ec);
  ASSIGN_OR_RETURN(std::unique_ptr<SqliteDb> db, SqliteDb::Open(file, /*create=*/true));
  if (!existed) {
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace, ec);
    if (ec) return Status::IOError("cannot restrict the permissions of " + file.string() + ": " + ec.message());
  }
  RETURN_IF_ERROR(db->Exec("PRAGMA busy_timeout = " + std::to_string(kBusyTimeoutMs)));
  RETURN_IF_ERROR(CheckSchemaKind(*db, PlatformSchemaKind()));
  {
    ASSIGN_OR_RETURN(Statement s, db->Prepare("PRAGMA journal_mode = WAL"));
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row || s.ColumnText(0) != "wal") return Status::IOError(file.string() + ": cannot switch to WAL mode");
  }
  // FULL: a revocation or an audit row that was answered survives a power loss.
  RETURN_IF_ERROR(db->Exec("PRAGMA synchronous = FULL"));
  RETURN_IF_ERROR(db->Exec("PRAGMA foreign_keys = ON"));
  Result<int> version = ApplyMigrations(*db, PlatformSchemaKind(), PlatformMigrations());
  if (!version.ok()) {
    if (version.status().code() != StatusCode::kUnsupported) return version.status();
    return Status::Unsupported(file.string() + ": " + version.status().message());
  }
  return std::unique_ptr<PlatformDb>(new PlatformDb(std::move(db), *version));
}

Status PlatformDb::Write(const std::function<Status()>& body) {
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

}  // namespace patnav::domain
