// Webhooks and e-mail recipients (issue 14), authorised, and their delivery:
//   - a signed-in user adds a webhook for one of their own watches or for
//     all of them (an administrator for any watch); the secret is returned
//     by AddWebhook only, never by a list or a log;
//   - a user sees and removes their own webhooks and reads their delivery
//     log (an administrator: all); another user's webhook is NotFound;
//   - DeliverDueWebhooks sends what is due: each delivery POSTed with
//       X-Patnav-Signature: sha256=<hex HMAC-SHA256 of the body, keyed with the secret>
//       X-Patnav-Timestamp: <seconds since the epoch of this attempt>
//       X-Patnav-Delivery: <the delivery id, the same on every attempt>
//       webhook-id, webhook-timestamp, webhook-signature: the same in the
//       Standard Webhooks form (domain/webhook_signature.h)
//     a 2xx answer is delivered; anything else (another status, no answer,
//     a timeout) is retried after backoff_seconds * 2^(attempt-1), and
//     after max_attempts the delivery is failed with its last error, and
//     after disable_after failed deliveries in a row the channel is disabled
//     with the reason (shown in its listing; nothing more is sent). The
//     database is not held while a request is in flight (a delivery is
//     claimed for a lease first), so the inbox and evaluation go on;
//   - an e-mail recipient is the same kind of delivery channel: its
//     deliveries become one message each (alert_mail.h) through the SMTP
//     server configured, with the same retries and log.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/alert_mail.h"
#include "app/caller.h"
#include "app/workspace.h"
#include "base/status.h"
#include "domain/webhook.h"

namespace patnav::app {

struct WebhookRequest {
  std::string url;       // http:// or https:// only
  int64_t watch_id = 0;  // 0: every watch the caller owns
  std::string secret;    // "" -> made (16..200 characters when given)
};

struct CreatedWebhook {
  domain::Webhook webhook;
  std::string secret;  // shown once
};

Result<CreatedWebhook> AddWebhook(const Caller& caller, Workspace& ws, const WebhookRequest& request);

struct EmailRequest {
  std::string address;   // one plain address
  int64_t watch_id = 0;  // 0: every watch the caller owns
};
// An e-mail recipient: the same outbox, retries and log as a webhook (listed,
// logged and removed with them, channel "email"); each alert or digest is one
// message through the SMTP server of DeliveryOptions::mail.
Result<domain::Webhook> AddEmailRecipient(const Caller& caller, Workspace& ws, const EmailRequest& request);
Result<std::vector<domain::Webhook>> ListWebhooks(const Caller& caller, Workspace& ws);
Status RemoveWebhook(const Caller& caller, Workspace& ws, int64_t id);
// Re-enables a channel of the caller's (one disabled after repeated
// failures, once its receiver is fixed): domain::EnableWebhook. Enabling an
// active one changes nothing. Another user's is NotFound.
Result<domain::Webhook> EnableWebhook(const Caller& caller, Workspace& ws, int64_t id);
// The delivery log of a webhook of the caller's, newest first.
Result<std::vector<domain::Delivery>> ListWebhookDeliveries(const Caller& caller, Workspace& ws, int64_t id);

struct DeliveryOptions {
  int max_attempts = 5;
  int64_t backoff_seconds = 30;
  long connect_timeout_ms = 5000;
  long timeout_ms = 10000;
  int64_t batch = 100;  // deliveries sent per call at most
  int64_t disable_after = 3;  // failed deliveries in a row that disable a channel (0: never)
  // The SMTP server for the e-mail channel; absent: ConfiguredMailSettings().
  // Not configured: e-mail deliveries fail their attempts with that reason
  // (retried; the inbox has the alerts regardless).
  std::optional<MailSettings> mail;
};

struct DeliverySummary {
  int64_t attempted = 0, delivered = 0, retrying = 0, failed = 0;
  int64_t disabled = 0;  // channels disabled by this call (their reason in the list)
};

// Sends the deliveries due at `now` (seconds since the epoch), one after
// another on the calling thread. Nothing to do when no watch was ever made.
Result<DeliverySummary> DeliverDueWebhooks(Workspace& ws, int64_t now, const DeliveryOptions& options = {});
// The same, authorised as Action::kIngest (the command line).
Result<DeliverySummary> RunDeliveries(const Caller& caller, Workspace& ws, int64_t now,
                                      const DeliveryOptions& options = {});

// JSON forms; WebhookJson never holds the secret.
nlohmann::ordered_json WebhookJson(const domain::Webhook& w);
nlohmann::ordered_json DeliveryJson(const domain::Delivery& d);
nlohmann::ordered_json DeliverySummaryJson(const DeliverySummary& s);

}  // namespace patnav::app
