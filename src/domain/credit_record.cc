// Credibility records and their steps (credit_record.h).
#include "domain/credit_record.h"

#include <nlohmann/json.hpp>

#include "base/strings.h"
#include "domain/members.h"
#include "domain/period.h"

namespace patnav::domain {

namespace {

constexpr const char* kObject = "credit_record";

constexpr const char* kColumns =
    "SELECT c.id, c.province, c.subject_name, c.subject_code, coalesce(c.member_id, 0), coalesce(m.name, ''), "
    "coalesce(a.name, ''), c.category, c.measures_json, c.organ, c.decision_number, c.decided_on, "
    "coalesce(c.facts, ''), c.state, coalesce(c.notified_on, ''), coalesce(c.statement, ''), "
    "coalesce(c.statement_on, ''), coalesce(c.listed_on, ''), coalesce(c.listed_until, ''), "
    "coalesce(c.repair_requested_on, ''), coalesce(c.repair_reason, ''), coalesce(c.repair_decision, ''), "
    "coalesce(c.ended_on, ''), c.created_at, c.updated_at "
    "FROM credit_record c LEFT JOIN member m ON m.id = c.member_id LEFT JOIN alliance a ON a.id = m.alliance_id";

Result<CreditRecord> Read(const Statement& s) {
  CreditRecord r;
  int i = 0;
  r.id = s.ColumnInt64(i++);
  r.province = s.ColumnText(i++);
  r.subject_name = s.ColumnText(i++);
  r.subject_code = s.ColumnText(i++);
  r.member_id = s.ColumnInt64(i++);
  r.member = s.ColumnText(i++);
  r.alliance = s.ColumnText(i++);
  r.category = s.ColumnText(i++);
  nlohmann::json m = nlohmann::json::parse(std::string(s.ColumnText(i++)), nullptr, false);
  if (m.is_array())
    for (const auto& x : m)
      if (x.is_string()) r.measures.push_back(x.get<std::string>());
  r.organ = s.ColumnText(i++);
  r.decision_number = s.ColumnText(i++);
  r.decided_on = s.ColumnText(i++);
  r.facts = s.ColumnText(i++);
  ASSIGN_OR_RETURN(r.state, CreditWorkflow().ParseState(s.ColumnText(i++)));
  for (std::string* f : {&r.notified_on, &r.statement, &r.statement_on, &r.listed_on, &r.listed_until,
                         &r.repair_requested_on, &r.repair_reason, &r.repair_decision, &r.ended_on, &r.created_at,
                         &r.updated_at})
    *f = s.ColumnText(i++);
  return r;
}

Result<std::vector<CreditRecord>> ReadAll(Statement& s) {
  std::vector<CreditRecord> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    ASSIGN_OR_RETURN(CreditRecord r, Read(s));
    out.push_back(std::move(r));
  }
  return out;
}

Status Required(std::string_view value, const char* field) {
  if (Trim(value).empty()) return Status::InvalidArgument(std::string(field) + ": required");
  if (value.size() > 2000) return Status::InvalidArgument(std::string(field) + ": over 2000 bytes");
  return Status::OK();
}

// The date of the step a new one may not precede.
std::string LastDate(const CreditRecord& r) {
  for (const std::string* d : {&r.ended_on, &r.repair_requested_on, &r.listed_on, &r.statement_on, &r.notified_on})
    if (!d->empty()) return *d;
  return r.decided_on;
}

Status CheckStepFacts(const CreditRecord& r, const CreditStep& step, const std::string& comment) {
  using A = CreditAction;
  RETURN_IF_ERROR(CheckIsoDate(step.on, "on"));
  if (step.on < LastDate(r))
    return Status::InvalidArgument("on " + step.on + " is before the record's last step (" + LastDate(r) + ")");
  const bool needs_text = step.action == A::kFileStatement || step.action == A::kRequestRepair ||
                          step.action == A::kGrantRepair || step.action == A::kRefuseRepair ||
                          step.action == A::kRevoke;
  if (needs_text && comment.empty())
    return Status::InvalidArgument(std::string(CreditActionName(step.action)) +
                                   " needs a comment (the statement, the reasons or the decision)");
  if (step.action == A::kList && !step.listed_until.empty()) {
    RETURN_IF_ERROR(CheckIsoDate(step.listed_until, "listed_until"));
    if (step.listed_until <= step.on)
      return Status::InvalidArgument("listed_until " + step.listed_until + " is not after the listing date " + step.on);
  }
  if (step.action == A::kRequestRepair && step.on < RepairOpensOn(r))
    return Status::FailedPrecondition("a repair of this " + r.category + " record may be requested from " +
                                      RepairOpensOn(r) + " (the minimum period after listing on " + r.listed_on +
                                      "), not on " + step.on);
  if (step.action == A::kExpire && step.on < r.listed_until)
    return Status::FailedPrecondition("the listing period runs until " + r.listed_until + "; it cannot expire on " +
                                      step.on);
  return Status::OK();
}

}  // namespace

