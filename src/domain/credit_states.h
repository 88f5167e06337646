// The workflow of a credibility (dishonesty) record as a state table:
//   decided --notify--> notified --file_statement--> statement_filed
//   notified | statement_filed --list--> listed
//   listed --request_repair--> repair_requested (the subject, after the
//     category's minimum period) --grant_repair--> repaired
//                                 --refuse_repair--> listed
//   listed --expire--> expired (the listing period is over)
//   any state before repaired, expired or revoked --revoke--> revoked
// The IP office takes every step except the subject's statement and repair
// request. Pure: no database (credit_record.h stores the transitions).
#pragma once

#include "domain/workflow_table.h"

namespace patnav::domain {

enum class CreditState { kDecided, kNotified, kStatementFiled, kListed, kRepairRequested, kRepaired, kExpired, kRevoked };

enum class CreditAction {
  kNotify,         // office: the subject is told of the decision and may state its case
  kFileStatement,  // subject: its statement (陈述申辩)
  kList,           // office: the record takes effect; the listing period starts
  kRequestRepair,  // subject: credit repair (信用修复), after the minimum period
  kGrantRepair,    // office
  kRefuseRepair,   // office: back to listed
  kExpire,         // office: the listing period has ended
  kRevoke,         // office: the decision is revoked (reason required)
};

enum class CreditRole { kOffice, kSubject };

// Stable names: "decided", "notified", "statement_filed", "listed",
// "repair_requested", "repaired", "expired", "revoked"; "notify",
// "file_statement", "list", "request_repair", "grant_repair",
// "refuse_repair", "expire", "revoke"; "office", "subject".
const char* CreditStateName(CreditState s);
const char* CreditActionName(CreditAction a);
const char* CreditRoleName(CreditRole r);

// The table, its names and the shared rules (workflow_table.h): Next()
// refuses with the allowed actions named, or the role the step is for.
const Workflow<CreditState, CreditAction, CreditRole>& CreditWorkflow();

}  // namespace patnav::domain
