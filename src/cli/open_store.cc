// Opening the store for read commands.
#include "cli/open_store.h"

#include <cstdio>
#include <filesystem>

#include "cli/commands.h"

namespace patnav::cli {

std::unique_ptr<PatentStore> OpenExistingStore(const std::string& db_flag, const char* command) {
  StoreOptions so;
  so.dir = ResolveDataDir(db_flag);
  so.create_if_missing = false;
  std::error_code ec;
  if (!std::filesystem::exists(so.dir, ec)) {
    std::fprintf(stderr, "patnav %s: no store at %s (run 'patnav ingest --db %s FILES' first)\n", command,
                 so.dir.c_str(), so.dir.c_str());
    return nullptr;
  }
  Result<std::unique_ptr<PatentStore>> store = PatentStore::Open(so);
  if (!store.ok()) {
    std::fprintf(stderr, "patnav %s: %s\n", command, store.status().ToString().c_str());
    return nullptr;
  }
  return std::move(store).value();
}

}  // namespace patnav::cli
