// Opening the store for the read-only commands, with one error message shape.
#pragma once

#include <memory>
#include <string>

#include "store/patent_store.h"

namespace patnav::cli {

// Opens the existing store of `db_flag` (see ResolveDataDir); on failure
// prints "patnav <command>: <reason>" and returns null. A missing store is
// not created: the message tells the user to ingest first.
std::unique_ptr<PatentStore> OpenExistingStore(const std::string& db_flag, const char* command);

}  // namespace patnav::cli
