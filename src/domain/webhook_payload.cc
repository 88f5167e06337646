// Webhook bodies from monitoring.db (webhook_payload.h).
#include "domain/webhook_payload.h"

#include <nlohmann/json.hpp>

#include "domain/digest.h"
#include "domain/watch.h"

namespace patnav::domain {

namespace {

using Json = nlohmann::ordered_json;

Result<Json> Hits(MonitoringDb& db, const char* where, int64_t id) {
  ASSIGN_OR_RETURN(Statement s, db.db().Prepare(std::string("SELECT ") + kHitColumnsSql + " FROM " + kNotificationHitsSql +
                                                " WHERE " + where + " ORDER BY h.item, h.event LIMIT 1000"));
  ScopedReset reset(s);
  s.BindInt64(1, id);
  Json out = Json::array();
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(Json{{"publication_number", s.ColumnText(0)}, {"event", s.ColumnText(1)}, {"detail", s.ColumnText(2)}});
  }
  return out;
}

Json WatchPart(const Watch& w) {
  return Json{{"id", w.id}, {"name", w.name}, {"kind", WatchKindName(w.kind)}, {"rate", WatchRateName(w.rate)},
              {"alliance", w.alliance}};
}

}  // namespace

Result<std::string> DeliveryBody(MonitoringDb& db, const Delivery& d) {
  Json body{{"delivery_id", d.id}, {"type", d.subject}};
  if (d.subject == "digest") {
    ASSIGN_OR_RETURN(Digest g, GetDigest(db, d.subject_id));
    ASSIGN_OR_RETURN(Watch w, GetWatch(db, g.watch_id));
    ASSIGN_OR_RETURN(Json hits, Hits(db, "n.digest_id = ?1", g.id));
    body["watch"] = WatchPart(w);
    body["digest"] = Json{{"id", g.id},
                          {"period", g.period},
                          {"period_start", g.period_start},
                          {"period_end", g.period_end},
                          {"notification_count", g.notification_count},
                          {"hit_count", g.hit_count},
                          {"hits", hits}};
  } else {
    ASSIGN_OR_RETURN(Statement s,
                     db.db().Prepare("SELECT watch_id, created_at, hit_count FROM notification WHERE id = ?1"));
    s.BindInt64(1, d.subject_id);
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return Status::NotFound("no notification " + std::to_string(d.subject_id));
    const int64_t watch_id = s.ColumnInt64(0);
    const std::string created_at(s.ColumnText(1));
    const int64_t hit_count = s.ColumnInt64(2);
    s.Reset();
    ASSIGN_OR_RETURN(Watch w, GetWatch(db, watch_id));
    ASSIGN_OR_RETURN(Json hits, Hits(db, "n.id = ?1", d.subject_id));
    body["watch"] = WatchPart(w);
    body["notification"] =
        Json{{"id", d.subject_id}, {"created_at", created_at}, {"hit_count", hit_count}, {"hits", hits}};
  }
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace patnav::domain
