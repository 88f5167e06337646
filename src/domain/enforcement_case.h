// Enforcement case files (执法办案) of an IP office in operations.db: a case
// of a kind (case_states.h) with its time limit counted from opening (in
// working days on the holiday calendar, calendar days or months), linked to
// patents (publication numbers; the app checks they are in the store), to
// the complaint it came from (which moves to case_opened in the same
// transaction) and to the credibility records it led to. Every step and link
// is appended to the office history in its transaction.
// Thread-safety: as OperationsDb.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "domain/case_states.h"
#include "domain/office_event.h"
#include "domain/operations_db.h"
#include "domain/working_days.h"

namespace patnav::domain {

struct CaseInput {
  std::string province;
  std::string case_number;  // unique
  std::string kind;         // a CaseKind code
  std::string title;
  int64_t complaint_id = 0; // 0: none; else a complaint of the same province, accepted, in mediation or clue check
  std::vector<std::string> patents;  // publication numbers, canonical
  std::string opened_on;    // ISO date
};

struct EnforcementCase {
  int64_t id = 0;
  std::string province, case_number, kind, title;
  int64_t complaint_id = 0;
  std::string opened_on, due_on;
  CaseState state = CaseState::kOpen;
  std::string decision, decided_on, closed_on;
  std::vector<std::string> patents;
  std::vector<int64_t> credit_records;
  std::string created_at, updated_at;
};

// A new open case, due by its kind's limit. InvalidArgument naming the field
// (an empty required field, an unknown kind, a bad date, a complaint of
// another province or unknown); AlreadyExists for a case number in use;
// FailedPrecondition from the complaint's workflow when it cannot open a
// case now. Nothing written on any refusal.
Result<EnforcementCase> OpenCase(OperationsDb& ops, const CaseInput& in, const WorkingCalendar& calendar,
                                 std::string_view actor);

// NotFound "unknown case N".
Result<EnforcementCase> FindCase(OperationsDb& ops, int64_t id);

struct CaseFilter {
  std::string province;
  std::optional<CaseState> state;
};
// By opening date, then id.
Result<std::vector<EnforcementCase>> ListCases(OperationsDb& ops, const CaseFilter& filter);

struct CaseStep {
  CaseAction action = CaseAction::kDecide;
  std::string actor;
  std::string on;
  std::string comment;  // decide: the decision (required); terminate: the reason (required)
};
// FailedPrecondition naming the allowed actions; InvalidArgument for a bad
// or earlier date or a missing decision/reason.
Result<EnforcementCase> StepCase(OperationsDb& ops, int64_t id, const CaseStep& step);

// Links a credibility record (of the same province) the case led to.
// NotFound for an unknown record; InvalidArgument for another province's;
// AlreadyExists when linked already.
Result<EnforcementCase> LinkCreditRecord(OperationsDb& ops, int64_t case_id, int64_t record_id, std::string_view actor);

// Links more patents (publication numbers, canonical; the app checks the
// store) to an open case, with one "link" event. InvalidArgument for an
// empty list; FailedPrecondition when the case is decided or closed;
// AlreadyExists naming a patent linked already. Nothing written on refusal.
Result<EnforcementCase> LinkCasePatents(OperationsDb& ops, int64_t case_id, const std::vector<std::string>& patents,
                                        std::string_view actor);

Result<std::vector<OfficeEvent>> CaseHistory(OperationsDb& ops, int64_t id);

// The date a case of `kind` opened on `opened_on` is due.
Result<std::string> CaseDueOn(const CaseKind& kind, std::string_view opened_on, const WorkingCalendar& calendar);

}  // namespace patnav::domain
