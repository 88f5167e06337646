// The operations database of a data directory: DIR/operations.db, beside the
// patent store's patnav.db. Holds alliances, members, pools, licensing,
// royalties, the ledger and distributions (docs/formats/operations.md).
//
// Concurrency: WAL mode; writers take the write lock at the start of their
// transaction (BEGIN IMMEDIATE) and wait up to 10 s for another process's,
// so two processes writing serialize instead of interleaving.
// Thread-safety: one thread at a time per OperationsDb.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>

#include "base/status.h"
#include "store/side_database.h"
#include "store/sqlite_db.h"

namespace patnav::domain {

inline constexpr const char* kOperationsFileName = "operations.db";

class OperationsDb {
 public:
  // Opens DIR/operations.db, creating the directory and the database when
  // `create` (else NotFound), and applies missing migrations in one
  // transaction. Unsupported when written by a newer patnav; Corruption when
  // the file is some other SQLite database.
  static Result<std::unique_ptr<OperationsDb>> Open(const std::filesystem::path& data_dir, bool create = true);

  // Runs `body` in one write transaction (BEGIN IMMEDIATE): committed when
  // it returns OK, rolled back otherwise, so a refused command writes
  // nothing. Nested calls join the outer transaction.
  Status Write(const std::function<Status()>& body);

  SqliteDb& db() { return *db_; }
  int schema_version() const { return schema_version_; }

 private:
  OperationsDb(std::unique_ptr<SqliteDb> db, int version) : db_(std::move(db)), schema_version_(version) {}
  std::unique_ptr<SqliteDb> db_;
  int schema_version_;
  WriteTransactions writes_;
};

// Helpers for one-row lookups used across the domain.
// The integer of the first column of the first row, or nullopt when none.
Result<std::optional<int64_t>> QueryOptionalInt(SqliteDb& db, const char* sql, std::string_view text_param);

}  // namespace patnav::domain
