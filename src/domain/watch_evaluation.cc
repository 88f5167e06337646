// Watch evaluation and preview (watch_evaluation.h). Records are matched in
// chunks: a chunk of changed records, each watch asked of it, the hits kept
// in memory until the one write transaction at the end.
//
// Saved queries (and a technology watch's words) are answered by
// index::RecordQueryMatcher: the chunk is laid out as index documents in a
// private in-memory database and the query built by the search's own query
// builder runs there. That keeps the work proportional to what the job
// changed (not to the corpus, as a search of the whole index restricted
// afterwards would be), works whether or not the index has caught up with
// the store, and gives exactly the search's semantics.
#include "domain/watch_evaluation.h"

#include <algorithm>
#include <deque>
#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "domain/index_status.h"
#include "domain/ownership.h"
#include "domain/patent_status.h"
#include "domain/period.h"
#include "domain/platform_clock.h"
#include "domain/webhook.h"
#include "index/document_builder.h"
#include "index/record_query_matcher.h"
#include "model/conveyance.h"
#include "model/legal_event.h"
#include "model/party.h"
#include "model/publication_number.h"

namespace patnav::domain {

namespace {

// A hit before it is recorded. Its item and detail point into the
// evaluation's Texts: one copy per record or event, however many watches it
// hits (a broad set of watches hits a record dozens of times).
struct Candidate {
  const std::string* item = nullptr;
  const std::string* detail = nullptr;
  std::string event;
  // `detail` is the publication's own title: kept once in hit_title, not
  // copied into the hit.
  bool title = false;
};
// By the watch's position in the list evaluated.
using CandidatesByWatch = std::vector<std::vector<Candidate>>;
// Strings at stable addresses, for candidates to point at.
using Texts = std::deque<std::string>;

struct ChangedRecord {
  int64_t sequence = 0;
  PatentRecord record;
  // As the search index would hold it; only when a watch asks LS= or EX=.
  std::optional<index::IndexedLegalStatus> status;
};

// Gives each record of `chunk` the legal status the index would hold for it
// on `today`, when the plan's queries ask for it (LS=, EX=).
Status FillStatus(PatentStore& store, const index::RecordQueryMatcher::Plan& plan, std::string_view today,
                  std::vector<ChangedRecord>& chunk) {
  if (!plan.legal_status) return Status::OK();
  for (ChangedRecord& c : chunk) {
    ASSIGN_OR_RETURN(std::vector<LegalEvent> events, EventsForStatus(store, c.record));
    c.status = IndexedStatusOf(c.record, events, today);
  }
  return Status::OK();
}

// country + DOCDB doc number of a publication number; "" when unparsable.
std::string SubjectOf(std::string_view publication_number) {
  Result<PublicationKey> key = ParsePublicationNumber(publication_number);
  if (!key.ok()) return "";
  return key->country + key->doc_number;
}

std::string TitleOf(const PatentRecord& r) {
  if (auto it = r.title.find("en"); it != r.title.end()) return it->second;
  return r.title.empty() ? "" : r.title.begin()->second;
}

// What a patents watch asking for family members or citing publications
// looks for in changed records: its patents as subjects, their families.
struct PatentTargets {
  std::set<std::string> subjects;
  std::set<std::string> families;
};
using TargetsByWatch = std::map<const WatchInput*, PatentTargets>;

Result<PatentTargets> TargetsOf(PatentStore& store, const WatchParams& p) {
  PatentTargets t;
  for (const std::string& pn : p.publications) {
    std::string subject = SubjectOf(pn);
    if (!subject.empty()) t.subjects.insert(subject);
    if (!p.family) continue;
    ASSIGN_OR_RETURN(std::optional<PatentRecord> r, store.Get(pn));
    if (r && !r->family_id.empty()) t.families.insert(r->family_id);
  }
  return t;
}

// The queries the watches ask of records (query watches, and technology
// watches' words), planned once per watch set (RecordQueryMatcher::Plan):
// positions only when one has a phrase or NEAR, descriptions only when one
// searches them (FT=), and only the terms they ask laid out as postings.
index::RecordQueryMatcher::Plan PlanOf(const std::vector<const WatchInput*>& watches) {
  std::vector<std::string> queries;
  for (const WatchInput* w : watches) {
    if (w->kind == WatchKind::kQuery) queries.push_back(w->params.query);
    else if (w->kind == WatchKind::kTechnology && !w->params.words.empty())
      queries.push_back("TAC=(" + w->params.words + ")");
  }
  return index::RecordQueryMatcher::PlanFor(queries);
}

// The watches asked of records, with what a chunk asks of them worked out
// once: applicant watches by grouping key, technology watches by class
// prefix (so a chunk costs about records x their keys and class prefixes,
// not records x watches), the queries' plan.
struct RecordWatches {
  std::vector<const WatchInput*> watches;
  std::vector<int64_t> since;  // a record at or before a watch's start is not its hit
  std::unordered_map<std::string, std::vector<size_t>> applicant_watches, class_watches;
  index::RecordQueryMatcher::Plan plan;
  // By position: the query a watch asks of records (a saved query, a
  // technology watch's words), compiled once with the plan; null when it
  // asks none or does not parse (then matched by its text, which reports
  // the error).
  std::vector<std::string> queries;
  std::vector<std::shared_ptr<const index::RecordQueryMatcher::Compiled>> compiled;
};

RecordWatches RecordWatchesOf(std::vector<const WatchInput*> watches, std::vector<int64_t> since) {
  RecordWatches out;
  out.watches = std::move(watches);
  out.since = std::move(since);
  for (size_t w = 0; w < out.watches.size(); ++w) {
    const WatchParams& p = out.watches[w]->params;
    if (out.watches[w]->kind == WatchKind::kApplicant) {
      std::set<std::string> keys;
      for (const std::string& name : p.applicants) keys.insert(NormalizeOrganisation(name));
      for (const std::string& k : keys) out.applicant_watches[k].push_back(w);
    } else if (out.watches[w]->kind == WatchKind::kTechnology) {
      std::set<std::string> prefixes(p.classes.begin(), p.classes.end());
      for (const std::string& c : prefixes) out.class_watches[c].push_back(w);
    }
  }
  out.plan = PlanOf(out.watches);
  out.queries.resize(out.watches.size());
  out.compiled.resize(out.watches.size());
  for (size_t w = 0; w < out.watches.size(); ++w) {
    const WatchInput& watch = *out.watches[w];
    if (watch.kind == WatchKind::kQuery) out.queries[w] = watch.params.query;
    else if (watch.kind == WatchKind::kTechnology && !watch.params.words.empty())
      out.queries[w] = "TAC=(" + watch.params.words + ")";
    else continue;
    Result<std::shared_ptr<const index::RecordQueryMatcher::Compiled>> c =
        index::RecordQueryMatcher::Compile(out.queries[w], out.plan);
    if (c.ok()) out.compiled[w] = std::move(*c);
  }
  return out;
}

// The record-kind watches asked of one chunk of records. `emit` receives
// (watch position, record index, event).
Status MatchChunk(const RecordWatches& rw, const std::vector<ChangedRecord>& chunk, const Portfolios& portfolios,
                  const TargetsByWatch& targets,
                  const std::function<void(size_t watch, size_t record, std::string event)>& emit) {
  const std::vector<const WatchInput*>& watches = rw.watches;
  const std::vector<int64_t>& since = rw.since;
  const auto& applicant_watches = rw.applicant_watches;
  const auto& class_watches = rw.class_watches;
  std::unique_ptr<index::RecordQueryMatcher> matcher;
  // The records matching watch w's query (RecordWatches::queries).
  auto query_matches = [&](size_t w) -> Result<std::vector<uint32_t>> {
    if (!matcher) {
      matcher = std::make_unique<index::RecordQueryMatcher>(rw.plan);
      for (size_t i = 0; i < chunk.size(); ++i)
        RETURN_IF_ERROR(matcher->Add(static_cast<uint32_t>(i + 1), chunk[i].record, 0,
                                     chunk[i].status ? &*chunk[i].status : nullptr));
    }
    ASSIGN_OR_RETURN(std::vector<uint32_t> ids,
                     rw.compiled[w] ? matcher->Match(*rw.compiled[w]) : matcher->Match(rw.queries[w]));
    for (uint32_t& id : ids) --id;  // ascending record indexes
    return ids;
  };
  // The subjects each record cites, computed once per record.
  std::vector<std::vector<std::string>> cited(chunk.size());
  bool have_cited = false;
  auto cited_of = [&](size_t i) -> const std::vector<std::string>& {
    if (!have_cited) {
      for (size_t k = 0; k < chunk.size(); ++k) {
        std::set<std::string> seen;
        for (const Citation& c : chunk[k].record.citations) {
          std::string subject = !c.publication_number.empty() ? SubjectOf(c.publication_number)
                                                              : SubjectOf(c.country + c.doc_number);
          if (!subject.empty() && seen.insert(subject).second) cited[k].push_back(std::move(subject));
        }
      }
      have_cited = true;
    }
    return cited[i];
  };
  // Technology watches with words: their word query's matches, asked once.
  std::unordered_map<size_t, std::vector<uint32_t>> worded;
  auto words_match = [&](size_t w, size_t i) -> Result<bool> {
    auto it = worded.find(w);
    if (it == worded.end()) {
      ASSIGN_OR_RETURN(std::vector<uint32_t> m, query_matches(w));
      it = worded.emplace(w, std::move(m)).first;
    }
    return std::binary_search(it->second.begin(), it->second.end(), static_cast<uint32_t>(i));
  };
  for (size_t i = 0; i < chunk.size(); ++i) {
    if (applicant_watches.empty() && class_watches.empty()) break;
    const PatentRecord& r = chunk[i].record;
    std::set<size_t> by_applicant, by_class;
    if (!applicant_watches.empty())
      for (const auto* list : {&r.applicants, &r.assignees})
        for (const Party& party : *list)
          if (auto it = applicant_watches.find(index::ApplicantKey(party)); it != applicant_watches.end())
            by_applicant.insert(it->second.begin(), it->second.end());
    if (!class_watches.empty())
      for (const auto* list : {&r.ipc, &r.cpc})
        for (const std::string& c : *list) {
          const std::string compact = CompactClass(c);
          for (size_t len = 1; len <= compact.size(); ++len)
            if (auto it = class_watches.find(compact.substr(0, len)); it != class_watches.end())
              by_class.insert(it->second.begin(), it->second.end());
        }
    for (size_t w : by_applicant)
      if (chunk[i].sequence > since[w]) emit(w, i, "match");
    for (size_t w : by_class) {
      if (chunk[i].sequence <= since[w]) continue;
      if (!watches[w]->params.words.empty()) {
        ASSIGN_OR_RETURN(bool ok, words_match(w, i));
        if (!ok) continue;
      }
      emit(w, i, "match");
    }
  }
  for (size_t w = 0; w < watches.size(); ++w) {
    if (watches[w]->kind != WatchKind::kQuery) continue;
    ASSIGN_OR_RETURN(std::vector<uint32_t> hits, query_matches(w));
    for (uint32_t i : hits)
      if (chunk[i].sequence > since[w]) emit(w, i, "match");
  }
  // Patents watches (family members, citing publications; their legal
  // events and expiry are asked elsewhere) and cites-portfolio watches,
  // looked up by the record's family and cited subjects: records x their
  // citations, not records x watches x citations. Each watch's hits come
  // in the same order as asking it record by record: by record, its family
  // before its citations, citations in cited order.
  std::unordered_map<std::string_view, std::vector<size_t>> by_family, citing_by_subject, portfolio_by_subject;
  std::vector<const PatentTargets*> targets_of(watches.size(), nullptr);
  for (size_t w = 0; w < watches.size(); ++w) {
    const WatchInput& watch = *watches[w];
    const WatchParams& p = watch.params;
    if (watch.kind == WatchKind::kCitesPortfolio) {
      auto it = portfolios.find(PortfolioKey(p.alliance, p.member));
      if (it == portfolios.end()) continue;
      for (const std::string& subject : it->second) portfolio_by_subject[subject].push_back(w);
    } else if (watch.kind == WatchKind::kPatents) {
      auto t = targets.find(&watch);
      if (t == targets.end()) continue;
      targets_of[w] = &t->second;
      if (p.family)
        for (const std::string& family : t->second.families) by_family[family].push_back(w);
      if (p.citing)
        for (const std::string& subject : t->second.subjects) citing_by_subject[subject].push_back(w);
    }
  }
  if (by_family.empty() && citing_by_subject.empty() && portfolio_by_subject.empty()) return Status::OK();
  // Per record, each watch's hits in the order above, then emitted watch by
  // watch in ascending position (as the watches were asked before).
  std::map<size_t, std::vector<std::string>> events_of;
  for (size_t i = 0; i < chunk.size(); ++i) {
    const PatentRecord& r = chunk[i].record;
    events_of.clear();
    std::string own;  // the record's own subject, when a patents watch asks
    bool have_own = false;
    auto is_own_target = [&](size_t w) {
      if (!have_own) {
        own = SubjectOf(r.publication_number);
        have_own = true;
      }
      return targets_of[w]->subjects.count(own) > 0;
    };
    auto fresh = [&](size_t w) { return chunk[i].sequence > since[w]; };
    if (!r.family_id.empty())
      if (auto it = by_family.find(r.family_id); it != by_family.end())
        for (size_t w : it->second)
          if (fresh(w) && !is_own_target(w)) events_of[w].push_back("family:" + r.family_id);
    if (!citing_by_subject.empty() || !portfolio_by_subject.empty())
      for (const std::string& subject : cited_of(i)) {
        if (auto it = portfolio_by_subject.find(subject); it != portfolio_by_subject.end())
          for (size_t w : it->second)
            if (fresh(w)) events_of[w].push_back("cites:" + subject);
        if (auto it = citing_by_subject.find(subject); it != citing_by_subject.end())
          for (size_t w : it->second)
            if (fresh(w) && !is_own_target(w)) events_of[w].push_back("cites:" + subject);
      }
    for (auto& [w, events] : events_of)
      for (std::string& event : events) emit(w, i, std::move(event));
  }
  return Status::OK();
}

// Subject -> publications of the chosen patents.
std::map<std::string, std::vector<std::string>> SubjectsOf(const WatchParams& p) {
  std::map<std::string, std::vector<std::string>> out;
  for (const std::string& pn : p.publications) {
    std::string s = SubjectOf(pn);
    if (!s.empty()) out[s].push_back(pn);
  }
  return out;
}

std::string EventDetail(const LegalEvent& e) {
  std::string code = e.inpadoc_code.empty() ? (e.sources.empty() ? "" : e.sources[0].code)
                                            : e.inpadoc_office + " " + e.inpadoc_code;
  std::string d = e.event_date + " " + e.territory + " " + code;
  if (e.event_class != ' ') d += " class " + std::string(1, e.event_class);
  if (e.influence != ' ') d += " " + std::string(1, e.influence);
  if (!e.sources.empty() && !e.sources[0].text.empty()) d += ": " + e.sources[0].text;
  return d;
}

// The status of `pn` on `as_of`; nullopt when it is not in the store.
Result<std::optional<PatentStatus>> StatusOf(PatentStore& store, const std::string& pn, std::string_view as_of) {
  ASSIGN_OR_RETURN(std::optional<PatentRecord> r, store.Get(pn));
  if (!r) return std::optional<PatentStatus>();
  ASSIGN_OR_RETURN(std::vector<LegalEvent> events,
                   store.LegalEventsOf(LegalSubject(r->country, r->doc_number), r->application_number));
  return std::optional<PatentStatus>(EvaluatePatentStatus(*r, events, "", as_of));
}

bool WantsEvent(const WatchParams& p, const LegalEvent& e) {
  if (p.events.empty()) return true;
  return std::find(p.events.begin(), p.events.end(), WatchEventKindOf(e.event_class)) != p.events.end();
}

// An ownership transfer's meaning for a set of watched grouping keys:
// "acquired" when a watched name receives the patent, "sold" when one
// conveys it (both when it moves between two watched names); empty for
// events that move no ownership.
std::vector<std::string> OwnershipMoves(const LegalEvent& e, const std::set<std::string>& keys) {
  std::vector<std::string> out;
  ConveyanceKind kind;
  if (e.parties.empty() || !ParseConveyanceKind(e.conveyance, kind) || !MovesOwnership(kind)) return out;
  bool acquired = false, sold = false;
  for (const LegalEventParty& party : e.parties) {
    if (!keys.count(NormalizeOrganisation(party.name))) continue;
    if (party.role == "assignee") acquired = true;
    if (party.role == "assignor") sold = true;
  }
  if (acquired) out.push_back("acquired");
  if (sold) out.push_back("sold");
  return out;
}

// Hits and titles written this many rows to one statement: a multi-row
// INSERT costs one statement's binding and stepping for all its rows, not
// one per hit (6 parameters a row, far below SQLite's limit).
constexpr size_t kRowsPerStatement = 128;

std::string MultiRowSql(std::string_view head, std::string_view row, size_t rows, std::string_view tail = "") {
  std::string sql(head);
  for (size_t i = 0; i < rows; ++i) {
    if (i) sql += ',';
    sql += row;
  }
  sql += tail;
  return sql;
}

// Runs a multi-row statement per kRowsPerStatement rows `bind` fills:
// bind(statement, first parameter, row). The full-size statement is
// prepared once, a shorter one for the rest. A statement that returns rows
// (RETURNING) hands each to `on_result`, when given.
Status RunInRows(SqliteDb& db, std::string_view head, std::string_view row, int params_per_row, size_t rows,
                 const std::function<void(Statement&, int, size_t)>& bind, std::string_view tail = "",
                 const std::function<Status(Statement&)>& on_result = nullptr) {
  if (rows == 0) return Status::OK();
  std::optional<Statement> full;
  for (size_t first = 0; first < rows; first += kRowsPerStatement) {
    const size_t n = std::min(kRowsPerStatement, rows - first);
    std::optional<Statement> part;
    Statement* s = nullptr;
    if (n == kRowsPerStatement) {
      if (!full) {
        ASSIGN_OR_RETURN(Statement prepared, db.Prepare(MultiRowSql(head, row, n, tail)));
        full.emplace(std::move(prepared));
      }
      s = &*full;
    } else {
      ASSIGN_OR_RETURN(Statement prepared, db.Prepare(MultiRowSql(head, row, n, tail)));
      part.emplace(std::move(prepared));
      s = &*part;
    }
    ScopedReset reset(*s);
    for (size_t i = 0; i < n; ++i) bind(*s, static_cast<int>(i) * params_per_row + 1, first + i);
    if (!on_result) {
      RETURN_IF_ERROR(s->Run());
      continue;
    }
    for (;;) {
      ASSIGN_OR_RETURN(bool more, s->Step());
      if (!more) break;
      RETURN_IF_ERROR(on_result(*s));
    }
  }
  return Status::OK();
}

// The settings of an evaluation's write transaction, restored after it
// (side_database.h sets synchronous FULL and foreign keys on):
//  - Committed without syncing the WAL (synchronous NORMAL): a power loss
//    may undo the last evaluations, but never half of one, and the
//    watermark goes back with their hits, so the next evaluation records
//    them again, once. A process that is killed loses nothing (the WAL is
//    written before the commit returns); the next synchronous commit on the
//    file syncs these frames too. Saves the fsync, about a tenth of a pass
//    while an ingest is followed.
//  - Foreign keys not checked: every row it writes names a watch of the
//    prepared list, which the transaction first checks is unchanged
//    (watch_changes), or a notification or evaluation it inserted itself;
//    and it deletes only notifications no hit names. Checking the two parents
//    of each hit was about a third of writing it (hundreds of thousands a
//    large ingest).
// Changed only outside a transaction (foreign_keys cannot change inside
// one): within an outer transaction the connection's settings stay.
class EvaluationWriteSettings {
 public:
  explicit EvaluationWriteSettings(SqliteDb& db) : db_(db), changed_(!db.InTransaction()) {
    if (!changed_) return;
    (void)db_.Exec("PRAGMA synchronous = NORMAL");  // on failure the safer setting stays
    (void)db_.Exec("PRAGMA foreign_keys = OFF");
  }
  ~EvaluationWriteSettings() {
    if (!changed_) return;
    (void)db_.Exec("PRAGMA foreign_keys = ON");
    (void)db_.Exec("PRAGMA synchronous = FULL");
  }
  EvaluationWriteSettings(const EvaluationWriteSettings&) = delete;
  EvaluationWriteSettings& operator=(const EvaluationWriteSettings&) = delete;

