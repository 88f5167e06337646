// Credibility records, authorised by office province and subject
// (credibility.h).
#include "app/credibility.h"

#include <set>

#include "app/office_access.h"
#include "domain/period.h"

namespace patnav::app {

namespace {

using domain::CreditRecord;
using domain::CreditRole;

struct Access {
  bool office = false, subject = false;
  bool visible() const { return office || subject; }
  bool Holds(CreditRole r) const { return r == CreditRole::kOffice ? office : subject; }
};

bool IsSubjectUser(const Caller& c, const CreditRecord& r) {
  if (c.local) return true;
  if (r.member_id == 0 || c.anonymous) return false;
  for (const domain::Grant& g : c.grants)
    if (g.role == domain::Role::kMember && g.alliance == r.alliance && g.member == r.member) return true;
  return false;
}

Access AccessTo(const Caller& c, const CreditRecord& r) { return {ActsForOffice(c, r.province), IsSubjectUser(c, r)}; }

Status Unknown(int64_t id) { return Status::NotFound("unknown credit record " + std::to_string(id)); }

Result<CreditRecordView> View(domain::OperationsDb& ops, const Access& a, const CreditRecord& r) {
  CreditRecordView v;
  v.record = r;
  ASSIGN_OR_RETURN(v.history, domain::CreditHistory(ops, r.id));
  for (const auto& t : domain::CreditWorkflow().table)
    if (t.from == r.state && a.Holds(t.role)) v.allowed.push_back(domain::CreditActionName(t.action));
  v.repair_opens_on = domain::RepairOpensOn(r);
  const std::string today = domain::TodayUtc();
  v.active_today = domain::IsActiveOn(r, today);
  v.public_today = domain::IsPublicOn(r, today);
  return v;
}

// The record when the caller may see it; NotFound otherwise.
Result<std::pair<CreditRecord, Access>> Visible(const Caller& c, domain::OperationsDb& ops, int64_t id) {
  Result<CreditRecord> r = domain::FindCreditRecord(ops, id);
  if (!r.ok()) return r.status().code() == StatusCode::kNotFound ? Unknown(id) : r.status();
  Access a = AccessTo(c, *r);
  if (!a.visible()) return Unknown(id);
  return std::make_pair(std::move(*r), a);
}

}  // namespace

Result<CreditRecordView> CreateCreditRecord(const Caller& caller, Workspace& ws, const domain::CreditRecordInput& in) {
  RETURN_IF_ERROR(AuthorizeOffice(caller, in.province));
  CreditRecordView out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    return ops.Write([&]() -> Status {
      ASSIGN_OR_RETURN(CreditRecord r, domain::CreateCreditRecord(ops, in, caller.Actor()));
      ASSIGN_OR_RETURN(out, View(ops, AccessTo(caller, r), r));
      return Status::OK();
    });
  }));
  return out;
}

Result<CreditRecordView> ShowCreditRecord(const Caller& caller, Workspace& ws, const CreditRecordRequest& req) {
  if (caller.anonymous) return Status::Unauthenticated("sign in first");
  CreditRecordView out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(auto found, Visible(caller, ops, req.id));
    ASSIGN_OR_RETURN(out, View(ops, found.second, found.first));
    return Status::OK();
  }, /*create=*/false));
  return out;
}

Result<CreditRecordView> ActOnCreditRecord(const Caller& caller, Workspace& ws, const CreditActionRequest& req) {
  if (caller.anonymous) return Status::Unauthenticated("sign in first");
  ASSIGN_OR_RETURN(domain::CreditAction action, domain::CreditWorkflow().ParseAction(req.action));
  CreditRecordView out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    return ops.Write([&]() -> Status {
      ASSIGN_OR_RETURN(auto found, Visible(caller, ops, req.id));
      const auto& [record, access] = found;
      CreditRole role = access.office ? CreditRole::kOffice : CreditRole::kSubject;
      for (const auto& t : domain::CreditWorkflow().table)
        if (t.from == record.state && t.action == action && access.Holds(t.role)) role = t.role;
      domain::CreditStep step;
      step.action = action;
      step.role = role;
      step.actor = caller.Actor();
      step.comment = req.comment;
      step.listed_until = req.listed_until;
      step.on = req.on.empty() ? domain::TodayUtc() : req.on;
      if (role == CreditRole::kSubject && !caller.local && step.on != domain::TodayUtc())
        return Status::InvalidArgument("on: a subject's statement or repair request takes effect on the day it is filed");
      ASSIGN_OR_RETURN(CreditRecord r, domain::StepCreditRecord(ops, req.id, step));
      ASSIGN_OR_RETURN(out, View(ops, AccessTo(caller, r), r));
      return Status::OK();
    });
  }, /*create=*/false));
  return out;
}

Result<CreditRecordList> ListCreditRecords(const Caller& caller, Workspace& ws, const ListCreditRecordsRequest& req) {
  if (caller.anonymous) return Status::Unauthenticated("sign in first");
  bool members = false;
  for (const domain::Grant& g : caller.grants) members = members || g.role == domain::Role::kMember;
  if (!HasOfficeRole(caller) && !members)
    return Status::PermissionDenied("credit records are for the IP office and the subjects' own users");
  if (!req.province.empty() && !ActsForOffice(caller, req.province) && !members)
    return Status::NotFound("unknown province '" + req.province + "'");
  domain::CreditFilter filter;
  filter.province = req.province;
  filter.subject_code = req.subject;
  if (!req.state.empty()) {
    ASSIGN_OR_RETURN(filter.state, domain::CreditWorkflow().ParseState(req.state));
  }
  CreditRecordList out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(std::vector<CreditRecord> all, domain::ListCreditRecords(ops, filter));
    for (CreditRecord& r : all)
      if (AccessTo(caller, r).visible()) out.records.push_back(std::move(r));
    return Status::OK();
  }, /*create=*/false));
  return out;
}

Result<CreditGateResult> CheckCreditGate(const Caller& caller, Workspace& ws, const CreditGateRequest& req) {
  if (caller.anonymous) return Status::Unauthenticated("sign in first");
  if (!HasOfficeRole(caller)) return Status::PermissionDenied("the credit gate is for the IP office");
  CreditGateResult out;
  out.subject = req.subject;
  out.date = req.date.empty() ? domain::TodayUtc() : req.date;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(out.active, domain::ActiveCreditRecords(ops, out.subject, out.date));
    return Status::OK();
  }));
  out.has_active_record = !out.active.empty();
  return out;
}

}  // namespace patnav::app
