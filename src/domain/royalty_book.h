// The royalty reports recorded, as an operator or a licensee lists them: one
// row per report with its total and the ledger transaction that posted it,
// and whether that transaction was reversed (a corrected report).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "domain/operations_db.h"

namespace patnav::domain {

struct RoyaltyReportRow {
  int64_t id = 0;
  std::string licensee, programme, pool, period, source, currency, reported_at;
  int64_t lines = 0, total_minor = 0;
  bool capped = false;
  std::optional<int64_t> txn_id;       // none when the royalty was 0
  std::optional<int64_t> reversed_by;  // the reversing transaction, when corrected
};

struct RoyaltyReportFilter {
  int64_t alliance_id = 0;  // required: reports under this alliance's pools
  std::string licensee, programme, period;  // each: any when empty; period canonical (2025Q1)
};

// The reports matching `filter`, by period, licensee, programme and id.
Result<std::vector<RoyaltyReportRow>> ListRoyaltyReports(OperationsDb& ops, const RoyaltyReportFilter& filter);

}  // namespace patnav::domain