 private:
  SqliteDb& db_;
  const bool changed_;
};

// Closes every open notification (IngestNotifications in the header) and
// queues the deliveries of those of immediate watches.
// REQUIRES: inside mdb.Write().
Status CloseOpenNotifications(MonitoringDb& mdb, const std::string& now) {
  SqliteDb& db = mdb.db();
  ASSIGN_OR_RETURN(bool webhooks, AnyActiveWebhook(mdb));
  std::vector<std::pair<int64_t, int64_t>> deliver;  // (watch, notification)
  if (webhooks) {
    ASSIGN_OR_RETURN(Statement s, db.Prepare("SELECT n.watch_id, n.id FROM notification n JOIN watch w ON "
                                             "w.id = n.watch_id WHERE n.open = 1 AND w.rate = 'immediate'"));
    for (;;) {
      ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      deliver.push_back({s.ColumnInt64(0), s.ColumnInt64(1)});
    }
  }
  ASSIGN_OR_RETURN(Statement close, db.Prepare("UPDATE notification SET open = 0 WHERE open = 1"));
  RETURN_IF_ERROR(close.Run());
  for (const auto& [watch, notification] : deliver)
    RETURN_IF_ERROR(QueueDeliveries(mdb, watch, "notification", notification, now));
  return Status::OK();
}

// Whether this evaluation closes the open notifications: see
// IngestNotifications.
bool ClosesOpenNotifications(const IngestNotifications* ingest) {
  return !ingest || !ingest->began || ingest->last;
}

// After an evaluation of `ingest` committed: the notifications it opened
// (watch id, notification id) are the ingest's; after the last, none is.
void NoteCommitted(IngestNotifications* ingest, const std::vector<std::pair<int64_t, int64_t>>& opened) {
  if (!ingest) return;
  for (const auto& [watch, notification] : opened) ingest->of_watch[watch] = notification;
  if (ingest->last) ingest->of_watch.clear();
  ingest->began = true;
}

// Writes one evaluation: a notification per watch with candidates (or its
// open one of this ingest, o.ingest), the hits not known yet, then the
// watermark, all in one transaction (see the header). New notifications are
// inserted many rows a statement, each with its watch's count of
// candidates, their ids read back by watch (RETURNING). A hit is inserted
// unless its key is there already (INSERT OR IGNORE, many rows a statement,
// no lookup before), in key order; the statement returns the hits it
// inserted (RETURNING skips the ignored), which are each watch's new hits:
// a new notification that kept fewer than its candidates has its count
// corrected, one that kept none is deleted (unless its watch says "nothing
// new"), an open one grows by its new hits.
Status Record(MonitoringDb& mdb, const PreparedWatches& prepared, const CandidatesByWatch& candidates,
              bool covered_changes, const std::string& store_id, EvaluationSummary& sum,
              const EvaluationOptions& o, const std::string& now) {
  SqliteDb& db = mdb.db();
  const std::vector<Watch>& watches = prepared.watches();
  IngestNotifications* const ingest = o.ingest;
  // The notifications this evaluation opened, by watch id: the ingest's
  // once the transaction commits.
  std::vector<std::pair<int64_t, int64_t>> opened;
  EvaluationWriteSettings settings(db);
  Status written = mdb.Write([&]() -> Status {
    opened.clear();
    ASSIGN_OR_RETURN(int64_t changes, WatchChanges(mdb));
    if (changes != prepared.changes())
      return Status::Unavailable("the watches changed during the evaluation: list them again");
    ASSIGN_OR_RETURN(Statement ev, db.Prepare("INSERT INTO evaluation(at, from_sequence, to_sequence, from_event, "
                                              "to_event, hits) VALUES (?1, ?2, ?3, ?4, ?5, 0)"));
    ev.BindText(1, now);
    ev.BindInt64(2, sum.from_sequence);
    ev.BindInt64(3, sum.to_sequence);
    ev.BindInt64(4, sum.from_event);
    ev.BindInt64(5, sum.to_event);
    RETURN_IF_ERROR(ev.Run());
    const int64_t evaluation_id = db.LastInsertRowid();
    // What an ingest that did not end left open is closed before anything
    // of this one is written.
    if (!ingest || !ingest->began) RETURN_IF_ERROR(CloseOpenNotifications(mdb, now));
    // An empty notification only for immediate watches: the slower rates
    // say "nothing new" once per period, in their digest (digest.h).
    auto say_empty = [&](const Watch& w) {
      return w.notify_empty && w.rate == WatchRate::kImmediate && covered_changes;
    };
    // The watches notified (positions), and the position of each by its id.
    std::vector<size_t> notified;
    std::unordered_map<int64_t, size_t> position_of;
    for (size_t k = 0; k < watches.size(); ++k)
      if (!candidates[k].empty() || say_empty(watches[k])) {
        notified.push_back(k);
        position_of[watches[k].id] = k;
      }
    std::vector<int64_t> notification_of(watches.size(), 0);
    std::vector<char> extended(watches.size(), 0);  // the ingest's open notification grows
    // The ingest's notifications of these watches that are still open and
    // no digest has collected.
    if (ingest && ingest->began && !ingest->of_watch.empty()) {
      std::vector<int64_t> asked;
      for (size_t k : notified)
        if (auto it = ingest->of_watch.find(watches[k].id); it != ingest->of_watch.end()) asked.push_back(it->second);
      RETURN_IF_ERROR(RunInRows(
          db, "SELECT id, watch_id FROM notification WHERE open = 1 AND digest_id IS NULL AND id IN (", "?", 1,
          asked.size(), [&](Statement& s, int p, size_t i) { s.BindInt64(p, asked[i]); }, ")",
          [&](Statement& s) -> Status {
            auto it = position_of.find(s.ColumnInt64(1));
            if (it == position_of.end())
              return Status::Internal("notification " + std::to_string(s.ColumnInt64(0)) + " names a watch not asked");
            notification_of[it->second] = s.ColumnInt64(0);
            extended[it->second] = 1;
            return Status::OK();
          }));
    }
    std::vector<size_t> fresh_watches;  // notified, without a notification yet
    for (size_t k : notified)
      if (!extended[k]) fresh_watches.push_back(k);
    RETURN_IF_ERROR(RunInRows(
        db,
        "INSERT INTO notification(watch_id, evaluation_id, last_evaluation_id, created_at, hit_count, open) VALUES ",
        "(?,?,?,?,?,?)", 6, fresh_watches.size(),
        [&](Statement& s, int p, size_t i) {
          const size_t k = fresh_watches[i];
          s.BindInt64(p, watches[k].id);
          s.BindInt64(p + 1, evaluation_id);
          s.BindInt64(p + 2, evaluation_id);
          s.BindText(p + 3, now);
          s.BindInt64(p + 4, static_cast<int64_t>(candidates[k].size()));
          s.BindInt64(p + 5, ingest ? 1 : 0);
        },
        " RETURNING id, watch_id",
        [&](Statement& s) -> Status {
          const int64_t id = s.ColumnInt64(0);
          auto it = position_of.find(s.ColumnInt64(1));
          if (it == position_of.end())
            return Status::Internal("notification " + std::to_string(id) + " names a watch not evaluated");
          notification_of[it->second] = id;
          return Status::OK();
        }));
    // The hits to write, by (watch position, candidate), and the
    // publications whose title they show, once each.
    std::vector<std::pair<size_t, const Candidate*>> rows;
    std::vector<const Candidate*> titles;
    std::unordered_set<const std::string*> titled;
    for (size_t k : notified)
      for (const Candidate& c : candidates[k]) {
        rows.push_back({k, &c});
        if (c.title && titled.insert(c.item).second) titles.push_back(&c);
      }
    // In key order (monitoring_migrations.cc, migration 8), so the inserts
    // walk the table's pages once from left to right.
    std::sort(rows.begin(), rows.end(), [&](const auto& a, const auto& b) {
      if (int c = a.second->item->compare(*b.second->item); c != 0) return c < 0;
      if (int c = a.second->event.compare(b.second->event); c != 0) return c < 0;
      return watches[a.first].id < watches[b.first].id;
    });
    std::vector<int64_t> fresh(watches.size(), 0);  // inserted, not ignored
    RETURN_IF_ERROR(RunInRows(
        db, "INSERT OR IGNORE INTO hit(watch_id, item, event, detail, notification_id, evaluation_id) VALUES ",
        "(?,?,?,?,?,?)", 6, rows.size(),
        [&](Statement& s, int p, size_t i) {
          const auto& [k, c] = rows[i];
          s.BindInt64(p, watches[k].id);
          s.BindText(p + 1, *c->item);
          s.BindText(p + 2, c->event);
          s.BindText(p + 3, c->title ? std::string_view("") : std::string_view(*c->detail));
          s.BindInt64(p + 4, notification_of[k]);
          s.BindInt64(p + 5, evaluation_id);
        },
        " RETURNING watch_id",
        [&](Statement& s) -> Status {
          auto it = position_of.find(s.ColumnInt64(0));
          if (it == position_of.end())
            return Status::Internal("a hit names watch " + std::to_string(s.ColumnInt64(0)) + ", not evaluated");
          ++fresh[it->second];
          return Status::OK();
        }));
    // A publication's title, kept once (a no-op when it is there already).
    RETURN_IF_ERROR(RunInRows(
        db, "INSERT INTO hit_title(item, title) VALUES ", "(?,?)", 2, titles.size(),
        [&](Statement& s, int p, size_t i) {
          s.BindText(p, *titles[i]->item);
          s.BindText(p + 1, *titles[i]->detail);
        },
        " ON CONFLICT(item) DO UPDATE SET title = excluded.title WHERE title <> excluded.title"));
    ASSIGN_OR_RETURN(Statement count, db.Prepare("UPDATE notification SET hit_count = ?2 WHERE id = ?1"));
    // An ingest's deliveries are queued when its notifications close.
    bool webhooks = false;
    if (!ingest) {
      ASSIGN_OR_RETURN(webhooks, AnyActiveWebhook(mdb));
    }
    std::vector<int64_t> dropped;
    std::vector<size_t> grown;  // open notifications with new hits
    int64_t total = 0;
    for (size_t k : notified) {
      const Watch& w = watches[k];
      total += fresh[k];
      if (extended[k]) {
        if (fresh[k] > 0) grown.push_back(k);
        continue;
      }
      if (fresh[k] == 0 && !say_empty(w)) {
        dropped.push_back(notification_of[k]);
        continue;
      }
      if (fresh[k] != static_cast<int64_t>(candidates[k].size())) {
        ScopedReset reset(count);
        count.BindInt64(1, notification_of[k]);
        count.BindInt64(2, fresh[k]);
        RETURN_IF_ERROR(count.Run());
      }
      ++sum.notifications;
      if (ingest) opened.push_back({w.id, notification_of[k]});
      else if (webhooks && w.rate == WatchRate::kImmediate)
        RETURN_IF_ERROR(QueueDeliveries(mdb, w.id, "notification", notification_of[k], now));
    }
    RETURN_IF_ERROR(RunInRows(db, "DELETE FROM notification WHERE id IN (", "?", 1, dropped.size(),
                              [&](Statement& s, int p, size_t i) { s.BindInt64(p, dropped[i]); }, ")"));
    // The open notifications grow by their new hits, many a statement (one
    // per watch a pass: thousands with broad watches), and their range of
    // evaluations to this one, which wrote those hits.
    RETURN_IF_ERROR(RunInRows(
        db,
        "UPDATE notification SET hit_count = hit_count + v.column2, last_evaluation_id = v.column3 FROM (VALUES ",
        "(?,?,?)", 3, grown.size(),
        [&](Statement& s, int p, size_t i) {
          s.BindInt64(p, notification_of[grown[i]]);
          s.BindInt64(p + 1, fresh[grown[i]]);
          s.BindInt64(p + 2, evaluation_id);
        },
        ") AS v WHERE notification.id = v.column1"));
    if (ingest && ingest->last) RETURN_IF_ERROR(CloseOpenNotifications(mdb, now));
    ASSIGN_OR_RETURN(Statement fix, db.Prepare("UPDATE evaluation SET hits = ?2 WHERE id = ?1"));
    fix.BindInt64(1, evaluation_id);
    fix.BindInt64(2, total);
    RETURN_IF_ERROR(fix.Run());
    if (o.before_watermark) RETURN_IF_ERROR(o.before_watermark());
    ASSIGN_OR_RETURN(Statement wm,
                     db.Prepare("INSERT INTO watermark(store_id, change_sequence, legal_event_id, evaluated_at) "
                                "VALUES (?1, ?2, ?3, ?4) ON CONFLICT(store_id) DO UPDATE SET "
                                "change_sequence = max(change_sequence, excluded.change_sequence), "
                                "legal_event_id = max(legal_event_id, excluded.legal_event_id), "
                                "evaluated_at = excluded.evaluated_at"));
    wm.BindText(1, store_id);
    wm.BindInt64(2, sum.to_sequence);
    wm.BindInt64(3, sum.to_event);
    wm.BindText(4, now);
    RETURN_IF_ERROR(wm.Run());
    sum.evaluation_id = evaluation_id;
    sum.hits = total;
    return Status::OK();
  });
  RETURN_IF_ERROR(written);
  NoteCommitted(ingest, opened);
  return Status::OK();
}

// Closes the open notifications in a transaction of its own, for an
// evaluation that has nothing to write (IngestNotifications).
Status CloseOpenNotificationsAlone(MonitoringDb& mdb, IngestNotifications* ingest, const std::string& now) {
  ASSIGN_OR_RETURN(int64_t open, mdb.db().QueryInt64("SELECT EXISTS (SELECT 1 FROM notification WHERE open = 1)"));
  if (open) RETURN_IF_ERROR(mdb.Write([&]() -> Status { return CloseOpenNotifications(mdb, now); }));
  NoteCommitted(ingest, {});
  return Status::OK();
}

}  // namespace

std::string PortfolioKey(std::string_view alliance, std::string_view member) {
  return std::string(alliance) + '\t' + std::string(member);
}

Result<std::set<std::string>> PortfolioSubjects(OperationsDb& ops, std::string_view alliance,
                                                std::string_view member) {
  ASSIGN_OR_RETURN(Statement a, ops.db().Prepare("SELECT 1 FROM alliance WHERE name = ?1"));
  a.BindText(1, alliance);
  ASSIGN_OR_RETURN(bool known, a.Step());
  if (!known) return Status::NotFound("no alliance '" + std::string(alliance) + "'");
  a.Reset();
  ASSIGN_OR_RETURN(Statement s,
                   ops.db().Prepare("SELECT c.publication_number FROM contribution c "
                                    "JOIN pool p ON p.id = c.pool_id JOIN alliance a ON a.id = p.alliance_id "
                                    "JOIN member m ON m.id = c.member_id "
                                    "WHERE a.name = ?1 AND (?2 = '' OR m.name = ?2) AND c.withdrawn_on IS NULL"));
  ScopedReset reset(s);
  s.BindText(1, alliance);
  s.BindText(2, member);
  std::set<std::string> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    std::string subject = SubjectOf(s.ColumnText(0));
    if (!subject.empty()) out.insert(subject);
  }
  return out;
}

