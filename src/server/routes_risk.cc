// The route of the risk screening report: POST /api/v1/risk (app/risk.h) as
// JSON, or ?format=html|xlsx to download the report.
#include "app/risk.h"
#include "app/workspace.h"
#include "server/api_routes.h"

namespace patnav::server {

namespace {

HttpResponse Risk(ApiContext& ctx, const ApiRequest& req) {
  const std::string format = req.http.HasQueryParam("format") ? req.http.QueryParam("format") : "json";
  Result<app::RiskFormat> f = app::ParseRiskFormat(format);
  if (!f.ok()) return StatusResponse(f.status(), "format");
  app::RiskRequest in;
  in.product = req.Str("product");
  in.countries = req.Strings("countries");
  in.as_of = req.Str("as_of");
  in.competitors = req.Strings("competitors");
  in.candidates = static_cast<int>(std::clamp<int64_t>(req.Int("candidates", 30), -1, 1000000));
  Result<nlohmann::ordered_json> report = app::ScreenRisk(req.caller, ctx.workspace, in);
  if (!report.ok()) return StatusResponse(report.status());
  if (*f == app::RiskFormat::kJson) return JsonResponse(*report);
  Result<std::string> bytes = app::RiskReportBytes(*report, *f, ctx.workspace.dir());
  if (!bytes.ok()) return StatusResponse(bytes.status());
  return Download(app::RiskContentType(*f), "risk-report." + format, std::move(*bytes));
}

}  // namespace

std::vector<Route> RiskRoutes() {
  Route risk;
  risk.method = "POST";
  risk.pattern = "/api/v1/risk";
  risk.operation_id = "screenRisk";
  risk.summary =
      "Claim-by-claim risk screening of a product description against the similar patents in force in the target "
      "countries (docs/risk.md): JSON, or ?format=html|xlsx to download the report";
  risk.tag = "analysis";
  risk.body = {{"product", FieldType::kString, true, "the product description (at most 20000 bytes)"},
               {"countries", FieldType::kStringArray, true, "target countries, ISO 3166-1 alpha-2 (US, CN, DE)"},
               {"as_of", FieldType::kString, false, "date YYYY-MM-DD (default today)"},
               {"competitors", FieldType::kStringArray, false, "only these applicants' patents (names or grouping keys)"},
               {"candidates", FieldType::kInteger, false, "similar patents examined, 1-200 (default 30)"}};
  risk.query = {{"format", FieldType::kString, false, "json (default), html or xlsx"}};
  risk.response_schema =
      R"({"type":"object","required":["format_version","as_of","countries","product","patents","not_in_force",)"
      R"("searches","disclaimer"],"properties":{"patents":{"type":"array","items":{"type":"object","required":)"
      R"(["rank","publication_number","tier","reason","claims","owner","expiry","in_force"]}},)"
      R"("disclaimer":{"type":"object","required":["en","zh"]}}})";
  risk.handler = Risk;
  return {risk};
}

}  // namespace patnav::server