Result<CreditRecord> CreateCreditRecord(OperationsDb& ops, const CreditRecordInput& in, std::string_view actor) {
  RETURN_IF_ERROR(Required(in.province, "province"));
  RETURN_IF_ERROR(Required(in.subject_name, "subject_name"));
  RETURN_IF_ERROR(Required(in.subject_code, "subject_code"));
  RETURN_IF_ERROR(Required(in.organ, "organ"));
  RETURN_IF_ERROR(Required(in.decision_number, "decision_number"));
  RETURN_IF_ERROR(CheckIsoDate(in.decided_on, "decided_on"));
  ASSIGN_OR_RETURN(const CreditCategory* category, FindCreditCategory(in.category));
  if (in.measures.empty()) return Status::InvalidArgument("measures: name at least one measure applied");
  nlohmann::json measures = nlohmann::json::array();
  for (const std::string& m : in.measures) {
    Result<const CreditMeasure*> found = FindCreditMeasure(m);
    if (!found.ok()) return Status::InvalidArgument("measures: " + found.status().message());
    measures.push_back(m);
  }
  int64_t id = 0;
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    std::optional<int64_t> member;
    if (!Trim(in.member).empty()) {
      Result<Member> m = FindMember(ops, Trim(in.member));
      if (!m.ok()) return Status::InvalidArgument("member: unknown member '" + std::string(Trim(in.member)) + "'");
      member = m->id;
    }
    ASSIGN_OR_RETURN(auto taken, QueryOptionalInt(ops.db(), "SELECT id FROM credit_record WHERE decision_number = ?1",
                                                  Trim(in.decision_number)));
    if (taken) return Status::AlreadyExists("decision number '" + std::string(Trim(in.decision_number)) + "' is recorded already");
    ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
        "INSERT INTO credit_record(province, subject_name, subject_code, member_id, category, measures_json, organ, "
        "decision_number, decided_on, facts, state, created_at, updated_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'decided', ?11, ?11)"));
    const std::string now = NowUtc(), measures_json = measures.dump();
    s.BindText(1, Trim(in.province));
    s.BindText(2, Trim(in.subject_name));
    s.BindText(3, Trim(in.subject_code));
    if (member) s.BindInt64(4, *member); else s.BindNull(4);
    s.BindText(5, category->code);
    s.BindText(6, measures_json);
    s.BindText(7, Trim(in.organ));
    s.BindText(8, Trim(in.decision_number));
    s.BindText(9, in.decided_on);
    s.BindTextOrNull(10, Trim(in.facts));
    s.BindText(11, now);
    RETURN_IF_ERROR(s.Run());
    id = ops.db().LastInsertRowid();
    OfficeEvent e;
    e.action = "create";
    e.to_state = "decided";
    e.on = in.decided_on;
    e.actor = std::string(actor);
    e.role = CreditRoleName(CreditRole::kOffice);
    return AppendOfficeEvent(ops, kObject, id, e);
  }));
  return FindCreditRecord(ops, id);
}

Result<CreditRecord> FindCreditRecord(OperationsDb& ops, int64_t id) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(std::string(kColumns) + " WHERE c.id = ?1"));
  s.BindInt64(1, id);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::NotFound("unknown credit record " + std::to_string(id));
  return Read(s);
}

Result<std::vector<CreditRecord>> ListCreditRecords(OperationsDb& ops, const CreditFilter& f) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      std::string(kColumns) +
      " WHERE (?1 = '' OR c.province = ?1) AND (?2 = '' OR c.state = ?2) AND (?3 = '' OR c.subject_code = ?3)"
      " AND (?4 = 0 OR c.member_id = ?4) ORDER BY c.decided_on, c.id"));
  s.BindText(1, f.province);
  s.BindText(2, f.state ? CreditStateName(*f.state) : "");
  s.BindText(3, f.subject_code);
  s.BindInt64(4, f.member_id);
  return ReadAll(s);
}

