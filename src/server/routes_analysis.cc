// Routes of the analyses: a landscape (JSON, or an HTML or XLSX download),
// the landscapes shared with an alliance, and patent value.
#include "app/landscape.h"
#include "app/patent_json.h"
#include "app/patent_status.h"
#include "app/patent_value.h"
#include "app/shared_landscapes.h"
#include "server/api_routes.h"

namespace patnav::server {

namespace {

HttpResponse Landscape(ApiContext& ctx, const ApiRequest& req) {
  app::LandscapeReportRequest in;
  in.query = req.Str("query", "*");
  in.members = req.Strings("members");
  in.only = req.Strings("only");
  in.top = static_cast<int>(std::clamp<int64_t>(req.Int("top", 20), -1, 1000000));
  in.as_of_year = static_cast<int>(std::clamp<int64_t>(req.Int("as_of_year", 0), -1, 100000));
  in.language = req.Str("lang", "both");
  std::string format = req.http.HasQueryParam("format") ? req.http.QueryParam("format") : "json";
  Result<app::LandscapeFormat> f = app::ParseLandscapeFormat(format);
  if (!f.ok()) return StatusResponse(f.status(), "format");
  in.format = *f;
  Result<app::LandscapeReportResult> r = app::RunLandscapeReport(req.caller, ctx.workspace, in);
  if (!r.ok()) return StatusResponse(r.status());
  if (in.format == app::LandscapeFormat::kJson) {
    nlohmann::ordered_json out = r->landscape;
    if (!r->warnings.empty()) out["warnings"] = r->warnings;
    out["presentation"] = std::move(r->presentation);
    return JsonResponse(out);
  }
  return Download(app::LandscapeContentType(in.format), "landscape." + format, std::move(r->bytes));
}

// The request field an InvalidArgument "field: ..." of the application names.
std::string FieldOf(const Status& st, std::initializer_list<const char*> fields) {
  if (st.code() != StatusCode::kInvalidArgument) return "";
  for (const char* f : fields) {
    const std::string prefix = std::string(f) + ":";
    if (st.message().starts_with(prefix)) return f;
  }
  return "";
}

HttpResponse ShareLandscape(ApiContext& ctx, const ApiRequest& req) {
  app::ShareLandscapeRequest in;
  in.alliance = req.Param("alliance");
  in.title = req.Str("title");
  in.query = req.Str("query", "*");
  in.only = req.Strings("only");
  in.members = req.Strings("members");
  in.top = static_cast<int>(std::clamp<int64_t>(req.Int("top", 20), -1, 1000000));
  in.as_of_year = static_cast<int>(std::clamp<int64_t>(req.Int("as_of_year", 0), -1, 100000));
  Result<app::ShareLandscapeResult> r = app::ShareLandscape(req.caller, ctx.workspace, in);
  if (!r.ok())
    return StatusResponse(r.status(), FieldOf(r.status(), {"title", "query", "only", "top", "as_of", "members"}));
  nlohmann::ordered_json out = app::SharedLandscapeJson(r->shared);
  out["warnings"] = r->warnings;
  return JsonResponse(out, 201);
}

HttpResponse ListSharedLandscapes(ApiContext& ctx, const ApiRequest& req) {
  Result<std::vector<domain::SharedLandscape>> r =
      app::ListSharedLandscapes(req.caller, ctx.workspace, req.Param("alliance"));
  if (!r.ok()) return StatusResponse(r.status());
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const domain::SharedLandscape& s : *r) out.push_back(app::SharedLandscapeJson(s));
  return JsonResponse(out);
}

HttpResponse OpenSharedLandscape(ApiContext& ctx, const ApiRequest& req) {
  app::OpenSharedLandscapeRequest in;
  in.alliance = req.Param("alliance");
  in.id = req.Id("id");
  if (in.id == 0) return StatusResponse(Status::NotFound("unknown shared landscape " + req.Param("id")));
  const std::string format = req.http.HasQueryParam("format") ? req.http.QueryParam("format") : "json";
  Result<app::LandscapeFormat> f = app::ParseLandscapeFormat(format);
  if (!f.ok()) return StatusResponse(f.status(), "format");
  in.format = *f;
  if (req.http.HasQueryParam("lang")) in.language = req.http.QueryParam("lang");
  Result<app::OpenSharedLandscapeResult> r = app::OpenSharedLandscape(req.caller, ctx.workspace, in);
  if (!r.ok()) return StatusResponse(r.status(), FieldOf(r.status(), {"lang"}));
  if (in.format == app::LandscapeFormat::kJson) {
    nlohmann::ordered_json out = app::SharedLandscapeJson(r->shared);
    out["landscape"] = std::move(r->landscape);
    out["presentation"] = std::move(r->presentation);
    return JsonResponse(out);
  }
  return Download(app::LandscapeContentType(in.format), "shared-landscape-" + std::to_string(in.id) + "." + format,
                  std::move(r->bytes));
}

HttpResponse DeleteSharedLandscape(ApiContext& ctx, const ApiRequest& req) {
  const int64_t id = req.Id("id");
  if (id == 0) return StatusResponse(Status::NotFound("unknown shared landscape " + req.Param("id")));
  Status st = app::DeleteSharedLandscape(req.caller, ctx.workspace, req.Param("alliance"), id);
  if (!st.ok()) return StatusResponse(st);
  HttpResponse out;
  out.status = 204;
  return out;
}

HttpResponse ValueResponse(ApiContext& ctx, const ApiRequest& req, app::PatentValueRequest in) {
  Result<app::PatentValueResult> r = app::ValuePatents(req.caller, ctx.workspace, in);
  if (!r.ok()) return StatusResponse(r.status());
  nlohmann::ordered_json out;
  out["values"] = app::PatentValuesJson(r->values);
  out["warnings"] = r->warnings;
  return JsonResponse(out);
}

HttpResponse ValueOfPatent(ApiContext& ctx, const ApiRequest& req) {
  app::PatentValueRequest in;
  in.publications = {req.Param("publication_number")};
  in.as_of = req.http.QueryParam("as_of");
  return ValueResponse(ctx, req, in);
}

HttpResponse ValueOfMany(ApiContext& ctx, const ApiRequest& req) {
  app::PatentValueRequest in;
  in.publications = req.Strings("publications");
  in.query = req.Str("query");
  in.limit = static_cast<int>(std::clamp<int64_t>(req.Int("limit", 50), -1, 1000000));
  if (req.body.contains("weights") && req.body["weights"].is_object()) in.weights_json = req.body["weights"].dump();
  in.as_of = req.Str("as_of");
  return ValueResponse(ctx, req, in);
}

HttpResponse StatusOfPatent(ApiContext& ctx, const ApiRequest& req) {
  app::PatentStatusRequest in;
  in.publication = req.Param("publication_number");
  in.country = req.http.QueryParam("country");
  in.as_of = req.http.QueryParam("as_of");
  Result<app::PatentStatusResult> r = app::PatentStatus(req.caller, ctx.workspace, in);
  if (!r.ok()) return StatusResponse(r.status());
  return JsonResponse(app::PatentStatusJson(r->status));
}

void SharedLandscapeRoutes(std::vector<Route>& routes) {
  const std::string a = "/api/v1/alliances/{alliance}/landscapes";
  const std::string summary_schema =
      R"({"type":"object","required":["id","title","query","analyses","patents","store_patents","shared_by","shared_at"],)"
      R"("properties":{"id":{"type":"integer"},"title":{"type":"string"},"query":{"type":"string"},)"
      R"("analyses":{"type":"array","items":{"type":"string"}},"patents":{"type":"integer"},)"
      R"("store_patents":{"type":"integer"},"shared_by":{"type":"string"},"shared_at":{"type":"string"}}})";
  routes.push_back(MakeRoute(
      "POST", a, "shareLandscape",
      "Share a landscape with the alliance's members (an analyst or the operator of the alliance): the analyses run now and their result is "
      "frozen with the title, the sharer, the time and the corpus size",
      "analysis", ShareLandscape,
      {{"title", FieldType::kString, true, "the report's title"},
       {"query", FieldType::kString, false, "the query; '*' or absent: the whole store"},
       {"only", FieldType::kStringArray, false, "analysis names; absent: all"},
       {"members", FieldType::kStringArray, false, "applicant names for members_vs_others"},
       {"top", FieldType::kInteger, false, "rows of ranked lists (default 20)"},
       {"as_of_year", FieldType::kInteger, false, "last complete year"}},
      {}, 201, summary_schema));
  routes.push_back(MakeRoute("GET", a, "listSharedLandscapes",
                             "The alliance's shared landscape reports, newest first (its members, analysts and "
                             "operator; not its licensees)",
                             "analysis", ListSharedLandscapes, {}, {}, 200,
                             R"({"type":"array","items":)" + summary_schema + "}"));
  Route open = MakeRoute(
      "GET", a + "/{id}", "getSharedLandscape",
      "One shared landscape as frozen: its summary with the landscape JSON and the report's words (presentation), "
      "or ?format=html|xlsx to download the report",
      "analysis", OpenSharedLandscape, {},
      {{"format", FieldType::kString, false, "json (default), html or xlsx"},
       {"lang", FieldType::kString, false, "report labels (html, xlsx): en, zh or both (default)"}},
      200,
      R"({"type":"object","required":["id","title","landscape","presentation"],"properties":{)"
      R"("landscape":{"type":"object"},"presentation":{"type":"object"}}})");
  routes.push_back(std::move(open));
  routes.push_back(MakeRoute("DELETE", a + "/{id}", "deleteSharedLandscape",
                             "Remove a shared landscape (the user who shared it or the operator)", "analysis",
                             DeleteSharedLandscape, {}, {}, 204));
}

}  // namespace

