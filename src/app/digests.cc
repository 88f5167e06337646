// Digests, authorised (digests.h).
#include "app/digests.h"

#include "app/authorize.h"
#include "app/watches.h"
#include "domain/webhook.h"

namespace patnav::app {

Result<std::vector<domain::Digest>> RunDigests(const Caller& caller, Workspace& ws, int64_t now) {
  RETURN_IF_ERROR(Authorize(caller, Action::kIngest));
  return CollectDigestsNow(ws, now);
}

Result<std::vector<domain::Digest>> CollectDigestsNow(Workspace& ws, int64_t now) {
  std::vector<domain::Digest> out;
  if (!domain::MonitoringDb::Exists(ws.dir())) return out;
  RETURN_IF_ERROR(ws.WithMonitoring([&](domain::MonitoringDb& db) -> Status {
    ASSIGN_OR_RETURN(out, domain::CollectDigests(db, now, [&](const domain::Digest& d) {
                       return domain::QueueDeliveries(db, d.watch_id, "digest", d.id, d.created_at);
                     }));
    return Status::OK();
  }));
  return out;
}

Result<std::vector<domain::Digest>> ListWatchDigests(const Caller& caller, Workspace& ws, int64_t watch_id) {
  RETURN_IF_ERROR(ShowWatch(caller, ws, watch_id).status());
  std::vector<domain::Digest> out;
  RETURN_IF_ERROR(ws.WithMonitoring([&](domain::MonitoringDb& db) -> Status {
    ASSIGN_OR_RETURN(out, domain::ListDigests(db, watch_id));
    return Status::OK();
  }));
  return out;
}

nlohmann::ordered_json DigestJson(const domain::Digest& d) {
  return {{"id", d.id},
          {"watch_id", d.watch_id},
          {"period", d.period},
          {"period_start", d.period_start},
          {"period_end", d.period_end},
          {"created_at", d.created_at},
          {"notification_count", d.notification_count},
          {"hit_count", d.hit_count}};
}

}  // namespace patnav::app