Result<std::set<std::string>> MemberPatentSubjects(PatentStore& store, std::string_view member,
                                                   std::string_view as_of) {
  std::set<std::string> out;
  const std::string key = NormalizeOrganisation(member);
  if (key.empty()) return out;
  ASSIGN_OR_RETURN(std::vector<std::string> numbers, store.PublicationsOfParty(key));
  for (const std::string& pn : numbers) {
    std::string subject = SubjectOf(pn);
    if (!subject.empty()) out.insert(std::move(subject));
  }
  // Patents the member received by a recorded transfer: those whose current
  // owners (by their transfers known on `as_of`) include it.
  const std::string today = as_of.empty() ? TodayUtc() : std::string(as_of);
  std::set<std::string> received;
  RETURN_IF_ERROR(store.ForEachTransferBetween("", today, [&](int64_t, const LegalEvent& e) {
    ConveyanceKind kind;
    if (out.count(e.subject) || !ParseConveyanceKind(e.conveyance, kind) || !MovesOwnership(kind)) return true;
    for (const LegalEventParty& party : e.parties)
      if (party.role == "assignee" && NormalizeOrganisation(party.name) == key) {
        received.insert(e.subject);
        break;
      }
    return true;
  }));
  for (const std::string& subject : received) {
    ASSIGN_OR_RETURN(std::vector<LegalEvent> events, store.LegalEventsOf(subject));
    // With a transfer known, the owners come from the transfers, not from
    // the record as published: an empty record is enough.
    const Ownership owners = CurrentOwnership(PatentRecord(), events, today);
    for (const std::string& name : owners.current)
      if (NormalizeOrganisation(name) == key) {
        out.insert(subject);
        break;
      }
  }
  return out;
}

