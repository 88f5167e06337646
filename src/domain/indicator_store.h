// Indicator systems kept in operations.db (issue 15 part 2): each version of
// a system stored once, by its code and version, as the JSON text it was
// given, and frozen (triggers refuse UPDATE and DELETE), so a round opened on
// it scores against exactly that text however the file changes later.
// Thread-safety: as OperationsDb.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "domain/evaluation/indicator_system.h"
#include "domain/operations_db.h"

namespace patnav::domain {

struct StoredIndicatorSystem {
  int64_t id = 0;
  std::string code, version, name;  // name: name_zh, else name_en
  std::string json;                 // the text as stored
  std::string stored_by, stored_at;
  bool already_stored = false;      // StoreIndicatorSystem: the same text was there already
};

// Validates `json` (evaluation::ParseIndicatorSystem: InvalidArgument naming
// `origin`, the node and the reason, e.g. a formula naming an undeclared
// measure) and stores it. Storing the identical text again answers the
// stored row (already_stored); a different text under a stored code and
// version is AlreadyExists (a new version needs a new version string).
Result<StoredIndicatorSystem> StoreIndicatorSystem(OperationsDb& ops, std::string_view json, std::string_view origin,
                                                   std::string_view actor);

// NotFound "unknown indicator system CODE version V".
Result<StoredIndicatorSystem> FindIndicatorSystem(OperationsDb& ops, std::string_view code, std::string_view version);
Result<StoredIndicatorSystem> FindIndicatorSystemById(OperationsDb& ops, int64_t id);
// By code, then the order stored.
Result<std::vector<StoredIndicatorSystem>> ListIndicatorSystems(OperationsDb& ops);

// The stored text parsed again (it validated when stored).
Result<evaluation::IndicatorSystem> ParseStored(const StoredIndicatorSystem& s);

}  // namespace patnav::domain
