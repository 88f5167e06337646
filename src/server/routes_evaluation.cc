// Routes of stored indicator systems and evaluation rounds (issue 15 part
// 2): systems under /api/v1/indicator-systems, rounds under /api/v1/rounds
// (the round, its subjects, observations, scoring, results, a subject's
// explanation, outcomes and the ranking workbook). The application calls
// (app/evaluation_rounds.h) authorise by the round's office province and by
// subject; the dispatcher audits each write.
#include <functional>
#include <optional>

#include "app/evaluation_rounds.h"
#include "app/evaluation_rounds_json.h"
#include "base/mapped_file.h"
#include "server/api_routes.h"
#include "server/multipart.h"

namespace patnav::server {

namespace {

using Json = nlohmann::ordered_json;
constexpr FieldType S = FieldType::kString;
constexpr FieldType SA = FieldType::kStringArray;
constexpr const char* kSystem = R"({"type":"object","required":["code","version","name","system"]})";
constexpr const char* kRound = R"({"type":"object","required":["id","name","province","period","subject_kind","weighting","state","system","allowed_actions","subjects","history"]})";
constexpr const char* kObservations = R"({"type":"object","required":["round_id","changed","observations"]})";
constexpr const char* kResults = R"({"type":"object","required":["round_id","state","scored","fresh","ranking","outcomes"]})";
constexpr const char* kComputed =
    R"({"type":"object","required":["round_id","changed","observations","computed","kept"]})";
constexpr const char* kSubject = R"({"type":"object","required":["round_id","subject","observations","result","outcomes"]})";
constexpr const char* kOutcome = R"({"type":"object","required":["subject","rule","ban_years","reason","applied_by","applied_at"]})";
constexpr const char* kArray = R"({"type":"array"})";

template <typename T>
HttpResponse Answer(const Result<T>& r, int status = 200) {
  if (!r.ok()) return StatusResponse(r.status());
  return JsonResponse(app::ToJson(*r), status);
}

// Calls `answer` with the path's {id}, or answers NotFound worded as an
// unknown round when it is not a positive integer.
HttpResponse WithRound(const ApiRequest& r, const std::function<HttpResponse(int64_t)>& answer) {
  const int64_t id = r.Id("id");
  if (id == 0) return StatusResponse(Status::NotFound("unknown round " + r.Param("id")));
  return answer(id);
}

std::string Text(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

HttpResponse StoreSystem(ApiContext& c, const ApiRequest& r) {
  std::string text = r.Str("json");
  if (text.empty() && r.body.contains("system")) text = r.body["system"].dump();
  if (text.empty()) return StatusResponse(Status::InvalidArgument("give the system as 'system' (an object) or 'json' (its text)"), "system");
  return Answer(app::StoreIndicatorSystem(r.caller, c.workspace, {text, r.Str("origin")}), 201);
}
HttpResponse ListSystems(ApiContext& c, const ApiRequest& r) {
  Result<std::vector<domain::StoredIndicatorSystem>> list = app::ListIndicatorSystems(r.caller, c.workspace);
  if (!list.ok()) return StatusResponse(list.status());
  Json out = Json::array();
  for (const auto& s : *list) out.push_back(app::ToJson(s));
  return JsonResponse(out);
}
HttpResponse ShowSystem(ApiContext& c, const ApiRequest& r) {
  return Answer(app::ShowIndicatorSystem(r.caller, c.workspace, r.Param("code"), r.Param("version")));
}

HttpResponse Open(ApiContext& c, const ApiRequest& r) {
  domain::RoundSpec spec{r.Str("system_code"), r.Str("system_version"), r.Str("name"), r.Str("province"),
                         r.Str("period"), r.Str("subject_kind"), r.Str("weighting", "fixed")};
  return Answer(app::OpenRound(r.caller, c.workspace, spec), 201);
}
HttpResponse List(ApiContext& c, const ApiRequest& r) {
  Result<std::vector<app::RoundView>> list = app::ListRounds(r.caller, c.workspace);
  if (!list.ok()) return StatusResponse(list.status());
  const std::string state = r.http.QueryParam("state");
  Json out = Json::array();
  for (const auto& v : *list)
    if (state.empty() || state == domain::RoundStateName(v.round.state)) out.push_back(app::ToJson(v));
  return JsonResponse(out);
}
HttpResponse Show(ApiContext& c, const ApiRequest& r) {
  return WithRound(r, [&](int64_t id) { return Answer(app::ShowRound(r.caller, c.workspace, id)); });
}
HttpResponse AddSubjects(ApiContext& c, const ApiRequest& r) {
  return WithRound(r, [&](int64_t id) {
    std::vector<domain::RoundSubjectInput> in;
    for (const auto& s : r.body["subjects"])
      in.push_back({Text(s, "code"), Text(s, "name"), Text(s, "province"), Text(s, "member"), Text(s, "alliance")});
    return Answer(app::AddRoundSubjects(r.caller, c.workspace, id, in));
  });
}
HttpResponse Act(ApiContext& c, const ApiRequest& r) {
  return WithRound(r, [&](int64_t id) {
    return Answer(app::ActOnRound(r.caller, c.workspace, id, r.Param("action"), r.Str("comment")));
  });
}

HttpResponse Enter(ApiContext& c, const ApiRequest& r) {
  return WithRound(r, [&](int64_t id) {
    std::vector<domain::ObservationEntry> in;
    size_t i = 0;
    for (const auto& o : r.body["observations"]) {
      auto v = o.find("value");
      if (v == o.end() || !v->is_number())
        return StatusResponse(Status::InvalidArgument("observations[" + std::to_string(i) + "]: 'value' must be a number"),
                              "observations");
      std::string period = o.contains("period") && o["period"].is_number_integer()
                               ? std::to_string(o["period"].get<long long>()) : Text(o, "period");
      in.push_back({Text(o, "subject"), Text(o, "measure"), period, v->get<double>(), Text(o, "source")});
      ++i;
    }
    return Answer(app::EnterObservations(r.caller, c.workspace, id, in));
  });
}

HttpResponse Compute(ApiContext& c, const ApiRequest& r) {
  return WithRound(r, [&](int64_t id) {
    return Answer(app::ComputeObservations(r.caller, c.workspace, id, r.Bool("replace", false)));
  });
}

HttpResponse Import(ApiContext& c, const ApiRequest& r) {
  return WithRound(r, [&](int64_t id) {
    std::optional<MappedFile> spooled;
    std::string_view body = r.http.body;
    if (!r.http.body_file.empty()) {
      Result<MappedFile> mapped = MappedFile::Open(r.http.body_file);
      if (!mapped.ok()) return StatusResponse(Status::IOError("cannot read the upload"));
      spooled.emplace(std::move(mapped).value());
      body = spooled->bytes();
    }
    std::string name = r.http.QueryParam("filename"), bytes;
    const std::string type = r.http.Header("content-type");
    if (type.rfind("multipart/", 0) == 0) {
      Result<std::string> boundary = MultipartBoundary(type);
      if (!boundary.ok()) return StatusResponse(boundary.status());
      Result<std::vector<FormPart>> parts = ParseMultipart(body, *boundary);
      if (!parts.ok()) return StatusResponse(parts.status());
      for (const FormPart& p : *parts)
        if (!p.filename.empty() || p.name == "file") {
          bytes.assign(p.data);
          if (name.empty()) name = p.filename;
          break;
        }
    } else {
      bytes.assign(body);
    }
    if (bytes.empty()) return StatusResponse(Status::InvalidArgument("no file in the upload"), "file");
    return Answer(app::ImportObservations(r.caller, c.workspace, id, std::move(bytes), name));
  });
}

HttpResponse ListObs(ApiContext& c, const ApiRequest& r) {
  return WithRound(r, [&](int64_t id) {
    return Answer(app::ListObservations(r.caller, c.workspace, id, r.http.QueryParam("subject")));
  });
}
HttpResponse Submit(ApiContext& c, const ApiRequest& r) {
  return WithRound(r, [&](int64_t id) {
    return Answer(app::SubmitObservations(r.caller, c.workspace, id, r.Param("subject")));
  });
}
HttpResponse Verify(ApiContext& c, const ApiRequest& r) {
  return WithRound(r, [&](int64_t id) {
    return Answer(app::VerifyObservations(r.caller, c.workspace, id, r.Param("subject"), r.Strings("measures")));
  });
}
HttpResponse VerifyAll(ApiContext& c, const ApiRequest& r) {
  return WithRound(r, [&](int64_t id) { return Answer(app::VerifyAllObservations(r.caller, c.workspace, id)); });
}
HttpResponse Return(ApiContext& c, const ApiRequest& r) {
  return WithRound(r, [&](int64_t id) {
    return Answer(app::ReturnObservations(r.caller, c.workspace, id, r.Param("subject"), r.Strings("measures"),
                                          r.Str("reason")));
  });
}

HttpResponse Score(ApiContext& c, const ApiRequest& r) {
  return WithRound(r, [&](int64_t id) { return Answer(app::ScoreRound(r.caller, c.workspace, id)); });
}
HttpResponse Results(ApiContext& c, const ApiRequest& r) {
  return WithRound(r, [&](int64_t id) { return Answer(app::RoundResults(r.caller, c.workspace, id)); });
}
HttpResponse Explain(ApiContext& c, const ApiRequest& r) {
  return WithRound(r, [&](int64_t id) {
    return Answer(app::ExplainSubject(r.caller, c.workspace, id, r.Param("subject")));
  });
}
HttpResponse Outcome(ApiContext& c, const ApiRequest& r) {
  return WithRound(r, [&](int64_t id) {
    return Answer(app::ApplyOutcome(r.caller, c.workspace, id, r.Param("subject"), r.Str("rule"), r.Str("reason")), 201);
  });
}
HttpResponse Workbook(ApiContext& c, const ApiRequest& r) {
  return WithRound(r, [&](int64_t id) {
    Result<app::RoundWorkbook> w = app::RoundRankingWorkbook(r.caller, c.workspace, id);
    if (!w.ok()) return StatusResponse(w.status());
    return Download("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", w->filename,
                    std::move(w->bytes));
  });
}

void SystemRoutes(std::vector<Route>& r) {
  const std::string p = "/api/v1/indicator-systems";
  r.push_back(MakeRoute("GET", p, "listIndicatorSystems", "Stored indicator-system versions", "evaluation",
                        ListSystems, {}, {}, 200, kArray));
  r.push_back(MakeRoute("POST", p, "storeIndicatorSystem",
                        "Store a version of an indicator system, frozen by code and version (office roles; the same text "
                        "again answers already_stored: true; 409 for another text under a stored version)",
                        "evaluation", StoreSystem,
                        {{"system", FieldType::kObject, false, "the system file as an object (docs/evaluation.md)"},
                         {"json", S, false, "or the system file's text"},
                         {"origin", S, false, "a name for error messages, e.g. the file name"}},
                        {}, 201, kSystem));
  r.push_back(MakeRoute("GET", p + "/{code}/{version}", "getIndicatorSystem", "One stored version, parsed",
                        "evaluation", ShowSystem, {}, {}, 200, kSystem));
}

void RoundRoutes(std::vector<Route>& r) {
  const std::string p = "/api/v1/rounds", one = p + "/{id}", subject = one + "/subjects/{subject}";
  r.push_back(MakeRoute("GET", p, "listRounds", "Evaluation rounds the caller may see (the office's provinces, or "
                        "a subject's own)", "evaluation", List, {}, {{"state", S, false, "only rounds in this state"}},
                        200, kArray));
  r.push_back(MakeRoute("POST", p, "openRound",
                        "Open a round in data_call on a stored system version (the office of its province)",
                        "evaluation", Open,
                        {{"system_code", S, true, ""},
                         {"system_version", S, true, ""},
                         {"name", S, true, ""},
                         {"province", S, true, "the office running it; national for CNIPA"},
                         {"period", S, true, "2025, 2025Q4 or 2025-12"},
                         {"subject_kind", S, true, "city, district, experimental_zone, pilot_unit, pilot_enterprise, alliance, enterprise"},
                         {"weighting", S, false, "fixed (default), ahp, entropy, critic"}},
                        {}, 201, kRound));
  r.push_back(MakeRoute("GET", one, "getRound", "A round with its subjects' progress, allowed actions and history",
                        "evaluation", Show, {}, {}, 200, kRound));
  r.push_back(MakeRoute("POST", one + "/subjects", "addRoundSubjects",
                        "Add subjects (data_call or self_assessment; the office)", "evaluation", AddSubjects,
                        {{"subjects", FieldType::kObjectArray, true,
                          "[{\"code\", \"name\", \"province\"?, \"member\"? (an alliance member: its users enter the "
                          "figures), \"alliance\"? (an alliance: its operators do)}]"}},
                        {}, 200, kRound));
  r.push_back(MakeRoute("GET", one + "/observations", "listRoundObservations",
                        "Observations with their data-call state (a subject's users: their own)", "evaluation", ListObs,
                        {}, {{"subject", S, false, "only this subject"}}, 200, kObservations));
  r.push_back(MakeRoute("POST", one + "/observations", "enterRoundObservations",
                        "Enter or correct observations, all or none (the office: any subject; a subject's users: "
                        "their own, in data_call and self_assessment)", "evaluation", Enter,
                        {{"observations", FieldType::kObjectArray, true,
                          "[{\"subject\", \"measure\", \"period\", \"value\" (a number), \"source\"?}]"}},
                        {}, 200, kObservations));
  r.push_back(MakeRoute("POST", one + "/observations/compute", "computeRoundObservations",
                        "Compute the measures patnav decides from its own data (valid and high-value invention "
                        "patents, PCT filings, recorded transfers, licences and pledges, the credibility gate) for "
                        "every subject, entered with source patnav for the office to verify (the office)",
                        "evaluation", Compute,
                        {{"replace", FieldType::kBoolean, false, "also overwrite figures entered otherwise (default false)"}},
                        {}, 200, kComputed));
  r.push_back(MakeRoute("POST", one + "/observations/verify", "verifyAllRoundObservations",
                        "Verify every entered or submitted figure of the round in one step (the office; returned "
                        "figures stay returned; answers the count, observations empty)",
                        "evaluation", VerifyAll, {}, {}, 200, kObservations));
  Route upload = MakeRoute("POST", one + "/observations/import", "importRoundObservations",
                           "Import observations from CSV, JSON or XLSX (raw body or multipart/form-data), all or none",
                           "evaluation", Import, {}, {{"filename", S, false, "the file's name, for messages"}}, 200,
                           kObservations);
  upload.raw_body = true;
  r.push_back(std::move(upload));
  r.push_back(MakeRoute("POST", subject + "/submit", "submitRoundObservations",
                        "Submit a subject's entered and returned figures to the office", "evaluation", Submit, {}, {},
                        200, kObservations));
  r.push_back(MakeRoute("POST", subject + "/verify", "verifyRoundObservations",
                        "Verify a subject's figures (the office)", "evaluation", Verify,
                        {{"measures", SA, false, "only these measures (default: every entered or submitted figure)"}},
                        {}, 200, kObservations));
  r.push_back(MakeRoute("POST", subject + "/return", "returnRoundObservations",
                        "Return a subject's figures for correction with a reason (the office)", "evaluation", Return,
                        {{"reason", S, true, ""},
                         {"measures", SA, false, "only these measures (also verified ones; default: every submitted figure)"}},
                        {}, 200, kObservations));
  r.push_back(MakeRoute("GET", subject, "explainRoundSubject",
                        "A subject's figures, its stored scorecard with every intermediate number and the explanation "
                        "lines, and its outcomes (subjects: results from publicity on)",
                        "evaluation", Explain, {}, {}, 200, kSubject));
  r.push_back(MakeRoute("POST", subject + "/outcome", "applyRoundOutcome",
                        "Apply an outcome rule to a subject with a reason (the office; publicity or final)",
                        "evaluation", Outcome,
                        {{"rule", S, true, "an outcome code of the round's system"}, {"reason", S, true, ""}}, {}, 201,
                        kOutcome));
  r.push_back(MakeRoute("POST", one + "/score", "scoreRound",
                        "Score the round and store every number (the office; provincial_review or expert_review, every "
                        "figure verified)", "evaluation", Score, {}, {}, 200, kResults));
  r.push_back(MakeRoute("GET", one + "/results", "getRoundResults",
                        "The stored ranking, weights, AHP reports and sensitivity (subjects: their own, from publicity on)",
                        "evaluation", Results, {}, {}, 200, kResults));
  Route xlsx = MakeRoute("GET", one + "/ranking.xlsx", "getRoundRankingXlsx",
                         "The ranking, node scores, weights and sensitivity as an XLSX workbook (the office)",
                         "evaluation", Workbook, {}, {}, 200, R"({"type":"string","format":"binary"})");
  xlsx.response_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  r.push_back(std::move(xlsx));
  r.push_back(MakeRoute("POST", one + "/{action}", "actOnRound",
                        "open_self_assessment, close_self_assessment, return_to_subjects, send_to_experts, publish, "
                        "reopen_review, finalise (the office; 409 naming the allowed actions)",
                        "evaluation", Act, {{"comment", S, false, ""}}, {}, 200, kRound));
}

}  // namespace

std::vector<Route> EvaluationRoutes() {
  std::vector<Route> r;
  SystemRoutes(r);
  RoundRoutes(r);
  return r;
}

}  // namespace patnav::server
