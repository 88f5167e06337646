// The observations of an evaluation round (issue 15 part 2): one value per
// (subject, measure, period), with its source, who entered, submitted and
// verified it and when, and its state in the data call:
//   entered --submit--> submitted --verify--> verified
//   entered --verify--> verified (the office's own figures)
//   submitted | verified --return (reason)--> returned
//   any --enter again--> entered (verification cleared)
// Who acts when: a subject's users enter and submit during data_call and
// self_assessment, and cannot change a verified figure; the office enters,
// verifies and returns from data_call through expert_review. Every write
// bumps the round's data_version (results scored earlier are then stale)
// and appends to the round's history, in one transaction; a refused batch
// writes nothing.
// Thread-safety: as OperationsDb.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "domain/evaluation/indicator_system.h"
#include "domain/evaluation/observations.h"
#include "domain/evaluation_round.h"
#include "domain/operations_db.h"

namespace patnav::domain {

enum class ObservationState { kEntered, kSubmitted, kVerified, kReturned };
// "entered", "submitted", "verified", "returned".
const char* ObservationStateName(ObservationState s);
Result<ObservationState> ParseObservationState(std::string_view text);

// Which side acts on the data call.
enum class DataRole { kOffice, kSubject };

struct ObservationEntry {
  std::string subject, measure, period;
  double value = 0;
  std::string source;
};

struct RoundObservation {
  int64_t id = 0;
  std::string subject, measure, period;
  double value = 0;
  std::string source;
  ObservationState state = ObservationState::kEntered;
  std::string entered_by, entered_at, submitted_by, submitted_at, verified_by, verified_at, return_reason;
};

// Enters (or re-enters) values, all or none. InvalidArgument naming the
// entry for an observation of a subject not in the round, a measure the
// system does not declare, a period other than the round's and the base
// periods its normalisers read, a value that is not finite, or the same
// (subject, measure, period) twice in the batch; FailedPrecondition when the
// round's state does not let `role` enter data, or a subject changes a
// verified figure. Returns the number entered.
Result<int> EnterObservations(OperationsDb& ops, int64_t round_id, const evaluation::IndicatorSystem& system,
                              const std::vector<ObservationEntry>& entries, DataRole role, std::string_view actor);

// A subject's entered and returned observations become submitted.
// FailedPrecondition when there are none, or outside data_call and
// self_assessment. Returns the number submitted.
Result<int> SubmitObservations(OperationsDb& ops, int64_t round_id, std::string_view subject, std::string_view actor);

// The office verifies a subject's observations (`measures` empty: every one
// entered or submitted; else those measures', each of which must be entered
// or submitted). FailedPrecondition outside data_call..expert_review or when
// nothing is left to verify. Returns the number verified.
Result<int> VerifyObservations(OperationsDb& ops, int64_t round_id, std::string_view subject,
                               const std::vector<std::string>& measures, std::string_view actor);

// The office verifies every entered or submitted observation of the round
// (returned ones stay returned), one transaction and one history entry.
// FailedPrecondition outside data_call..expert_review or when nothing is
// left to verify. Returns the number verified.
Result<int> VerifyAllObservations(OperationsDb& ops, int64_t round_id, std::string_view actor);

// The office returns a subject's submitted or verified observations
// (`measures` empty: every submitted one) with `reason` (required).
Result<int> ReturnObservations(OperationsDb& ops, int64_t round_id, std::string_view subject,
                               const std::vector<std::string>& measures, std::string_view reason,
                               std::string_view actor);

// By subject (the order added), measure, period; `subject` empty: all.
Result<std::vector<RoundObservation>> ListObservations(OperationsDb& ops, int64_t round_id, std::string_view subject);

// Every observation of the round as the calculator reads it (subject code,
// measure, period, value, source), in one pass without the data-call
// columns: what scoring needs of a round of 3,000 subjects.
Result<std::vector<evaluation::Observation>> ObservationValues(OperationsDb& ops, int64_t round_id);

}  // namespace patnav::domain
