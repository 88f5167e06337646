// Routes of the webhooks and e-mail recipients (issue 14): the caller's
// delivery channels (another user's is 404), adding a webhook (its secret in
// that answer only) or an e-mail recipient, removing one, re-enabling one
// disabled after failures, and its delivery log. The application calls (app/webhooks.h) authorise.
#include "app/webhooks.h"
#include "server/api_routes.h"

namespace patnav::server {

namespace {

using Json = nlohmann::ordered_json;

HttpResponse List(ApiContext& c, const ApiRequest& r) {
  Result<std::vector<domain::Webhook>> all = app::ListWebhooks(r.caller, c.workspace);
  if (!all.ok()) return StatusResponse(all.status());
  Json out = Json::array();
  for (const auto& w : *all) out.push_back(app::WebhookJson(w));
  return JsonResponse(out);
}

HttpResponse Create(ApiContext& c, const ApiRequest& r) {
  Result<app::CreatedWebhook> made = app::AddWebhook(
      r.caller, c.workspace, {.url = r.Str("url"), .watch_id = r.Int("watch_id"), .secret = r.Str("secret")});
  if (!made.ok()) return StatusResponse(made.status(), made.status().message().rfind("url:", 0) == 0 ? "url" : "");
  Json out = app::WebhookJson(made->webhook);
  out["secret"] = made->secret;
  return JsonResponse(out, 201);
}

HttpResponse CreateEmail(ApiContext& c, const ApiRequest& r) {
  Result<domain::Webhook> made =
      app::AddEmailRecipient(r.caller, c.workspace, {.address = r.Str("address"), .watch_id = r.Int("watch_id")});
  if (!made.ok())
    return StatusResponse(made.status(), made.status().message().rfind("address:", 0) == 0 ? "address" : "");
  return JsonResponse(app::WebhookJson(*made), 201);
}

HttpResponse Remove(ApiContext& c, const ApiRequest& r) {
  const int64_t id = r.Id("id");
  if (id == 0) return StatusResponse(Status::NotFound("no webhook " + r.Param("id")), "id");
  Status st = app::RemoveWebhook(r.caller, c.workspace, id);
  if (!st.ok()) return StatusResponse(st);
  return JsonResponse(Json{{"id", id}, {"deleted", true}});
}

HttpResponse Enable(ApiContext& c, const ApiRequest& r) {
  const int64_t id = r.Id("id");
  if (id == 0) return StatusResponse(Status::NotFound("no webhook " + r.Param("id")), "id");
  Result<domain::Webhook> enabled = app::EnableWebhook(r.caller, c.workspace, id);
  if (!enabled.ok()) return StatusResponse(enabled.status());
  return JsonResponse(app::WebhookJson(*enabled));
}

HttpResponse Deliveries(ApiContext& c, const ApiRequest& r) {
  const int64_t id = r.Id("id");
  if (id == 0) return StatusResponse(Status::NotFound("no webhook " + r.Param("id")), "id");
  Result<std::vector<domain::Delivery>> log = app::ListWebhookDeliveries(r.caller, c.workspace, id);
  if (!log.ok()) return StatusResponse(log.status());
  Json out = Json::array();
  for (const auto& d : *log) out.push_back(app::DeliveryJson(d));
  return JsonResponse(out);
}

}  // namespace

std::vector<Route> WebhookRoutes() {
  const std::string w = "/api/v1/webhooks";
  std::vector<Route> r;
  r.push_back(MakeRoute("GET", w, "listWebhooks", "The caller's webhooks (never their secrets)", "watches", List, {},
                        {}, 200, R"({"type":"array","items":{"type":"object","required":["id","channel","url","watch_id"]}})"));
  r.push_back(MakeRoute(
      "POST", w, "createWebhook",
      "Add a webhook: each alert (or digest) POSTed as JSON, signed X-Patnav-Signature: sha256=HMAC of the body; "
      "the secret is in this answer only",
      "watches", Create,
      {{"url", FieldType::kString, true, "an http:// or https:// URL"},
       {"watch_id", FieldType::kInteger, false, "one of the caller's watches (absent: all of them)"},
       {"secret", FieldType::kString, false, "16-200 characters; absent: one is made"}},
      {}, 201,
      R"({"type":"object","required":["id","owner_user_id","watch_id","url","active","created_at","secret"]})"));
  r.push_back(MakeRoute(
      "POST", "/api/v1/email-recipients", "createEmailRecipient",
      "Have alerts (and digests) e-mailed to an address through the configured SMTP server; listed, logged and "
      "removed with the webhooks (channel email)",
      "watches", CreateEmail,
      {{"address", FieldType::kString, true, "one plain e-mail address"},
       {"watch_id", FieldType::kInteger, false, "one of the caller's watches (absent: all of them)"}},
      {}, 201, R"({"type":"object","required":["id","channel","owner_user_id","watch_id","url","active"]})"));
  r.push_back(MakeRoute("DELETE", w + "/{id}", "deleteWebhook", "Remove a webhook with its delivery log", "watches",
                        Remove, {}, {}, 200, R"({"type":"object","required":["id","deleted"]})"));
  r.push_back(MakeRoute("POST", w + "/{id}/enable", "enableWebhook",
                        "Re-enable a webhook or e-mail recipient disabled after repeated failures: its failure count "
                        "and reason cleared, the next alerts queued for it",
                        "watches", Enable, {}, {}, 200,
                        R"({"type":"object","required":["id","channel","url","active"]})"));
  r.push_back(MakeRoute("GET", w + "/{id}/deliveries", "listWebhookDeliveries",
                        "The delivery log of a webhook: status, attempts, last HTTP status and error", "watches",
                        Deliveries, {}, {}, 200,
                        R"({"type":"array","items":{"type":"object","required":["id","subject","subject_id",)"
                        R"("status","attempts","next_attempt_at","last_http_status","last_error"]}})"));
  return r;
}

}  // namespace patnav::server
