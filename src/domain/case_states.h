// Enforcement case files (执法办案) of an IP office: their kinds with the
// time limit each is to be concluded in, and their workflow:
//   open --decide--> decided --close--> closed
//   open --terminate--> closed (withdrawn, settled, no case to answer)
// Every step is the office's. Pure: no database (enforcement_case.h).
#pragma once

#include <span>
#include <string_view>

#include "base/status.h"
#include "domain/workflow_table.h"

namespace patnav::domain {

enum class CaseState { kOpen, kDecided, kClosed };
enum class CaseAction { kDecide, kClose, kTerminate };
enum class CaseRole { kOffice };

// "open", "decided", "closed"; "decide", "close", "terminate"; "office".
const char* CaseStateName(CaseState s);
const char* CaseActionName(CaseAction a);
const char* CaseRoleName(CaseRole r);

const Workflow<CaseState, CaseAction, CaseRole>& CaseWorkflow();

enum class TimeUnit { kWorkingDays, kDays, kMonths };
// "working_days", "days", "months".
const char* TimeUnitName(TimeUnit u);

struct CaseKind {
  const char* code;
  const char* name_zh;
  const char* name_en;
  int limit;       // to be decided within this many units of opening
  TimeUnit unit;
};
// infringement_adjudication, mediation, passing_off, agency_violation,
// abnormal_application (docs/credibility.md gives their limits' sources).
std::span<const CaseKind> CaseKinds();
// InvalidArgument listing the codes when unknown; a pointer into the table.
Result<const CaseKind*> FindCaseKind(std::string_view code);

}  // namespace patnav::domain
