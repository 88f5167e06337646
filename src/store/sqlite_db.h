// A thin RAII layer over the SQLite C API for the store: one connection
// (SqliteDb) and its prepared statements (Statement), with SQLite result
// codes turned into Status. Nothing here knows about patents.
//
// Thread-safety: a SqliteDb and its statements are used by one thread at a
// time (the connection is opened SQLITE_OPEN_NOMUTEX).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace patnav {

class SqliteDb;

// One prepared statement. Move-only; on destruction it is reset and handed
// back to its connection for reuse (see SqliteDb::Prepare).
// Bound text and blobs are NOT copied: the bytes must stay valid until the
// next Reset() (or destruction).
class Statement {
 public:
  Statement() = default;
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Numbered from 1, as in SQLite. Text is bound uncopied: keep it alive until the statement is reset.
  void BindText(int i, std::string_view v);
  void BindTextOrNull(int i, std::string_view v);  // NULL when v is empty
  void BindBlob(int i, std::string_view bytes);
  void BindInt64(int i, int64_t v);
  void BindDouble(int i, double v);
  void BindNull(int i);

  // Advances: true when a row is available, false when done.
  Result<bool> Step();
  // Steps a statement that returns no rows to completion.
  Status Run();
  // Ends the current execution and clears bindings; the statement can be
  // executed again. Ends any read the statement holds open.
  void Reset();

  // Columns are numbered from 0. REQUIRES: the last Step() returned true.
  // The returned views are valid until the next Step()/Reset().
  bool ColumnIsNull(int i) const;
  int64_t ColumnInt64(int i) const;
  double ColumnDouble(int i) const;
  std::string_view ColumnText(int i) const;
  std::string_view ColumnBlob(int i) const;

 private:
  friend class SqliteDb;
  Statement(SqliteDb* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  SqliteDb* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

// Resets a statement when the scope ends, so no execution is left holding a
// read transaction open.
class ScopedReset {
 public:
  explicit ScopedReset(Statement& s) : s_(s) {}
  ~ScopedReset() { s_.Reset(); }
  ScopedReset(const ScopedReset&) = delete;
  ScopedReset& operator=(const ScopedReset&) = delete;

 private:
  Statement& s_;
};

class SqliteDb {
 public:
  // Opens (and with `create`, creates) the database file. NotFound when the
  // file is absent and `create` is false.
  static Result<std::unique_ptr<SqliteDb>> Open(const std::filesystem::path& file, bool create);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  // Runs SQL without parameters (one or more statements).
  Status Exec(std::string_view sql);
  // REQUIRES: `sql` is one statement. The statement must not outlive *this.
  // Statements are recycled: a Statement handed back (destroyed) is kept,
  // reset and unbound, and a later Prepare of the same text reuses it instead
  // of parsing and planning again (tens of microseconds per call, which the
  // server pays on every request's session lookup). At most kIdleStatements
  // are kept; schema changes re-prepare them (SQLITE_PREPARE_PERSISTENT, v3).
  Result<Statement> Prepare(std::string_view sql);
  // The single integer result of a query such as "PRAGMA user_version".
  Result<int64_t> QueryInt64(std::string_view sql);

  int64_t LastInsertRowid() const;
  // Rows inserted, updated or deleted by the last statement run (0 for an
  // INSERT OR IGNORE that ignored its row).
  int64_t Changes() const;
  bool InTransaction() const;  // false in autocommit mode
  const std::filesystem::path& file() const { return file_; }

  // A Status for SQLite result code `rc`, naming `context` and the
  // connection's latest error message.
  Status Error(int rc, std::string_view context) const;

 private:
  friend class Statement;
  static constexpr size_t kIdleStatements = 96;
  SqliteDb(sqlite3* db, std::filesystem::path file) : db_(db), file_(std::move(file)) {}
  // Takes ownership of `stmt`: keeps it for reuse or finalizes it.
  void Recycle(sqlite3_stmt* stmt);
  sqlite3* db_;
  std::filesystem::path file_;
  std::unordered_multimap<std::string, sqlite3_stmt*> idle_;  // reset, unbound
};

}  // namespace patnav
