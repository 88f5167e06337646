// JSON of recordings and library entries (recordings_json.h).
#include "app/recordings_json.h"

namespace patnav::app {

using Json = nlohmann::ordered_json;

namespace {

Json PriorityJson(const std::vector<domain::PriorityCircumstance>& list) {
  Json out = Json::array();
  for (const auto& p : list) out.push_back({{"code", p.code}, {"met", p.met}, {"basis", p.basis}});
  return out;
}

}  // namespace

Json ToJson(const domain::MaterialFile& f) {
  return {{"id", f.id},     {"material", f.material}, {"label", f.label},
          {"content_type", f.content_type}, {"size", f.size},   {"sha256", f.sha256},
          {"uploaded_by", f.uploaded_by},   {"uploaded_at", f.uploaded_at}};
}

Json ToJson(const domain::Recording& r) {
  return {{"id", r.id},
          {"alliance", r.alliance},
          {"province", r.province},
          {"state", domain::RecordingStateName(r.state)},
          {"record_number", r.record_number},
          {"recorded_on", r.recorded_on},
          {"rejection_reason", r.rejection_reason},
          {"removed_on", r.removed_on},
          {"removal_reason", r.removal_reason},
          {"created_at", r.created_at},
          {"updated_at", r.updated_at},
          {"form", domain::FormToJson(r.form)}};
}

Json ToJson(const RecordingView& v) {
  Json j = ToJson(v.recording);
  const domain::ApplicationForm& f = v.dossier.form;
  Json counts = Json::object();
  for (const auto& [type, n] : f.members_by_type) counts[type] = n;
  j["application_form"] = {{"name", f.name}, {"form", f.form}, {"address", f.address}, {"members", f.members},
                           {"members_by_type", counts}};
  Json materials = Json::array();
  for (const domain::Material& m : v.materials) {
    Json items = Json::array();
    for (const domain::MaterialItem& i : m.items) items.push_back({{"item", i.item}, {"done", i.done}, {"detail", i.detail}});
    Json files = Json::array();
    for (const domain::MaterialFile& f : m.files) files.push_back(ToJson(f));
    materials.push_back({{"material", m.code}, {"complete", m.complete}, {"items", items}, {"files", files}});
  }
  j["materials"] = materials;
  Json failing = Json::array();
  for (const auto& f2 : v.failures) failing.push_back({{"rule", f2.rule}, {"detail", f2.detail}});
  j["failing_rules"] = failing;
  j["priority_circumstances"] = PriorityJson(v.priority);
  Json history = Json::array();
  for (const domain::RecordingEvent& e : v.history)
    history.push_back({{"action", e.action}, {"from", e.from_state}, {"to", e.to_state}, {"actor", e.actor},
                       {"role", e.role}, {"at", e.at}, {"comment", e.comment}});
  j["history"] = history;
  j["allowed_actions"] = v.allowed;
  return j;
}

Json ToJson(const AftercareView& v) {
  Json reports = Json::array();
  for (const domain::RecordingReport& r : v.reports) {
    Json j = {{"id", r.id}, {"kind", r.kind}};
    if (r.kind == "annual") j["year"] = r.year;
    else j.update({{"change_kind", r.change_kind}, {"changed_on", r.changed_on}});
    j.update({{"summary", r.summary}, {"due_on", r.due_on}, {"filed_on", r.filed_on}, {"late", r.late()},
              {"filed_by", r.filed_by}, {"filed_at", r.filed_at}});
    reports.push_back(std::move(j));
  }
  Json annual = Json::array();
  for (const domain::AnnualObligation& o : v.annual)
    annual.push_back({{"year", o.year}, {"due_on", o.due_on}, {"filed_on", o.filed_on}, {"state", o.state}});
  Json rect = Json::array();
  for (const domain::Rectification& x : v.rectifications)
    rect.push_back({{"id", x.id},           {"reason", x.reason},     {"ordered_on", x.ordered_on},
                    {"due_on", x.due_on},   {"state", x.state},       {"overdue", x.overdue_on(v.as_of)},
                    {"report", x.report},   {"reported_on", x.reported_on}, {"decision", x.decision},
                    {"decided_on", x.decided_on}});
  return {{"recording", ToJson(v.recording)}, {"as_of", v.as_of},         {"reports", reports},
          {"annual_reports", annual},         {"late_annual_reports", v.late_annual_reports},
          {"rectifications", rect}};
}

Json ToJson(const RecordingList& l) {
  Json out = Json::array();
  for (const domain::Recording& r : l.recordings) out.push_back(ToJson(r));
  return out;
}

Json ToJson(const domain::LibraryEntry& e) {
  return {{"alliance", e.alliance},       {"level", e.level},
          {"province", e.province},       {"record_number", e.record_number},
          {"recorded_on", e.recorded_on}, {"entered_on", e.entered_on},
          {"entered_by", e.entered_by},   {"priority_count", e.priority_count},
          {"priority_circumstances", PriorityJson(e.priority)}};
}

Json ToJson(const LibraryList& l) {
  Json out = Json::array();
  for (const domain::LibraryEntry& e : l.entries) out.push_back(ToJson(e));
  return out;
}

Json ToJson(const LibraryEntryResult& r) { return ToJson(r.entry); }

Json ToJson(const domain::LibraryReview& r) {
  return {{"id", r.id},           {"alliance", r.alliance}, {"level", r.level},
          {"year", r.year},       {"decision", r.decision}, {"reason", r.reason},
          {"reviewed_on", r.reviewed_on}, {"reviewed_by", r.reviewed_by}};
}

Json ToJson(const LibraryReviews& l) {
  Json out = Json::array();
  for (const domain::LibraryReview& r : l.reviews) out.push_back(ToJson(r));
  return out;
}

}  // namespace patnav::app
