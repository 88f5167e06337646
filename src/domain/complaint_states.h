// The workflow of a complaint (投诉举报) to an IP office, and its deadlines
// in working days (working_days.h):
//   received --accept--> accepted | --refuse--> not_accepted
//     (acceptance decided within 5 working days of receipt)
//   accepted --mediate--> mediation (concluded within 30 working days)
//   accepted --check_clue--> clue_check (checked within 15 working days)
//   accepted | mediation | clue_check --open_case--> case_opened
//   accepted | mediation | clue_check --close--> closed
// Every step is the office's. Pure: no database (complaint.h stores them).
#pragma once

#include <optional>

#include "domain/workflow_table.h"

namespace patnav::domain {

enum class ComplaintState { kReceived, kAccepted, kNotAccepted, kMediation, kClueCheck, kCaseOpened, kClosed };
enum class ComplaintAction { kAccept, kRefuse, kMediate, kCheckClue, kOpenCase, kClose };
enum class ComplaintRole { kOffice };

// Stable names: "received", "accepted", "not_accepted", "mediation",
// "clue_check", "case_opened", "closed"; "accept", "refuse", "mediate",
// "check_clue", "open_case", "close"; "office".
const char* ComplaintStateName(ComplaintState s);
const char* ComplaintActionName(ComplaintAction a);
const char* ComplaintRoleName(ComplaintRole r);

const Workflow<ComplaintState, ComplaintAction, ComplaintRole>& ComplaintWorkflow();

// The deadline of the stage a complaint is in: what must be done, within
// how many working days of entering the stage. None for a stage without one.
struct StageDeadline {
  const char* duty;  // "decide_acceptance", "conclude_mediation", "check_clue"
  int working_days;
};
std::optional<StageDeadline> ComplaintStageDeadline(ComplaintState s);

}  // namespace patnav::domain
