// Complaints and case files, authorised by office province
// (office_cases.h).
#include "app/office_cases.h"

#include "app/office_access.h"
#include "app/patents.h"
#include "domain/credit_record.h"
#include "domain/period.h"

namespace patnav::app {

namespace {

using domain::Complaint;
using domain::EnforcementCase;

// Each patent named, canonical, or InvalidArgument for one not in the store.
Result<std::vector<std::string>> PatentsInStore(Workspace& ws, const std::vector<std::string>& patents) {
  std::vector<std::string> out;
  for (const std::string& p : patents) {
    if (p.empty()) continue;
    Result<ShowPatentResult> found = ShowPatent(Caller::Local(), ws, {p});
    if (!found.ok()) return Status::InvalidArgument("patents: '" + p + "' is not in the store");
    out.push_back(found->record.publication_number);
  }
  return out;
}

void Overdue(const std::string& what, const std::optional<domain::DeadlineStatus>& d, std::vector<std::string>& w) {
  if (d && d->overdue_working_days > 0)
    w.push_back(what + " is overdue: " + d->duty + " was due on " + d->due_on + " (" +
                std::to_string(d->overdue_working_days) + " working day(s) late)");
}

ComplaintView Summary(const Complaint& c, const OfficeCalendar& cal) {
  ComplaintView v;
  v.complaint = c;
  v.deadline = domain::ComplaintDeadline(c, cal.calendar, domain::TodayUtc());
  Overdue("complaint " + std::to_string(c.id), v.deadline, v.warnings);
  for (const auto& t : domain::ComplaintWorkflow().table)
    if (t.from == c.state) v.allowed.push_back(domain::ComplaintActionName(t.action));
  if (!c.due_on.empty()) WarnUncovered(cal, c.due_on, v.warnings);
  return v;
}

CaseView CaseSummary(const EnforcementCase& c) {
  CaseView v;
  v.file = c;
  const std::string today = domain::TodayUtc();
  if (c.state == domain::CaseState::kOpen && today > c.due_on)
    v.overdue_days = static_cast<int>(domain::IsoDayNumber(today) - domain::IsoDayNumber(c.due_on));
  if (v.overdue_days > 0)
    v.warnings.push_back("case " + c.case_number + " is overdue: it was to be decided by " + c.due_on);
  for (const auto& t : domain::CaseWorkflow().table)
    if (t.from == c.state) v.allowed.push_back(domain::CaseActionName(t.action));
  return v;
}

template <typename T>
Result<T> Visible(const Caller& c, Result<T> found, const std::string& what) {
  if (!found.ok()) return found.status().code() == StatusCode::kNotFound ? Status::NotFound("unknown " + what) : found.status();
  if (!ActsForOffice(c, found->province)) return Status::NotFound("unknown " + what);
  return found;
}

Status OfficeOnly(const Caller& c) {
  if (c.anonymous) return Status::Unauthenticated("sign in first");
  if (!HasOfficeRole(c)) return Status::PermissionDenied("this is for the IP office (administrators and reviewers)");
  return Status::OK();
}

}  // namespace

Result<ComplaintView> FileComplaint(const Caller& caller, Workspace& ws, const domain::ComplaintInput& in) {
  RETURN_IF_ERROR(AuthorizeOffice(caller, in.province));
  ASSIGN_OR_RETURN(OfficeCalendar cal, LoadOfficeCalendar(ws));
  domain::ComplaintInput checked = in;
  if (!in.patent.empty()) {
    ASSIGN_OR_RETURN(std::vector<std::string> p, PatentsInStore(ws, {in.patent}));
    checked.patent = p.front();
  }
  ComplaintView out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(Complaint c, domain::CreateComplaint(ops, checked, cal.calendar, caller.Actor()));
    out = Summary(c, cal);
    ASSIGN_OR_RETURN(out.history, domain::ComplaintHistory(ops, c.id));
    return Status::OK();
  }));
  out.warnings.insert(out.warnings.begin(), cal.warnings.begin(), cal.warnings.end());
  return out;
}

