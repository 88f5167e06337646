// Webhooks of the watches (issue 14): a URL that receives each notification
// (immediate watches) or digest (daily, weekly, monthly) as a signed JSON
// POST -- or, on the e-mail channel, an address that receives it as a
// message through the configured SMTP server (the same outbox, retries and
// log; `url` is then the address and there is no secret). A webhook belongs to a user and names one of their watches, or none
// (then it receives every watch the user owns). Its secret is chosen at
// creation, shown once, and stored only to sign: no read here returns it
// except DueDeliveries, for the signer.
//
// Deliveries are an outbox: QueueDeliveries runs in the transaction that
// makes the notification or digest, so a delivery exists exactly when its
// subject does, once per webhook (UNIQUE (webhook, subject, subject id)).
// Sending happens later, outside any transaction (app/webhooks.h):
// DueDeliveries claims the due ones for a lease, RecordAttempt writes the
// outcome (delivered; pending again after a backoff; failed after the last
// attempt).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "domain/monitoring_db.h"

namespace patnav::domain {

enum class Channel { kWebhook, kEmail };
const char* ChannelName(Channel c);  // "webhook", "email"

struct WebhookInput {
  Channel channel = Channel::kWebhook;
  int64_t owner_user_id = 0;
  int64_t watch_id = 0;  // 0: every watch the owner owns
  std::string url;     // kEmail: the address
  std::string secret;  // kWebhook: "" -> a new random one (InsertWebhook); kEmail: none
};

struct Webhook {
  Channel channel = Channel::kWebhook;
  int64_t id = 0, owner_user_id = 0, watch_id = 0;
  std::string url;
  bool active = true;
  std::string created_at;
  int64_t consecutive_failures = 0;  // deliveries failed for good since the last delivered one
  std::string disabled_reason;       // set when it was disabled for failing
};

// OK for an absolute http:// or https:// URL with a host and no spaces or
// control characters (at most 2000 bytes); InvalidArgument otherwise,
// saying which schemes are delivered to.
Status CheckWebhookUrl(std::string_view url);
// InvalidArgument when `url` names this server itself: a loopback host
// (localhost, 127.0.0.0/8, ::1, 0.0.0.0) on the port the server listens on
// (`served_port`; 0 = not serving, nothing is refused). A webhook delivered
// back to patnav would make the server call itself with every alert.
Status CheckWebhookNotSelf(std::string_view url, int served_port);
// OK for one plain address local@domain (no display name, no spaces, no
// control characters, at most 254 bytes); InvalidArgument otherwise.
Status CheckEmailAddress(std::string_view address);

// Saves a webhook (its URL checked) or an e-mail recipient (its address
// checked) and returns it with the secret used (webhooks), which is never
// returned again.
Result<std::pair<Webhook, std::string>> InsertWebhook(MonitoringDb& db, WebhookInput in, std::string_view now);
// NotFound when absent.
Result<Webhook> GetWebhook(MonitoringDb& db, int64_t id);
// The webhooks of `owner_user_id` (all of them when `all`), by id.
Result<std::vector<Webhook>> ListWebhooks(MonitoringDb& db, int64_t owner_user_id, bool all = false);
// Deletes the webhook and its delivery log. NotFound when absent.
Status DeleteWebhook(MonitoringDb& db, int64_t id);
// Makes the channel active again with no failure counted and no reason: the
// next alerts are queued for it, and its deliveries still pending are sent
// when due; the deliveries failed for good stay failed, and alerts made
// while it was disabled are not queued after the fact (the inbox has them).
// Returns it as it now is; NotFound when absent.
Result<Webhook> EnableWebhook(MonitoringDb& db, int64_t id);

// Whether any webhook is active: when none is, queueing deliveries would
// insert nothing (an evaluation then skips asking once per notification).
Result<bool> AnyActiveWebhook(MonitoringDb& db);

// Queues a delivery of `subject` ("notification" or "digest") `subject_id`
// of watch `watch_id` to each active webhook of that watch or of its owner.
// REQUIRES: inside a write transaction on `db` (that makes the subject).
Status QueueDeliveries(MonitoringDb& db, int64_t watch_id, std::string_view subject, int64_t subject_id,
                       std::string_view now);

enum class DeliveryStatus { kPending, kDelivered, kFailed };
const char* DeliveryStatusName(DeliveryStatus s);  // "pending", "delivered", "failed"

struct Delivery {
  int64_t id = 0, webhook_id = 0;
  std::string subject;  // "notification" or "digest"
  int64_t subject_id = 0;
  DeliveryStatus status = DeliveryStatus::kPending;
  int64_t attempts = 0;
  std::string next_attempt_at;
  int64_t last_http_status = 0;  // 0: no HTTP answer
  std::string last_error;        // "" after success
  std::string created_at, delivered_at;
};

// A delivery claimed for sending, with what the sender needs.
struct DueDelivery {
  Delivery delivery;
  Channel channel = Channel::kWebhook;
  std::string url, secret;
};

// The pending deliveries of active channels due at `now` (ISO UTC), oldest first, at most
// `limit`; each is claimed until `lease_until` (its next_attempt_at moved
// there in the same transaction), so a second sender does not take it.
Result<std::vector<DueDelivery>> DueDeliveries(MonitoringDb& db, std::string_view now, std::string_view lease_until,
                                               int64_t limit);

struct AttemptOutcome {
  bool delivered = false;
  int64_t http_status = 0;
  std::string error;            // what went wrong ("" when delivered)
  bool give_up = false;         // the last attempt: failed for good
  std::string next_attempt_at;  // when not delivered and not given up
};
// Writes one attempt's outcome (attempts + 1) in one transaction with its
// channel's failure count: a delivery delivered resets it, one failed for
// good adds one, and at `disable_after` (> 0) failed deliveries in a row the
// channel is disabled (active 0, disabled_reason saying why and the last
// error): nothing more is queued for it or sent. True when this attempt
// disabled it.
Result<bool> RecordAttempt(MonitoringDb& db, int64_t delivery_id, const AttemptOutcome& o, std::string_view now,
                           int64_t disable_after = 3);

// The delivery log of a webhook, newest first, at most `limit`.
Result<std::vector<Delivery>> ListDeliveries(MonitoringDb& db, int64_t webhook_id, int64_t limit = 100);

}  // namespace patnav::domain
