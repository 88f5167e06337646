// The case-file workflow and the kinds of case (case_states.h).
#include "domain/case_states.h"

#include <string>

namespace patnav::domain {

namespace {

using S = CaseState;
using A = CaseAction;
using R = CaseRole;

constexpr WorkflowTransition<S, A, R> kTable[] = {
    {S::kOpen, A::kDecide, S::kDecided, R::kOffice},
    {S::kOpen, A::kTerminate, S::kClosed, R::kOffice},
    {S::kDecided, A::kClose, S::kClosed, R::kOffice},
};
constexpr S kStates[] = {S::kOpen, S::kDecided, S::kClosed};
constexpr A kActions[] = {A::kDecide, A::kClose, A::kTerminate};

constexpr CaseKind kKinds[] = {
    {"infringement_adjudication", "专利侵权纠纷行政裁决", "Administrative adjudication of patent infringement", 3,
     TimeUnit::kMonths},
    {"mediation", "专利纠纷调解", "Mediation of a patent dispute", 30, TimeUnit::kWorkingDays},
    {"passing_off", "假冒专利查处", "Passing off a patent", 90, TimeUnit::kDays},
    {"agency_violation", "专利代理违法行为查处", "Patent agency violation", 90, TimeUnit::kDays},
    {"abnormal_application", "非正常专利申请处理", "Abnormal patent applications", 3, TimeUnit::kMonths},
};

}  // namespace

const char* CaseStateName(CaseState s) {
  switch (s) {
    case S::kOpen: return "open";
    case S::kDecided: return "decided";
    case S::kClosed: return "closed";
  }
  return "unknown";
}

const char* CaseActionName(CaseAction a) {
  switch (a) {
    case A::kDecide: return "decide";
    case A::kClose: return "close";
    case A::kTerminate: return "terminate";
  }
  return "unknown";
}

const char* CaseRoleName(CaseRole) { return "office"; }

const Workflow<CaseState, CaseAction, CaseRole>& CaseWorkflow() {
  static const Workflow<S, A, R> w{"case", kStates, kActions, kTable, CaseStateName, CaseActionName, CaseRoleName};
  return w;
}

const char* TimeUnitName(TimeUnit u) {
  switch (u) {
    case TimeUnit::kWorkingDays: return "working_days";
    case TimeUnit::kDays: return "days";
    case TimeUnit::kMonths: return "months";
  }
  return "unknown";
}

std::span<const CaseKind> CaseKinds() { return kKinds; }

Result<const CaseKind*> FindCaseKind(std::string_view code) {
  std::string list;
  for (const CaseKind& k : kKinds) {
    if (code == k.code) return &k;
    list += (list.empty() ? "" : ", ") + std::string(k.code);
  }
  return Status::InvalidArgument("case kind '" + std::string(code) + "' is not one of " + list);
}

}  // namespace patnav::domain
