// Complaints and their steps (complaint.h).
#include "domain/complaint.h"

#include "base/strings.h"
#include "domain/case_states.h"
#include "domain/period.h"

namespace patnav::domain {

namespace {

constexpr const char* kObject = "complaint";

constexpr const char* kColumns =
    "SELECT id, province, kind, complainant, respondent, coalesce(respondent_code, ''), coalesce(patent, ''), "
    "summary, received_on, state, stage_since, coalesce(due_on, ''), coalesce(outcome, ''), created_at, updated_at "
    "FROM complaint";

Result<Complaint> Read(const Statement& s) {
  Complaint c;
  c.id = s.ColumnInt64(0);
  int i = 1;
  for (std::string* f : {&c.province, &c.kind, &c.complainant, &c.respondent, &c.respondent_code, &c.patent,
                         &c.summary, &c.received_on})
    *f = s.ColumnText(i++);
  ASSIGN_OR_RETURN(c.state, ComplaintWorkflow().ParseState(s.ColumnText(i++)));
  for (std::string* f : {&c.stage_since, &c.due_on, &c.outcome, &c.created_at, &c.updated_at}) *f = s.ColumnText(i++);
  return c;
}

Status Required(std::string_view value, const char* field) {
  if (Trim(value).empty()) return Status::InvalidArgument(std::string(field) + ": required");
  if (value.size() > 4000) return Status::InvalidArgument(std::string(field) + ": over 4000 bytes");
  return Status::OK();
}

Result<std::string> DueOn(ComplaintState s, std::string_view from, const WorkingCalendar& calendar) {
  std::optional<StageDeadline> d = ComplaintStageDeadline(s);
  if (!d) return std::string();
  return calendar.AddWorkingDays(from, d->working_days);
}

// Writes the step (REQUIRES: inside a transaction; `to` from the table).
Status Apply(OperationsDb& ops, const Complaint& c, ComplaintState to, const ComplaintStep& step,
             const std::string& due, const std::string& comment) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      "UPDATE complaint SET state = ?2, stage_since = ?3, due_on = ?4, outcome = coalesce(?5, outcome), "
      "updated_at = ?6 WHERE id = ?1"));
  const std::string now = NowUtc();
  s.BindInt64(1, c.id);
  s.BindText(2, ComplaintStateName(to));
  s.BindText(3, step.on);
  s.BindTextOrNull(4, due);
  const bool outcome = step.action == ComplaintAction::kRefuse || step.action == ComplaintAction::kClose;
  s.BindTextOrNull(5, outcome ? std::string_view(comment) : std::string_view());
  s.BindText(6, now);
  RETURN_IF_ERROR(s.Run());
  OfficeEvent e;
  e.action = ComplaintActionName(step.action);
  e.from_state = ComplaintStateName(c.state);
  e.to_state = ComplaintStateName(to);
  e.on = step.on;
  e.actor = step.actor;
  e.role = ComplaintRoleName(ComplaintRole::kOffice);
  e.comment = comment;
  return AppendOfficeEvent(ops, kObject, c.id, e);
}

Status CheckStep(const Complaint& c, const ComplaintStep& step, const std::string& comment) {
  RETURN_IF_ERROR(CheckIsoDate(step.on, "on"));
  if (step.on < c.stage_since)
    return Status::InvalidArgument("on " + step.on + " is before the current stage began (" + c.stage_since + ")");
  if ((step.action == ComplaintAction::kRefuse || step.action == ComplaintAction::kClose) && comment.empty())
    return Status::InvalidArgument(std::string(ComplaintActionName(step.action)) + " needs a comment (the reason or outcome)");
  return Status::OK();
}

}  // namespace

