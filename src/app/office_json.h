// The JSON forms of credibility records, complaints and case files
// (credibility.h, office_cases.h) for the API and the CLI's --format json.
// Warnings are not part of them (the API adds "warnings" beside).
#pragma once

#include <nlohmann/json.hpp>

#include "app/credibility.h"
#include "app/office_cases.h"

namespace patnav::app {

// {"id", "province", "subject": {"name", "code", "member", "alliance"},
//  "category": {"code", "name_zh", "name_en"}, "measures": [{"code",
//  "name_zh", "name_en"}], "organ", "decision_number", "decided_on",
//  "facts", "state", "notified_on", "statement", "statement_on",
//  "listed_on", "listed_until", "repair_requested_on", "repair_reason",
//  "repair_decision", "ended_on"}
nlohmann::ordered_json ToJson(const domain::CreditRecord& r);
// The record with "history", "allowed_actions", "repair_opens_on",
// "active_today", "public_today".
nlohmann::ordered_json ToJson(const CreditRecordView& v);
nlohmann::ordered_json ToJson(const CreditRecordList& l);  // an array of records
nlohmann::ordered_json ToJson(const CreditGateResult& g);  // {"subject", "date", "has_active_record", "active": [...]}

// {"id", "province", "kind", "complainant", "respondent", "respondent_code",
//  "patent", "summary", "received_on", "state", "stage_since", "due_on",
//  "outcome", "deadline": {"duty", "due_on", "overdue_working_days"} | null,
//  "allowed_actions", "history" (views with history only)}
nlohmann::ordered_json ToJson(const ComplaintView& v);
nlohmann::ordered_json ToJson(const ComplaintList& l);
// {"id", "province", "case_number", "kind", "title", "complaint_id",
//  "opened_on", "due_on", "overdue_days", "state", "decision", "decided_on",
//  "closed_on", "patents", "credit_records", "allowed_actions", "history"}
nlohmann::ordered_json ToJson(const CaseView& v);
nlohmann::ordered_json ToJson(const CaseList& l);

// The category and measure tables, for the API and docs.
nlohmann::ordered_json CreditTablesJson();

}  // namespace patnav::app