Result<std::pair<int64_t, int64_t>> ReadWatermark(MonitoringDb& mdb, std::string_view store_id) {
  ASSIGN_OR_RETURN(Statement s,
                   mdb.db().Prepare("SELECT change_sequence, legal_event_id FROM watermark WHERE store_id = ?1"));
  ScopedReset reset(s);
  s.BindText(1, store_id);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::pair<int64_t, int64_t>{0, 0};
  return std::pair<int64_t, int64_t>{s.ColumnInt64(0), s.ColumnInt64(1)};
}

Result<int64_t> WatchChanges(MonitoringDb& mdb) {
  ASSIGN_OR_RETURN(Statement s, mdb.db().Prepare("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'watch_changes'"));
  ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? s.ColumnInt64(0) : int64_t{0};
}

struct PreparedWatches::Impl {
  int64_t changes = 0;
  std::vector<Watch> watches;
  // The watches asked of records (all but the chosen patents without
  // family or citing), and the Watch of each by its position there.
  RecordWatches records;
  std::vector<const Watch*> record_watch_of;
  // Chosen patents: subject -> publications, per watch; inverted, subject ->
  // (watch, publication). Owners: grouping key -> applicant watches.
  std::vector<std::pair<const Watch*, std::map<std::string, std::vector<std::string>>>> patent_watches;
  std::unordered_map<std::string, std::vector<std::pair<const Watch*, const std::string*>>> by_subject;
  std::unordered_map<std::string, std::vector<const Watch*>> by_owner;
  int64_t oldest_sequence = 0, oldest_event = 0;  // the smallest start of a watch
};

