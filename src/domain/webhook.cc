// The webhook and delivery tables (webhook.h).
#include "domain/webhook.h"

#include <cctype>

#include "domain/secret_token.h"
#include "domain/webhook_signature.h"

namespace patnav::domain {

namespace {

constexpr const char* kWebhookColumns =
    "SELECT id, owner_user_id, coalesce(watch_id, 0), url, active, created_at, channel, consecutive_failures, "
    "disabled_reason FROM webhook ";

Channel ChannelOf(std::string_view name) { return name == "email" ? Channel::kEmail : Channel::kWebhook; }
constexpr const char* kDeliveryFields =
    "SELECT d.id, d.webhook_id, d.subject, d.subject_id, d.status, d.attempts, d.next_attempt_at, "
    "d.last_http_status, d.last_error, d.created_at, coalesce(d.delivered_at, '')";

Webhook ReadWebhook(Statement& s) {
  Webhook w;
  w.id = s.ColumnInt64(0);
  w.owner_user_id = s.ColumnInt64(1);
  w.watch_id = s.ColumnInt64(2);
  w.url = s.ColumnText(3);
  w.active = s.ColumnInt64(4) != 0;
  w.created_at = s.ColumnText(5);
  w.channel = ChannelOf(s.ColumnText(6));
  w.consecutive_failures = s.ColumnInt64(7);
  w.disabled_reason = s.ColumnText(8);
  return w;
}

Delivery ReadDelivery(Statement& s) {
  Delivery d;
  d.id = s.ColumnInt64(0);
  d.webhook_id = s.ColumnInt64(1);
  d.subject = s.ColumnText(2);
  d.subject_id = s.ColumnInt64(3);
  const std::string_view status = s.ColumnText(4);
  d.status = status == "delivered" ? DeliveryStatus::kDelivered
             : status == "failed"  ? DeliveryStatus::kFailed
                                   : DeliveryStatus::kPending;
  d.attempts = s.ColumnInt64(5);
  d.next_attempt_at = s.ColumnText(6);
  d.last_http_status = s.ColumnInt64(7);
  d.last_error = s.ColumnText(8);
  d.created_at = s.ColumnText(9);
  d.delivered_at = s.ColumnText(10);
  return d;
}

}  // namespace

const char* ChannelName(Channel c) { return c == Channel::kEmail ? "email" : "webhook"; }

Status CheckEmailAddress(std::string_view a) {
  auto bad = [&](const std::string& why) {
    return Status::InvalidArgument("address: " + why + " (an e-mail address like analyst@example.org)");
  };
  if (a.empty()) return bad("an e-mail recipient needs an address");
  if (a.size() > 254) return bad("longer than 254 bytes");
  for (unsigned char c : a)
    if (c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == ',' || c == ';' || c == '"' || c == '(' || c == ')')
      return bad("'" + std::string(a) + "' is not one plain address");
  const size_t at = a.find('@');
  if (at == std::string_view::npos || at == 0 || a.find('@', at + 1) != std::string_view::npos)
    return bad("'" + std::string(a) + "' has no single '@'");
  const std::string_view domain = a.substr(at + 1);
  if (domain.empty() || domain.front() == '.' || domain.back() == '.' || domain.find('.') == std::string_view::npos)
    return bad("'" + std::string(a) + "' has no domain");
  return Status::OK();
}

const char* DeliveryStatusName(DeliveryStatus s) {
  switch (s) {
    case DeliveryStatus::kPending: return "pending";
    case DeliveryStatus::kDelivered: return "delivered";
    case DeliveryStatus::kFailed: return "failed";
  }
  return "pending";
}

namespace {

// The authority of `url` (host and port): what follows "://" up to the path,
// query or fragment; "" when there is no "://".
std::string_view AuthorityOf(std::string_view url) {
  const size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return {};
  const std::string_view rest = url.substr(scheme_end + 3);
  return rest.substr(0, rest.find_first_of("/?#"));
}

}  // namespace

Status CheckWebhookUrl(std::string_view url) {
  auto bad = [&](const std::string& why) {
    return Status::InvalidArgument("url: " + why + " (a webhook is an http:// or https:// URL, e.g. "
                                   "https://example.org/patnav-hook)");
  };
  if (url.empty()) return bad("a webhook needs a URL");
  if (url.size() > 2000) return bad("longer than 2000 bytes");
  std::string lower;
  for (char c : url.substr(0, 8)) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (lower.rfind("https://", 0) != 0 && lower.rfind("http://", 0) != 0) {
    const size_t colon = url.find(':');
    return bad(colon == std::string_view::npos ? "'" + std::string(url) + "' has no scheme"
                                               : "the scheme '" + std::string(url.substr(0, colon)) +
                                                     "' is not delivered to");
  }
  for (unsigned char c : url)
    if (c <= 0x20 || c == 0x7f) return bad("spaces and control characters are not allowed");
  const std::string_view authority = AuthorityOf(url);
  if (authority.empty() || authority.front() == ':' || authority.find('@') != std::string_view::npos)
    return bad("'" + std::string(url) + "' names no host (user names in URLs are not accepted)");
  return Status::OK();
}

Status CheckWebhookNotSelf(std::string_view url, int served_port) {
  if (served_port <= 0) return Status::OK();
  const std::string_view authority = AuthorityOf(url);
  if (authority.empty()) return Status::OK();
  const bool https = url.find("://") == 5;
  std::string host;
  std::string_view port_text;
  if (!authority.empty() && authority.front() == '[') {
    const size_t close = authority.find(']');
    host = std::string(authority.substr(1, close == std::string_view::npos ? authority.size() - 1 : close - 1));
    if (close != std::string_view::npos && close + 1 < authority.size() && authority[close + 1] == ':')
      port_text = authority.substr(close + 2);
  } else {
    const size_t colon = authority.rfind(':');
    host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) port_text = authority.substr(colon + 1);
  }
  for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  while (!host.empty() && host.back() == '.') host.pop_back();
  int port = https ? 443 : 80;
  if (!port_text.empty()) {
    port = 0;
    for (char c : port_text) {
      if (c < '0' || c > '9' || port > 65535) return Status::OK();
      port = port * 10 + (c - '0');
    }
  }
  const bool local = host == "localhost" || host.ends_with(".localhost") || host.rfind("127.", 0) == 0 ||
                     host == "0.0.0.0" || host == "::1" || host == "::" || host == "0:0:0:0:0:0:0:1" ||
                     host == "::ffff:127.0.0.1" || host == "0";
  if (local && port == served_port)
    return Status::InvalidArgument("url: '" + std::string(url) + "' points at this patnav server itself (port " +
                                   std::to_string(served_port) +
                                   "): a webhook delivers to another service, never back to patnav");
  return Status::OK();
}

