// Routes of the patent data: search, one patent, similar, export, stats
// (landscape and value: routes_analysis.cc). Handlers take their inputs from
// the query string or the checked body, call src/app/ and answer its JSON.
#include <cstdlib>

#include "app/authorize.h"
#include "app/export.h"
#include "app/patent_json.h"
#include "app/patents.h"
#include "app/search.h"
#include "app/workspace.h"
#include "model/record_json.h"
#include "server/api_routes.h"
#include "server/chunk_pipe.h"

namespace patnav::server {

namespace {

// An integer query parameter already checked by the dispatcher (CheckQuery).
int IntParam(const HttpRequest& r, const char* name, int fallback) {
  if (!r.HasQueryParam(name)) return fallback;
  long long v = std::atoll(r.QueryParam(name).c_str());
  if (v > 100000000) v = 100000000;
  if (v < -100000000) v = -100000000;
  return static_cast<int>(v);
}

bool BoolParam(const HttpRequest& r, const char* name) {
  std::string v = r.QueryParam(name);
  return v == "true" || v == "1";
}

constexpr const char* kHitSchema =
    R"({"type":"object","required":["publication_number","title","applicants","publication_date","score"],)"
    R"("properties":{"publication_number":{"type":"string"},"title":{"type":"string"},)"
    R"("applicants":{"type":"array","items":{"type":"string"}},"publication_date":{"type":"string"},)"
    R"("filing_date":{"type":"string"},"priority_date":{"type":"string"},"score":{"type":"number"}}})";

std::string SearchSchema() {
  return std::string(R"({"type":"object","required":["total","hits","facets"],"properties":{)") +
         R"("total":{"type":"integer"},"hits":{"type":"array","items":)" + kHitSchema +
         R"(},"facets":{"type":"object","additionalProperties":{"type":"array","items":{"type":"object",)"
         R"("required":["value","count"],"properties":{"value":{"type":"string"},"count":{"type":"integer"}}}}}}})";
}

HttpResponse Search(ApiContext& ctx, const ApiRequest& req) {
  app::SearchPatentsRequest s;
  s.query = req.http.QueryParam("q");
  s.limit = IntParam(req.http, "limit", 20);
  s.offset = IntParam(req.http, "offset", 0);
  if (req.http.HasQueryParam("sort")) s.sort = req.http.QueryParam("sort");
  s.facets = BoolParam(req.http, "facets");
  Result<app::SearchPatentsResult> r = app::SearchPatents(req.caller, ctx.workspace, s);
  if (!r.ok()) return StatusResponse(r.status(), "q");
  return JsonResponse(app::SearchResultJson(r->result, r->facets));
}

HttpResponse Patent(ApiContext& ctx, const ApiRequest& req) {
  app::ShowPatentRequest s;
  s.publication_number = req.Param("publication_number");
  Result<std::string> r = app::ShowPatentJson(req.caller, ctx.workspace, s);
  if (!r.ok()) return StatusResponse(r.status(), "publication_number");
  HttpResponse response;
  response.headers.emplace_back("Content-Type", "application/json; charset=utf-8");
  response.body = std::move(*r);
  return response;
}

HttpResponse PatentLinks(ApiContext& ctx, const ApiRequest& req) {
  app::PatentLinksRequest l;
  l.publication_number = req.Param("publication_number");
  if (req.http.HasQueryParam("cited_by_limit")) l.cited_by_limit = IntParam(req.http, "cited_by_limit", 200);
  if (req.http.HasQueryParam("cited_by_offset")) l.cited_by_offset = IntParam(req.http, "cited_by_offset", 0);
  Result<app::PatentLinksResult> r = app::PatentLinks(req.caller, ctx.workspace, l);
  if (!r.ok()) {
    std::string field = "publication_number";
    for (const char* paging : {"cited_by_limit", "cited_by_offset"})
      if (r.status().code() == StatusCode::kInvalidArgument && r.status().message().starts_with(paging)) field = paging;
    return StatusResponse(r.status(), field);
  }
  return JsonResponse(app::PatentLinksJson(*r));
}

HttpResponse SimilarResponse(ApiContext& ctx, const ApiRequest& req, app::SimilarPatentsRequest s) {
  Result<app::SimilarPatentsResult> r = app::SimilarPatents(req.caller, ctx.workspace, s);
  if (!r.ok()) return StatusResponse(r.status());
  return JsonResponse(app::SimilarResultJson(r->result));
}

HttpResponse SimilarByNumber(ApiContext& ctx, const ApiRequest& req) {
  app::SimilarPatentsRequest s;
  s.publication_number = req.http.QueryParam("pn");
  s.filter = req.http.QueryParam("filter");
  s.limit = IntParam(req.http, "limit", 20);
  return SimilarResponse(ctx, req, s);
}

HttpResponse SimilarByText(ApiContext& ctx, const ApiRequest& req) {
  app::SimilarPatentsRequest s;
  s.text = req.Str("text");
  s.filter = req.Str("filter");
  s.limit = static_cast<int>(std::clamp<int64_t>(req.Int("limit", 20), -1, 1000000));
  return SimilarResponse(ctx, req, s);
}

HttpResponse Stats(ApiContext& ctx, const ApiRequest& req) {
  Result<app::StoreStatsResult> r = app::GetStoreStats(req.caller, ctx.workspace);
  if (!r.ok()) return StatusResponse(r.status());
  return JsonResponse(app::StoreStatsJson(r->stats));
}

HttpResponse Export(ApiContext& ctx, const ApiRequest& req) {
  Result<app::ExportFormat> format = app::ParseExportFormat(req.http.HasQueryParam("format")
                                                                 ? req.http.QueryParam("format")
                                                                 : "jsonl");
  if (!format.ok()) return StatusResponse(format.status(), "format");
  app::ExportRequest e;
  e.format = *format;
  e.query = req.http.QueryParam("q");
  if (req.http.HasQueryParam("lang")) e.language = req.http.QueryParam("lang");
  if (e.language != "en" && e.language != "zh" && e.language != "both")
    return StatusResponse(Status::InvalidArgument("lang: must be en, zh or both, not '" + e.language + "'"), "lang");
  // Refuse what would fail (rights, a bad query, no store) before the 200
  // goes out: a streamed response cannot change its status afterwards.
  Status allowed = app::Authorize(req.caller, app::Action::kExportPatents);
  if (!allowed.ok()) return StatusResponse(allowed);
  Status has_store = ctx.workspace.WithStore([](PatentStore&) { return Status::OK(); });
  if (!has_store.ok()) return StatusResponse(has_store);
  if (!e.query.empty()) {
    app::SearchPatentsRequest probe;
    probe.query = e.query;
    probe.limit = 1;
    Result<app::SearchPatentsResult> checked = app::SearchPatents(req.caller, ctx.workspace, probe);
    if (!checked.ok()) return StatusResponse(checked.status(), "q");
  }
  app::Workspace& workspace = ctx.workspace;
  app::Caller caller = req.caller;
  HttpResponse r;
  r.headers.emplace_back("Content-Type", app::ExportContentType(e.format));
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + app::ExportFileName(e.format) + "\"");
  r.stream = PipeStream([&workspace, caller, e](const ChunkSink& sink, const std::atomic<bool>& cancel) {
    return app::ExportPatents(caller, workspace, e, sink, &cancel).status();
  });
  return r;
}

}  // namespace

