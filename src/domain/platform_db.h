// The platform database of a data directory: DIR/platform.db, beside
// patnav.db and operations.db. Holds who may use the platform and what they
// did: users (Argon2id password hashes), role grants, sessions and API tokens
// (only their SHA-256 hashes), login throttling, and the append-only audit
// trail (docs/formats/platform.md). Kept apart from operations.db so that a
// session touch never waits for a long operations write, and so that the
// alliance's data can be copied without anyone's credentials.
//
// Concurrency: WAL mode; writers BEGIN IMMEDIATE with a busy timeout.
// Thread-safety: one thread at a time per PlatformDb.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>

#include "base/status.h"
#include "store/side_database.h"
#include "store/sqlite_db.h"

namespace patnav::domain {

inline constexpr const char* kPlatformFileName = "platform.db";

class PlatformDb {
 public:
  // Opens DIR/platform.db, creating the directory and the file (owner-only
  // permissions: it holds password hashes) when absent, and applies missing
  // migrations in one transaction. Unsupported when written by a newer
  // patnav; Corruption when the file is some other SQLite database.
  static Result<std::unique_ptr<PlatformDb>> Open(const std::filesystem::path& data_dir);

  // Runs `body` in one write transaction, committed when it returns OK,
  // rolled back otherwise. Nested calls join the outer transaction.
  Status Write(const std::function<Status()>& body);

  SqliteDb& db() { return *db_; }
  int schema_version() const { return schema_version_; }

 private:
  PlatformDb(std::unique_ptr<SqliteDb> db, int version) : db_(std::move(db)), schema_version_(version) {}
  std::unique_ptr<SqliteDb> db_;
  int schema_version_;
  WriteTransactions writes_;
};

}  // namespace patnav::domain
