// Collecting digests at period boundaries (digest.h).
#include "domain/digest.h"

#include <algorithm>
#include <optional>

#include "domain/digest_period.h"
#include "domain/platform_clock.h"
#include "domain/watch.h"

namespace patnav::domain {

namespace {

constexpr const char* kDigestColumns =
    "SELECT id, watch_id, period, period_start, period_end, created_at, notification_count, hit_count FROM digest ";

Digest ReadDigest(Statement& s) {
  Digest d;
  d.id = s.ColumnInt64(0);
  d.watch_id = s.ColumnInt64(1);
  d.period = s.ColumnText(2);
  d.period_start = s.ColumnText(3);
  d.period_end = s.ColumnText(4);
  d.created_at = s.ColumnText(5);
  d.notification_count = s.ColumnInt64(6);
  d.hit_count = s.ColumnInt64(7);
  return d;
}

// Makes the digest of `w` for `period` when one is due; nullopt when none
// is (already made, or nothing to say).
Result<std::optional<Digest>> DigestOne(MonitoringDb& mdb, const Watch& w, const DigestPeriod& period,
                                        const std::string& now, const std::function<Status(const Digest&)>& on_digest) {
  SqliteDb& db = mdb.db();
  std::optional<Digest> made;
  const std::string end = FormatIsoUtc(period.end);
  RETURN_IF_ERROR(mdb.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Statement done, db.Prepare("SELECT 1 FROM digest WHERE watch_id = ?1 AND period = ?2"));
    done.BindInt64(1, w.id);
    done.BindText(2, period.key);
    ASSIGN_OR_RETURN(bool exists, done.Step());
    done.Reset();
    if (exists) return Status::OK();
    ASSIGN_OR_RETURN(Statement count, db.Prepare("SELECT count(*), coalesce(sum(hit_count), 0) FROM notification "
                                                 "WHERE watch_id = ?1 AND digest_id IS NULL AND created_at < ?2"));
    count.BindInt64(1, w.id);
    count.BindText(2, end);
    ASSIGN_OR_RETURN(bool row, count.Step());
    const int64_t notifications = row ? count.ColumnInt64(0) : 0, hits = row ? count.ColumnInt64(1) : 0;
    count.Reset();
    const bool empty_due = w.notify_empty && w.created_at < end;
    if (notifications == 0 && !empty_due) return Status::OK();
    ASSIGN_OR_RETURN(Statement ins, db.Prepare("INSERT INTO digest(watch_id, period, period_start, period_end, "
                                               "created_at, notification_count, hit_count) "
                                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
    Digest d;
    d.watch_id = w.id;
    d.period = period.key;
    d.period_start = FormatIsoUtc(period.start);
    d.period_end = end;
    d.created_at = now;
    d.notification_count = notifications;
    d.hit_count = hits;
    ins.BindInt64(1, d.watch_id);
    ins.BindText(2, d.period);
    ins.BindText(3, d.period_start);
    ins.BindText(4, d.period_end);
    ins.BindText(5, d.created_at);
    ins.BindInt64(6, d.notification_count);
    ins.BindInt64(7, d.hit_count);
    RETURN_IF_ERROR(ins.Run());
    d.id = db.LastInsertRowid();
    ASSIGN_OR_RETURN(Statement mark, db.Prepare("UPDATE notification SET digest_id = ?3 "
                                                "WHERE watch_id = ?1 AND digest_id IS NULL AND created_at < ?2"));
    mark.BindInt64(1, w.id);
    mark.BindText(2, end);
    mark.BindInt64(3, d.id);
    RETURN_IF_ERROR(mark.Run());
    if (on_digest) RETURN_IF_ERROR(on_digest(d));
    made = std::move(d);
    return Status::OK();
  }));
  return made;
}

// How far back a watch that notifies even when nothing is new gets its
// empty digests after a long downtime; periods with news always get theirs.
constexpr int kMaxEmptyCatchUp = 62;

// The period containing the oldest notification of `w` not yet in a digest;
// nullopt when there is none.
Result<std::optional<DigestPeriod>> PeriodOfOldestNews(MonitoringDb& mdb, const Watch& w) {
  ASSIGN_OR_RETURN(Statement s, mdb.db().Prepare("SELECT min(created_at) FROM notification "
                                                 "WHERE watch_id = ?1 AND digest_id IS NULL"));
  ScopedReset reset(s);
  s.BindInt64(1, w.id);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row || s.ColumnIsNull(0)) return std::optional<DigestPeriod>();
  ASSIGN_OR_RETURN(int64_t at, ParseIsoUtc(s.ColumnText(0)));
  return std::optional<DigestPeriod>(PeriodContaining(w.rate, at));
}

