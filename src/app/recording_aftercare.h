// Application calls of what follows recording (issue 15 part 1; the rules in
// domain/recording_reports.h and domain/rectification.h): the alliance's
// operator files annual and major-change reports and reports on a
// rectification; the IP office (the reviewers of the province it was
// recorded in, or the administrator as the national office) orders a
// rectification, closes it, or removes the alliance from the record. Anyone
// who may read the application (recordings.h) reads this view; to everyone
// else the alliance is NotFound. A role that sees it but may not act gets
// PermissionDenied naming who may.
//
// Thread-safety: as the Workspace's With* calls.
#pragma once

#include <string>
#include <vector>

#include "app/caller.h"
#include "app/workspace.h"
#include "base/status.h"
#include "domain/rectification.h"
#include "domain/recording.h"
#include "domain/recording_reports.h"

namespace patnav::app {

struct AftercareView {
  domain::Recording recording;
  std::string as_of;                                // today
  std::vector<domain::RecordingReport> reports;     // filed, oldest first
  std::vector<domain::AnnualObligation> annual;     // each year's report as of today
  int late_annual_reports = 0;
  std::vector<domain::Rectification> rectifications;
  std::vector<std::string> warnings;                // overdue reports and rectifications
};

Result<AftercareView> ShowAftercare(const Caller& caller, Workspace& ws, const std::string& alliance);

struct AnnualReportRequest {
  std::string alliance;
  int year = 0;
  std::string summary, filed_on;
};
Result<AftercareView> FileAnnualReport(const Caller& caller, Workspace& ws, const AnnualReportRequest& req);

struct MajorChangeRequest {
  std::string alliance;
  std::string change_kind, changed_on, summary, filed_on;
};
Result<AftercareView> FileMajorChange(const Caller& caller, Workspace& ws, const MajorChangeRequest& req);

struct RectificationRequest {
  std::string alliance;
  std::string action;  // order (office), report (operator), close, remove (office)
  std::string text;    // order: the reason; report: what was done; close: the decision; remove: the reason
  std::string on;      // ISO; empty: today
  std::string due_on;  // order only
};
Result<AftercareView> ActOnRectification(const Caller& caller, Workspace& ws, const RectificationRequest& req);

}  // namespace patnav::app
