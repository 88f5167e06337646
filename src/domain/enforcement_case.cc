// Enforcement case files, their links and steps (enforcement_case.h).
#include "domain/enforcement_case.h"

#include "base/strings.h"
#include "domain/complaint.h"
#include "domain/credit_record.h"
#include "domain/period.h"

namespace patnav::domain {

namespace {

constexpr const char* kObject = "case";

constexpr const char* kColumns =
    "SELECT id, province, case_number, kind, title, coalesce(complaint_id, 0), opened_on, due_on, state, "
    "coalesce(decision, ''), coalesce(decided_on, ''), coalesce(closed_on, ''), created_at, updated_at "
    "FROM enforcement_case";

Status LoadLinks(OperationsDb& ops, EnforcementCase& c) {
  ASSIGN_OR_RETURN(Statement p, ops.db().Prepare(
      "SELECT publication_number FROM case_patent WHERE case_id = ?1 ORDER BY publication_number"));
  p.BindInt64(1, c.id);
  for (;;) {
    ASSIGN_OR_RETURN(bool row, p.Step());
    if (!row) break;
    c.patents.emplace_back(p.ColumnText(0));
  }
  ASSIGN_OR_RETURN(Statement r, ops.db().Prepare("SELECT record_id FROM case_credit_record WHERE case_id = ?1 ORDER BY record_id"));
  r.BindInt64(1, c.id);
  for (;;) {
    ASSIGN_OR_RETURN(bool row, r.Step());
    if (!row) break;
    c.credit_records.push_back(r.ColumnInt64(0));
  }
  return Status::OK();
}

Result<EnforcementCase> Read(const Statement& s) {
  EnforcementCase c;
  c.id = s.ColumnInt64(0);
  c.province = s.ColumnText(1);
  c.case_number = s.ColumnText(2);
  c.kind = s.ColumnText(3);
  c.title = s.ColumnText(4);
  c.complaint_id = s.ColumnInt64(5);
  c.opened_on = s.ColumnText(6);
  c.due_on = s.ColumnText(7);
  ASSIGN_OR_RETURN(c.state, CaseWorkflow().ParseState(s.ColumnText(8)));
  int i = 9;
  for (std::string* f : {&c.decision, &c.decided_on, &c.closed_on, &c.created_at, &c.updated_at}) *f = s.ColumnText(i++);
  return c;
}

Status Required(std::string_view value, const char* field) {
  if (Trim(value).empty()) return Status::InvalidArgument(std::string(field) + ": required");
  if (value.size() > 2000) return Status::InvalidArgument(std::string(field) + ": over 2000 bytes");
  return Status::OK();
}

Status Event(OperationsDb& ops, int64_t id, std::string action, std::string from, std::string to, std::string on,
             std::string_view actor, std::string comment) {
  OfficeEvent e;
  e.action = std::move(action);
  e.from_state = std::move(from);
  e.to_state = std::move(to);
  e.on = std::move(on);
  e.actor = std::string(actor);
  e.role = "office";
  e.comment = std::move(comment);
  return AppendOfficeEvent(ops, kObject, id, e);
}

}  // namespace

Result<std::string> CaseDueOn(const CaseKind& kind, std::string_view opened_on, const WorkingCalendar& calendar) {
  RETURN_IF_ERROR(CheckIsoDate(opened_on, "opened_on"));
  switch (kind.unit) {
    case TimeUnit::kWorkingDays: return calendar.AddWorkingDays(opened_on, kind.limit);
    case TimeUnit::kDays: return AddDays(opened_on, kind.limit);
    case TimeUnit::kMonths: return AddMonths(opened_on, kind.limit);
  }
  return Status::Internal("unknown time unit");
}

Result<EnforcementCase> OpenCase(OperationsDb& ops, const CaseInput& in, const WorkingCalendar& calendar,
                                 std::string_view actor) {
  RETURN_IF_ERROR(Required(in.province, "province"));
  RETURN_IF_ERROR(Required(in.case_number, "case_number"));
  RETURN_IF_ERROR(Required(in.title, "title"));
  Result<const CaseKind*> kind = FindCaseKind(in.kind);
  if (!kind.ok()) return Status::InvalidArgument("kind: " + kind.status().message());
  ASSIGN_OR_RETURN(std::string due, CaseDueOn(**kind, in.opened_on, calendar));
  for (const std::string& p : in.patents) RETURN_IF_ERROR(Required(p, "patents"));
  int64_t id = 0;
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(auto taken, QueryOptionalInt(ops.db(), "SELECT id FROM enforcement_case WHERE case_number = ?1",
                                                  Trim(in.case_number)));
    if (taken) return Status::AlreadyExists("case number '" + std::string(Trim(in.case_number)) + "' is in use");
    if (in.complaint_id != 0) {
      Result<Complaint> c = FindComplaint(ops, in.complaint_id);
      if (!c.ok() || c->province != Trim(in.province))
        return Status::InvalidArgument("complaint: unknown complaint " + std::to_string(in.complaint_id) + " in " +
                                       std::string(Trim(in.province)));
      RETURN_IF_ERROR(OpenCaseOnComplaint(ops, in.complaint_id,
                                          {ComplaintAction::kOpenCase, std::string(actor), in.opened_on,
                                           "case " + std::string(Trim(in.case_number))}));
    }
    ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
        "INSERT INTO enforcement_case(province, case_number, kind, title, complaint_id, opened_on, due_on, state, "
        "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'open', ?8, ?8)"));
    const std::string now = NowUtc();
    s.BindText(1, Trim(in.province));
    s.BindText(2, Trim(in.case_number));
    s.BindText(3, (*kind)->code);
    s.BindText(4, Trim(in.title));
    if (in.complaint_id != 0) s.BindInt64(5, in.complaint_id); else s.BindNull(5);
    s.BindText(6, in.opened_on);
    s.BindText(7, due);
    s.BindText(8, now);
    RETURN_IF_ERROR(s.Run());
    id = ops.db().LastInsertRowid();
    for (const std::string& p : in.patents) {
      ASSIGN_OR_RETURN(Statement l, ops.db().Prepare(
          "INSERT OR IGNORE INTO case_patent(case_id, publication_number) VALUES (?1, ?2)"));
      l.BindInt64(1, id);
      l.BindText(2, Trim(p));
      RETURN_IF_ERROR(l.Run());
    }
    return Event(ops, id, "create", "", "open", in.opened_on, actor, "");
  }));
  return FindCase(ops, id);
}

