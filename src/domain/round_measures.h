// Measures an evaluation round takes from patnav's own patent data (issue 15
// part 2, "measures computed from patnav's own data"), per subject for one
// period, by one independent pass over the store:
//   valid_invention_patents       invention patents (not utility models,
//                                 designs or US plants; WO publications are
//                                 no right) in force on the period's last day
//                                 (EvaluatePatentStatus, kStateOnly), counted
//                                 once per application;
//   high_value_invention_patents  of those, the ones with an overseas family
//                                 member (a stored publication of the same
//                                 family_id from another country, WO not
//                                 counted) or filed more than ten years
//                                 before the period's last day;
//   pct_filings                   international applications filed in the
//                                 period: WO publications (their filing date,
//                                 else publication date) and "pct" parents of
//                                 any record, once per application number;
//   recorded_transfers            legal events of the period that move
//   recorded_licences             ownership (a conveyance that MovesOwnership,
//   recorded_pledges              CN TR01/TA01), record a licence (conveyance
//                                 licence, CN EE01) or a pledge (security
//                                 interest, CN PE01), once per event.
// Who a patent belongs to: a subject with names (an alliance member, or an
// alliance's members) holds the patents whose current owners on the period's
// last day (ownership.h) carry one of its names, compared as organisations
// (NormalizeOrganisation); pct_filings go by the published applicants, and
// an event also counts for the names among its parties and the published
// applicants. A region subject holds the patents one of whose published
// applicants or assignees has that province or city (Party::province, city;
// a trailing 省 or 市 is ignored on both sides).
// Cost: one pass over the legal events (keys only), one over the records
// (the family index and the candidates), then the candidates' events.
// Thread-safety: as the store; pure otherwise.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/status.h"
#include "domain/period.h"
#include "store/patent_store.h"

namespace patnav::domain {

inline constexpr const char* kValidInventionPatents = "valid_invention_patents";
inline constexpr const char* kHighValueInventionPatents = "high_value_invention_patents";
inline constexpr const char* kPctFilings = "pct_filings";
inline constexpr const char* kRecordedTransfers = "recorded_transfers";
inline constexpr const char* kRecordedLicences = "recorded_licences";
inline constexpr const char* kRecordedPledges = "recorded_pledges";

// The six measures above, in that order.
const std::vector<std::string>& PatentMeasures();

struct MeasureSubject {
  std::string code;
  std::vector<std::string> names;  // owner names it holds patents under; empty: a region
  std::string region;              // a region subject's province or city
};

// subject code -> measure -> value, for every subject and every measure of
// `measures` that is one of PatentMeasures() (0 when nothing matches).
using MeasureValues = std::map<std::string, std::map<std::string, double>>;

// REQUIRES: `period` from ParsePeriod. Errors are the store's.
Result<MeasureValues> ComputePatentMeasures(PatentStore& store, const std::vector<MeasureSubject>& subjects,
                                            const Period& period, const std::set<std::string>& measures);

}  // namespace patnav::domain
