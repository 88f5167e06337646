// Routes of the alliance recording workflow and the management library
// (issue 15, part 1): an alliance's application under
// /api/v1/alliances/{alliance}/recording, the offices' queue and the library
// under /api/v1/recordings. The application calls (app/recordings.h)
// authorise by role, tenant and province; the dispatcher audits each write.
#include "app/recordings.h"
#include "app/recordings_json.h"
#include "server/api_routes.h"

namespace patnav::server {

namespace {

using Json = nlohmann::ordered_json;
constexpr const char* kR = "/api/v1/alliances/{alliance}/recording";
constexpr const char* kArray = R"({"type":"array"})";
constexpr const char* kRecording =
    R"({"type":"object","required":["id","alliance","province","state","form","materials","failing_rules","priority_circumstances","history","allowed_actions"]})";
constexpr FieldType S = FieldType::kString;
constexpr FieldType B = FieldType::kBoolean;

template <typename Res>
HttpResponse Answer(const Result<Res>& r, int status = 200) {
  if (!r.ok()) return StatusResponse(r.status());
  Json body = app::ToJson(*r);
  if (!r->warnings.empty() && body.is_object()) body["warnings"] = r->warnings;
  return JsonResponse(body, status);
}

app::StartRecordingRequest FormRequest(const ApiRequest& r) {
  app::StartRecordingRequest in;
  in.alliance = r.Param("alliance");
  in.province = r.Str("province");
  domain::ApplicationFormInput& f = in.form;
  f.industry = r.Str("industry");
  f.industry_category = r.Str("industry_category");
  f.industry_stage = r.Str("industry_stage");
  f.lead_unit = r.Str("lead_unit");
  f.secretary_general_unit = r.Str("secretary_general_unit");
  f.operator_name = r.Str("operator");
  f.third_party_operator = r.Bool("third_party_operator");
  f.contact_person = r.Str("contact_person");
  f.contact_phone = r.Str("contact_phone");
  f.contact_email = r.Str("contact_email");
  f.lead_licence = r.Bool("lead_licence");
  f.secretary_licence = r.Bool("secretary_licence");
  f.charter_signed = r.Bool("charter_signed");
  return in;
}

std::vector<FieldSpec> FormFields(bool province_required) {
  return {{"province", S, province_required, "the provincial IP office it is submitted to, e.g. 北京市"},
          {"industry", S, false, "the industry"},
          {"industry_category", S, false, "ip_intensive, ip_dependent or other"},
          {"industry_stage", S, false, "germination, growing, mature or declining"},
          {"lead_unit", S, false, "牵头单位"},
          {"secretary_general_unit", S, false, "秘书长单位"},
          {"operator", S, false, "who runs the alliance"},
          {"third_party_operator", B, false, "a third-party professional operating organisation"},
          {"contact_person", S, false, ""},
          {"contact_phone", S, false, ""},
          {"contact_email", S, false, ""},
          {"lead_licence", B, false, "the lead unit's business licence is provided"},
          {"secretary_licence", B, false, "the secretary-general unit's business licence is provided"},
          {"charter_signed", B, false, "every member's signature or seal on the charter is confirmed"}};
}

HttpResponse ShowRecording(ApiContext& c, const ApiRequest& r) {
  return Answer(app::ShowRecording(r.caller, c.workspace, {r.Param("alliance")}));
}
HttpResponse StartRecording(ApiContext& c, const ApiRequest& r) {
  return Answer(app::StartRecording(r.caller, c.workspace, FormRequest(r)), 201);
}
HttpResponse EditRecording(ApiContext& c, const ApiRequest& r) {
  return Answer(app::EditRecording(r.caller, c.workspace, FormRequest(r)));
}
HttpResponse ActOnRecording(ApiContext& c, const ApiRequest& r) {
  return Answer(app::ActOnRecording(r.caller, c.workspace,
                                    {r.Param("alliance"), r.Param("action"), r.Str("comment"), r.Str("record_number"),
                                     r.Str("recorded_on")}));
}
HttpResponse EnterLibrary(ApiContext& c, const ApiRequest& r) {
  return Answer(app::EnterLibrary(r.caller, c.workspace, {r.Param("alliance"), r.Str("level")}), 201);
}
HttpResponse ListRecordings(ApiContext& c, const ApiRequest& r) {
  return Answer(app::ListRecordings(r.caller, c.workspace,
                                    {r.http.QueryParam("province"), r.http.QueryParam("state")}));
}
HttpResponse ListLibrary(ApiContext& c, const ApiRequest& r) {
  return Answer(app::ListLibrary(r.caller, c.workspace, {r.http.QueryParam("level")}));
}

}  // namespace

std::vector<Route> RecordingRoutes() {
  const std::string a = kR;
  std::vector<Route> r;
  r.push_back(MakeRoute("GET", a, "getRecording",
                        "The alliance's recording application: form, materials checklist, failing rules, priority "
                        "circumstances, history and the actions the caller may take",
                        "recording", ShowRecording, {}, {}, 200, kRecording));
  r.push_back(MakeRoute("POST", a, "startRecording", "Start a recording application (draft) to a province (operator)",
                        "recording", StartRecording, FormFields(true), {}, 201, kRecording));
  r.push_back(MakeRoute("PUT", a, "editRecording",
                        "Replace the entered fields of a draft or needs-correction application (operator)", "recording",
                        EditRecording, FormFields(false), {}, 200, kRecording));
  r.push_back(MakeRoute("POST", a + "/{action}", "actOnRecording",
                        "Move the application: submit, return, resubmit, accept, recommend, record, reject, withdraw "
                        "(each for its role; 409 naming the allowed actions otherwise)",
                        "recording", ActOnRecording,
                        {{"comment", S, false, "required for return (what to correct) and reject (the reason)"},
                         {"record_number", S, false, "record: default IPA-<year>-<id>"},
                         {"recorded_on", S, false, "record: YYYY-MM-DD (default today)"}},
                        {}, 200, kRecording));
  r.push_back(MakeRoute("POST", "/api/v1/alliances/{alliance}/library", "enterLibrary",
                        "Enter a recorded alliance into the national or its province's management library", "recording",
                        EnterLibrary, {{"level", S, true, "national, or the province it was recorded in"}}, {}, 201,
                        R"({"type":"object","required":["alliance","level","priority_circumstances"]})"));
  r.push_back(MakeRoute("GET", "/api/v1/recordings", "listRecordings",
                        "Recording applications: a reviewer's province queue, an operator's alliances, all for "
                        "administrators",
                        "recording", ListRecordings, {},
                        {{"province", S, false, "only this province"}, {"state", S, false, "only this state"}}, 200,
                        kArray));
  r.push_back(MakeRoute("GET", "/api/v1/recordings/library", "listLibrary",
                        "The management library of a level, most priority circumstances first", "recording",
                        ListLibrary, {}, {{"level", S, true, "national or a province"}}, 200, kArray));
  return r;
}

}  // namespace patnav::server
