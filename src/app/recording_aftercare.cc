// Reports and rectification after recording, authorised (recording_aftercare.h).
#include "app/recording_aftercare.h"

#include "app/recording_access.h"
#include "domain/period.h"

namespace patnav::app {

namespace {

using domain::RecordingRole;

Result<AftercareView> View(domain::OperationsDb& ops, const domain::Recording& r) {
  AftercareView v;
  v.recording = r;
  v.as_of = domain::TodayUtc();
  ASSIGN_OR_RETURN(v.reports, domain::ListRecordingReports(ops, r.id));
  v.annual = domain::AnnualObligations(r, v.reports, v.as_of);
  v.late_annual_reports = domain::LateAnnualReports(v.annual);
  for (const domain::AnnualObligation& o : v.annual)
    if (o.state == "overdue")
      v.warnings.push_back("the annual report on " + std::to_string(o.year) + " was due on " + o.due_on);
  ASSIGN_OR_RETURN(v.rectifications, domain::ListRectifications(ops, r.id));
  for (const domain::Rectification& x : v.rectifications)
    if (x.overdue_on(v.as_of))
      v.warnings.push_back("rectification " + std::to_string(x.id) + " was due on " + x.due_on + " and is not reported");
  return v;
}

// Runs `act` on the visible latest application in one write transaction and
// answers the view after it.
Result<AftercareView> Act(const Caller& caller, Workspace& ws, const std::string& alliance,
                          const std::function<Status(domain::OperationsDb&, const domain::Recording&, const Access&)>& act) {
  if (caller.anonymous) return Status::Unauthenticated("sign in first");
  AftercareView out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    return ops.Write([&]() -> Status {
      ASSIGN_OR_RETURN(auto found, VisibleLatest(caller, ops, alliance));
      RETURN_IF_ERROR(act(ops, found.first, found.second));
      ASSIGN_OR_RETURN(domain::Recording r, domain::FindRecording(ops, found.first.id));
      ASSIGN_OR_RETURN(out, View(ops, r));
      return Status::OK();
    });
  }, /*create=*/false));
  return out;
}

Status OperatorOnly(const Access& a) {
  if (!a.operator_role) return Status::PermissionDenied("reports are filed by the alliance's operator");
  return Status::OK();
}

}  // namespace

Result<AftercareView> ShowAftercare(const Caller& caller, Workspace& ws, const std::string& alliance) {
  if (caller.anonymous) return Status::Unauthenticated("sign in first");
  AftercareView out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(auto found, VisibleLatest(caller, ops, alliance));
    ASSIGN_OR_RETURN(out, View(ops, found.first));
    return Status::OK();
  }, /*create=*/false));
  return out;
}

Result<AftercareView> FileAnnualReport(const Caller& caller, Workspace& ws, const AnnualReportRequest& req) {
  return Act(caller, ws, req.alliance, [&](domain::OperationsDb& ops, const domain::Recording& r, const Access& a) {
    RETURN_IF_ERROR(OperatorOnly(a));
    return domain::FileAnnualReport(ops, r.id, {req.year, req.summary, req.filed_on, caller.Actor()}).status();
  });
}

Result<AftercareView> FileMajorChange(const Caller& caller, Workspace& ws, const MajorChangeRequest& req) {
  return Act(caller, ws, req.alliance, [&](domain::OperationsDb& ops, const domain::Recording& r, const Access& a) {
    RETURN_IF_ERROR(OperatorOnly(a));
    return domain::FileMajorChange(ops, r.id, {req.change_kind, req.changed_on, req.summary, req.filed_on, caller.Actor()})
        .status();
  });
}

Result<AftercareView> ActOnRectification(const Caller& caller, Workspace& ws, const RectificationRequest& req) {
  if (req.action != "order" && req.action != "report" && req.action != "close" && req.action != "remove")
    return Status::InvalidArgument("action '" + req.action + "': one of order, report, close, remove");
  return Act(caller, ws, req.alliance, [&](domain::OperationsDb& ops, const domain::Recording& r, const Access& a) -> Status {
    const bool office_step = req.action != "report";
    if (office_step && !a.Office())
      return Status::PermissionDenied(req.action + " is for the IP office of " + r.province + " or the national office");
    if (!office_step && !a.operator_role) return Status::PermissionDenied("report is for the alliance's operator");
    const RecordingRole role = !office_step ? RecordingRole::kOperator
                               : a.province ? RecordingRole::kProvinceReviewer
                                            : RecordingRole::kNationalReviewer;
    if (req.action == "order")
      return domain::OrderRectification(ops, r.id, {req.text, req.on, req.due_on, caller.Actor(), role}).status();
    return domain::StepRectification(ops, r.id, {req.action, req.text, req.on, caller.Actor(), role}).status();
  });
}

}  // namespace patnav::app