Result<EnforcementCase> FindCase(OperationsDb& ops, int64_t id) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(std::string(kColumns) + " WHERE id = ?1"));
  s.BindInt64(1, id);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::NotFound("unknown case " + std::to_string(id));
  ASSIGN_OR_RETURN(EnforcementCase c, Read(s));
  RETURN_IF_ERROR(LoadLinks(ops, c));
  return c;
}

Result<std::vector<EnforcementCase>> ListCases(OperationsDb& ops, const CaseFilter& f) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(std::string(kColumns) +
                                                 " WHERE (?1 = '' OR province = ?1) AND (?2 = '' OR state = ?2)"
                                                 " ORDER BY opened_on, id"));
  s.BindText(1, f.province);
  s.BindText(2, f.state ? CaseStateName(*f.state) : "");
  std::vector<EnforcementCase> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    ASSIGN_OR_RETURN(EnforcementCase c, Read(s));
    out.push_back(std::move(c));
  }
  for (EnforcementCase& c : out) RETURN_IF_ERROR(LoadLinks(ops, c));
  return out;
}

Result<EnforcementCase> StepCase(OperationsDb& ops, int64_t id, const CaseStep& step) {
  const std::string comment(Trim(step.comment));
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(EnforcementCase c, FindCase(ops, id));
    ASSIGN_OR_RETURN(CaseState to, CaseWorkflow().Next(c.state, step.action, CaseRole::kOffice));
    RETURN_IF_ERROR(CheckIsoDate(step.on, "on"));
    const std::string& last = c.decided_on.empty() ? c.opened_on : c.decided_on;
    if (step.on < last) return Status::InvalidArgument("on " + step.on + " is before the case's last step (" + last + ")");
    if (step.action != CaseAction::kClose && comment.empty())
      return Status::InvalidArgument(std::string(CaseActionName(step.action)) + " needs a comment (the decision or the reason)");
    ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
        "UPDATE enforcement_case SET state = ?2, decision = coalesce(?3, decision), decided_on = coalesce(?4, decided_on), "
        "closed_on = coalesce(?5, closed_on), updated_at = ?6 WHERE id = ?1"));
    const bool decide = step.action == CaseAction::kDecide;
    const std::string now = NowUtc();
    s.BindInt64(1, id);
    s.BindText(2, CaseStateName(to));
    s.BindTextOrNull(3, decide ? std::string_view(comment) : std::string_view());
    s.BindTextOrNull(4, decide ? std::string_view(step.on) : std::string_view());
    s.BindTextOrNull(5, to == CaseState::kClosed ? std::string_view(step.on) : std::string_view());
    s.BindText(6, now);
    RETURN_IF_ERROR(s.Run());
    return Event(ops, id, CaseActionName(step.action), CaseStateName(c.state), CaseStateName(to), step.on, step.actor,
                 comment);
  }));
  return FindCase(ops, id);
}

