// The status engine: for a publication, a country and a date, the state of
// the right (pending, in force, lapsed, expired, ...), its expected expiry,
// the next maintenance or renewal fee due, and the basis: the rule applied
// and every event used, so that callers can explain the answer.
//
// Rules (the first that applies):
//   - US utility: 20 years from the earliest non-provisional US application
//     claimed under 35 USC 120/121/365(c) (record.parent_applications; the
//     patent's own filing otherwise), plus the term adjustment printed on the
//     grant (term_extension_days). Maintenance fees due 3.5, 7.5 and 11.5
//     years after grant, payable with surcharge for 6 more months; an `EXP.`
//     event (INPADOC US LAPS) ends the right at the grant anniversary of the
//     unpaid fee; a later `EXPX` (US REIN) cancels that.
//   - US design: 14 years from grant (filed before 2015-05-13) or 15; US
//     plant: 20 years from filing; neither pays maintenance fees.
//   - CN: invention 20 years from filing, utility model 10, design 10 (15 when
//     filed on or after 2021-06-01).
//   - Everything else, EP per country included: 20 years from filing; events
//     of the country asked (INPADOC class H "cessation" with negative
//     influence, e.g. EP PG25 lapses per contracting state) end it, class K
//     revives it, class B before grant withdraws or refuses the application.
//   - An EP publication asked for a state (DE, FR, ...): when designation
//     events are known (EP AK/AX, one per state: readers/epo_ops_legal_reader.h,
//     ep_register_reader.h) a state not designated has no right (kUnknown, the
//     rule says so); the state's own events apply, and so do the EP-wide ones
//     (territory EP) that end, revive, withdraw or grant the whole patent
//     (classes H/B negative, K/C/F positive: a revocation after opposition
//     ends it in every state). An EP-wide or national grant event (class F,
//     positive) counts as the grant when the stored record is the A
//     publication.
//   - An EP publication asked for EP itself also lists every designated
//     state with its own state (PatentStatus::countries); once the right has
//     ended in every one of them, the EP state is kLapsed from the last end.
// Without events the state follows the term alone; a note says so.
// The owner follows recorded transfers (ownership.h), whatever the country asked.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/ownership.h"
#include "model/legal_event.h"
#include "model/patent_record.h"

namespace patnav::domain {

enum class LegalState { kPending, kInForce, kLapsed, kExpired, kRevoked, kWithdrawn, kRefused, kUnknown };
// "pending", "in_force", "lapsed", "expired", "revoked", "withdrawn", "refused", "unknown".
const char* LegalStateName(LegalState s);

struct FeeDue {
  std::string what;        // "US maintenance fee, 3.5 years"
  std::string due;         // ISO: payable without surcharge until this day
  std::string grace_ends;  // ISO: payable with surcharge until the day before
};

// The state of an EP patent in one designated state (PatentStatus::countries).
struct CountryState {
  std::string country;
  LegalState state = LegalState::kUnknown;
  std::string ended_on;  // ISO, when the right ended early there
  std::string basis;     // the event that decided it, in words; "" when none
};

struct PatentStatus {
  std::string publication_number;
  std::string country;  // the country asked
  std::string as_of;    // ISO
  LegalState state = LegalState::kUnknown;
  std::string term_start;  // ISO: the date the term runs from
  std::string expiry;      // ISO: the last day of the term; "" when unknown
  std::string ended_on;    // ISO: the day the right ended early (lapse, revocation); "" otherwise
  std::optional<FeeDue> next_fee;
  std::string rule;                 // the rule applied, in words
  std::vector<std::string> notes;   // facts used and caveats, in words
  std::vector<LegalEvent> events;   // every event used, by date
  Ownership owner;                  // the current owner and its basis (ownership.h)
  // An EP publication asked for EP: each designated state, by code; empty
  // otherwise or when no designation is known.
  std::vector<CountryState> countries;
};

// How much of the basis to build. kStateOnly fills the state, term_start,
// expiry, ended_on, next_fee and the countries' states only (no rule, notes,
// events, owner or per-country basis): for bulk callers such as the search
// index, which evaluate every patent and keep two fields. The state, expiry,
// ended_on and next_fee are the same in both.
enum class StatusDetail { kExplained, kStateOnly };

// The status of `record` in `country` (empty: the publication's own country)
// on `as_of` (ISO), from the record and its legal events (any order; events
// of other territories are ignored, except those of the publication's own
// country for an EP publication's designation). REQUIRES: as_of is ISO.
// Guarantee: state is never kInForce when as_of is after `expiry`.
PatentStatus EvaluatePatentStatus(const PatentRecord& record, const std::vector<LegalEvent>& events,
                                  std::string_view country, std::string_view as_of,
                                  StatusDetail detail = StatusDetail::kExplained);

}  // namespace patnav::domain
