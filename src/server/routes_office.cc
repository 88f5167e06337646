// Routes of the IP office's records (issue 15 parts 3 and 4): credibility
// records under /api/v1/credit-records, complaints under /api/v1/complaints,
// case files under /api/v1/cases, and the public lists under
// /api/v1/public (no sign-in; JSON, and CSV at the same path + ".csv"). The
// application calls (app/credibility.h, app/office_cases.h,
// app/public_lists.h) authorise by office province and subject; the
// dispatcher audits each write.
#include <cstdlib>
#include <functional>

#include "app/credibility.h"
#include "app/office_cases.h"
#include "app/office_json.h"
#include "app/public_lists.h"
#include "server/api_routes.h"

namespace patnav::server {

namespace {

using Json = nlohmann::ordered_json;
constexpr FieldType S = FieldType::kString;
constexpr FieldType I = FieldType::kInteger;
constexpr FieldType SA = FieldType::kStringArray;
constexpr const char* kRecord = R"({"type":"object","required":["id","province","subject","category","measures","state","history","allowed_actions"]})";
constexpr const char* kComplaint = R"({"type":"object","required":["id","province","kind","state","due_on","deadline","allowed_actions"]})";
constexpr const char* kCase = R"({"type":"object","required":["id","province","case_number","kind","state","due_on","patents","credit_records","allowed_actions"]})";
constexpr const char* kArray = R"({"type":"array"})";

template <typename Res>
HttpResponse Answer(const Result<Res>& r, int status = 200) {
  if (!r.ok()) return StatusResponse(r.status());
  Json body = app::ToJson(*r);
  if (!r->warnings.empty() && body.is_object()) body["warnings"] = r->warnings;
  return JsonResponse(body, status);
}

// Calls `answer` with the path's {id}, or answers NotFound worded as the
// unknown object when it is not a positive integer.
HttpResponse WithId(const ApiRequest& r, const char* what, const std::function<HttpResponse(int64_t)>& answer) {
  const int64_t id = r.Id("id");
  if (id == 0) return StatusResponse(Status::NotFound(std::string("unknown ") + what + " " + r.Param("id")));
  return answer(id);
}

HttpResponse CreateRecord(ApiContext& c, const ApiRequest& r) {
  domain::CreditRecordInput in;
  in.province = r.Str("province");
  in.subject_name = r.Str("subject_name");
  in.subject_code = r.Str("subject_code");
  in.member = r.Str("member");
  in.category = r.Str("category");
  in.measures = r.Strings("measures");
  in.organ = r.Str("organ");
  in.decision_number = r.Str("decision_number");
  in.decided_on = r.Str("decided_on");
  in.facts = r.Str("facts");
  return Answer(app::CreateCreditRecord(r.caller, c.workspace, in), 201);
}
HttpResponse ShowRecord(ApiContext& c, const ApiRequest& r) {
  return WithId(r, "credit record", [&](int64_t id) {
    return Answer(app::ShowCreditRecord(r.caller, c.workspace, {id}));
  });
}
HttpResponse ActOnRecord(ApiContext& c, const ApiRequest& r) {
  return WithId(r, "credit record", [&](int64_t id) {
    return Answer(app::ActOnCreditRecord(r.caller, c.workspace,
                                         {id, r.Param("action"), r.Str("on"), r.Str("comment"), r.Str("listed_until")}));
  });
}
HttpResponse ListRecords(ApiContext& c, const ApiRequest& r) {
  return Answer(app::ListCreditRecords(r.caller, c.workspace, {r.http.QueryParam("province"), r.http.QueryParam("state"),
                                                               r.http.QueryParam("subject")}));
}
HttpResponse Gate(ApiContext& c, const ApiRequest& r) {
  return Answer(app::CheckCreditGate(r.caller, c.workspace, {r.http.QueryParam("subject"), r.http.QueryParam("date")}));
}
HttpResponse Tables(ApiContext&, const ApiRequest&) { return JsonResponse(app::CreditTablesJson()); }

HttpResponse FileComplaint(ApiContext& c, const ApiRequest& r) {
  domain::ComplaintInput in{r.Str("province"),   r.Str("kind"),    r.Str("complainant"), r.Str("respondent"),
                            r.Str("respondent_code"), r.Str("patent"), r.Str("summary"),     r.Str("received_on")};
  return Answer(app::FileComplaint(r.caller, c.workspace, in), 201);
}
HttpResponse ShowComplaint(ApiContext& c, const ApiRequest& r) {
  return WithId(r, "complaint", [&](int64_t id) {
    return Answer(app::ShowComplaint(r.caller, c.workspace, id));
  });
}
HttpResponse ActOnComplaint(ApiContext& c, const ApiRequest& r) {
  return WithId(r, "complaint", [&](int64_t id) {
    return Answer(app::ActOnComplaint(r.caller, c.workspace, {id, r.Param("action"), r.Str("on"), r.Str("comment")}));
  });
}
app::ListOfficeRequest ListRequest(const ApiRequest& r) {
  return {r.http.QueryParam("province"), r.http.QueryParam("state"), r.http.QueryParam("overdue") == "true"};
}
HttpResponse ListComplaints(ApiContext& c, const ApiRequest& r) {
  return Answer(app::ListComplaints(r.caller, c.workspace, ListRequest(r)));
}

HttpResponse OpenCase(ApiContext& c, const ApiRequest& r) {
  domain::CaseInput in;
  in.province = r.Str("province");
  in.case_number = r.Str("case_number");
  in.kind = r.Str("kind");
  in.title = r.Str("title");
  in.complaint_id = r.Int("complaint_id");
  in.patents = r.Strings("patents");
  in.opened_on = r.Str("opened_on");
  return Answer(app::OpenCase(r.caller, c.workspace, in), 201);
}
HttpResponse ShowCase(ApiContext& c, const ApiRequest& r) {
  return WithId(r, "case", [&](int64_t id) {
    return Answer(app::ShowCase(r.caller, c.workspace, id));
  });
}
HttpResponse ActOnCase(ApiContext& c, const ApiRequest& r) {
  return WithId(r, "case", [&](int64_t id) {
    return Answer(app::ActOnCase(r.caller, c.workspace, {id, r.Param("action"), r.Str("on"), r.Str("comment")}));
  });
}
HttpResponse LinkRecord(ApiContext& c, const ApiRequest& r) {
  return WithId(r, "case", [&](int64_t id) {
    return Answer(app::LinkCaseRecord(r.caller, c.workspace, id, r.Int("record_id")));
  });
}
HttpResponse LinkPatents(ApiContext& c, const ApiRequest& r) {
  return WithId(r, "case", [&](int64_t id) {
    return Answer(app::LinkCasePatents(r.caller, c.workspace, id, r.Strings("patents")));
  });
}
HttpResponse ListCases(ApiContext& c, const ApiRequest& r) {
  return Answer(app::ListCases(r.caller, c.workspace, ListRequest(r)));
}

HttpResponse Table(const Result<app::PublicTable>& t, bool csv) {
  if (!t.ok()) return StatusResponse(t.status());
  if (!csv) return JsonResponse(app::PublicTableJson(*t));
  return Download("text/csv; charset=utf-8", t->name + ".csv", app::PublicTableCsv(*t));
}

// The JSON and the CSV route of one public list.
void PublicPair(std::vector<Route>& out, const std::string& path, const std::string& id, const std::string& summary,
                std::function<Result<app::PublicTable>(ApiContext&, const ApiRequest&)> make,
                std::vector<QuerySpec> query) {
  for (bool csv : {false, true}) {
    Route r = MakeRoute("GET", path + (csv ? ".csv" : ""), id + (csv ? "Csv" : ""), summary + (csv ? " (CSV)" : ""),
                        "public", [make, csv](ApiContext& c, const ApiRequest& q) { return Table(make(c, q), csv); },
                        {}, query, 200, csv ? R"({"type":"string"})" : kArray);
    r.access = Access::kPublic;
    if (csv) r.response_type = "text/csv";
    out.push_back(std::move(r));
  }
}

void CreditRoutes(std::vector<Route>& r) {
  const std::string cr = "/api/v1/credit-records";
  r.push_back(MakeRoute("GET", cr, "listCreditRecords",
                        "Credibility records: the office's provinces, or a subject's own", "credibility", ListRecords, {},
                        {{"province", S, false, "only this province"}, {"state", S, false, "only this state"},
                         {"subject", S, false, "only this subject's credit code"}},
                        200, kArray));
  r.push_back(MakeRoute("POST", cr, "createCreditRecord", "Record a dishonesty decision (the office of its province)",
                        "credibility", CreateRecord,
                        {{"province", S, true, "the deciding office's province"},
                         {"subject_name", S, true, ""},
                         {"subject_code", S, true, "统一社会信用代码"},
                         {"member", S, false, "the alliance member the subject is (its users then see the record)"},
                         {"category", S, true, "a category code (GET /api/v1/credit-records/tables)"},
                         {"measures", SA, true, "measure codes applied"},
                         {"organ", S, true, "the deciding organ"},
                         {"decision_number", S, true, "unique"},
                         {"decided_on", S, true, "YYYY-MM-DD"},
                         {"facts", S, false, ""}},
                        {}, 201, kRecord));
  r.push_back(MakeRoute("GET", cr + "/tables", "creditTables",
                        "The dishonesty categories with their publicity rules, the measures and the case kinds",
                        "credibility", Tables, {}, {}, 200, R"({"type":"object","required":["categories","measures","case_kinds"]})"));
  r.push_back(MakeRoute("GET", cr + "/gate", "creditGate",
                        "Has a subject an active dishonesty record on a date (the evaluation gate; office roles)",
                        "credibility", Gate, {},
                        {{"subject", S, true, "credit code or name"}, {"date", S, false, "YYYY-MM-DD (default today)"}},
                        200, R"({"type":"object","required":["subject","date","has_active_record","active"]})"));
  r.push_back(MakeRoute("GET", cr + "/{id}", "getCreditRecord", "One record with its history and the caller's actions",
                        "credibility", ShowRecord, {}, {}, 200, kRecord));
  r.push_back(MakeRoute("POST", cr + "/{id}/{action}", "actOnCreditRecord",
                        "notify, file_statement, list, request_repair, grant_repair, refuse_repair, expire, revoke (each "
                        "for its role; 409 naming the allowed actions, or the first date a repair may be requested)",
                        "credibility", ActOnRecord,
                        {{"on", S, false, "the office's date, YYYY-MM-DD (default today; a subject acts today)"},
                         {"comment", S, false, "the statement, reasons, decision or revocation reason"},
                         {"listed_until", S, false, "list: the end of the listing period (default: the category's)"}},
                        {}, 200, kRecord));
}

void ComplaintRoutes(std::vector<Route>& r) {
  const std::string cp = "/api/v1/complaints";
  r.push_back(MakeRoute("GET", cp, "listComplaints", "Complaints of the office's provinces, with overdue warnings",
                        "complaints", ListComplaints, {},
                        {{"province", S, false, ""}, {"state", S, false, ""}, {"overdue", S, false, "true: overdue only"}},
                        200, kArray));
  r.push_back(MakeRoute("POST", cp, "fileComplaint", "Record a complaint received (due for acceptance in 5 working days)",
                        "complaints", FileComplaint,
                        {{"province", S, true, ""},
                         {"kind", S, true, "a case kind or other"},
                         {"complainant", S, true, ""},
                         {"respondent", S, true, ""},
                         {"respondent_code", S, false, ""},
                         {"patent", S, false, "a publication number in the store"},
                         {"summary", S, true, ""},
                         {"received_on", S, true, "YYYY-MM-DD"}},
                        {}, 201, kComplaint));
  r.push_back(MakeRoute("GET", cp + "/{id}", "getComplaint", "One complaint with its deadline and history", "complaints",
                        ShowComplaint, {}, {}, 200, kComplaint));
  r.push_back(MakeRoute("POST", cp + "/{id}/{action}", "actOnComplaint",
                        "accept, refuse, mediate, check_clue, close (open_case: POST /api/v1/cases with complaint_id)",
                        "complaints", ActOnComplaint,
                        {{"on", S, false, "YYYY-MM-DD (default today)"}, {"comment", S, false, "reason or outcome"}}, {},
                        200, kComplaint));
}

void CaseRoutes(std::vector<Route>& r) {
  const std::string cs = "/api/v1/cases";
  r.push_back(MakeRoute("GET", cs, "listCases", "Case files of the office's provinces, with overdue warnings", "cases",
                        ListCases, {},
                        {{"province", S, false, ""}, {"state", S, false, ""}, {"overdue", S, false, "true: overdue only"}},
                        200, kArray));
  r.push_back(MakeRoute("POST", cs, "openCase", "Open a case file (from a complaint, on patents in the store)", "cases",
                        OpenCase,
                        {{"province", S, true, ""},
                         {"case_number", S, true, "unique"},
                         {"kind", S, true, "infringement_adjudication, mediation, passing_off, agency_violation, abnormal_application"},
                         {"title", S, true, ""},
                         {"complaint_id", I, false, "the complaint it comes from (moves to case_opened)"},
                         {"patents", SA, false, "publication numbers in the store"},
                         {"opened_on", S, true, "YYYY-MM-DD"}},
                        {}, 201, kCase));
  r.push_back(MakeRoute("GET", cs + "/{id}", "getCase", "One case file with its history", "cases", ShowCase, {}, {}, 200,
                        kCase));
  r.push_back(MakeRoute("POST", cs + "/{id}/records", "linkCaseRecord", "Link a credibility record the case led to",
                        "cases", LinkRecord, {{"record_id", I, true, ""}}, {}, 200, kCase));
  r.push_back(MakeRoute("POST", cs + "/{id}/patents", "linkCasePatents",
                        "Link more patents of the store to an open case (409 when decided or closed or linked already)",
                        "cases", LinkPatents, {{"patents", SA, true, "publication numbers in the store"}}, {}, 200,
                        kCase));
  r.push_back(MakeRoute("POST", cs + "/{id}/{action}", "actOnCase", "decide, close, terminate", "cases", ActOnCase,
                        {{"on", S, false, "YYYY-MM-DD (default today)"}, {"comment", S, false, "the decision or reason"}},
                        {}, 200, kCase));
}

void PublicRoutes(std::vector<Route>& r) {
  PublicPair(r, "/api/v1/public/alliances", "publicAlliances", "Recorded alliances (public)",
             [](ApiContext& c, const ApiRequest&) { return app::PublicRecordedAlliances(c.workspace); }, {});
  PublicPair(r, "/api/v1/public/library", "publicLibrary", "The management library of a level (public)",
             [](ApiContext& c, const ApiRequest& q) { return app::PublicLibrary(c.workspace, q.http.QueryParam("level")); },
             {{"level", S, false, "national (default) or a province"}});
  PublicPair(r, "/api/v1/public/dishonesty", "publicDishonesty",
             "The public dishonesty list on a date (the publicity rules of each category)",
             [](ApiContext& c, const ApiRequest& q) { return app::PublicDishonestyList(c.workspace, q.http.QueryParam("date")); },
             {{"date", S, false, "YYYY-MM-DD (default today)"}});
}

}  // namespace

std::vector<Route> OfficeRoutes() {
  std::vector<Route> r;
  CreditRoutes(r);
  ComplaintRoutes(r);
  CaseRoutes(r);
  PublicRoutes(r);
  return r;
}

}  // namespace patnav::server