// The first period of `w` not yet digested: the one after its last digest,
// or -- never digested -- the one it was made in.
Result<DigestPeriod> FirstUndigestedPeriod(MonitoringDb& mdb, const Watch& w) {
  ASSIGN_OR_RETURN(Statement s, mdb.db().Prepare("SELECT max(period_end) FROM digest WHERE watch_id = ?1"));
  ScopedReset reset(s);
  s.BindInt64(1, w.id);
  ASSIGN_OR_RETURN(int64_t from, ParseIsoUtc(w.created_at));
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (row && !s.ColumnIsNull(0)) {
    ASSIGN_OR_RETURN(int64_t after, ParseIsoUtc(s.ColumnText(0)));
    from = std::max(from, after);
  }
  return PeriodContaining(w.rate, from);
}

}  // namespace

Result<std::vector<Digest>> CollectDigests(MonitoringDb& db, int64_t now,
                                           const std::function<Status(const Digest&)>& on_digest) {
  ASSIGN_OR_RETURN(std::vector<Watch> watches, ListWatches(db, /*active_only=*/true));
  const std::string now_text = FormatIsoUtc(now);
  std::vector<Digest> out;
  for (const Watch& w : watches) {
    if (w.rate == WatchRate::kImmediate) continue;
    DigestPeriod empty_floor = LastEndedPeriod(w.rate, now);
    for (int i = 1; i < kMaxEmptyCatchUp; ++i) empty_floor = PeriodContaining(w.rate, empty_floor.start - 1);
    ASSIGN_OR_RETURN(DigestPeriod period, FirstUndigestedPeriod(db, w));
    // Every period that has ended gets its own digest, in order, so a server
    // that was down for three days still says what each day brought. Quiet
    // periods that would get no digest are skipped by jumping to the next
    // period with news (or to the empty-digest floor).
    while (period.end <= now) {
      if (!(w.notify_empty && period.start >= empty_floor.start)) {
        ASSIGN_OR_RETURN(std::optional<DigestPeriod> next, PeriodOfOldestNews(db, w));
        if (w.notify_empty && (!next || next->start > empty_floor.start)) next = empty_floor;
        if (!next) break;
        if (next->start > period.start) {
          period = *next;
          continue;
        }
      }
      ASSIGN_OR_RETURN(std::optional<Digest> d, DigestOne(db, w, period, now_text, on_digest));
      if (d) out.push_back(std::move(*d));
      period = PeriodContaining(w.rate, period.end);
    }
  }
  return out;
}

Result<std::vector<Digest>> ListDigests(MonitoringDb& db, int64_t watch_id, int64_t limit) {
  ASSIGN_OR_RETURN(Statement s, db.db().Prepare(std::string(kDigestColumns) +
                                                "WHERE watch_id = ?1 ORDER BY id DESC LIMIT ?2"));
  ScopedReset reset(s);
  s.BindInt64(1, watch_id);
  s.BindInt64(2, limit);
  std::vector<Digest> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(ReadDigest(s));
  }
  return out;
}

Result<Digest> GetDigest(MonitoringDb& db, int64_t id) {
  ASSIGN_OR_RETURN(Statement s, db.db().Prepare(std::string(kDigestColumns) + "WHERE id = ?1"));
  ScopedReset reset(s);
  s.BindInt64(1, id);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::NotFound("no digest " + std::to_string(id));
  return ReadDigest(s);
}

}  // namespace patnav::domain
