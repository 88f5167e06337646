// Credibility (dishonesty) records in operations.db: one decision of an IP
// office about one subject (an enterprise, institution, agency or person,
// named with its unified social credit code), of a category of
// credit_categories.h, with the measures applied; it moves only along the
// table of credit_states.h, each step appended to the office history in the
// same transaction.
//
// A record is *active* on a date D when it was listed on or before D, D is
// before the end of its listing period, and it had not been repaired or
// expired by D; a revoked record was never active (the decision is void).
// It is *public* on D when it is active on D and its category's publicity
// period since listing (0: never public) has not run out on D.
//
// A record may be linked to a member of an alliance (member_id): that
// member's users are the subject's users (app/credibility.h).
// Thread-safety: as OperationsDb.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "domain/credit_categories.h"
#include "domain/credit_states.h"
#include "domain/office_event.h"
#include "domain/operations_db.h"

namespace patnav::domain {

struct CreditRecordInput {
  std::string province;         // the province of the deciding office ("national" for CNIPA itself)
  std::string subject_name;
  std::string subject_code;     // 统一社会信用代码 (or an identity number)
  std::string member;           // optional: the alliance member the subject is
  std::string category;         // a CreditCategory code
  std::vector<std::string> measures;  // CreditMeasure codes, at least one
  std::string organ;            // the deciding organ
  std::string decision_number;  // unique
  std::string decided_on;       // ISO date
  std::string facts;
};

struct CreditRecord {
  int64_t id = 0;
  std::string province, subject_name, subject_code;
  int64_t member_id = 0;  // 0: not linked
  std::string member, alliance;
  std::string category;
  std::vector<std::string> measures;
  std::string organ, decision_number, decided_on, facts;
  CreditState state = CreditState::kDecided;
  std::string notified_on, statement, statement_on, listed_on, listed_until;
  std::string repair_requested_on, repair_reason, repair_decision, ended_on;
  std::string created_at, updated_at;
};

// A new record in state decided. InvalidArgument naming the field for an
// empty required field, an unknown category or measure, no measure, a bad
// date or an unknown member; AlreadyExists for a decision number in use.
Result<CreditRecord> CreateCreditRecord(OperationsDb& ops, const CreditRecordInput& in, std::string_view actor);

// NotFound "unknown credit record N".
Result<CreditRecord> FindCreditRecord(OperationsDb& ops, int64_t id);

struct CreditFilter {
  std::string province;              // empty: all
  std::optional<CreditState> state;  // none: all
  std::string subject_code;          // empty: all
  int64_t member_id = 0;             // 0: all
};
// By decision date, then id.
Result<std::vector<CreditRecord>> ListCreditRecords(OperationsDb& ops, const CreditFilter& filter);

struct CreditStep {
  CreditAction action = CreditAction::kNotify;
  CreditRole role = CreditRole::kOffice;
  std::string actor;
  std::string on;       // the date the step takes effect (ISO)
  std::string comment;  // the statement, the repair reasons, the repair decision or the revocation reason
  std::string listed_until;  // list: the end of the listing period; empty = the category's
};

// Moves the record one step in one transaction with its event. Refusals,
// nothing written: FailedPrecondition naming the allowed actions (or, for a
// repair request before the category's minimum period, the first date it may
// be made; for an expiry before the end of the listing period, that end);
// PermissionDenied for the wrong role; InvalidArgument for a bad date, a
// date before the previous step's, or a missing statement, reason or
// decision text.
Result<CreditRecord> StepCreditRecord(OperationsDb& ops, int64_t id, const CreditStep& step);

Result<std::vector<OfficeEvent>> CreditHistory(OperationsDb& ops, int64_t id);

bool IsActiveOn(const CreditRecord& r, std::string_view date);
bool IsPublicOn(const CreditRecord& r, std::string_view date);
// The first date the subject may request repair: listing + repair_months.
// Empty when not listed.
std::string RepairOpensOn(const CreditRecord& r);

// The records of a subject (its credit code, or its name when the code is
// empty) active on `date`: the evaluation gate ("has this subject an
// active dishonesty record on D?").
Result<std::vector<CreditRecord>> ActiveCreditRecords(OperationsDb& ops, std::string_view subject, std::string_view date);
Result<bool> HasActiveCreditRecord(OperationsDb& ops, std::string_view subject, std::string_view date);

// The public dishonesty list on `date`: every record public on it, by
// listing date (newest first), then id.
Result<std::vector<CreditRecord>> PublicCreditList(OperationsDb& ops, std::string_view date);

}  // namespace patnav::domain