Result<EnforcementCase> LinkCreditRecord(OperationsDb& ops, int64_t case_id, int64_t record_id, std::string_view actor) {
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(EnforcementCase c, FindCase(ops, case_id));
    ASSIGN_OR_RETURN(CreditRecord r, FindCreditRecord(ops, record_id));
    if (r.province != c.province)
      return Status::InvalidArgument("credit record " + std::to_string(record_id) + " is of " + r.province +
                                     ", the case of " + c.province);
    for (int64_t linked : c.credit_records)
      if (linked == record_id) return Status::AlreadyExists("credit record " + std::to_string(record_id) + " is linked already");
    ASSIGN_OR_RETURN(Statement s, ops.db().Prepare("INSERT INTO case_credit_record(case_id, record_id) VALUES (?1, ?2)"));
    s.BindInt64(1, case_id);
    s.BindInt64(2, record_id);
    RETURN_IF_ERROR(s.Run());
    const char* state = CaseStateName(c.state);
    return Event(ops, case_id, "link", state, state, TodayUtc(), actor, "credit record " + std::to_string(record_id));
  }));
  return FindCase(ops, case_id);
}

Result<EnforcementCase> LinkCasePatents(OperationsDb& ops, int64_t case_id, const std::vector<std::string>& patents,
                                        std::string_view actor) {
  std::vector<std::string> names;
  for (const std::string& p : patents)
    if (!Trim(p).empty()) names.emplace_back(Trim(p));
  if (names.empty()) return Status::InvalidArgument("patents: name at least one publication number");
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(EnforcementCase c, FindCase(ops, case_id));
    if (c.state != CaseState::kOpen)
      return Status::FailedPrecondition("case " + std::to_string(case_id) + " is " + CaseStateName(c.state) +
                                        ": patents are linked while it is open");
    std::string listed;
    for (const std::string& p : names) {
      for (const std::string& linked : c.patents)
        if (linked == p) return Status::AlreadyExists("patents: " + p + " is linked to case " + std::to_string(case_id) + " already");
      ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
          "INSERT INTO case_patent(case_id, publication_number) VALUES (?1, ?2)"));
      s.BindInt64(1, case_id);
      s.BindText(2, p);
      Status st = s.Run();
      if (!st.ok()) return Status::AlreadyExists("patents: " + p + " is named twice");
      listed += (listed.empty() ? "" : ", ") + p;
    }
    const char* state = CaseStateName(c.state);
    return Event(ops, case_id, "link", state, state, TodayUtc(), actor, "patents " + listed);
  }));
  return FindCase(ops, case_id);
}

Result<std::vector<OfficeEvent>> CaseHistory(OperationsDb& ops, int64_t id) { return OfficeHistory(ops, kObject, id); }

}  // namespace patnav::domain