Result<std::pair<Webhook, std::string>> InsertWebhook(MonitoringDb& db, WebhookInput in, std::string_view now) {
  if (in.channel == Channel::kEmail) {
    RETURN_IF_ERROR(CheckEmailAddress(in.url));
    in.secret.clear();
  } else {
    RETURN_IF_ERROR(CheckWebhookUrl(in.url));
    if (in.secret.empty()) {
      ASSIGN_OR_RETURN(in.secret, NewWebhookSecret());
    } else if (in.secret.size() < 16 || in.secret.size() > 200) {
      return Status::InvalidArgument("secret: 16 to 200 characters (or none: one is made)");
    }
  }
  int64_t id = 0;
  RETURN_IF_ERROR(db.Write([&]() -> Status {
    if (in.watch_id != 0) {
      ASSIGN_OR_RETURN(Statement w, db.db().Prepare("SELECT 1 FROM watch WHERE id = ?1"));
      w.BindInt64(1, in.watch_id);
      ASSIGN_OR_RETURN(bool exists, w.Step());
      if (!exists) return Status::NotFound("no watch " + std::to_string(in.watch_id));
    }
    ASSIGN_OR_RETURN(Statement s, db.db().Prepare("INSERT INTO webhook(owner_user_id, watch_id, url, secret, active, "
                                                  "created_at, channel) VALUES (?1, ?2, ?3, ?4, 1, ?5, ?6)"));
    s.BindInt64(1, in.owner_user_id);
    if (in.watch_id != 0) s.BindInt64(2, in.watch_id);
    else s.BindNull(2);
    s.BindText(3, in.url);
    s.BindText(4, in.secret);
    s.BindText(5, now);
    s.BindText(6, ChannelName(in.channel));
    RETURN_IF_ERROR(s.Run());
    id = db.db().LastInsertRowid();
    return Status::OK();
  }));
  ASSIGN_OR_RETURN(Webhook w, GetWebhook(db, id));
  return std::pair<Webhook, std::string>{std::move(w), in.secret};
}

