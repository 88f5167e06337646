// PatentStore's factory and the small shared definitions.
#include "store/patent_store.h"

#include <cstdlib>

#include "store/sqlite_store.h"

namespace patnav {

std::filesystem::path DefaultStoreDir() {
  const char* home = std::getenv("PATNAV_HOME");
  if (home && *home) return home;
  return "patnav-data";
}

const char* PutOutcomeName(PutOutcome o) {
  switch (o) {
    case PutOutcome::kNew: return "new";
    case PutOutcome::kMerged: return "merged";
    case PutOutcome::kUnchanged: return "unchanged";
  }
  return "";
}

PatentStore::~PatentStore() = default;

Result<std::unique_ptr<PatentStore>> PatentStore::Open(const StoreOptions& options) {
  ASSIGN_OR_RETURN(std::unique_ptr<SqliteStore> store, SqliteStore::Open(options));
  return std::unique_ptr<PatentStore>(std::move(store));
}

}  // namespace patnav
