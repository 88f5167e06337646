// Who may act for an IP office on a province's records (credibility records,
// complaints, case files; issue 15 part 3), and where the office's holiday
// calendar comes from.
//
// The office of a province is: the command line (Caller::Local), the
// platform administrator (the national office, every province), and the
// holders of a reviewer grant for that province. A reviewer of another
// province gets NotFound for the province's records, worded as if they did
// not exist; a caller with no office role at all gets PermissionDenied.
//
// The holiday calendar is every DIR/calendars/*.json of the data directory
// (working_days.h), merged; none gives weekends only, with a warning.
#pragma once

#include <string>
#include <vector>

#include "app/caller.h"
#include "app/workspace.h"
#include "base/status.h"
#include "domain/working_days.h"

namespace patnav::app {

// True for Local, administrators and reviewers of `province`.
bool ActsForOffice(const Caller& caller, const std::string& province);
// True for Local, administrators and any reviewer.
bool HasOfficeRole(const Caller& caller);
// Unauthenticated for anonymous; PermissionDenied without any office role;
// NotFound "unknown province 'X'" for a reviewer of other provinces.
Status AuthorizeOffice(const Caller& caller, const std::string& province);

struct OfficeCalendar {
  domain::WorkingCalendar calendar;
  std::vector<std::string> warnings;  // no calendar, or a year not covered
};
// InvalidArgument naming the file for a malformed calendar.
Result<OfficeCalendar> LoadOfficeCalendar(const Workspace& ws);
// Adds "no holiday calendar for YEAR ..." to `warnings` when `date`'s year
// is not covered.
void WarnUncovered(const OfficeCalendar& cal, const std::string& date, std::vector<std::string>& warnings);

}  // namespace patnav::app