Result<ComplaintView> ShowComplaint(const Caller& caller, Workspace& ws, int64_t id) {
  RETURN_IF_ERROR(OfficeOnly(caller));
  ASSIGN_OR_RETURN(OfficeCalendar cal, LoadOfficeCalendar(ws));
  ComplaintView out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(Complaint c, Visible(caller, domain::FindComplaint(ops, id), "complaint " + std::to_string(id)));
    out = Summary(c, cal);
    ASSIGN_OR_RETURN(out.history, domain::ComplaintHistory(ops, c.id));
    return Status::OK();
  }, /*create=*/false));
  return out;
}

Result<ComplaintView> ActOnComplaint(const Caller& caller, Workspace& ws, const ComplaintActionRequest& req) {
  RETURN_IF_ERROR(OfficeOnly(caller));
  ASSIGN_OR_RETURN(domain::ComplaintAction action, domain::ComplaintWorkflow().ParseAction(req.action));
  ASSIGN_OR_RETURN(OfficeCalendar cal, LoadOfficeCalendar(ws));
  ComplaintView out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    return ops.Write([&]() -> Status {
      const std::string what = "complaint " + std::to_string(req.id);
      ASSIGN_OR_RETURN(Complaint c, Visible(caller, domain::FindComplaint(ops, req.id), what));
      domain::ComplaintStep step{action, caller.Actor(), req.on.empty() ? domain::TodayUtc() : req.on, req.comment};
      ASSIGN_OR_RETURN(Complaint moved, domain::StepComplaint(ops, c.id, step, cal.calendar));
      out = Summary(moved, cal);
      ASSIGN_OR_RETURN(out.history, domain::ComplaintHistory(ops, c.id));
      return Status::OK();
    });
  }, /*create=*/false));
  return out;
}

Result<ComplaintList> ListComplaints(const Caller& caller, Workspace& ws, const ListOfficeRequest& req) {
  if (!req.province.empty()) RETURN_IF_ERROR(AuthorizeOffice(caller, req.province));
  RETURN_IF_ERROR(OfficeOnly(caller));
  domain::ComplaintFilter filter;
  filter.province = req.province;
  if (!req.state.empty()) {
    ASSIGN_OR_RETURN(filter.state, domain::ComplaintWorkflow().ParseState(req.state));
  }
  ASSIGN_OR_RETURN(OfficeCalendar cal, LoadOfficeCalendar(ws));
  ComplaintList out;
  out.warnings = cal.warnings;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(std::vector<Complaint> all, domain::ListComplaints(ops, filter));
    for (const Complaint& c : all) {
      if (!ActsForOffice(caller, c.province)) continue;
      ComplaintView v = Summary(c, cal);
      const bool overdue = v.deadline && v.deadline->overdue_working_days > 0;
      if (req.overdue_only && !overdue) continue;
      if (overdue) out.warnings.push_back(v.warnings.front());
      out.complaints.push_back(std::move(v));
    }
    return Status::OK();
  }, /*create=*/false));
  return out;
}

Result<CaseView> OpenCase(const Caller& caller, Workspace& ws, const domain::CaseInput& in) {
  RETURN_IF_ERROR(AuthorizeOffice(caller, in.province));
  ASSIGN_OR_RETURN(OfficeCalendar cal, LoadOfficeCalendar(ws));
  domain::CaseInput checked = in;
  ASSIGN_OR_RETURN(checked.patents, PatentsInStore(ws, in.patents));
  CaseView out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(EnforcementCase c, domain::OpenCase(ops, checked, cal.calendar, caller.Actor()));
    out = CaseSummary(c);
    ASSIGN_OR_RETURN(out.history, domain::CaseHistory(ops, c.id));
    return Status::OK();
  }));
  out.warnings.insert(out.warnings.begin(), cal.warnings.begin(), cal.warnings.end());
  return out;
}

Result<CaseView> ShowCase(const Caller& caller, Workspace& ws, int64_t id) {
  RETURN_IF_ERROR(OfficeOnly(caller));
  CaseView out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(EnforcementCase c, Visible(caller, domain::FindCase(ops, id), "case " + std::to_string(id)));
    out = CaseSummary(c);
    ASSIGN_OR_RETURN(out.history, domain::CaseHistory(ops, c.id));
    return Status::OK();
  }, /*create=*/false));
  return out;
}

