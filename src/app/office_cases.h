// Application calls of complaints and enforcement case files, issue 15 part
// 3 (domain/complaint.h, domain/enforcement_case.h): everything here is the
// office's (office_access.h): the office of the complaint's or case's
// province acts on it; a reviewer of another province gets NotFound; a
// caller with no office role PermissionDenied. Deadlines are counted on the
// data directory's holiday calendar; a view carries the overdue warnings.
// Patents linked to a complaint or case must be in the store.
// Thread-safety: as the Workspace's With* calls.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/caller.h"
#include "app/workspace.h"
#include "base/status.h"
#include "domain/complaint.h"
#include "domain/enforcement_case.h"

namespace patnav::app {

struct ComplaintView {
  domain::Complaint complaint;
  std::optional<domain::DeadlineStatus> deadline;  // as of today
  std::vector<domain::OfficeEvent> history;
  std::vector<std::string> allowed;
  std::vector<std::string> warnings;  // overdue, calendar gaps
};

Result<ComplaintView> FileComplaint(const Caller& caller, Workspace& ws, const domain::ComplaintInput& in);
Result<ComplaintView> ShowComplaint(const Caller& caller, Workspace& ws, int64_t id);

struct ComplaintActionRequest {
  int64_t id = 0;
  std::string action;  // accept, refuse, mediate, check_clue, close (open_case: open a case file)
  std::string on;      // default today
  std::string comment;
};
Result<ComplaintView> ActOnComplaint(const Caller& caller, Workspace& ws, const ComplaintActionRequest& req);

struct ListOfficeRequest {
  std::string province, state;
  bool overdue_only = false;
};
struct ComplaintList {
  std::vector<ComplaintView> complaints;  // without history
  std::vector<std::string> warnings;      // one per overdue complaint
};
// The caller's provinces' complaints (another province named: NotFound).
Result<ComplaintList> ListComplaints(const Caller& caller, Workspace& ws, const ListOfficeRequest& req);

struct CaseView {
  domain::EnforcementCase file;
  int overdue_days = 0;  // calendar days past the time limit while open (0: in time)
  std::vector<domain::OfficeEvent> history;
  std::vector<std::string> allowed;
  std::vector<std::string> warnings;
};

Result<CaseView> OpenCase(const Caller& caller, Workspace& ws, const domain::CaseInput& in);
Result<CaseView> ShowCase(const Caller& caller, Workspace& ws, int64_t id);

struct CaseActionRequest {
  int64_t id = 0;
  std::string action;  // decide, close, terminate
  std::string on, comment;
};
Result<CaseView> ActOnCase(const Caller& caller, Workspace& ws, const CaseActionRequest& req);

// Links a credibility record of the case's province (the caller must act
// for that province; another's record is NotFound).
Result<CaseView> LinkCaseRecord(const Caller& caller, Workspace& ws, int64_t case_id, int64_t record_id);

// Links more patents of the store to an open case of the caller's
// province (InvalidArgument naming one not in the store; another
// province's case is NotFound).
Result<CaseView> LinkCasePatents(const Caller& caller, Workspace& ws, int64_t case_id,
                                 const std::vector<std::string>& patents);

struct CaseList {
  std::vector<CaseView> cases;  // without history
  std::vector<std::string> warnings;
};
Result<CaseList> ListCases(const Caller& caller, Workspace& ws, const ListOfficeRequest& req);

}  // namespace patnav::app
