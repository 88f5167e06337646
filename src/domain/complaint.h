// Complaints (投诉举报) to an IP office in operations.db: received, decided
// on within the working-day deadline of each stage (complaint_states.h) on
// the office's holiday calendar (working_days.h), every step appended to the
// office history in its transaction. A complaint becomes case_opened only by
// opening a case file linked to it (enforcement_case.h).
// Thread-safety: as OperationsDb.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "domain/complaint_states.h"
#include "domain/office_event.h"
#include "domain/operations_db.h"
#include "domain/working_days.h"

namespace patnav::domain {

struct ComplaintInput {
  std::string province;     // the office it was filed with
  std::string kind;         // a case kind (case_states.h) or "other"
  std::string complainant;
  std::string respondent;
  std::string respondent_code;  // optional credit code of the respondent
  std::string patent;       // optional publication number (the app checks it is in the store)
  std::string summary;
  std::string received_on;  // ISO date
};

struct Complaint {
  int64_t id = 0;
  std::string province, kind, complainant, respondent, respondent_code, patent, summary, received_on;
  ComplaintState state = ComplaintState::kReceived;
  std::string stage_since;  // when the current stage began
  std::string due_on;       // the current stage's deadline; empty when it has none
  std::string outcome;
  std::string created_at, updated_at;
};

// A received complaint, due for an acceptance decision 5 working days after
// receipt. InvalidArgument naming the field for an empty required field, an
// unknown kind or a bad date.
Result<Complaint> CreateComplaint(OperationsDb& ops, const ComplaintInput& in, const WorkingCalendar& calendar,
                                  std::string_view actor);

// NotFound "unknown complaint N".
Result<Complaint> FindComplaint(OperationsDb& ops, int64_t id);

struct ComplaintFilter {
  std::string province;
  std::optional<ComplaintState> state;
};
// By receipt date, then id.
Result<std::vector<Complaint>> ListComplaints(OperationsDb& ops, const ComplaintFilter& filter);

struct ComplaintStep {
  ComplaintAction action = ComplaintAction::kAccept;
  std::string actor;
  std::string on;       // ISO date the step takes effect
  std::string comment;  // required for refuse and close (the reason / outcome)
};

// One step in one transaction with its event; the new stage's deadline is
// counted from `on`. Refusals, nothing written: FailedPrecondition naming
// the allowed actions; InvalidArgument for a bad date, a date before the
// stage began, a missing reason, or open_case (opened with a case file).
Result<Complaint> StepComplaint(OperationsDb& ops, int64_t id, const ComplaintStep& step,
                                const WorkingCalendar& calendar);

Result<std::vector<OfficeEvent>> ComplaintHistory(OperationsDb& ops, int64_t id);

// The complaint's deadline on `today`: the duty, when due, and how many
// working days overdue (0 when not overdue). None when its stage has no
// deadline.
struct DeadlineStatus {
  std::string duty, due_on;
  int overdue_working_days = 0;
};
std::optional<DeadlineStatus> ComplaintDeadline(const Complaint& c, const WorkingCalendar& calendar,
                                                std::string_view today);

// Used by enforcement_case.cc: moves the complaint to case_opened inside
// the caller's transaction. FailedPrecondition as StepComplaint.
Status OpenCaseOnComplaint(OperationsDb& ops, int64_t id, const ComplaintStep& step);

}  // namespace patnav::domain
