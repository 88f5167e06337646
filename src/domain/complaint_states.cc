// The complaint workflow's state table and stage deadlines
// (complaint_states.h).
#include "domain/complaint_states.h"

namespace patnav::domain {

namespace {

using S = ComplaintState;
using A = ComplaintAction;
using R = ComplaintRole;

constexpr WorkflowTransition<S, A, R> kTable[] = {
    {S::kReceived, A::kAccept, S::kAccepted, R::kOffice},
    {S::kReceived, A::kRefuse, S::kNotAccepted, R::kOffice},
    {S::kAccepted, A::kMediate, S::kMediation, R::kOffice},
    {S::kAccepted, A::kCheckClue, S::kClueCheck, R::kOffice},
    {S::kAccepted, A::kOpenCase, S::kCaseOpened, R::kOffice},
    {S::kAccepted, A::kClose, S::kClosed, R::kOffice},
    {S::kMediation, A::kOpenCase, S::kCaseOpened, R::kOffice},
    {S::kMediation, A::kClose, S::kClosed, R::kOffice},
    {S::kClueCheck, A::kOpenCase, S::kCaseOpened, R::kOffice},
    {S::kClueCheck, A::kClose, S::kClosed, R::kOffice},
};

constexpr S kStates[] = {S::kReceived, S::kAccepted,   S::kNotAccepted, S::kMediation,
                         S::kClueCheck, S::kCaseOpened, S::kClosed};
constexpr A kActions[] = {A::kAccept, A::kRefuse, A::kMediate, A::kCheckClue, A::kOpenCase, A::kClose};

}  // namespace

const char* ComplaintStateName(ComplaintState s) {
  switch (s) {
    case S::kReceived: return "received";
    case S::kAccepted: return "accepted";
    case S::kNotAccepted: return "not_accepted";
    case S::kMediation: return "mediation";
    case S::kClueCheck: return "clue_check";
    case S::kCaseOpened: return "case_opened";
    case S::kClosed: return "closed";
  }
  return "unknown";
}

const char* ComplaintActionName(ComplaintAction a) {
  switch (a) {
    case A::kAccept: return "accept";
    case A::kRefuse: return "refuse";
    case A::kMediate: return "mediate";
    case A::kCheckClue: return "check_clue";
    case A::kOpenCase: return "open_case";
    case A::kClose: return "close";
  }
  return "unknown";
}

const char* ComplaintRoleName(ComplaintRole) { return "office"; }

const Workflow<ComplaintState, ComplaintAction, ComplaintRole>& ComplaintWorkflow() {
  static const Workflow<S, A, R> w{"complaint", kStates, kActions, kTable,
                                   ComplaintStateName, ComplaintActionName, ComplaintRoleName};
  return w;
}

std::optional<StageDeadline> ComplaintStageDeadline(ComplaintState s) {
  switch (s) {
    case S::kReceived: return StageDeadline{"decide_acceptance", 5};
    case S::kMediation: return StageDeadline{"conclude_mediation", 30};
    case S::kClueCheck: return StageDeadline{"check_clue", 15};
    default: return std::nullopt;
  }
}

}  // namespace patnav::domain
