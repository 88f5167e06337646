// The store's schema history: an ordered list of forward migrations. A
// database records the number of migrations applied as its schema version
// (meta.schema_version); opening applies the missing ones, all in one
// transaction, and refuses a database written by a newer patnav.
// docs/formats/store.md describes the resulting schema.
#pragma once

#include <cstdint>
#include <span>

#include "base/status.h"
#include "store/sqlite_db.h"

namespace patnav {

struct Migration {
  int version;              // 1, 2, 3, ...: the schema version after this step
  const char* description;  // one line, for humans
  const char* sql;          // one or more statements
};

// Every migration of this patnav, in order; version i is at index i-1.
std::span<const Migration> StoreMigrations();
// The schema version this patnav writes: StoreMigrations().size().
int LatestSchemaVersion();

// What a migration set builds: the SQLite application_id stamped on the file
// and what such a file is called in errors. The store is one kind; the
// alliance's operations.db (domain/) another, with its own migrations.
struct SchemaKind {
  int64_t application_id;
  const char* name;  // "patnav store"
};
const SchemaKind& StoreSchemaKind();

// OK when `db` is empty or a database of `kind` (of any version); Corruption
// when it is an SQLite database of some other kind. Only reads.
Status CheckSchemaKind(SqliteDb& db, const SchemaKind& kind);
inline Status CheckIsPatnavStore(SqliteDb& db) { return CheckSchemaKind(db, StoreSchemaKind()); }

// Brings `db` to the last version in `migrations` inside one IMMEDIATE
// transaction (all steps apply, or none) and returns the version reached.
// Unsupported "database schema version N is newer than this patnav (M)" when
// the database is ahead of `migrations`; Corruption when the file is an
// SQLite database of some other application.
// REQUIRES: migrations[i].version == i + 1; no transaction open on `db`.
Result<int> ApplyMigrations(SqliteDb& db, const SchemaKind& kind, std::span<const Migration> migrations);
inline Result<int> ApplyMigrations(SqliteDb& db, std::span<const Migration> migrations) {
  return ApplyMigrations(db, StoreSchemaKind(), migrations);
}

}  // namespace patnav
