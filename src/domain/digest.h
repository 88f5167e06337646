// Digests (issue 14): the notifications of a watch whose rate is daily,
// weekly or monthly, collected once the period has ended. Collection is a
// deterministic function of the time given (digest_period.h): for each
// active watch of a slower rate, EVERY period that has ended at `now` since
// its last digest gets its own digest, holding the notifications of that
// watch not yet in a digest and created before the period's end -- so after
// a server was down for three days, each of the three days has its digest.
// A period with nothing new gets an empty digest only when the watch asks to
// be notified even when nothing is new and existed before the period ended.
// Empty digests go back at most 62 periods; periods with news always get
// theirs.
//
// Once: the digest is unique per (watch, period) and is written in the same
// transaction that marks its notifications, so running the collection twice,
// or from two processes, makes each digest once. `on_digest` runs inside that
// transaction (webhook deliveries are queued there: a digest and its
// deliveries exist together or not at all).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "base/status.h"
#include "domain/monitoring_db.h"

namespace patnav::domain {

struct Digest {
  int64_t id = 0;
  int64_t watch_id = 0;
  std::string period;                    // "2026-12-06", "2026-W49", "2026-12"
  std::string period_start, period_end;  // ISO UTC, [start, end)
  std::string created_at;
  int64_t notification_count = 0, hit_count = 0;
};

// Makes the digests due at `now` (seconds since the epoch); the ones made,
// by watch id. `on_digest` (may be empty) runs in each digest's transaction;
// its error rolls that digest back and is returned.
// REQUIRES: no transaction open on `db`.
Result<std::vector<Digest>> CollectDigests(MonitoringDb& db, int64_t now,
                                           const std::function<Status(const Digest&)>& on_digest = {});

// The digests of a watch, newest first (at most `limit`).
Result<std::vector<Digest>> ListDigests(MonitoringDb& db, int64_t watch_id, int64_t limit = 100);
// One digest; NotFound when absent.
Result<Digest> GetDigest(MonitoringDb& db, int64_t id);

}  // namespace patnav::domain
