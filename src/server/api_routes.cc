// The whole route table and the OpenAPI document route.
#include "server/api_routes.h"

#include <memory>

#include "app/workspace.h"
#include "server/openapi.h"

namespace patnav::server {

namespace {

// /healthz: the process answers. /readyz: the data directory's databases open.
std::vector<Route> HealthRoutes() {
  Route live;
  live.method = "GET";
  live.pattern = "/healthz";
  live.operation_id = "health";
  live.summary = "The server process answers";
  live.tag = "meta";
  live.access = Access::kPublic;
  live.response_schema = R"({"type":"object","required":["status"]})";
  live.handler = [](ApiContext&, const ApiRequest&) { return JsonResponse({{"status", "ok"}}); };
  Route ready = live;
  ready.pattern = "/readyz";
  ready.operation_id = "ready";
  ready.summary = "The server can serve: its databases open (503 otherwise)";
  ready.handler = [](ApiContext& ctx, const ApiRequest&) {
    Status st = ctx.workspace.WithOperations([](domain::OperationsDb&) { return Status::OK(); });
    if (st.ok()) st = ctx.workspace.WithPlatform([](domain::PlatformDb&) { return Status::OK(); });
    if (!st.ok()) return StatusResponse(Status::Unavailable("not ready: " + st.message()));
    return JsonResponse({{"status", "ready"}});
  };
  return {live, ready};
}

}  // namespace

std::vector<Route> ApiRoutes() {
  std::vector<Route> routes;
  for (Route& r : HealthRoutes()) routes.push_back(std::move(r));
  for (auto group : {SessionRoutes, PatentRoutes, AnalysisRoutes, RiskRoutes, JobRoutes, AllianceRoutes, WatchRoutes,
                     WebhookRoutes, RecordingRoutes, OfficeRoutes, EvaluationRoutes})
    for (Route& r : group()) routes.push_back(std::move(r));
  Route doc;
  doc.method = "GET";
  doc.pattern = "/api/v1/openapi.json";
  doc.operation_id = "getOpenApi";
  doc.summary = "This API's OpenAPI 3.1 document";
  doc.tag = "meta";
  doc.access = Access::kPublic;
  doc.response_schema = R"({"type":"object","required":["openapi","paths"]})";
  routes.push_back(doc);
  auto text = std::make_shared<const nlohmann::ordered_json>(OpenApiDocument(routes));
  routes.back().handler = [text](ApiContext&, const ApiRequest&) { return JsonResponse(*text); };
  return routes;
}

}  // namespace patnav::server
