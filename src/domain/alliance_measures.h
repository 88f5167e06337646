// Measures an evaluation round takes for an alliance subject from the
// alliance's own records in operations.db (issue 15 part 2, "pool counts and
// royalty income"), as of one period:
//   members              members joined by the period's last day and not left by then
//   element_types        distinct resource element types among them (of six)
//   pooled_patents       distinct publications contributed to the alliance's pools,
//                        not withdrawn and not expired on the last day
//   licences             licence agreements under the pools' programmes in effect at
//                        some day of the period
//   royalty_income       royalties reported under those programmes for periods that
//                        start within the round's (reversed reports left out), in
//                        major units of their currency
//                        (left out when the reports use more than one currency)
//   late_annual_reports  annual reports of the alliance's recording filed late or
//                        overdue as of the last day (recording_reports.h)
// Thread-safety: as OperationsDb.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/status.h"
#include "domain/operations_db.h"
#include "domain/period.h"

namespace patnav::domain {

// The six measures above, in that order.
const std::vector<std::string>& AllianceMeasures();

// measure -> value for each of `measures` that is one of AllianceMeasures().
Result<std::map<std::string, double>> ComputeAllianceMeasures(OperationsDb& ops, int64_t alliance_id,
                                                              const Period& period,
                                                              const std::set<std::string>& measures);

}  // namespace patnav::domain