Result<CreditRecord> StepCreditRecord(OperationsDb& ops, int64_t id, const CreditStep& step) {
  using A = CreditAction;
  const std::string comment(Trim(step.comment));
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(CreditRecord r, FindCreditRecord(ops, id));
    ASSIGN_OR_RETURN(CreditState to, CreditWorkflow().Next(r.state, step.action, step.role));
    RETURN_IF_ERROR(CheckStepFacts(r, step, comment));
    std::string set;
    switch (step.action) {
      case A::kNotify: set = "notified_on = ?3"; break;
      case A::kFileStatement: set = "statement_on = ?3, statement = ?4"; break;
      case A::kList: set = "listed_on = ?3, listed_until = ?5"; break;
      case A::kRequestRepair: set = "repair_requested_on = ?3, repair_reason = ?4"; break;
      case A::kGrantRepair: set = "repair_decision = ?4, ended_on = ?3"; break;
      case A::kRefuseRepair: set = "repair_decision = ?4"; break;
      case A::kExpire: set = "ended_on = listed_until"; break;
      case A::kRevoke: set = "ended_on = ?3"; break;
    }
    std::string until = step.listed_until;
    if (step.action == A::kList && until.empty()) {
      ASSIGN_OR_RETURN(const CreditCategory* c, FindCreditCategory(r.category));
      until = AddMonths(step.on, c->listing_months);
    }
    ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
        "UPDATE credit_record SET state = ?2, updated_at = ?6, " + set + " WHERE id = ?1"));
    const std::string now = NowUtc();
    s.BindInt64(1, id);
    s.BindText(2, CreditStateName(to));
    s.BindText(3, step.on);
    s.BindText(4, comment);
    s.BindText(5, until);
    s.BindText(6, now);
    RETURN_IF_ERROR(s.Run());
    OfficeEvent e;
    e.action = CreditActionName(step.action);
    e.from_state = CreditStateName(r.state);
    e.to_state = CreditStateName(to);
    e.on = step.on;
    e.actor = step.actor;
    e.role = CreditRoleName(step.role);
    e.comment = comment;
    return AppendOfficeEvent(ops, kObject, id, e);
  }));
  return FindCreditRecord(ops, id);
}

Result<std::vector<OfficeEvent>> CreditHistory(OperationsDb& ops, int64_t id) { return OfficeHistory(ops, kObject, id); }

bool IsActiveOn(const CreditRecord& r, std::string_view date) {
  if (r.state == CreditState::kRevoked || r.listed_on.empty()) return false;
  if (date < r.listed_on || date >= r.listed_until) return false;
  return r.ended_on.empty() || date < r.ended_on;
}

bool IsPublicOn(const CreditRecord& r, std::string_view date) {
  if (!IsActiveOn(r, date)) return false;
  Result<const CreditCategory*> c = FindCreditCategory(r.category);
  if (!c.ok() || (*c)->publicity_months <= 0) return false;
  return date < AddMonths(r.listed_on, (*c)->publicity_months);
}

std::string RepairOpensOn(const CreditRecord& r) {
  if (r.listed_on.empty()) return "";
  Result<const CreditCategory*> c = FindCreditCategory(r.category);
  return AddMonths(r.listed_on, c.ok() ? (*c)->repair_months : 0);
}

Result<std::vector<CreditRecord>> ActiveCreditRecords(OperationsDb& ops, std::string_view subject,
                                                      std::string_view date) {
  RETURN_IF_ERROR(CheckIsoDate(date, "date"));
  if (Trim(subject).empty()) return Status::InvalidArgument("subject: name the subject (credit code or name)");
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      std::string(kColumns) + " WHERE (c.subject_code = ?1 OR c.subject_name = ?1) AND c.listed_on IS NOT NULL "
                              "ORDER BY c.listed_on, c.id"));
  s.BindText(1, Trim(subject));
  ASSIGN_OR_RETURN(std::vector<CreditRecord> all, ReadAll(s));
  std::vector<CreditRecord> out;
  for (CreditRecord& r : all)
    if (IsActiveOn(r, date)) out.push_back(std::move(r));
  return out;
}

Result<bool> HasActiveCreditRecord(OperationsDb& ops, std::string_view subject, std::string_view date) {
  ASSIGN_OR_RETURN(std::vector<CreditRecord> active, ActiveCreditRecords(ops, subject, date));
  return !active.empty();
}

Result<std::vector<CreditRecord>> PublicCreditList(OperationsDb& ops, std::string_view date) {
  RETURN_IF_ERROR(CheckIsoDate(date, "date"));
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      std::string(kColumns) + " WHERE c.listed_on IS NOT NULL AND c.listed_on <= ?1 ORDER BY c.listed_on DESC, c.id"));
  s.BindText(1, date);
  ASSIGN_OR_RETURN(std::vector<CreditRecord> all, ReadAll(s));
  std::vector<CreditRecord> out;
  for (CreditRecord& r : all)
    if (IsPublicOn(r, date)) out.push_back(std::move(r));
  return out;
}

}  // namespace patnav::domain