PreparedWatches::PreparedWatches(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PreparedWatches::~PreparedWatches() = default;
const std::vector<Watch>& PreparedWatches::watches() const { return impl_->watches; }
int64_t PreparedWatches::changes() const { return impl_->changes; }

Result<std::unique_ptr<PreparedWatches>> PreparedWatches::Load(MonitoringDb& mdb) {
  auto impl = std::make_unique<Impl>();
  // One read snapshot: the count of changes is that of the watches listed.
  RETURN_IF_ERROR(mdb.db().Exec("BEGIN"));
  Result<int64_t> changes = WatchChanges(mdb);
  Result<std::vector<Watch>> listed = changes.ok() ? ListWatches(mdb, /*active_only=*/true)
                                                   : Result<std::vector<Watch>>(changes.status());
  RETURN_IF_ERROR(mdb.db().Exec("COMMIT"));
  RETURN_IF_ERROR(changes.status());
  RETURN_IF_ERROR(listed.status());
  impl->changes = *changes;
  impl->watches = std::move(*listed);
  std::vector<const WatchInput*> record_watches;
  std::vector<int64_t> since;
  for (const Watch& w : impl->watches) {
    if (w.kind == WatchKind::kPatents) impl->patent_watches.push_back({&w, SubjectsOf(w.params)});
    if (w.kind == WatchKind::kApplicant) {
      std::set<std::string> keys;
      for (const std::string& name : w.params.applicants) keys.insert(NormalizeOrganisation(name));
      for (const std::string& k : keys) impl->by_owner[k].push_back(&w);
    }
    if (w.kind == WatchKind::kPatents && !w.params.family && !w.params.citing) continue;
    record_watches.push_back(&w);
    since.push_back(w.since_sequence);
    impl->record_watch_of.push_back(&w);
  }
  for (const auto& [w, subjects] : impl->patent_watches)
    for (const auto& [subject, pns] : subjects)
      for (const std::string& pn : pns) impl->by_subject[subject].push_back({w, &pn});
  impl->records = RecordWatchesOf(std::move(record_watches), std::move(since));
  if (!impl->watches.empty()) {
    impl->oldest_sequence = impl->watches[0].since_sequence;
    impl->oldest_event = impl->watches[0].since_event;
    for (const Watch& w : impl->watches) {
      impl->oldest_sequence = std::min(impl->oldest_sequence, w.since_sequence);
      impl->oldest_event = std::min(impl->oldest_event, w.since_event);
    }
  }
  return std::unique_ptr<PreparedWatches>(new PreparedWatches(std::move(impl)));
}

Result<EvaluationSummary> EvaluateWatches(MonitoringDb& mdb, PatentStore& store, const Portfolios& portfolios,
                                          const EvaluationOptions& o) {
  for (int attempt = 0;; ++attempt) {
    ASSIGN_OR_RETURN(std::unique_ptr<PreparedWatches> prepared, PreparedWatches::Load(mdb));
    Result<EvaluationSummary> out = EvaluateWatches(mdb, store, *prepared, portfolios, o);
    if (out.ok() || out.status().code() != StatusCode::kUnavailable || attempt >= 2) return out;
  }
}

Result<EvaluationSummary> EvaluateWatches(MonitoringDb& mdb, PatentStore& store, const PreparedWatches& prepared,
                                          const Portfolios& portfolios, const EvaluationOptions& o) {
  const PreparedWatches::Impl& pw = prepared.impl();
  const std::vector<Watch>& watches = pw.watches;
  const std::string now = o.now.empty() ? FormatIsoUtc(SystemClock().Now()) : o.now;
  const std::string today = o.today.empty() ? TodayUtc() : o.today;
  ASSIGN_OR_RETURN(std::string store_id, store.StoreId());
  ASSIGN_OR_RETURN(auto watermark, ReadWatermark(mdb, store_id));
  EvaluationSummary sum;
  sum.watches = static_cast<int64_t>(watches.size());
  // The store positions are read first: changes committed while this runs
  // are left for the next evaluation.
  ASSIGN_OR_RETURN(sum.to_sequence, store.LastChangeSequence());
  ASSIGN_OR_RETURN(sum.to_event, store.LastLegalEventId());
  sum.from_sequence = std::min(watermark.first, sum.to_sequence);
  sum.from_event = std::min(watermark.second, sum.to_event);
  if (!watches.empty()) {
    sum.from_sequence = std::max(sum.from_sequence, std::min(pw.oldest_sequence, sum.to_sequence));
    sum.from_event = std::max(sum.from_event, std::min(pw.oldest_event, sum.to_event));
  } else {
    sum.from_sequence = sum.to_sequence;
    sum.from_event = sum.to_event;
  }

  CandidatesByWatch candidates(watches.size());
  bool any_candidate = false;
  Texts texts;
  auto position = [&](const Watch* w) { return static_cast<size_t>(w - watches.data()); };
  auto add = [&](const Watch* w, const std::string* item, const std::string* detail, std::string event,
                 bool title = false) {
    candidates[position(w)].push_back({item, detail, std::move(event), title});
    any_candidate = true;
  };
  // Publications.
  if (!pw.records.watches.empty() && sum.to_sequence > sum.from_sequence) {
    // The chosen patents' families come from the store as it stands.
    TargetsByWatch targets;
    for (const WatchInput* w : pw.records.watches)
      if (w->kind == WatchKind::kPatents) {
        ASSIGN_OR_RETURN(targets[w], TargetsOf(store, w->params));
      }
    std::vector<ChangedRecord> chunk;
    Status matched;
    auto flush = [&]() -> Status {
      RETURN_IF_ERROR(FillStatus(store, pw.records.plan, today, chunk));
      // A record's number and title, kept once it hits.
      std::vector<std::pair<const std::string*, const std::string*>> kept(chunk.size());
      Status st = MatchChunk(pw.records, chunk, portfolios, targets, [&](size_t w, size_t i, std::string event) {
        auto& [item, title] = kept[i];
        if (!item) {
          item = &texts.emplace_back(chunk[i].record.publication_number);
          title = &texts.emplace_back(TitleOf(chunk[i].record));
        }
        add(pw.record_watch_of[w], item, title, std::move(event), /*title=*/true);
      });
      chunk.clear();
      return st;
    };
    RETURN_IF_ERROR(store.ForEachChangedSince(
        sum.from_sequence,
        [&](const ChangedPublication& c) {
          if (c.change_sequence > sum.to_sequence) return true;
          ++sum.records_examined;
          chunk.push_back({c.change_sequence, *c.record, std::nullopt});
          if (static_cast<int>(chunk.size()) >= std::max(1, o.chunk_records)) {
            matched = flush();
            if (!matched.ok()) return false;
          }
          return true;
        },
        /*with_description=*/false));
    RETURN_IF_ERROR(matched);
    RETURN_IF_ERROR(flush());
  }
  // Legal events: of chosen patents, and ownership moves of watched names.
  const auto& patent_watches = pw.patent_watches;
  const auto& by_subject = pw.by_subject;
  const auto& by_owner = pw.by_owner;
  if ((!by_subject.empty() || !by_owner.empty()) && sum.to_event > sum.from_event) {
    RETURN_IF_ERROR(store.ForEachLegalEventSince(sum.from_event, sum.to_event, [&](int64_t id, const LegalEvent& e) {
      ++sum.events_examined;
      const std::string* detail = nullptr;  // EventDetail(e), once it hits
      if (auto it = by_subject.find(e.subject); it != by_subject.end())
        for (const auto& [w, pn] : it->second)
          if (id > w->since_event && WantsEvent(w->params, e)) {
            if (!detail) detail = &texts.emplace_back(EventDetail(e));
            add(w, pn, detail, "legal:" + EventKey(e));
          }
      if (e.parties.empty() || by_owner.empty()) return true;
      std::map<const Watch*, std::set<std::string>> keys_by_watch;
      for (const LegalEventParty& party : e.parties) {
        const std::string key = NormalizeOrganisation(party.name);
        if (auto it = by_owner.find(key); it != by_owner.end())
          for (const Watch* w : it->second)
            if (id > w->since_event) keys_by_watch[w].insert(key);
      }
      const std::string* subject = nullptr;
      for (const auto& [w, keys] : keys_by_watch)
        for (const std::string& move : OwnershipMoves(e, keys)) {
          if (!subject) subject = &texts.emplace_back(e.subject);
          add(w, subject, &texts.emplace_back(move + " " + EventDetail(e)), move + ":" + EventKey(e));
        }
      return true;
    }));
  }
  // Expiry and fee windows of chosen patents: asked of the date, not of a
  // change, and kept once per date by the hit's key.
  for (const auto& [w, subjects] : patent_watches) {
    const WatchParams& p = w->params;
    if (!o.date_windows || (p.expiry_days <= 0 && p.fee_days <= 0)) continue;
    const std::string expiry_until = AddDays(today, p.expiry_days), fee_until = AddDays(today, p.fee_days);
    for (const std::string& pn : p.publications) {
      ASSIGN_OR_RETURN(std::optional<PatentStatus> st, StatusOf(store, pn, today));
      if (!st) continue;
      if (p.expiry_days > 0 && !st->expiry.empty() && st->expiry >= today && st->expiry <= expiry_until)
        add(w, &pn,
            &texts.emplace_back("expires on " + st->expiry + ", within " + std::to_string(p.expiry_days) +
                                " days of " + today),
            "expiry:" + st->expiry);
      if (p.fee_days > 0 && st->next_fee && st->next_fee->due >= today && st->next_fee->due <= fee_until)
        add(w, &pn,
            &texts.emplace_back(st->next_fee->what + " due on " + st->next_fee->due + ", within " +
                                std::to_string(p.fee_days) + " days of " + today),
            "fee:" + st->next_fee->due);
    }
  }
  const bool covered = sum.to_sequence > sum.from_sequence || sum.to_event > sum.from_event;
  // Nothing changed and nothing found (an expiry can come due without a
  // change): no evaluation row, the watermark already stands there.
  if (!covered && !any_candidate && watermark.first == sum.to_sequence && watermark.second == sum.to_event) {
    if (ClosesOpenNotifications(o.ingest)) RETURN_IF_ERROR(CloseOpenNotificationsAlone(mdb, o.ingest, now));
    return sum;
  }
  RETURN_IF_ERROR(Record(mdb, prepared, candidates, covered, store_id, sum, o, now));
  return sum;
}

Result<WatchPreview> PreviewWatch(PatentStore& store, const WatchInput& w, const Portfolios& portfolios,
                                  std::string_view today, int64_t cap) {
  WatchPreview out;
  out.to = std::string(today);
  out.from = AddDays(today, -365);
  if (out.from.empty()) return Status::InvalidArgument("preview: '" + std::string(today) + "' is not a date");
  if (w.kind == WatchKind::kPatents) {
    for (const std::string& pn : w.params.publications) {
      ASSIGN_OR_RETURN(std::optional<PatentRecord> r, store.Get(pn));
      std::string subject = SubjectOf(pn);
      ASSIGN_OR_RETURN(std::vector<LegalEvent> events,
                       store.LegalEventsOf(subject, r ? r->application_number : std::string()));
      for (const LegalEvent& e : events)
        if (e.event_date >= out.from && e.event_date <= out.to && WantsEvent(w.params, e)) ++out.hits;
      if (!r) continue;
      PatentStatus st = EvaluatePatentStatus(*r, events, "", out.from);
      if (w.params.expiry_days > 0 && !st.expiry.empty() && st.expiry >= out.from && st.expiry <= out.to) ++out.hits;
      if (w.params.fee_days > 0 && st.next_fee && st.next_fee->due >= out.from && st.next_fee->due <= out.to)
        ++out.hits;
    }
  }
  if (w.kind != WatchKind::kPatents || w.params.family || w.params.citing) {
    TargetsByWatch targets;
    if (w.kind == WatchKind::kPatents) {
      ASSIGN_OR_RETURN(targets[&w], TargetsOf(store, w.params));
    }
    const RecordWatches one = RecordWatchesOf({&w}, {-1});
    std::vector<ChangedRecord> chunk;
    auto flush = [&]() -> Status {
      RETURN_IF_ERROR(FillStatus(store, one.plan, today, chunk));
      Status st = MatchChunk(one, chunk, portfolios, targets, [&](size_t, size_t, std::string) { ++out.hits; });
      chunk.clear();
      return st;
    };
    Status matched;
    RETURN_IF_ERROR(store.ForEach([&](const PatentRecord& r) {
      if (r.publication_date < out.from || r.publication_date > out.to) return true;
      chunk.push_back({0, r, std::nullopt});
      if (chunk.size() >= 2000) {
        matched = flush();
        if (!matched.ok()) return false;
      }
      return true;
    }));
    RETURN_IF_ERROR(matched);
    RETURN_IF_ERROR(flush());
  }
  if (cap > 0 && out.hits > cap)
    return Status::FailedPrecondition("preview: the watch would have produced " + std::to_string(out.hits) +
                                      " hits over the last year (" + out.from + " to " + out.to +
                                      "), above the cap of " + std::to_string(cap) + ": narrow it");
  return out;
}

}  // namespace patnav::domain