Result<Webhook> GetWebhook(MonitoringDb& db, int64_t id) {
  ASSIGN_OR_RETURN(Statement s, db.db().Prepare(std::string(kWebhookColumns) + "WHERE id = ?1"));
  ScopedReset reset(s);
  s.BindInt64(1, id);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::NotFound("no webhook " + std::to_string(id));
  return ReadWebhook(s);
}

Result<std::vector<Webhook>> ListWebhooks(MonitoringDb& db, int64_t owner_user_id, bool all) {
  ASSIGN_OR_RETURN(Statement s,
                   db.db().Prepare(std::string(kWebhookColumns) + "WHERE ?2 = 1 OR owner_user_id = ?1 ORDER BY id"));
  ScopedReset reset(s);
  s.BindInt64(1, owner_user_id);
  s.BindInt64(2, all ? 1 : 0);
  std::vector<Webhook> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(ReadWebhook(s));
  }
  return out;
}

Status DeleteWebhook(MonitoringDb& db, int64_t id) {
  return db.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Statement d, db.db().Prepare("DELETE FROM delivery WHERE webhook_id = ?1"));
    d.BindInt64(1, id);
    RETURN_IF_ERROR(d.Run());
    ASSIGN_OR_RETURN(Statement s, db.db().Prepare("DELETE FROM webhook WHERE id = ?1"));
    s.BindInt64(1, id);
    RETURN_IF_ERROR(s.Run());
    ASSIGN_OR_RETURN(int64_t changed, db.db().QueryInt64("SELECT changes()"));
    if (changed == 0) return Status::NotFound("no webhook " + std::to_string(id));
    return Status::OK();
  });
}

Result<Webhook> EnableWebhook(MonitoringDb& db, int64_t id) {
  Webhook out;
  RETURN_IF_ERROR(db.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Statement s, db.db().Prepare("UPDATE webhook SET active = 1, consecutive_failures = 0, "
                                                  "disabled_reason = '' WHERE id = ?1"));
    s.BindInt64(1, id);
    RETURN_IF_ERROR(s.Run());
    ASSIGN_OR_RETURN(int64_t changed, db.db().QueryInt64("SELECT changes()"));
    if (changed == 0) return Status::NotFound("no webhook " + std::to_string(id));
    ASSIGN_OR_RETURN(out, GetWebhook(db, id));
    return Status::OK();
  }));
  return out;
}

Result<bool> AnyActiveWebhook(MonitoringDb& db) {
  ASSIGN_OR_RETURN(int64_t any, db.db().QueryInt64("SELECT EXISTS (SELECT 1 FROM webhook WHERE active = 1)"));
  return any != 0;
}

Status QueueDeliveries(MonitoringDb& db, int64_t watch_id, std::string_view subject, int64_t subject_id,
                       std::string_view now) {
  ASSIGN_OR_RETURN(Statement s,
                   db.db().Prepare("INSERT OR IGNORE INTO delivery(webhook_id, subject, subject_id, status, "
                                   "next_attempt_at, created_at) "
                                   "SELECT h.id, ?2, ?3, 'pending', ?4, ?4 FROM webhook h JOIN watch w ON w.id = ?1 "
                                   "WHERE h.active = 1 AND (h.watch_id = w.id OR "
                                   "(h.watch_id IS NULL AND h.owner_user_id = w.owner_user_id))"));
  ScopedReset reset(s);
  s.BindInt64(1, watch_id);
  s.BindText(2, subject);
  s.BindInt64(3, subject_id);
  s.BindText(4, now);
  return s.Run();
}