std::vector<Route> PatentRoutes() {
  std::vector<Route> routes;
  Route search;
  search.method = "GET";
  search.pattern = "/api/v1/search";
  search.operation_id = "searchPatents";
  search.summary = "Search with the expert query language: one page, the exact total, facets";
  search.tag = "patents";
  search.access = Access::kPublicSearch;
  search.query = {{"q", FieldType::kString, true, "the query (docs/query-language.md)"},
                  {"limit", FieldType::kInteger, false, "hits per page, 1-10000 (default 20)"},
                  {"offset", FieldType::kInteger, false, "hits to skip (default 0)"},
                  {"sort", FieldType::kString, false, "relevance, date or citations"},
                  {"facets", FieldType::kBoolean, false, "applicants, countries, IPC subclasses and years"}};
  search.response_schema = SearchSchema();
  search.handler = Search;
  routes.push_back(search);

  Route patent;
  patent.method = "GET";
  patent.pattern = "/api/v1/patents/{publication_number}";
  patent.operation_id = "getPatent";
  patent.summary = "One publication, any spelling of its number, as a canonical record";
  patent.tag = "patents";
  patent.response_schema = R"({"type":"object","required":["publication_number"]})";
  patent.handler = Patent;
  routes.push_back(patent);

  constexpr const char* kBriefSchema =
      R"({"type":"object","required":["publication_number","country","kind","publication_date","title"],)"
      R"("properties":{"publication_number":{"type":"string"},"country":{"type":"string"},"kind":{"type":"string"},)"
      R"("publication_date":{"type":"string"},"title":{"type":"string"}}})";
  Route links;
  links.method = "GET";
  links.pattern = "/api/v1/patents/{publication_number}/links";
  links.operation_id = "getPatentLinks";
  links.summary = "A publication's citations both ways (each cited one with the stored publication it names, or null) and its family";
  links.tag = "patents";
  links.query = {{"cited_by_limit", FieldType::kInteger, false, "citing publications listed, 0-10000 (default 200)"},
                 {"cited_by_offset", FieldType::kInteger, false, "citing publications skipped first, for paging (default 0)"}};
  links.response_schema =
      std::string(R"({"type":"object","required":["publication_number","cites","cited_by_total","cited_by","family_id","family"],)"
                  R"("properties":{"publication_number":{"type":"string"},"cites":{"type":"array","items":{"type":"object",)"
                  R"("required":["cited_number","stored"],"properties":{"cited_number":{"type":"string"},)"
                  R"("country":{"type":"string"},"doc_number":{"type":"string"},"kind":{"type":"string"},)"
                  R"("date":{"type":"string"},"category":{"type":"string"},"stored":{"type":["object","null"]}}}},)"
                  R"("cited_by_total":{"type":"integer"},"cited_by_offset":{"type":"integer"},)"
                  R"("cited_by":{"type":"array","items":)") + kBriefSchema +
      R"(},"family_id":{"type":"string"},"family":{"type":"array","items":)" + kBriefSchema + "}}}";
  links.handler = PatentLinks;
  routes.push_back(links);

  std::string similar_schema = std::string(R"({"type":"object","required":["hits"],"properties":{"hits":{"type":"array"}}})");
  Route similar;
  similar.method = "GET";
  similar.pattern = "/api/v1/similar";
  similar.operation_id = "similarToPatent";
  similar.summary = "The patents closest to a publication";
  similar.tag = "patents";
  similar.query = {{"pn", FieldType::kString, true, "a publication in the store"},
                   {"filter", FieldType::kString, false, "a query restricting the candidates"},
                   {"limit", FieldType::kInteger, false, "how many (default 20)"}};
  similar.response_schema = similar_schema;
  similar.handler = SimilarByNumber;
  routes.push_back(similar);

  Route similar_text;
  similar_text.method = "POST";
  similar_text.pattern = "/api/v1/similar";
  similar_text.operation_id = "similarToText";
  similar_text.summary = "The patents closest to a product or technology description";
  similar_text.tag = "patents";
  similar_text.body = {{"text", FieldType::kString, true, "the description"},
                       {"filter", FieldType::kString, false, "a query restricting the candidates"},
                       {"limit", FieldType::kInteger, false, "how many (default 20)"}};
  similar_text.response_schema = similar_schema;
  similar_text.handler = SimilarByText;
  routes.push_back(similar_text);

  Route stats;
  stats.method = "GET";
  stats.pattern = "/api/v1/stats";
  stats.operation_id = "getStats";
  stats.summary = "Counts of the store by country, kind, year and source format";
  stats.tag = "patents";
  stats.response_schema = R"({"type":"object","required":["publications"],"properties":{"publications":{"type":"integer"}}})";
  stats.handler = Stats;
  routes.push_back(stats);

  Route exp;
  exp.method = "GET";
  exp.pattern = "/api/v1/export";
  exp.operation_id = "exportPatents";
  exp.summary = "The records of the store or of a query's hits, streamed as JSON lines or CSV, or as an XLSX workbook";
  exp.tag = "patents";
  exp.query = {{"format", FieldType::kString, false, "jsonl (default), csv or xlsx (at most 1,048,574 rows, a note row after)"},
               {"q", FieldType::kString, false, "a query; without it, the whole store"},
               {"lang", FieldType::kString, false, "xlsx header: en, zh or both (default)"}};
  exp.response_type = "application/x-ndjson";
  exp.handler = Export;
  routes.push_back(exp);
  return routes;
}

}  // namespace patnav::server