Result<CaseView> ActOnCase(const Caller& caller, Workspace& ws, const CaseActionRequest& req) {
  RETURN_IF_ERROR(OfficeOnly(caller));
  ASSIGN_OR_RETURN(domain::CaseAction action, domain::CaseWorkflow().ParseAction(req.action));
  CaseView out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    return ops.Write([&]() -> Status {
      ASSIGN_OR_RETURN(EnforcementCase c, Visible(caller, domain::FindCase(ops, req.id), "case " + std::to_string(req.id)));
      domain::CaseStep step{action, caller.Actor(), req.on.empty() ? domain::TodayUtc() : req.on, req.comment};
      ASSIGN_OR_RETURN(EnforcementCase moved, domain::StepCase(ops, c.id, step));
      out = CaseSummary(moved);
      ASSIGN_OR_RETURN(out.history, domain::CaseHistory(ops, c.id));
      return Status::OK();
    });
  }, /*create=*/false));
  return out;
}

Result<CaseView> LinkCaseRecord(const Caller& caller, Workspace& ws, int64_t case_id, int64_t record_id) {
  RETURN_IF_ERROR(OfficeOnly(caller));
  CaseView out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    return ops.Write([&]() -> Status {
      ASSIGN_OR_RETURN(EnforcementCase c, Visible(caller, domain::FindCase(ops, case_id), "case " + std::to_string(case_id)));
      ASSIGN_OR_RETURN(domain::CreditRecord r, Visible(caller, domain::FindCreditRecord(ops, record_id),
                                                       "credit record " + std::to_string(record_id)));
      ASSIGN_OR_RETURN(EnforcementCase linked, domain::LinkCreditRecord(ops, c.id, r.id, caller.Actor()));
      out = CaseSummary(linked);
      ASSIGN_OR_RETURN(out.history, domain::CaseHistory(ops, c.id));
      return Status::OK();
    });
  }, /*create=*/false));
  return out;
}

Result<CaseView> LinkCasePatents(const Caller& caller, Workspace& ws, int64_t case_id,
                                 const std::vector<std::string>& patents) {
  RETURN_IF_ERROR(OfficeOnly(caller));
  CaseView out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    return Visible(caller, domain::FindCase(ops, case_id), "case " + std::to_string(case_id)).status();
  }, /*create=*/false));
  ASSIGN_OR_RETURN(std::vector<std::string> canonical, PatentsInStore(ws, patents));
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    return ops.Write([&]() -> Status {
      ASSIGN_OR_RETURN(EnforcementCase c, Visible(caller, domain::FindCase(ops, case_id), "case " + std::to_string(case_id)));
      ASSIGN_OR_RETURN(EnforcementCase linked, domain::LinkCasePatents(ops, c.id, canonical, caller.Actor()));
      out = CaseSummary(linked);
      ASSIGN_OR_RETURN(out.history, domain::CaseHistory(ops, c.id));
      return Status::OK();
    });
  }, /*create=*/false));
  return out;
}

Result<CaseList> ListCases(const Caller& caller, Workspace& ws, const ListOfficeRequest& req) {
  if (!req.province.empty()) RETURN_IF_ERROR(AuthorizeOffice(caller, req.province));
  RETURN_IF_ERROR(OfficeOnly(caller));
  domain::CaseFilter filter;
  filter.province = req.province;
  if (!req.state.empty()) {
    ASSIGN_OR_RETURN(filter.state, domain::CaseWorkflow().ParseState(req.state));
  }
  CaseList out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(std::vector<EnforcementCase> all, domain::ListCases(ops, filter));
    for (const EnforcementCase& c : all) {
      if (!ActsForOffice(caller, c.province)) continue;
      CaseView v = CaseSummary(c);
      if (req.overdue_only && v.overdue_days == 0) continue;
      out.warnings.insert(out.warnings.end(), v.warnings.begin(), v.warnings.end());
      out.cases.push_back(std::move(v));
    }
    return Status::OK();
  }, /*create=*/false));
  return out;
}

}  // namespace patnav::app