Result<Complaint> CreateComplaint(OperationsDb& ops, const ComplaintInput& in, const WorkingCalendar& calendar,
                                  std::string_view actor) {
  RETURN_IF_ERROR(Required(in.province, "province"));
  RETURN_IF_ERROR(Required(in.complainant, "complainant"));
  RETURN_IF_ERROR(Required(in.respondent, "respondent"));
  RETURN_IF_ERROR(Required(in.summary, "summary"));
  if (in.kind != "other") {
    Result<const CaseKind*> kind = FindCaseKind(in.kind);
    if (!kind.ok()) return Status::InvalidArgument("kind: " + kind.status().message() + ", other");
  }
  RETURN_IF_ERROR(CheckIsoDate(in.received_on, "received_on"));
  ASSIGN_OR_RETURN(std::string due, DueOn(ComplaintState::kReceived, in.received_on, calendar));
  int64_t id = 0;
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
        "INSERT INTO complaint(province, kind, complainant, respondent, respondent_code, patent, summary, "
        "received_on, state, stage_since, due_on, created_at, updated_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'received', ?8, ?9, ?10, ?10)"));
    const std::string now = NowUtc();
    s.BindText(1, Trim(in.province));
    s.BindText(2, in.kind);
    s.BindText(3, Trim(in.complainant));
    s.BindText(4, Trim(in.respondent));
    s.BindTextOrNull(5, Trim(in.respondent_code));
    s.BindTextOrNull(6, Trim(in.patent));
    s.BindText(7, Trim(in.summary));
    s.BindText(8, in.received_on);
    s.BindText(9, due);
    s.BindText(10, now);
    RETURN_IF_ERROR(s.Run());
    id = ops.db().LastInsertRowid();
    OfficeEvent e;
    e.action = "create";
    e.to_state = "received";
    e.on = in.received_on;
    e.actor = std::string(actor);
    e.role = "office";
    return AppendOfficeEvent(ops, kObject, id, e);
  }));
  return FindComplaint(ops, id);
}

Result<Complaint> FindComplaint(OperationsDb& ops, int64_t id) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(std::string(kColumns) + " WHERE id = ?1"));
  s.BindInt64(1, id);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::NotFound("unknown complaint " + std::to_string(id));
  return Read(s);
}

Result<std::vector<Complaint>> ListComplaints(OperationsDb& ops, const ComplaintFilter& f) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(std::string(kColumns) +
                                                 " WHERE (?1 = '' OR province = ?1) AND (?2 = '' OR state = ?2)"
                                                 " ORDER BY received_on, id"));
  s.BindText(1, f.province);
  s.BindText(2, f.state ? ComplaintStateName(*f.state) : "");
  std::vector<Complaint> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    ASSIGN_OR_RETURN(Complaint c, Read(s));
    out.push_back(std::move(c));
  }
  return out;
}

Result<Complaint> StepComplaint(OperationsDb& ops, int64_t id, const ComplaintStep& step,
                                const WorkingCalendar& calendar) {
  const std::string comment(Trim(step.comment));
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Complaint c, FindComplaint(ops, id));
    ASSIGN_OR_RETURN(ComplaintState to, ComplaintWorkflow().Next(c.state, step.action, ComplaintRole::kOffice));
    if (step.action == ComplaintAction::kOpenCase)
      return Status::InvalidArgument("a case is opened by opening a case file linked to complaint " +
                                     std::to_string(id) + " (patnav case open --complaint " + std::to_string(id) + ")");
    RETURN_IF_ERROR(CheckStep(c, step, comment));
    ASSIGN_OR_RETURN(std::string due, DueOn(to, step.on, calendar));
    return Apply(ops, c, to, step, due, comment);
  }));
  return FindComplaint(ops, id);
}

Status OpenCaseOnComplaint(OperationsDb& ops, int64_t id, const ComplaintStep& step) {
  ASSIGN_OR_RETURN(Complaint c, FindComplaint(ops, id));
  ASSIGN_OR_RETURN(ComplaintState to, ComplaintWorkflow().Next(c.state, ComplaintAction::kOpenCase, ComplaintRole::kOffice));
  const std::string comment(Trim(step.comment));
  RETURN_IF_ERROR(CheckStep(c, step, comment));
  ComplaintStep s = step;
  s.action = ComplaintAction::kOpenCase;
  return Apply(ops, c, to, s, "", comment);
}

Result<std::vector<OfficeEvent>> ComplaintHistory(OperationsDb& ops, int64_t id) {
  return OfficeHistory(ops, kObject, id);
}

std::optional<DeadlineStatus> ComplaintDeadline(const Complaint& c, const WorkingCalendar& calendar,
                                                std::string_view today) {
  std::optional<StageDeadline> d = ComplaintStageDeadline(c.state);
  if (!d || c.due_on.empty()) return std::nullopt;
  DeadlineStatus out{d->duty, c.due_on, 0};
  if (CheckIsoDate(today, "today").ok() && today > c.due_on) {
    Result<int> late = calendar.WorkingDaysBetween(c.due_on, today);
    out.overdue_working_days = late.ok() ? std::max(*late, 1) : 1;
  }
  return out;
}

}  // namespace patnav::domain
