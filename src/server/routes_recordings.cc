// Routes of the alliance recording workflow and the management library
// (issue 15, part 1): an alliance's application under
// /api/v1/alliances/{alliance}/recording, the offices' queue and the library
// under /api/v1/recordings. The application calls (app/recordings.h)
// authorise by role, tenant and province; the dispatcher audits each write.
// A material's file is uploaded as a raw body (its name in ?filename=) or
// multipart/form-data, and served under a generated name, never the label.
#include <optional>

#include "app/recording_aftercare.h"
#include "app/recordings.h"
#include "app/recordings_json.h"
#include "base/mapped_file.h"
#include "server/api_routes.h"
#include "server/multipart.h"

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
HttpResponse ReviewLibrary(ApiContext& c, const ApiRequest& r) {
  Result<domain::LibraryReview> done = app::ReviewLibraryEntry(
      r.caller, c.workspace,
      {r.Param("alliance"), r.Str("level"), static_cast<int>(r.Int("year")), r.Str("decision"), r.Str("reason"), r.Str("on")});
  if (!done.ok()) return StatusResponse(done.status());
  return JsonResponse(app::ToJson(*done), 201);
}
HttpResponse ListLibraryReviews(ApiContext& c, const ApiRequest& r) {
  Result<app::LibraryReviews> list = app::ListLibraryReviews(r.caller, c.workspace, {r.http.QueryParam("level")});
  if (!list.ok()) return StatusResponse(list.status());
  return JsonResponse(app::ToJson(*list), 200);
}
HttpResponse ListRecordings(ApiContext& c, const ApiRequest& r) {
  return Answer(app::ListRecordings(r.caller, c.workspace,
                                    {r.http.QueryParam("province"), r.http.QueryParam("state")}));
}
HttpResponse ListLibrary(ApiContext& c, const ApiRequest& r) {
  return Answer(app::ListLibrary(r.caller, c.workspace, {r.http.QueryParam("level")}));
}

// The uploaded file: the first multipart part with a file name (or named
// "file"), else the raw body named by ?filename=.
Result<std::pair<std::string, std::string>> UploadedFile(const ApiRequest& r) {
  std::optional<MappedFile> spooled;
  std::string_view body = r.http.body;
  if (!r.http.body_file.empty()) {
    Result<MappedFile> mapped = MappedFile::Open(r.http.body_file);
    if (!mapped.ok()) return Status::IOError("cannot read the upload");
    spooled.emplace(std::move(mapped).value());
    body = spooled->bytes();
  }
  const std::string type = r.http.Header("content-type");
  if (type.rfind("multipart/", 0) != 0) return std::make_pair(r.http.QueryParam("filename"), std::string(body));
  ASSIGN_OR_RETURN(std::string boundary, MultipartBoundary(type));
  ASSIGN_OR_RETURN(std::vector<FormPart> parts, ParseMultipart(body, boundary));
  for (const FormPart& p : parts)
    if (!p.filename.empty() || p.name == "file") return std::make_pair(p.filename, std::string(p.data));
  return Status::InvalidArgument("file: no file in the upload");
}

HttpResponse UploadFile(ApiContext& c, const ApiRequest& r) {
  Result<std::pair<std::string, std::string>> file = UploadedFile(r);
  if (!file.ok()) return StatusResponse(file.status(), "file");
  Result<domain::MaterialFile> f = app::UploadMaterialFile(
      r.caller, c.workspace, {r.Param("alliance"), r.Param("material"), file->first, std::move(file->second)});
  if (!f.ok()) return StatusResponse(f.status());
  return JsonResponse(app::ToJson(*f), 201);
}

HttpResponse DownloadFile(ApiContext& c, const ApiRequest& r) {
  const int64_t id = r.Id("id");
  if (id == 0) return StatusResponse(Status::NotFound("unknown file " + r.Param("id")));
  Result<domain::MaterialFileContent> f = app::DownloadMaterialFile(r.caller, c.workspace, {r.Param("alliance"), id});
  if (!f.ok()) return StatusResponse(f.status());
  const std::string& type = f->file.content_type;
  const char* ext = type == "application/pdf" ? "pdf" : type == "image/png" ? "png" : "jpg";
  return Download(type, f->file.material + "-" + std::to_string(id) + "." + ext, std::move(f->bytes));
}

HttpResponse RemoveFile(ApiContext& c, const ApiRequest& r) {
  const int64_t id = r.Id("id");
  if (id == 0) return StatusResponse(Status::NotFound("unknown file " + r.Param("id")));
  Status st = app::RemoveMaterialFile(r.caller, c.workspace, {r.Param("alliance"), id});
  if (!st.ok()) return StatusResponse(st);
  HttpResponse out;
  out.status = 204;
  return out;
}

HttpResponse ShowAftercare(ApiContext& c, const ApiRequest& r) {
  return Answer(app::ShowAftercare(r.caller, c.workspace, r.Param("alliance")));
}
HttpResponse FileAnnual(ApiContext& c, const ApiRequest& r) {
  return Answer(app::FileAnnualReport(r.caller, c.workspace, {r.Param("alliance"), static_cast<int>(r.Int("year")),
                                                               r.Str("summary"), r.Str("filed_on")}), 201);
}
HttpResponse FileChange(ApiContext& c, const ApiRequest& r) {
  return Answer(app::FileMajorChange(r.caller, c.workspace, {r.Param("alliance"), r.Str("change_kind"),
                                                              r.Str("changed_on"), r.Str("summary"), r.Str("filed_on")}),
                201);
}
HttpResponse Rectify(ApiContext& c, const ApiRequest& r) {
  return Answer(app::ActOnRectification(r.caller, c.workspace, {r.Param("alliance"), r.Param("action"), r.Str("text"),
                                                                 r.Str("on"), r.Str("due_on")}));
}

