// Patent term and coverage from the canonical record: when a publication's
// protection ends by law (its kind and filing date), and in which countries
// its family is published. Lapses (unpaid fees, revocation) are recorded in
// operations.db separately (pool.h RecordLapse).
#pragma once

#include <map>
#include <set>
#include <string>

#include "base/status.h"
#include "model/patent_record.h"
#include "store/patent_store.h"

namespace patnav::domain {

// The last day of the statutory term, ISO:
//   - US design (kind S*): 15 years from grant when granted on or after
//     2015-05-13, else 14 years (publication date when no grant date);
//   - CN utility model (kind U or Y): 10 years from filing;
//   - CN design (kind S): 15 years from filing when filed on or after
//     2021-06-01, else 10;
//   - everything else (utility patents and applications): 20 years from filing.
// The filing date falls back to the priority date, then the publication date.
// Empty when the record has no date at all.
std::string StatutoryExpiry(const PatentRecord& r);

// True for a granted publication: a grant date, or a kind that only grants
// carry (B*, C*, E*, S*, P*, H*, U/Y utility models).
bool IsGranted(const PatentRecord& r);

// Countries where each requested family is published, from one pass over the
// store (descriptions not loaded). family_id -> countries.
Result<std::map<std::string, std::set<std::string>>> FamilyCountries(PatentStore& store,
                                                                     const std::set<std::string>& family_ids);

// A publication from any spelling (US-2015112182-A1, US20150112182A1, or a
// number without kind: the kind we hold). NotFound "unknown patent X (not in
// the store)"; InvalidArgument when the text is no publication number.
Result<PatentRecord> FindPatent(PatentStore& store, std::string_view text);

}  // namespace patnav::domain
