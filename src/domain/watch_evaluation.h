// Evaluating the watches (issue 14, part 2): every active watch is asked of
// only what changed in the patent store since the watermark -- publications
// whose change sequence is above it, legal events whose id is above it --
// and each hit is recorded once: the key (watch, item, event) is UNIQUE in
// monitoring.db, so re-ingesting the same file, or evaluating the same range
// twice, records nothing new. The hits of one watch from one evaluation are
// one notification; the evaluations of one ingest (its passes,
// app/watch_follower.h) share one notification per watch
// (IngestNotifications).
//
// Atomicity: the hits, their notifications, the evaluation row and the new
// watermark are written in ONE monitoring.db transaction. A process killed
// before it commits leaves none of them; the watermark then still stands
// where the last committed evaluation left it, so the next evaluation (the
// next ingest, or `patnav watch run`) covers the missed changes.
//
// A watch never alerts on changes made before it was created
// (Watch::since_sequence / since_event); the scan starts at the larger of the
// watermark and the oldest active watch's start, never at the beginning of
// the store when the watches are newer.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "base/status.h"
#include "domain/monitoring_db.h"
#include "domain/operations_db.h"
#include "domain/watch.h"
#include "store/patent_store.h"

namespace patnav::domain {

// Patents of a portfolio as "country + DOCDB doc number" (no kind), by
// PortfolioKey(alliance, member).
using Portfolios = std::map<std::string, std::set<std::string>>;
std::string PortfolioKey(std::string_view alliance, std::string_view member);
// The alliance's pool contributions not withdrawn (of `member` when not
// empty), as subjects. NotFound when there is no such alliance.
Result<std::set<std::string>> PortfolioSubjects(OperationsDb& ops, std::string_view alliance, std::string_view member);
// The patents a member holds itself, as subjects: the publications naming it
// as applicant or assignee, by its organisation grouping key
// (NormalizeOrganisation of `member`, so spelling variants count), and the
// patents it received by a recorded ownership transfer and still holds on
// `as_of` (ISO; "" = today UTC: its current owners by CurrentOwnership
// include it), whether or not it contributed them to a pool. Reads the
// transfers recorded up to `as_of` and the events of those it received.
Result<std::set<std::string>> MemberPatentSubjects(PatentStore& store, std::string_view member,
                                                   std::string_view as_of = "");

// The notifications of one ingest, one per watch, kept by the caller from
// one evaluation of the ingest to the next (app/watch_follower.h).
//
// Contract: an evaluation given it puts a watch's new hits in the watch's
// notification of this ingest when there is one still open (below) and no
// digest has collected it -- its hit_count grows -- and else in a new one,
// open, which `of_watch` then names. An open notification is in the inbox
// like any other; it is only not delivered yet: the webhook and e-mail
// deliveries of an immediate watch are queued when its notification closes,
// so a receiver gets one message with every hit of the ingest. The
// evaluation with `last` closes every open notification; so does the
// first evaluation given a fresh IngestNotifications and every evaluation
// given none, which closes what a killed ingest left open. Closing and
// queueing are in the transaction that writes the hits, or in one of their
// own when an evaluation has nothing to write.
struct IngestNotifications {
  std::map<int64_t, int64_t> of_watch;  // watch id -> its open notification's id
  bool last = false;                    // this evaluation ends the ingest
  bool began = false;                   // an evaluation of this ingest committed
};

struct EvaluationOptions {
  std::string today;  // ISO date for expiry windows; "" = today (UTC)
  std::string now;    // ISO timestamp recorded; "" = now (UTC)
  int chunk_records = 2000;  // changed records matched at a time (memory bound)
  // The expiry and fee windows of chosen patents are asked of the date, not
  // of a change, and cost a status per chosen patent: false leaves them to a
  // later evaluation (the passes during an ingest, app/watch_follower.h;
  // its last pass asks them).
  bool date_windows = true;
  // The ingest this evaluation belongs to, or null (see IngestNotifications).
  IngestNotifications* ingest = nullptr;
  // Test hook: runs inside the transaction after the hits are written and
  // before the watermark is; a non-OK status rolls everything back.
  std::function<Status()> before_watermark;
};

struct EvaluationSummary {
  int64_t evaluation_id = 0;  // 0 when nothing was recorded
  int64_t from_sequence = 0, to_sequence = 0, from_event = 0, to_event = 0;
  int64_t watches = 0;            // active watches evaluated
  int64_t records_examined = 0;   // changed publications read
  int64_t events_examined = 0;    // new legal events read
  int64_t hits = 0;               // newly recorded
  int64_t notifications = 0;      // newly recorded
};

// The count of changes ever made to the watches (monitoring.db meta
// 'watch_changes': every insert, update or delete of one).
Result<int64_t> WatchChanges(MonitoringDb& mdb);

// The active watches listed and made ready to evaluate: the queries of the
// saved-query and technology watches planned (RecordQueryMatcher::Plan),
// the applicant and technology watches inverted by grouping key and class
// prefix, the chosen patents by subject, the owners' keys. An evaluator
// that runs pass after pass (app/watch_follower.h) keeps one while
// WatchChanges() still equals changes(); an evaluation with one that is out
// of date records nothing and returns Unavailable.
// Thread-safety: immutable after Load; shareable between threads.
class PreparedWatches {
 public:
  static Result<std::unique_ptr<PreparedWatches>> Load(MonitoringDb& mdb);
  ~PreparedWatches();
  const std::vector<Watch>& watches() const;
  int64_t changes() const;  // WatchChanges when listed

  struct Impl;  // watch_evaluation.cc
  const Impl& impl() const { return *impl_; }

 private:
  explicit PreparedWatches(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Evaluates every active watch against the changes since the watermark (see
// above). `portfolios` must hold PortfolioKey(alliance, member) of every
// active cites-portfolio watch (a missing one matches nothing).
// REQUIRES: no transaction open on `mdb`; the store has no batch open.
Result<EvaluationSummary> EvaluateWatches(MonitoringDb& mdb, PatentStore& store, const Portfolios& portfolios,
                                          const EvaluationOptions& options = {});
// The same with watches prepared before (`prepared` lists the active
// watches). Unavailable, with nothing recorded, when the watches changed since
// `prepared` was loaded (checked inside the write transaction): load them
// again and repeat.
Result<EvaluationSummary> EvaluateWatches(MonitoringDb& mdb, PatentStore& store, const PreparedWatches& prepared,
                                          const Portfolios& portfolios, const EvaluationOptions& options = {});

struct WatchPreview {
  int64_t hits = 0;
  std::string from, to;  // the window of publication (or event) dates, ISO, inclusive
};

// How many hits `w` would have produced over the year ending `today`
// (publications dated in the window; for chosen patents, their legal events
// of the kinds asked dated in it, an expiry and a fee due date falling in it,
// and with family/citing the window's publications in their families or
// citing them). Scans the store at most once.
// FailedPrecondition "... N hits over the last year (from .. to ..), above
// the cap of C ..." when hits > cap (cap <= 0: no cap).
Result<WatchPreview> PreviewWatch(PatentStore& store, const WatchInput& w, const Portfolios& portfolios,
                                  std::string_view today, int64_t cap);

// The watermark recorded for the store `store_id`: (change sequence, legal
// event id) evaluated through; (0, 0) when none.
Result<std::pair<int64_t, int64_t>> ReadWatermark(MonitoringDb& mdb, std::string_view store_id);

}  // namespace patnav::domain