// Registered before ".../recording/{action}", which would take their paths.
void AftercareRoutes(std::vector<Route>& r) {
  const std::string a = kR;
  constexpr const char* kAftercare =
      R"({"type":"object","required":["recording","reports","annual_reports","late_annual_reports","rectifications"]})";
  r.push_back(MakeRoute("GET", a + "/reports", "getRecordingAftercare",
                        "After recording: filed reports, each year's annual report (filed, filed_late, due, overdue) and "
                        "the rectifications", "recording", ShowAftercare, {}, {}, 200, kAftercare));
  r.push_back(MakeRoute("POST", a + "/annual-reports", "fileAnnualReport",
                        "File the annual report on a year (the operator; due 31 March of the next year)", "recording",
                        FileAnnual,
                        {{"year", FieldType::kInteger, true, "from the recording year to the filing year"},
                         {"summary", S, true, ""},
                         {"filed_on", S, false, "YYYY-MM-DD (default today)"}},
                        {}, 201, kAftercare));
  r.push_back(MakeRoute("POST", a + "/major-changes", "fileMajorChange",
                        "Report a major change (the operator; due 30 days after the change)", "recording", FileChange,
                        {{"change_kind", S, true,
                          "name, form, lead_unit, secretary_general_unit, operator, charter, members, address"},
                         {"changed_on", S, true, "YYYY-MM-DD"},
                         {"summary", S, true, ""},
                         {"filed_on", S, false, "YYYY-MM-DD (default today)"}},
                        {}, 201, kAftercare));
  r.push_back(MakeRoute("POST", a + "/rectification/{action}", "actOnRectification",
                        "Rectification: order (the office, with due_on), report (the operator), close or remove from "
                        "the record (the office)",
                        "recording", Rectify,
                        {{"text", S, false, "the reason, what was done, or the decision (required)"},
                         {"on", S, false, "YYYY-MM-DD (default today)"},
                         {"due_on", S, false, "order: YYYY-MM-DD"}},
                        {}, 200, kAftercare));
}

void FileRoutes(std::vector<Route>& r) {
  const std::string a = kR;
  Route upload = MakeRoute("POST", a + "/materials/{material}/files", "uploadRecordingFile",
                           "Upload a file of one of the four materials (application_form, charter, licences, "
                           "member_list): PDF, PNG or JPEG, at most 10 MiB; raw body with ?filename= or "
                           "multipart/form-data (the operator, in draft or needs_correction)",
                           "recording", UploadFile, {}, {{"filename", S, false, "the file's name (a label)"}}, 201,
                           R"({"type":"object","required":["id","material","label","content_type","size","sha256"]})");
  upload.raw_body = true;
  r.push_back(std::move(upload));
  Route download = MakeRoute("GET", a + "/files/{id}", "downloadRecordingFile",
                             "A material's file (the alliance's operator, the reviewing province's office, the "
                             "administrator; 404 to anyone else)",
                             "recording", DownloadFile);
  download.response_type = "application/octet-stream";
  r.push_back(std::move(download));
  r.push_back(MakeRoute("DELETE", a + "/files/{id}", "removeRecordingFile",
                        "Remove a material's file (the operator, in draft or needs_correction)", "recording",
                        RemoveFile, {}, {}, 204));
}

}  // namespace

std::vector<Route> RecordingRoutes() {
  const std::string a = kR;
  std::vector<Route> r;
  AftercareRoutes(r);
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
  r.push_back(MakeRoute("POST", "/api/v1/alliances/{alliance}/library/reviews", "reviewLibraryEntry",
                        "The annual review of a library entry: retain, warning or remove (the entry leaves that "
                        "library); by whoever keeps the library; one per alliance, level and year",
                        "recording", ReviewLibrary,
                        {{"level", S, true, "national, or the province of the library"},
                         {"year", FieldType::kInteger, true, "the year reviewed: from the year it was entered to the review's"},
                         {"decision", S, true, "retain, warning or remove"},
                         {"reason", S, false, "required for warning and remove"},
                         {"on", S, false, "YYYY-MM-DD (default today)"}},
                        {}, 201,
                        R"({"type":"object","required":["id","alliance","level","year","decision","reason","reviewed_on","reviewed_by"]})"));
  r.push_back(MakeRoute("GET", "/api/v1/recordings/library/reviews", "listLibraryReviews",
                        "The annual reviews of a library's entries, the latest year first (its keepers only)", "recording",
                        ListLibraryReviews, {}, {{"level", S, true, "national or a province"}}, 200, kArray));
  r.push_back(MakeRoute("GET", "/api/v1/recordings", "listRecordings",
                        "Recording applications: a reviewer's province queue, an operator's alliances, all for "
                        "administrators",
                        "recording", ListRecordings, {},
                        {{"province", S, false, "only this province"}, {"state", S, false, "only this state"}}, 200,
                        kArray));
  r.push_back(MakeRoute("GET", "/api/v1/recordings/library", "listLibrary",
                        "The management library of a level, most priority circumstances first", "recording",
                        ListLibrary, {}, {{"level", S, true, "national or a province"}}, 200, kArray));
  FileRoutes(r);
  return r;
}

}  // namespace patnav::server
