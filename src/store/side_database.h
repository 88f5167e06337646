// The data directory's side databases (the alliance's operations.db, the
// platform's platform.db): each an SQLite file of its own SchemaKind and
// migrations, opened the same way and written in the same kind of
// transaction. The patent store (sqlite_store.cc) has its own opening.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <span>

#include "base/status.h"
#include "store/migrations.h"
#include "store/sqlite_db.h"

namespace patnav {

struct SideDatabaseOptions {
  const SchemaKind* kind = nullptr;  // REQUIRED
  std::span<const Migration> migrations;
  bool create = true;        // create the directory and the file when absent (else NotFound)
  bool owner_only = false;   // a new file gets mode 0600 (it holds credentials)
  const char* missing_hint = "";  // appended to the NotFound of a missing file
};

struct SideDatabase {
  std::unique_ptr<SqliteDb> db;
  int schema_version = 0;
};

// Opens `file`: checks it is a database of `kind` before anything writes,
// WAL mode, synchronous FULL (a committed payment, revocation or audit row
// survives a power loss), foreign keys on, a 10 s busy timeout (writers of
// two processes queue), and the missing migrations applied in one
// transaction. Unsupported naming the file when a newer patnav wrote it.
Result<SideDatabase> OpenSideDatabase(const std::filesystem::path& file, const SideDatabaseOptions& options);

// Nested write transactions on one connection: the outermost call runs
// `body` inside BEGIN IMMEDIATE and commits when it returns OK (rolls back
// otherwise); calls made from inside `body` join it. Not thread-safe (as the
// connection).
class WriteTransactions {
 public:
  Status Run(SqliteDb& db, const std::function<Status()>& body);

 private:
  int depth_ = 0;
};

}  // namespace patnav
