// Watches (issue 14): a saved question about the patent data that is asked
// again of every change an ingest makes. A watch is owned by one user and may
// be shared with an alliance; it has a name, a kind with its parameters, a
// rate and a notify-when-empty flag. Watches live in monitoring.db
// (monitoring_db.h); their evaluation is watch_evaluation.h.
//
// Kinds and their parameters (WatchParams):
//   query            query: the expert query language (docs/query-language.md)
//   applicant        applicants: names; matched by grouping key
//                    (NormalizeOrganisation), so spelling variants count, on
//                    the applicants and the assignees (current owners), and on
//                    recorded ownership transfers: a patent conveyed to a
//                    watched name alerts as acquired, one conveyed by it as
//                    sold
//   technology       classes: IPC/CPC prefixes ("H01M", "H01M 10/05");
//                    words: optional, all of them in title/abstract/claims
//   patents          publications: chosen patents; their new legal events
//                    (events: only these kinds, WatchEventKinds; empty: all),
//                    expiry within expiry_days and the next renewal or
//                    maintenance fee falling due within fee_days (0: not
//                    watched), and -- when asked -- new publications in
//                    their families (family) or citing them (citing)
//   cites-portfolio  alliance (+ member): new publications citing a patent
//                    contributed to the alliance's pools (by that member);
//                    with a member, also citing a patent the member holds
//                    itself (applicant or assignee, by grouping key),
//                    contributed or not
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "domain/monitoring_db.h"

namespace patnav::domain {

enum class WatchKind { kQuery, kApplicant, kTechnology, kPatents, kCitesPortfolio };
enum class WatchRate { kImmediate, kDaily, kWeekly, kMonthly };

const char* WatchKindName(WatchKind k);  // "query", "applicant", ...
const char* WatchRateName(WatchRate r);  // "immediate", ...
// InvalidArgument naming the accepted values when `text` is none of them.
Result<WatchKind> ParseWatchKind(std::string_view text);
Result<WatchRate> ParseWatchRate(std::string_view text);

struct WatchParams {
  std::string query;                      // kQuery
  std::vector<std::string> applicants;    // kApplicant: names as the user wrote them
  std::vector<std::string> classes;       // kTechnology
  std::string words;                      // kTechnology, optional
  std::vector<std::string> publications;  // kPatents: DOCDB keys
  int expiry_days = 0;                    // kPatents
  int fee_days = 0;                       // kPatents
  std::vector<std::string> events;        // kPatents: WatchEventKinds names; empty = every event
  bool family = false, citing = false;    // kPatents
  std::string alliance, member;           // kCitesPortfolio
};

struct WatchInput {
  int64_t owner_user_id = 0;  // 0: the local command line
  std::string alliance;       // shared with this alliance; "" = private
  std::string name;
  WatchKind kind = WatchKind::kQuery;
  WatchParams params;
  WatchRate rate = WatchRate::kImmediate;
  bool notify_empty = false;
  // false: saved only (a saved query to run again by hand): never evaluated,
  // no notifications, digests or webhooks.
  bool active = true;
};

struct Watch : WatchInput {
  int64_t id = 0;
  // The store's change sequence and legal-event id when the watch was made:
  // it never alerts on changes at or before them.
  int64_t since_sequence = 0, since_event = 0;
  std::string created_at;
};

// The kinds of legal event a patents watch can ask for, each a set of INPADOC
// classes: grant (F), lapse (H: lapse, expiry, cessation), revival (C, K),
// review (L, V: opposition, invalidation, appeal), ownership (R), licence
// (S: licence, pledge and similar transactions), fee (M, U), other (every
// other class).
const std::vector<std::string>& WatchEventKinds();
// The WatchEventKinds name an event of INPADOC class `event_class` belongs to.
const char* WatchEventKindOf(char event_class);

// The parameters as the JSON object stored in watch.params (and shown by the
// API); the inverse parses them, Corruption when the text is not such JSON.
std::string WatchParamsJson(WatchKind kind, const WatchParams& p);
Result<WatchParams> ParseWatchParamsJson(std::string_view json);

// Checks a watch before it is saved: a name (1..200 characters), the
// parameters its kind needs (a query that parses -- InvalidArgument
// "query: syntax error at column N: ..." --, at least one applicant, class
// or publication, a class that looks like an IPC/CPC symbol, expiry_days
// 0..3650, fee_days 0..3650, event kinds among WatchEventKinds, an alliance
// for cites-portfolio), and normalises them
// (publication numbers to DOCDB keys, classes to the store's spelling).
Status ValidateWatch(WatchInput& in);

// Saves a validated watch (REQUIRES: ValidateWatch(in) was OK) starting
// after the given store positions. AlreadyExists when the owner has a watch
// of that name.
Result<Watch> InsertWatch(MonitoringDb& db, const WatchInput& in, int64_t since_sequence, int64_t since_event,
                          std::string_view now);
// NotFound when there is no watch `id`.
Result<Watch> GetWatch(MonitoringDb& db, int64_t id);
// Every watch (active_only: the active ones), by id.
Result<std::vector<Watch>> ListWatches(MonitoringDb& db, bool active_only = false);
// Deletes the watch with its notifications, hits and read marks (one
// transaction). NotFound when absent.
Status DeleteWatch(MonitoringDb& db, int64_t id);

// An IPC/CPC symbol or prefix in a comparable form: upper case, spaces
// removed ("H01M 10/0525" -> "H01M10/0525").
std::string CompactClass(std::string_view symbol);

}  // namespace patnav::domain
