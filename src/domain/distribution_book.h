// The closed periods of a pool, as an operator lists them: each period's
// distribution (method, gross, what went to members) and the ledger
// transaction that posted it, reversed or not.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "domain/operations_db.h"

namespace patnav::domain {

struct ClosedPeriod {
  std::string period, method, currency, closed_at;
  int64_t distribution_id = 0, txn_id = 0;
  int64_t gross_minor = 0, fee_minor = 0, distributable_minor = 0, undistributed_minor = 0;
  std::optional<int64_t> reversed_by;  // the reversing ledger transaction, when corrected
};

// The closed periods of pool `pool_id`, by period.
Result<std::vector<ClosedPeriod>> ClosedPeriods(OperationsDb& ops, int64_t pool_id);
// The closed period `period` (as ParsePeriod accepts) of the pool, if closed.
Result<std::optional<ClosedPeriod>> FindClosedPeriod(OperationsDb& ops, int64_t pool_id, std::string_view period);

}  // namespace patnav::domain
