// Webhooks and e-mail recipients, authorised, and sending to them
// (webhooks.h).
#include "app/webhooks.h"

#include "app/authorize.h"
#include "app/watches.h"
#include "app/webhook_client.h"
#include "domain/period.h"
#include "domain/platform_clock.h"
#include "domain/webhook_payload.h"
#include "domain/webhook_signature.h"

namespace patnav::app {

namespace {

using Json = nlohmann::ordered_json;

Status SignedIn(const Caller& c) {
  if (c.anonymous) return Status::Unauthenticated("webhooks need a signed-in user");
  return Authorize(c, Action::kSearchPatents);
}

bool MayManage(const Caller& c, const domain::Webhook& w) {
  return c.local || c.IsAdministrator() || c.user_id == w.owner_user_id;
}

// The caller's webhook `id`; NotFound for anyone else's.
Result<domain::Webhook> OwnWebhook(const Caller& caller, domain::MonitoringDb& db, int64_t id) {
  Result<domain::Webhook> w = domain::GetWebhook(db, id);
  if (!w.ok()) return w.status();
  if (!MayManage(caller, *w)) return Status::NotFound("no webhook " + std::to_string(id));
  return w;
}

// One attempt at one delivery; its outcome.
domain::AttemptOutcome Attempt(Workspace& ws, const domain::DueDelivery& due, int64_t now, const DeliveryOptions& o) {
  domain::AttemptOutcome out;
  Result<std::string> body = Status::Internal("not read");
  Status st = ws.WithMonitoring([&](domain::MonitoringDb& db) -> Status {
    body = domain::DeliveryBody(db, due.delivery);
    return Status::OK();
  });
  if (!st.ok()) body = st;
  const int attempt = static_cast<int>(due.delivery.attempts) + 1;
  if (!body.ok()) {
    out.error = "the alert could not be read: " + body.status().message();
    out.give_up = body.status().code() == StatusCode::kNotFound || attempt >= o.max_attempts;
  } else if (due.channel == domain::Channel::kEmail) {
    const MailSettings mail = o.mail ? *o.mail : ConfiguredMailSettings();
    Status configured = CheckMailSettings(mail);
    if (!configured.ok()) {
      out.error = configured.message();
    } else {
      nlohmann::json parsed = nlohmann::json::parse(*body);
      out.error = SendMail(mail, due.url, AlertMailMessage(parsed, mail.from, due.url, now), o.connect_timeout_ms,
                           o.timeout_ms);
    }
    out.delivered = out.error.empty();
    out.give_up = !out.delivered && attempt >= o.max_attempts;
  } else {
    HttpPostResult r = PostJson(due.url, *body,
                                {"X-Patnav-Signature: " + domain::WebhookSignature(due.secret, *body),
                                 "X-Patnav-Timestamp: " + std::to_string(now),
                                 "X-Patnav-Delivery: " + std::to_string(due.delivery.id),
                                 "webhook-id: " + std::to_string(due.delivery.id),
                                 "webhook-timestamp: " + std::to_string(now),
                                 "webhook-signature: " + domain::StandardWebhookSignature(
                                                             due.secret, std::to_string(due.delivery.id), now, *body)},
                                {.connect_timeout_ms = o.connect_timeout_ms, .timeout_ms = o.timeout_ms});
    out.http_status = r.status;
    out.delivered = r.error.empty() && r.status >= 200 && r.status < 300;
    if (!out.delivered) out.error = r.error.empty() ? "the receiver answered HTTP " + std::to_string(r.status) : r.error;
    out.give_up = !out.delivered && attempt >= o.max_attempts;
  }
  if (!out.delivered && !out.give_up)
    out.next_attempt_at = domain::FormatIsoUtc(now + o.backoff_seconds * (int64_t{1} << std::min(attempt - 1, 20)));
  return out;
}

}  // namespace

Result<CreatedWebhook> AddWebhook(const Caller& caller, Workspace& ws, const WebhookRequest& request) {
  RETURN_IF_ERROR(SignedIn(caller));
  RETURN_IF_ERROR(domain::CheckWebhookUrl(request.url));
  RETURN_IF_ERROR(domain::CheckWebhookNotSelf(request.url, ws.served_port()));
  if (request.watch_id != 0) {
    ASSIGN_OR_RETURN(domain::Watch w, ShowWatch(caller, ws, request.watch_id));
    if (!caller.local && !caller.IsAdministrator() && w.owner_user_id != caller.user_id)
      return Status::PermissionDenied("watch " + std::to_string(w.id) +
                                      " belongs to another user: only its owner may add a webhook to it");
  }
  CreatedWebhook out;
  RETURN_IF_ERROR(ws.WithMonitoring([&](domain::MonitoringDb& db) -> Status {
    ASSIGN_OR_RETURN(auto made, domain::InsertWebhook(db,
                                                      {.owner_user_id = caller.user_id,
                                                       .watch_id = request.watch_id,
                                                       .url = request.url,
                                                       .secret = request.secret},
                                                      domain::NowUtc()));
    out.webhook = std::move(made.first);
    out.secret = std::move(made.second);
    return Status::OK();
  }));
  return out;
}

Result<domain::Webhook> AddEmailRecipient(const Caller& caller, Workspace& ws, const EmailRequest& request) {
  RETURN_IF_ERROR(SignedIn(caller));
  RETURN_IF_ERROR(domain::CheckEmailAddress(request.address));
  if (request.watch_id != 0) {
    ASSIGN_OR_RETURN(domain::Watch w, ShowWatch(caller, ws, request.watch_id));
    if (!caller.local && !caller.IsAdministrator() && w.owner_user_id != caller.user_id)
      return Status::PermissionDenied("watch " + std::to_string(w.id) +
                                      " belongs to another user: only its owner may have it e-mailed");
  }
  domain::Webhook out;
  RETURN_IF_ERROR(ws.WithMonitoring([&](domain::MonitoringDb& db) -> Status {
    ASSIGN_OR_RETURN(auto made, domain::InsertWebhook(db,
                                                      {.channel = domain::Channel::kEmail,
                                                       .owner_user_id = caller.user_id,
                                                       .watch_id = request.watch_id,
                                                       .url = request.address},
                                                      domain::NowUtc()));
    out = std::move(made.first);
    return Status::OK();
  }));
  return out;
}

Result<std::vector<domain::Webhook>> ListWebhooks(const Caller& caller, Workspace& ws) {
  RETURN_IF_ERROR(SignedIn(caller));
  std::vector<domain::Webhook> out;
  if (!domain::MonitoringDb::Exists(ws.dir())) return out;
  RETURN_IF_ERROR(ws.WithMonitoring([&](domain::MonitoringDb& db) -> Status {
    ASSIGN_OR_RETURN(out, domain::ListWebhooks(db, caller.user_id, caller.local || caller.IsAdministrator()));
    return Status::OK();
  }));
  return out;
}

Status RemoveWebhook(const Caller& caller, Workspace& ws, int64_t id) {
  RETURN_IF_ERROR(SignedIn(caller));
  if (!domain::MonitoringDb::Exists(ws.dir())) return Status::NotFound("no webhook " + std::to_string(id));
  return ws.WithMonitoring([&](domain::MonitoringDb& db) -> Status {
    RETURN_IF_ERROR(OwnWebhook(caller, db, id).status());
    return domain::DeleteWebhook(db, id);
  });
}

Result<domain::Webhook> EnableWebhook(const Caller& caller, Workspace& ws, int64_t id) {
  RETURN_IF_ERROR(SignedIn(caller));
  if (!domain::MonitoringDb::Exists(ws.dir())) return Status::NotFound("no webhook " + std::to_string(id));
  domain::Webhook out;
  RETURN_IF_ERROR(ws.WithMonitoring([&](domain::MonitoringDb& db) -> Status {
    RETURN_IF_ERROR(OwnWebhook(caller, db, id).status());
    ASSIGN_OR_RETURN(out, domain::EnableWebhook(db, id));
    return Status::OK();
  }));
  return out;
}

Result<std::vector<domain::Delivery>> ListWebhookDeliveries(const Caller& caller, Workspace& ws, int64_t id) {
  RETURN_IF_ERROR(SignedIn(caller));
  if (!domain::MonitoringDb::Exists(ws.dir())) return Status::NotFound("no webhook " + std::to_string(id));
  std::vector<domain::Delivery> out;
  RETURN_IF_ERROR(ws.WithMonitoring([&](domain::MonitoringDb& db) -> Status {
    RETURN_IF_ERROR(OwnWebhook(caller, db, id).status());
    ASSIGN_OR_RETURN(out, domain::ListDeliveries(db, id));
    return Status::OK();
  }));
  return out;
}

Result<DeliverySummary> DeliverDueWebhooks(Workspace& ws, int64_t now, const DeliveryOptions& o) {
  DeliverySummary sum;
  if (!domain::MonitoringDb::Exists(ws.dir())) return sum;
  const std::string now_text = domain::FormatIsoUtc(now);
  // The lease outlasts the longest attempt, so a crash mid-send only delays
  // the delivery until the lease ends.
  const int64_t lease = (o.connect_timeout_ms + o.timeout_ms) / 1000 + 60;
  std::vector<domain::DueDelivery> due;
  RETURN_IF_ERROR(ws.WithMonitoring([&](domain::MonitoringDb& db) -> Status {
    ASSIGN_OR_RETURN(due, domain::DueDeliveries(db, now_text, domain::FormatIsoUtc(now + lease), o.batch));
    return Status::OK();
  }));
  for (const domain::DueDelivery& d : due) {
    const domain::AttemptOutcome outcome = Attempt(ws, d, now, o);
    bool disabled = false;
    RETURN_IF_ERROR(ws.WithMonitoring([&](domain::MonitoringDb& db) -> Status {
      ASSIGN_OR_RETURN(disabled, domain::RecordAttempt(db, d.delivery.id, outcome, now_text, o.disable_after));
      return Status::OK();
    }));
    if (disabled) ++sum.disabled;
    ++sum.attempted;
    if (outcome.delivered) ++sum.delivered;
    else if (outcome.give_up) ++sum.failed;
    else ++sum.retrying;
  }
  return sum;
}

Result<DeliverySummary> RunDeliveries(const Caller& caller, Workspace& ws, int64_t now, const DeliveryOptions& o) {
  RETURN_IF_ERROR(Authorize(caller, Action::kIngest));
  return DeliverDueWebhooks(ws, now, o);
}

Json WebhookJson(const domain::Webhook& w) {
  return Json{{"id", w.id},
              {"channel", domain::ChannelName(w.channel)},
              {"owner_user_id", w.owner_user_id},
              {"watch_id", w.watch_id},
              {"url", w.url},
              {"active", w.active},
              {"disabled_reason", w.disabled_reason},
              {"created_at", w.created_at}};
}

Json DeliveryJson(const domain::Delivery& d) {
  return Json{{"id", d.id},
              {"webhook_id", d.webhook_id},
              {"subject", d.subject},
              {"subject_id", d.subject_id},
              {"status", domain::DeliveryStatusName(d.status)},
              {"attempts", d.attempts},
              {"next_attempt_at", d.next_attempt_at},
              {"last_http_status", d.last_http_status},
              {"last_error", d.last_error},
              {"created_at", d.created_at},
              {"delivered_at", d.delivered_at}};
}

Json DeliverySummaryJson(const DeliverySummary& s) {
  return Json{{"attempted", s.attempted}, {"delivered", s.delivered}, {"retrying", s.retrying},
              {"failed", s.failed},       {"disabled", s.disabled}};
}

}  // namespace patnav::app