std::vector<Route> AnalysisRoutes() {
  std::vector<Route> routes;
  Route land;
  land.method = "POST";
  land.pattern = "/api/v1/landscapes";
  land.operation_id = "runLandscape";
  land.summary =
      "Run the landscape analyses on a query: the landscape JSON with the report's titles, definitions and "
      "readings (presentation), or ?format=html|xlsx to download the report";
  land.tag = "analysis";
  land.body = {{"query", FieldType::kString, false, "the query; '*' or absent: the whole store"},
               {"members", FieldType::kStringArray, false, "alliance members' applicant names (members_vs_others)"},
               {"only", FieldType::kStringArray, false, "analysis names; absent: all 15"},
               {"top", FieldType::kInteger, false, "rows of ranked lists (default 20)"},
               {"as_of_year", FieldType::kInteger, false, "last complete year"},
               {"lang", FieldType::kString, false, "report labels: en, zh or both"}};
  land.query = {{"format", FieldType::kString, false, "json (default), html or xlsx"}};
  land.response_schema = R"({"type":"object"})";
  land.handler = Landscape;
  routes.push_back(land);

  SharedLandscapeRoutes(routes);

  const std::string value_schema =
      R"({"type":"object","required":["values","warnings"],"properties":{"values":{"type":"array","items":)"
      R"({"type":"object","required":["publication_number","overall","legal","technical","economic"]}},)"
      R"("warnings":{"type":"array","items":{"type":"string"}}}})";
  Route one;
  one.method = "GET";
  one.pattern = "/api/v1/patents/{publication_number}/value";
  one.operation_id = "getPatentValue";
  one.summary = "A patent's value: legal, technical and economic scores with each indicator's contribution";
  one.tag = "analysis";
  one.query = {{"as_of", FieldType::kString, false, "assessment date YYYY-MM-DD (default today)"}};
  one.response_schema = value_schema;
  one.handler = ValueOfPatent;
  routes.push_back(one);

  Route status;
  status.method = "GET";
  status.pattern = "/api/v1/patents/{publication_number}/status";
  status.operation_id = "getPatentStatus";
  status.summary = "A patent's legal state in a country on a date, its expiry, the next fee due, and the basis";
  status.tag = "analysis";
  status.query = {{"country", FieldType::kString, false, "two letters (default: the publication's country)"},
                  {"as_of", FieldType::kString, false, "YYYY-MM-DD (default today)"}};
  status.response_schema =
      R"({"type":"object","required":["publication_number","country","as_of","state","basis"],"properties":{)"
      R"("state":{"type":"string","enum":["pending","in_force","lapsed","expired","revoked","withdrawn","refused","unknown"]},)"
      R"("basis":{"type":"object","required":["rule"]},)"
      R"("owner":{"type":"object","required":["current","basis","chain"],"properties":{)"
      R"("current":{"type":"array","items":{"type":"string"}},"basis":{"type":"string"},)"
      R"("chain":{"type":"array","items":{"type":"object","required":["recorded","reel_frame","conveyance","from","to"]}}}},)"
      R"("countries":{"type":"array","description":"an EP publication asked for EP: each designated state",)"
      R"("items":{"type":"object","required":["country","state"],"properties":{"country":{"type":"string"},)"
      R"("state":{"type":"string"},"ended_on":{"type":"string"},"basis":{"type":"string"}}}}}})";
  status.handler = StatusOfPatent;
  routes.push_back(status);

  Route many;
  many.method = "POST";
  many.pattern = "/api/v1/value";
  many.operation_id = "valuePatents";
  many.summary = "Value of given publications or of a query's top hits";
  many.tag = "analysis";
  many.body = {{"publications", FieldType::kStringArray, false, "publication numbers; or"},
               {"query", FieldType::kString, false, "a query whose top hits are scored"},
               {"limit", FieldType::kInteger, false, "hits of the query (default 50)"},
               {"weights", FieldType::kObject, false, "weights over the defaults (docs/pools.md)"},
               {"as_of", FieldType::kString, false, "assessment date YYYY-MM-DD"}};
  many.response_schema = value_schema;
  many.handler = ValueOfMany;
  routes.push_back(many);
  return routes;
}

}  // namespace patnav::server
