// The credibility record workflow's state table (credit_states.h).
#include "domain/credit_states.h"

namespace patnav::domain {

namespace {

using S = CreditState;
using A = CreditAction;
using R = CreditRole;

constexpr WorkflowTransition<S, A, R> kTable[] = {
    {S::kDecided, A::kNotify, S::kNotified, R::kOffice},
    {S::kDecided, A::kRevoke, S::kRevoked, R::kOffice},
    {S::kNotified, A::kFileStatement, S::kStatementFiled, R::kSubject},
    {S::kNotified, A::kList, S::kListed, R::kOffice},
    {S::kNotified, A::kRevoke, S::kRevoked, R::kOffice},
    {S::kStatementFiled, A::kList, S::kListed, R::kOffice},
    {S::kStatementFiled, A::kRevoke, S::kRevoked, R::kOffice},
    {S::kListed, A::kRequestRepair, S::kRepairRequested, R::kSubject},
    {S::kListed, A::kExpire, S::kExpired, R::kOffice},
    {S::kListed, A::kRevoke, S::kRevoked, R::kOffice},
    {S::kRepairRequested, A::kGrantRepair, S::kRepaired, R::kOffice},
    {S::kRepairRequested, A::kRefuseRepair, S::kListed, R::kOffice},
    {S::kRepairRequested, A::kRevoke, S::kRevoked, R::kOffice},
};

constexpr S kStates[] = {S::kDecided, S::kNotified, S::kStatementFiled, S::kListed,
                         S::kRepairRequested, S::kRepaired, S::kExpired, S::kRevoked};
constexpr A kActions[] = {A::kNotify,      A::kFileStatement, A::kList,   A::kRequestRepair,
                          A::kGrantRepair, A::kRefuseRepair,  A::kExpire, A::kRevoke};

}  // namespace

const char* CreditStateName(CreditState s) {
  switch (s) {
    case S::kDecided: return "decided";
    case S::kNotified: return "notified";
    case S::kStatementFiled: return "statement_filed";
    case S::kListed: return "listed";
    case S::kRepairRequested: return "repair_requested";
    case S::kRepaired: return "repaired";
    case S::kExpired: return "expired";
    case S::kRevoked: return "revoked";
  }
  return "unknown";
}

const char* CreditActionName(CreditAction a) {
  switch (a) {
    case A::kNotify: return "notify";
    case A::kFileStatement: return "file_statement";
    case A::kList: return "list";
    case A::kRequestRepair: return "request_repair";
    case A::kGrantRepair: return "grant_repair";
    case A::kRefuseRepair: return "refuse_repair";
    case A::kExpire: return "expire";
    case A::kRevoke: return "revoke";
  }
  return "unknown";
}

const char* CreditRoleName(CreditRole r) { return r == R::kOffice ? "office" : "subject"; }

const Workflow<CreditState, CreditAction, CreditRole>& CreditWorkflow() {
  static const Workflow<S, A, R> w{"credit record", kStates, kActions, kTable,
                                   CreditStateName, CreditActionName, CreditRoleName};
  return w;
}

}  // namespace patnav::domain
