// JSON of the IP office's records (office_json.h).
#include "app/office_json.h"

namespace patnav::app {

using Json = nlohmann::ordered_json;

namespace {

Json History(const std::vector<domain::OfficeEvent>& events) {
  Json out = Json::array();
  for (const auto& e : events)
    out.push_back({{"action", e.action}, {"from", e.from_state}, {"to", e.to_state}, {"on", e.on},
                   {"actor", e.actor}, {"role", e.role}, {"at", e.at}, {"comment", e.comment}});
  return out;
}

}  // namespace

Json ToJson(const domain::CreditRecord& r) {
  Json category = {{"code", r.category}};
  if (auto c = domain::FindCreditCategory(r.category); c.ok()) {
    category["name_zh"] = (*c)->name_zh;
    category["name_en"] = (*c)->name_en;
  }
  Json measures = Json::array();
  for (const std::string& m : r.measures) {
    Json one = {{"code", m}};
    if (auto x = domain::FindCreditMeasure(m); x.ok()) {
      one["name_zh"] = (*x)->name_zh;
      one["name_en"] = (*x)->name_en;
    }
    measures.push_back(one);
  }
  return {{"id", r.id},
          {"province", r.province},
          {"subject", {{"name", r.subject_name}, {"code", r.subject_code}, {"member", r.member}, {"alliance", r.alliance}}},
          {"category", category},
          {"measures", measures},
          {"organ", r.organ},
          {"decision_number", r.decision_number},
          {"decided_on", r.decided_on},
          {"facts", r.facts},
          {"state", domain::CreditStateName(r.state)},
          {"notified_on", r.notified_on},
          {"statement", r.statement},
          {"statement_on", r.statement_on},
          {"listed_on", r.listed_on},
          {"listed_until", r.listed_until},
          {"repair_requested_on", r.repair_requested_on},
          {"repair_reason", r.repair_reason},
          {"repair_decision", r.repair_decision},
          {"ended_on", r.ended_on}};
}

Json ToJson(const CreditRecordView& v) {
  Json j = ToJson(v.record);
  j["history"] = History(v.history);
  j["allowed_actions"] = v.allowed;
  j["repair_opens_on"] = v.repair_opens_on;
  j["active_today"] = v.active_today;
  j["public_today"] = v.public_today;
  return j;
}

Json ToJson(const CreditRecordList& l) {
  Json out = Json::array();
  for (const auto& r : l.records) out.push_back(ToJson(r));
  return out;
}

Json ToJson(const CreditGateResult& g) {
  Json active = Json::array();
  for (const auto& r : g.active) active.push_back(ToJson(r));
  return {{"subject", g.subject}, {"date", g.date}, {"has_active_record", g.has_active_record}, {"active", active}};
}

Json ToJson(const ComplaintView& v) {
  const domain::Complaint& c = v.complaint;
  Json j = {{"id", c.id},           {"province", c.province},   {"kind", c.kind},
            {"complainant", c.complainant}, {"respondent", c.respondent}, {"respondent_code", c.respondent_code},
            {"patent", c.patent},   {"summary", c.summary},     {"received_on", c.received_on},
            {"state", domain::ComplaintStateName(c.state)},     {"stage_since", c.stage_since},
            {"due_on", c.due_on},   {"outcome", c.outcome}};
  j["deadline"] = v.deadline ? Json{{"duty", v.deadline->duty},
                                    {"due_on", v.deadline->due_on},
                                    {"overdue_working_days", v.deadline->overdue_working_days}}
                             : Json();
  j["allowed_actions"] = v.allowed;
  if (!v.history.empty()) j["history"] = History(v.history);
  return j;
}

Json ToJson(const ComplaintList& l) {
  Json out = Json::array();
  for (const auto& c : l.complaints) out.push_back(ToJson(c));
  return out;
}

Json ToJson(const CaseView& v) {
  const domain::EnforcementCase& c = v.file;
  Json j = {{"id", c.id},
            {"province", c.province},
            {"case_number", c.case_number},
            {"kind", c.kind},
            {"title", c.title},
            {"complaint_id", c.complaint_id},
            {"opened_on", c.opened_on},
            {"due_on", c.due_on},
            {"overdue_days", v.overdue_days},
            {"state", domain::CaseStateName(c.state)},
            {"decision", c.decision},
            {"decided_on", c.decided_on},
            {"closed_on", c.closed_on},
            {"patents", c.patents},
            {"credit_records", c.credit_records},
            {"allowed_actions", v.allowed}};
  if (!v.history.empty()) j["history"] = History(v.history);
  return j;
}

Json ToJson(const CaseList& l) {
  Json out = Json::array();
  for (const auto& c : l.cases) out.push_back(ToJson(c));
  return out;
}

Json CreditTablesJson() {
  Json categories = Json::array(), measures = Json::array(), kinds = Json::array();
  for (const auto& c : domain::CreditCategories())
    categories.push_back({{"code", c.code}, {"name_zh", c.name_zh}, {"name_en", c.name_en},
                          {"listing_months", c.listing_months}, {"repair_months", c.repair_months},
                          {"publicity_months", c.publicity_months}});
  for (const auto& m : domain::CreditMeasures())
    measures.push_back({{"code", m.code}, {"name_zh", m.name_zh}, {"name_en", m.name_en}});
  for (const auto& k : domain::CaseKinds())
    kinds.push_back({{"code", k.code}, {"name_zh", k.name_zh}, {"name_en", k.name_en}, {"limit", k.limit},
                     {"unit", domain::TimeUnitName(k.unit)}});
  return {{"categories", categories}, {"measures", measures}, {"case_kinds", kinds}};
}

}  // namespace patnav::app
