// Application calls of credibility (dishonesty) records, issue 15 part 3;
// the rules live in domain/credit_record.h and domain/credit_states.h.
//
// Who may do what (office_access.h for "the office of a province"):
//  - the office of the record's province creates it and takes every office
//    step (notify, list, grant or refuse repair, expire, revoke);
//  - the subject's users take the subject's steps (file a statement, request
//    repair) on the day they act (the command line, holding both roles,
//    may date them: it enters the subject's paper filings). A subject's users are the holders of a
//    member grant for the alliance member the record is linked to
//    (CreditRecordInput::member): an enterprise on the platform is a member
//    of an alliance, and its accounts hold that member's grant;
//  - anyone else gets NotFound "unknown credit record N" (a reviewer of
//    another province included), and the list shows each caller only what
//    it may see.
// Every write is one transaction with its history row; the server's
// dispatcher adds the audit row.
// Thread-safety: as the Workspace's With* calls.
#pragma once

#include <string>
#include <vector>

#include "app/caller.h"
#include "app/workspace.h"
#include "base/status.h"
#include "domain/credit_record.h"

namespace patnav::app {

struct CreditRecordView {
  domain::CreditRecord record;
  std::vector<domain::OfficeEvent> history;
  std::vector<std::string> allowed;  // actions this caller may take now
  std::string repair_opens_on;
  bool active_today = false, public_today = false;
  std::vector<std::string> warnings;
};

Result<CreditRecordView> CreateCreditRecord(const Caller& caller, Workspace& ws, const domain::CreditRecordInput& in);

struct CreditRecordRequest {
  int64_t id = 0;
};
Result<CreditRecordView> ShowCreditRecord(const Caller& caller, Workspace& ws, const CreditRecordRequest& req);

struct CreditActionRequest {
  int64_t id = 0;
  std::string action;        // notify, file_statement, list, request_repair, grant_repair, refuse_repair, expire, revoke
  std::string on;            // the office's date (default today); a subject acts today
  std::string comment;
  std::string listed_until;  // list only
};
Result<CreditRecordView> ActOnCreditRecord(const Caller& caller, Workspace& ws, const CreditActionRequest& req);

struct ListCreditRecordsRequest {
  std::string province, state, subject;
};
struct CreditRecordList {
  std::vector<domain::CreditRecord> records;
  std::vector<std::string> warnings;
};
// The office: its provinces' records (a province named that is not its own:
// NotFound); a subject's users: their members' records; PermissionDenied for
// anyone with neither.
Result<CreditRecordList> ListCreditRecords(const Caller& caller, Workspace& ws, const ListCreditRecordsRequest& req);

// The evaluation gate: the records of `subject` (credit code or name) active
// on `date` (default today). For any office role (the gate is read across
// provinces); PermissionDenied otherwise.
struct CreditGateRequest {
  std::string subject, date;
};
struct CreditGateResult {
  std::string subject, date;
  bool has_active_record = false;
  std::vector<domain::CreditRecord> active;
  std::vector<std::string> warnings;
};
Result<CreditGateResult> CheckCreditGate(const Caller& caller, Workspace& ws, const CreditGateRequest& req);

}  // namespace patnav::app
