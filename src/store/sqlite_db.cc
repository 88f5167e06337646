// SQLite connection and prepared statements.
#include "store/sqlite_db.h"

#include <sqlite3.h>

#include <utility>

namespace patnav {

namespace {

std::string Abbreviate(std::string_view sql) {
  constexpr size_t kMax = 60;
  std::string s(sql.substr(0, kMax));
  for (char& c : s) if (c == '\n') c = ' ';
  if (sql.size() > kMax) s += "...";
  return s;
}

}  // namespace

// ---- Statement ----

Statement::Statement(Statement&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    if (db_ != nullptr && stmt_ != nullptr) db_->Recycle(stmt_);
    else sqlite3_finalize(stmt_);
    db_ = std::exchange(other.db_, nullptr);
    stmt_ = std::exchange(other.stmt_, nullptr);
  }
  return *this;
}

Statement::~Statement() {
  if (db_ != nullptr && stmt_ != nullptr) db_->Recycle(stmt_);
  else sqlite3_finalize(stmt_);
}

void Statement::BindText(int i, std::string_view v) {
  sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_STATIC, SQLITE_UTF8);
}

void Statement::BindTextOrNull(int i, std::string_view v) {
  if (v.empty()) BindNull(i); else BindText(i, v);
}

void Statement::BindBlob(int i, std::string_view bytes) {
  // A zero-length blob must not bind as NULL: give SQLite a non-null pointer.
  sqlite3_bind_blob64(stmt_, i, bytes.empty() ? "" : bytes.data(), bytes.size(), SQLITE_STATIC);
}

void Statement::BindInt64(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }

void Statement::BindDouble(int i, double v) { sqlite3_bind_double(stmt_, i, v); }

void Statement::BindNull(int i) { sqlite3_bind_null(stmt_, i); }

Result<bool> Statement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return db_->Error(rc, Abbreviate(sqlite3_sql(stmt_)));
}

Status Statement::Run() {
  for (;;) {
    ASSIGN_OR_RETURN(bool row, Step());
    if (!row) return Status::OK();
  }
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::ColumnIsNull(int i) const { return sqlite3_column_type(stmt_, i) == SQLITE_NULL; }

int64_t Statement::ColumnInt64(int i) const { return sqlite3_column_int64(stmt_, i); }

double Statement::ColumnDouble(int i) const { return sqlite3_column_double(stmt_, i); }

std::string_view Statement::ColumnText(int i) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, i));
  int n = sqlite3_column_bytes(stmt_, i);
  return p ? std::string_view(p, static_cast<size_t>(n)) : std::string_view();
}

std::string_view Statement::ColumnBlob(int i) const {
  const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, i));
  int n = sqlite3_column_bytes(stmt_, i);
  return p ? std::string_view(p, static_cast<size_t>(n)) : std::string_view();
}

// ---- SqliteDb ----

Result<std::unique_ptr<SqliteDb>> SqliteDb::Open(const std::filesystem::path& file, bool create) {
  std::error_code ec;
  if (!create && !std::filesystem::exists(file, ec))
    return Status::NotFound("no database at " + file.string());
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(file.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return Status::IOError("cannot open " + file.string() + ": " + msg);
  }
  sqlite3_extended_result_codes(db, 1);
  return std::unique_ptr<SqliteDb>(new SqliteDb(db, file));
}

SqliteDb::~SqliteDb() {
  for (auto& [sql, stmt] : idle_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

void SqliteDb::Recycle(sqlite3_stmt* stmt) {
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  const char* sql = sqlite3_sql(stmt);
  if (sql == nullptr || idle_.size() >= kIdleStatements) {
    sqlite3_finalize(stmt);
    return;
  }
  idle_.emplace(sql, stmt);
}

Status SqliteDb::Exec(std::string_view sql) {
  std::string text(sql);  // sqlite3_exec needs a terminated string
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
  if (rc == SQLITE_OK) return Status::OK();
  return Error(rc, Abbreviate(sql));
}

Result<Statement> SqliteDb::Prepare(std::string_view sql) {
  if (auto it = idle_.find(std::string(sql)); it != idle_.end()) {
    sqlite3_stmt* kept = it->second;
    idle_.erase(it);
    return Statement(this, kept);
  }
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                              nullptr);
  if (rc != SQLITE_OK) return Error(rc, "prepare " + Abbreviate(sql));
  return Statement(this, stmt);
}

Result<int64_t> SqliteDb::QueryInt64(std::string_view sql) {
  ASSIGN_OR_RETURN(Statement s, Prepare(sql));
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::Internal("no result from " + Abbreviate(sql));
  return s.ColumnInt64(0);
}

int64_t SqliteDb::LastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }
int64_t SqliteDb::Changes() const { return sqlite3_changes64(db_); }

bool SqliteDb::InTransaction() const { return sqlite3_get_autocommit(db_) == 0; }

Status SqliteDb::Error(int rc, std::string_view context) const {
  std::string msg = file_.string() + ": " + std::string(context) + ": " + sqlite3_errmsg(db_);
  switch (rc & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Status::Corruption(std::move(msg));
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_PROTOCOL:
      return Status::IOError(std::move(msg));
    default:
      return Status::Internal(std::move(msg));
  }
}

}  // namespace patnav