Result<std::vector<DueDelivery>> DueDeliveries(MonitoringDb& db, std::string_view now, std::string_view lease_until,
                                               int64_t limit) {
  std::vector<DueDelivery> out;
  RETURN_IF_ERROR(db.Write([&]() -> Status {
    out.clear();
    ASSIGN_OR_RETURN(Statement s, db.db().Prepare(std::string(kDeliveryFields) +
                                                  ", h.url, h.secret, h.channel FROM delivery d JOIN webhook h ON "
                                                  "h.id = d.webhook_id WHERE d.status = 'pending' AND h.active = 1 AND "
                                                  "d.next_attempt_at <= ?1 ORDER BY d.next_attempt_at, d.id LIMIT ?2"));
    s.BindText(1, now);
    s.BindInt64(2, limit);
    for (;;) {
      ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      DueDelivery due;
      due.delivery = ReadDelivery(s);
      due.url = s.ColumnText(11);
      due.secret = s.ColumnText(12);
      due.channel = ChannelOf(s.ColumnText(13));
      out.push_back(std::move(due));
    }
    s.Reset();
    ASSIGN_OR_RETURN(Statement lease, db.db().Prepare("UPDATE delivery SET next_attempt_at = ?2 WHERE id = ?1"));
    for (const DueDelivery& d : out) {
      ScopedReset r(lease);
      lease.BindInt64(1, d.delivery.id);
      lease.BindText(2, lease_until);
      RETURN_IF_ERROR(lease.Run());
    }
    return Status::OK();
  }));
  return out;
}

Result<bool> RecordAttempt(MonitoringDb& db, int64_t delivery_id, const AttemptOutcome& o, std::string_view now,
                           int64_t disable_after) {
  bool disabled = false;
  RETURN_IF_ERROR(db.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Statement s,
                     db.db().Prepare("UPDATE delivery SET attempts = attempts + 1, status = ?2, last_http_status = ?3, "
                                     "last_error = ?4, next_attempt_at = ?5, delivered_at = ?6 WHERE id = ?1"));
    // Bound text must outlive the statement's run: no temporaries.
    const std::string error = o.delivered ? "" : o.error;
    const std::string next =
        o.delivered || o.give_up || o.next_attempt_at.empty() ? std::string(now) : o.next_attempt_at;
    s.BindInt64(1, delivery_id);
    s.BindText(2, o.delivered ? "delivered" : o.give_up ? "failed" : "pending");
    s.BindInt64(3, o.http_status);
    s.BindText(4, error);
    s.BindText(5, next);
    if (o.delivered) s.BindText(6, now);
    else s.BindNull(6);
    RETURN_IF_ERROR(s.Run());
    if (!o.delivered && !o.give_up) return Status::OK();
    ASSIGN_OR_RETURN(Statement count,
                     db.db().Prepare(o.delivered ? "UPDATE webhook SET consecutive_failures = 0 WHERE id = "
                                                   "(SELECT webhook_id FROM delivery WHERE id = ?1)"
                                                 : "UPDATE webhook SET consecutive_failures = consecutive_failures + 1 "
                                                   "WHERE id = (SELECT webhook_id FROM delivery WHERE id = ?1)"));
    count.BindInt64(1, delivery_id);
    RETURN_IF_ERROR(count.Run());
    if (o.delivered || disable_after <= 0) return Status::OK();
    const std::string reason = "disabled after " + std::to_string(disable_after) +
                               " deliveries failed in a row; the last: " + error;
    ASSIGN_OR_RETURN(Statement off, db.db().Prepare("UPDATE webhook SET active = 0, disabled_reason = ?2 WHERE id = "
                                                    "(SELECT webhook_id FROM delivery WHERE id = ?1) AND active = 1 "
                                                    "AND consecutive_failures >= ?3"));
    off.BindInt64(1, delivery_id);
    off.BindText(2, reason);
    off.BindInt64(3, disable_after);
    RETURN_IF_ERROR(off.Run());
    ASSIGN_OR_RETURN(int64_t changed, db.db().QueryInt64("SELECT changes()"));
    disabled = changed > 0;
    return Status::OK();
  }));
  return disabled;
}

Result<std::vector<Delivery>> ListDeliveries(MonitoringDb& db, int64_t webhook_id, int64_t limit) {
  ASSIGN_OR_RETURN(Statement s, db.db().Prepare(std::string(kDeliveryFields) +
                                                " FROM delivery d WHERE d.webhook_id = ?1 ORDER BY d.id DESC LIMIT ?2"));
  ScopedReset reset(s);
  s.BindInt64(1, webhook_id);
  s.BindInt64(2, limit);
  std::vector<Delivery> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(ReadDelivery(s));
  }
  return out;
}

}  // namespace patnav::domain
