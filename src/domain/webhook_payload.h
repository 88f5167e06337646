// The JSON body of a webhook delivery (issue 14). The same bytes on every
// attempt of a delivery (no time in it: the time is a header), so a receiver
// can deduplicate by delivery_id and the signature covers exactly the body:
//   {"delivery_id": 12, "type": "notification" | "digest",
//    "watch": {"id", "name", "kind", "rate", "alliance"},
//    "notification": {"id", "created_at", "hit_count", "hits": [...]}     (type notification)
//    "digest": {"id", "period", "period_start", "period_end",
//               "notification_count", "hit_count", "hits": [...]}         (type digest)}
// hits: {"publication_number", "event", "detail"}, by publication, at most
// 1000 (hit_count tells the total).
#pragma once

#include <string>

#include "base/status.h"
#include "domain/monitoring_db.h"
#include "domain/webhook.h"

namespace patnav::domain {

// NotFound when the subject is gone (its watch deleted).
Result<std::string> DeliveryBody(MonitoringDb& db, const Delivery& d);

}  // namespace patnav::domain
