// Watches end to end through the application layer (issue 14): a generated
// corpus ingested in two parts, watches created after the first alerting on
// exactly the matching records of the second (expectations computed
// independently: the full index's own matches, string prefixes on the
// classes, a re-derived applicant key), once; a legal event raising one
// alert; bad input refused with nothing saved; the watermark and the hits in
// one transaction.
#include "app/watches.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <map>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "app/alliances.h"
#include "app/ingest.h"
#include "app/members.h"
#include "app/patent_corpus_testing.h"
#include "app/patent_status.h"
#include "app/pools.h"
#include "app/prepared_watches.h"
#include "app/webhooks.h"
#include "app/watch_follower.h"
#include "domain/monitoring_db.h"
#include "domain/watch_evaluation.h"
#include "domain/period.h"
#include "domain/patent_status.h"
#include "index/patent_set_query.h"
#include "model/party.h"
#include "testing.h"

namespace patnav::app {
namespace {

using patnav::testing::ScratchDir;
using patnav::testing::WriteFile;

constexpr uint64_t kTotal = 240, kFirst = 120;

std::string Compact(std::string s) {
  s.erase(std::remove_if(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); }), s.end());
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// The first word of `text` of at least five letters.
std::string LongWord(const std::string& text) {
  std::string word;
  for (char c : text + " ") {
    if (std::isalpha(static_cast<unsigned char>(c))) word += c;
    else if (word.size() >= 5) return word;
    else word.clear();
  }
  return "battery";
}

// "country + doc number" of a citation (a trailing kind code dropped).
std::string CitedSubject(const Citation& c) {
  std::string text = c.publication_number.empty() ? c.country + c.doc_number : c.publication_number;
  while (!text.empty() && (std::isalpha(static_cast<unsigned char>(text.back())) ||
                           (text.size() >= 2 && std::isdigit(static_cast<unsigned char>(text.back())) &&
                            std::isalpha(static_cast<unsigned char>(text[text.size() - 2])))))
    text.pop_back();
  return text;
}

class WatchesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    data_ = dir_.path() / "db";
    part1_ = dir_.path() / "part1.xml";
    part2_ = dir_.path() / "part2.xml";
    testing::WriteCorpus(part1_, kTotal, 0, kFirst);
    testing::WriteCorpus(part2_, kTotal, kFirst, kTotal - kFirst);
    ws_ = std::make_unique<Workspace>(Workspace::Options{.dir = data_});
  }

  IngestResult IngestFile(const std::filesystem::path& p) {
    Result<IngestResult> r = Ingest(Caller::Local(), *ws_, {.paths = {p.string()}});
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : IngestResult{};
  }

  // publication number -> (publications.id, record) of every stored record
  // changed after `since`.
  std::map<std::string, std::pair<int64_t, PatentRecord>> ChangedSince(int64_t since) {
    std::map<std::string, std::pair<int64_t, PatentRecord>> out;
    EXPECT_TRUE(ws_->WithStore([&](PatentStore& s) {
                     return s.ForEachChangedSince(since, [&](const ChangedPublication& c) {
                       out[c.record->publication_number] = {c.id, *c.record};
                       return true;
                     }, false);
                   }).ok());
    return out;
  }

  // The records of `part` by publication number, from a throw-away store.
  std::map<std::string, PatentRecord> RecordsOf(const std::filesystem::path& part) {
    std::map<std::string, PatentRecord> out;
    Workspace probe({.dir = dir_.path() / ("probe-" + part.stem().string())});
    EXPECT_TRUE(Ingest(Caller::Local(), probe, {.paths = {part.string()}, .index = false}).ok());
    EXPECT_TRUE(probe.WithStore([&](PatentStore& s) {
                       return s.ForEach([&](const PatentRecord& r) {
                         out[r.publication_number] = r;
                         return true;
                       });
                     }).ok());
    return out;
  }

  // Adds a technology watch "broad" on the IPC section of the first of
  // `records` that has a class (most of them then hit); its id, 0 if none has.
  int64_t AddSectionWatch(const std::map<std::string, PatentRecord>& records) {
    std::string section;
    for (const auto& [pn, rec] : records)
      if (section.empty() && !rec.ipc.empty()) section = Compact(rec.ipc[0]).substr(0, 1);
    EXPECT_FALSE(section.empty());
    if (section.empty()) return 0;
    WatchRequest r;
    r.name = "broad";
    r.kind = "technology";
    r.params.classes = {section};
    return Add(r).id;
  }

  int64_t LastSequence() {
    int64_t seq = 0;
    EXPECT_TRUE(ws_->WithStore([&](PatentStore& s) -> Status {
                     ASSIGN_OR_RETURN(seq, s.LastChangeSequence());
                     return Status::OK();
                   }).ok());
    return seq;
  }

  // Puts up to `n` records from `next` (advanced past them) in one batch.
  void CommitBatch(std::map<std::string, PatentRecord>::const_iterator& next,
                   std::map<std::string, PatentRecord>::const_iterator end, size_t n) {
    ASSERT_TRUE(ws_->WithStore([&](PatentStore& s) -> Status {
                     RETURN_IF_ERROR(s.BeginBatch());
                     for (size_t i = 0; i < n && next != end; ++i, ++next) {
                       Result<PutOutcome> put = s.Put(next->second);
                       if (!put.ok()) return put.status();
                     }
                     return s.CommitBatch();
                   }).ok());
  }

  // The change sequence the watches have been evaluated up to (-1: unread).
  int64_t Watermark() {
    int64_t at = -1;
    EXPECT_TRUE(ws_->WithStore([&](PatentStore& s) -> Status {
                     ASSIGN_OR_RETURN(std::string store_id, s.StoreId());
                     return ws_->WithMonitoring([&](domain::MonitoringDb& db) -> Status {
                       ASSIGN_OR_RETURN(auto wm, domain::ReadWatermark(db, store_id));
                       at = wm.first;
                       return Status::OK();
                     });
                   }).ok());
    return at;
  }

  domain::Watch Add(WatchRequest r) {
    Result<domain::Watch> w = AddWatch(Caller::Local(), *ws_, std::move(r));
    EXPECT_TRUE(w.ok()) << w.status().ToString();
    return w.ok() ? *w : domain::Watch{};
  }

  // watch id -> the items of its recorded hits (all of them: the inbox shows
  // at most 100 per notification).
  // A query watch on every US publication.
  domain::Watch AddUsWatch() {
    WatchRequest r;
    r.name = "all";
    r.kind = "query";
    r.params.query = "CC=US";
    return Add(r);
  }

  // Stores the second part without evaluating the watches, as a job killed
  // before it evaluated: monitoring.db is moved aside (its connection
  // closed first) while another workspace ingests. Returns how many of the
  // publications changed since `w` began are US ones (-1 on failure).
  int64_t StoreSecondPartUnevaluated(const domain::Watch& w) {
    ws_.reset();
    std::filesystem::rename(data_ / domain::kMonitoringFileName, dir_.path() / "aside.db");
    bool stored = false;
    {
      Workspace other({.dir = data_});
      Result<IngestResult> r = Ingest(Caller::Local(), other, {.paths = {part2_.string()}, .index = false});
      EXPECT_TRUE(r.ok()) << r.status().ToString();
      stored = r.ok() && !r->watches.has_value();
      EXPECT_TRUE(stored) << "nothing evaluated";
    }
    std::filesystem::rename(dir_.path() / "aside.db", data_ / domain::kMonitoringFileName);
    ws_ = std::make_unique<Workspace>(Workspace::Options{.dir = data_});
    if (!stored) return -1;
    int64_t us = 0;
    for (const auto& [pn, v] : ChangedSince(w.since_sequence))
      if (v.second.country == "US") ++us;
    return us;
  }

  std::map<int64_t, std::multiset<std::string>> InboxHits() {
    std::map<int64_t, std::multiset<std::string>> out;
    if (!domain::MonitoringDb::Exists(data_)) return out;
    EXPECT_TRUE(ws_->WithMonitoring([&](domain::MonitoringDb& db) -> Status {
                     ASSIGN_OR_RETURN(Statement s, db.db().Prepare("SELECT watch_id, item FROM hit"));
                     for (;;) {
                       ASSIGN_OR_RETURN(bool row, s.Step());
                       if (!row) break;
                       out[s.ColumnInt64(0)].insert(std::string(s.ColumnText(1)));
                     }
                     return Status::OK();
                   }).ok());
    return out;
  }

  ScratchDir dir_;
  std::filesystem::path data_, part1_, part2_;
  std::unique_ptr<Workspace> ws_;
};

TEST_F(WatchesTest, SecondPartAlertsExactlyTheMatchingRecordsOnce) {
  IngestResult first = IngestFile(part1_);
  ASSERT_EQ(first.fresh, kFirst);
  EXPECT_FALSE(first.watches.has_value());  // no watch yet: nothing evaluated, no monitoring.db
  EXPECT_FALSE(domain::MonitoringDb::Exists(data_));
  const int64_t seq1 = LastSequence();

  // Choose watch parameters from the second part's records, so that each
  // watch has something to find (and the first part's matches must not count).
  std::map<std::string, std::pair<int64_t, PatentRecord>> second;
  {
    // The second part's records are not stored yet: read them from a
    // throw-away store.
    Workspace probe({.dir = dir_.path() / "probe"});
    ASSERT_TRUE(Ingest(Caller::Local(), probe, {.paths = {part2_.string()}, .index = false}).ok());
    ASSERT_TRUE(probe.WithStore([&](PatentStore& s) {
                       return s.ForEach([&](const PatentRecord& r) {
                         second[r.publication_number] = {0, r};
                         return true;
                       });
                     }).ok());
  }
  ASSERT_EQ(second.size(), kTotal - kFirst);
  const PatentRecord& sample = second.begin()->second.second;
  ASSERT_FALSE(sample.ipc.empty());
  ASSERT_FALSE(sample.applicants.empty());
  const std::string ipc_prefix = Compact(sample.ipc[0]).substr(0, 4);
  std::string applicant = sample.applicants[0].name;
  for (char& c : applicant) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));  // a spelling variant

  std::map<std::string, std::string> queries = {{"q-ipc", "IPC=" + ipc_prefix},
                                                {"q-words", "TAC=(method OR system) AND NOT CC=EP"},
                                                {"q-title", "TI=" + LongWord(sample.title.begin()->second)}};
  std::map<std::string, int64_t> ids;
  for (const auto& [name, q] : queries) {
    WatchRequest r;
    r.name = name;
    r.kind = "query";
    r.params.query = q;
    ids[name] = Add(r).id;
  }
  {
    WatchRequest r;
    r.name = "applicant";
    r.kind = "applicant";
    r.params.applicants = {applicant};
    ids["applicant"] = Add(r).id;
  }
  {
    WatchRequest r;
    r.name = "technology";
    r.kind = "technology";
    r.params.classes = {ipc_prefix};
    ids["technology"] = Add(r).id;
  }

  IngestResult second_run = IngestFile(part2_);
  ASSERT_EQ(second_run.fresh, kTotal - kFirst);
  ASSERT_TRUE(second_run.watches.has_value());
  ASSERT_TRUE(second_run.index.has_value()) << second_run.index_error;

  // Brute force over the second part only.
  auto stored_second = ChangedSince(seq1);
  std::map<int64_t, std::string> pn_of_id;
  for (const auto& [pn, v] : stored_second)
    if (second.count(pn)) pn_of_id[v.first] = pn;
  ASSERT_EQ(pn_of_id.size(), second.size());
  std::map<int64_t, std::multiset<std::string>> expected;
  int64_t expected_total = 0;
  for (const auto& [name, q] : queries) {
    Result<std::vector<uint32_t>> m = index::MatchingDocids(data_, q);  // the whole index, then restricted
    ASSERT_TRUE(m.ok()) << m.status().ToString();
    for (uint32_t id : *m)
      if (pn_of_id.count(id)) expected[ids[name]].insert(pn_of_id[id]);
  }
  const std::string key = NormalizeOrganisation(sample.applicants[0].name);
  for (const auto& [pn, v] : second) {
    const PatentRecord& r = v.second;
    bool by_applicant = false, by_class = false;
    for (const auto* list : {&r.applicants, &r.assignees})
      for (const Party& p : *list)
        by_applicant = by_applicant || (!p.normalized.empty() ? p.normalized : NormalizeOrganisation(p.name)) == key;
    for (const auto* list : {&r.ipc, &r.cpc})
      for (const std::string& c : *list) by_class = by_class || Compact(c).rfind(ipc_prefix, 0) == 0;
    if (by_applicant) expected[ids["applicant"]].insert(pn);
    if (by_class) expected[ids["technology"]].insert(pn);
  }
  for (const auto& [id, set] : expected) expected_total += static_cast<int64_t>(set.size());
  ASSERT_GT(expected[ids["applicant"]].size(), 0u);
  ASSERT_GT(expected[ids["technology"]].size(), 0u);
  ASSERT_GT(expected[ids["q-words"]].size(), 0u);

  EXPECT_EQ(second_run.watches->hits, expected_total);
  std::map<int64_t, std::multiset<std::string>> got = InboxHits();
  for (const auto& [name, id] : ids) EXPECT_EQ(got[id], expected[id]) << name;
  Result<std::vector<domain::InboxItem>> items = ListInbox(Caller::Local(), *ws_, {.limit = 500});
  ASSERT_TRUE(items.ok());
  std::set<int64_t> watches_notified;
  for (const auto& it : *items) EXPECT_TRUE(watches_notified.insert(it.watch_id).second) << "one notification per watch";
  Result<int64_t> unread = InboxUnreadCount(Caller::Local(), *ws_);
  ASSERT_TRUE(unread.ok());
  EXPECT_EQ(*unread, static_cast<int64_t>(items->size()));

  // Re-ingesting either part alerts nothing; `watch run` finds nothing new.
  IngestResult again = IngestFile(part2_);
  ASSERT_TRUE(again.watches.has_value());
  EXPECT_EQ(again.watches->hits, 0);
  EXPECT_EQ(again.watches->notifications, 0);
  IngestResult first_again = IngestFile(part1_);
  ASSERT_TRUE(first_again.watches.has_value());
  EXPECT_EQ(first_again.watches->hits, 0);
  Result<domain::EvaluationSummary> run = RunWatches(Caller::Local(), *ws_);
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_EQ(run->hits, 0);
  EXPECT_EQ(InboxHits(), got);

  // Mark read: the unread count drops by one, and again changes nothing.
  ASSERT_TRUE(MarkInboxRead(Caller::Local(), *ws_, items->front().id).ok());
  ASSERT_TRUE(MarkInboxRead(Caller::Local(), *ws_, items->front().id).ok());
  EXPECT_EQ(*InboxUnreadCount(Caller::Local(), *ws_), *unread - 1);
  Result<std::vector<domain::InboxItem>> unread_items =
      ListInbox(Caller::Local(), *ws_, {.unread_only = true, .limit = 500});
  ASSERT_TRUE(unread_items.ok());
  EXPECT_EQ(static_cast<int64_t>(unread_items->size()), *unread - 1);
  EXPECT_EQ(MarkInboxRead(Caller::Local(), *ws_, 999999).code(), StatusCode::kNotFound);
}

// The watches follow the ingest batch by batch (watch_follower.h): the hits
// of the committed batches are in the inbox while the ingest is still
// updating the search index, and in the end each matching record is
// recorded once, however many passes saw it.
TEST_F(WatchesTest, HitsOfCommittedBatchesAreRecordedWhileTheIngestGoesOn) {
  IngestFile(part1_);
  std::string prefix;
  {
    Workspace probe({.dir = dir_.path() / "probe"});
    ASSERT_TRUE(Ingest(Caller::Local(), probe, {.paths = {part2_.string()}, .index = false}).ok());
    ASSERT_TRUE(probe.WithStore([&](PatentStore& s) {
                       return s.ForEach([&](const PatentRecord& r) {
                         if (prefix.empty() && !r.ipc.empty()) prefix = Compact(r.ipc[0]).substr(0, 3);
                         return true;
                       });
                     }).ok());
  }
  ASSERT_FALSE(prefix.empty());
  WatchRequest r;
  r.name = "tech";
  r.kind = "technology";
  r.params.classes = {prefix};
  const int64_t id = Add(r).id;
  Result<CreatedWebhook> hook = AddWebhook(Caller::Local(), *ws_, {.url = "http://127.0.0.1:9/hook", .watch_id = id});
  ASSERT_TRUE(hook.ok()) << hook.status().ToString();
  const int64_t before = LastSequence();
  // The watch's notifications: (count, hits counted, open ones), and the
  // deliveries queued.
  auto notifications = [&]() {
    std::array<int64_t, 4> out{};
    EXPECT_TRUE(ws_->WithMonitoring([&](domain::MonitoringDb& db) -> Status {
                     ASSIGN_OR_RETURN(Statement s, db.db().Prepare(
                                                       "SELECT count(*), coalesce(sum(hit_count), 0), "
                                                       "coalesce(sum(open), 0), (SELECT count(*) FROM delivery) "
                                                       "FROM notification WHERE watch_id = ?1"));
                     s.BindInt64(1, id);
                     ASSIGN_OR_RETURN(bool row, s.Step());
                     if (!row) return Status::Internal("no row");
                     for (int c = 0; c < 4; ++c) out[c] = s.ColumnInt64(c);
                     return Status::OK();
                   }).ok());
    return out;
  };

  size_t seen_during_index = 0;
  std::array<int64_t, 4> during{};
  bool waited = false;
  IngestRequest req{.paths = {part2_.string()}, .batch_records = 7};
  req.on_index_progress = [&](int64_t, int64_t) {
    if (waited) return;
    waited = true;
    // The last batch committed before the index update began; the follower
    // records its hits on its own thread meanwhile.
    for (int i = 0; i < 600 && seen_during_index == 0; ++i) {
      seen_during_index = InboxHits()[id].size();
      if (seen_during_index == 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    during = notifications();
  };
  Result<IngestResult> run = Ingest(Caller::Local(), *ws_, req);
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_TRUE(waited) << "the index update reported progress";
  EXPECT_GT(seen_during_index, 0u) << "hits recorded before the ingest returned";
  // While the ingest goes on, its one notification is open and not
  // delivered; in the end it holds every hit of the ingest, closed, with
  // one delivery.
  EXPECT_EQ(during[0], 1) << "one notification for the ingest's passes";
  EXPECT_EQ(during[2], 1) << "open while the ingest goes on";
  EXPECT_EQ(during[3], 0) << "no delivery before the ingest's last pass";
  const std::array<int64_t, 4> after = notifications();
  EXPECT_EQ(after[0], 1);
  EXPECT_EQ(after[2], 0) << "closed by the last pass";
  EXPECT_EQ(after[3], 1) << "one delivery, queued when it closed";

  std::multiset<std::string> expected;
  for (const auto& [pn, rec] : ChangedSince(before)) {
    bool match = false;
    for (const auto* list : {&rec.second.ipc, &rec.second.cpc})
      for (const std::string& c : *list) match = match || Compact(c).rfind(prefix, 0) == 0;
    if (match) expected.insert(pn);
  }
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(InboxHits()[id], expected) << "each matching record once";
  EXPECT_EQ(after[1], static_cast<int64_t>(expected.size())) << "the notification counts every hit of the ingest";
  ASSERT_TRUE(run->watches.has_value());
  EXPECT_EQ(run->watches->hits, static_cast<int64_t>(expected.size()));
  EXPECT_EQ(run->watches->notifications, 1);
  EXPECT_EQ(run->watches->records_examined, static_cast<int64_t>(kTotal - kFirst)) << "every record examined once";
}

// The ingest stays at most one batch ahead of the follower's passes
// (watch_follower.h): when BatchCommitted() for a batch returns, a pass has
// begun to cover it, so the pass before -- covering every earlier batch --
// has recorded its hits and moved the watermark past them.
TEST_F(WatchesTest, TheIngestIsNeverMoreThanOneBatchAheadOfTheAlerts) {
  IngestFile(part1_);
  const std::map<std::string, PatentRecord> second = RecordsOf(part2_);
  const int64_t id = AddSectionWatch(second);
  ASSERT_GT(id, 0);

  std::unique_ptr<WatchFollower> follower = WatchFollower::Start(*ws_, WatchFollower::Options{.pace = true});
  ASSERT_NE(follower, nullptr);
  constexpr size_t kBatch = 5;
  std::vector<int64_t> batch_ends;  // the last change sequence of each batch
  auto next = second.begin();
  while (next != second.end()) {
    ASSERT_NO_FATAL_FAILURE(CommitBatch(next, second.end(), kBatch));
    batch_ends.push_back(LastSequence());
    follower->BatchCommitted();
    if (batch_ends.size() >= 2)
      EXPECT_GE(Watermark(), batch_ends[batch_ends.size() - 2])
          << "after batch " << batch_ends.size() << ", the batch before is alerted";
  }
  Result<domain::EvaluationSummary> done = follower->Finish();
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  EXPECT_EQ(done->records_examined, static_cast<int64_t>(second.size()));
  EXPECT_GT(InboxHits()[id].size(), 0u);
}

// Idle() (watch_follower.h) is false from a batch's BatchCommitted() until
// a pass has covered it: once the follower is idle again, every batch it
// was told of is alerted (the watermark past it).
TEST_F(WatchesTest, AFollowerIsIdleOnlyWhenEveryBatchItWasToldOfIsAlerted) {
  IngestFile(part1_);
  const std::map<std::string, PatentRecord> second = RecordsOf(part2_);
  ASSERT_GT(AddSectionWatch(second), 0);
  std::unique_ptr<WatchFollower> follower = WatchFollower::Start(*ws_);
  ASSERT_NE(follower, nullptr);
  EXPECT_TRUE(follower->Idle()) << "nothing committed yet";
  auto next = second.begin();
  for (int batch = 0; batch < 3 && next != second.end(); ++batch) {
    ASSERT_NO_FATAL_FAILURE(CommitBatch(next, second.end(), 4));
    const int64_t end = LastSequence();
    follower->BatchCommitted();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!follower->Idle() && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    ASSERT_TRUE(follower->Idle()) << "the pass of batch " << batch << " never ended";
    EXPECT_GE(Watermark(), end) << "idle, so batch " << batch << " is alerted";
  }
  Result<domain::EvaluationSummary> done = follower->Finish();
  ASSERT_TRUE(done.ok()) << done.status().ToString();
}

// An evaluation writes with foreign keys unchecked and the WAL unsynced
// (watch_evaluation.cc); the shared monitoring connection has both back
// afterwards, so deleting a watch still removes its hits and notifications.
TEST_F(WatchesTest, AnEvaluationLeavesTheConnectionsSettingsAsItFoundThem) {
  IngestFile(part1_);
  WatchRequest r;
  r.name = "all";
  r.kind = "query";
  r.params.query = "TAC=(method OR system)";
  const domain::Watch w = Add(r);
  IngestResult run = IngestFile(part2_);
  ASSERT_TRUE(run.watches.has_value());
  ASSERT_GT(run.watches->hits, 0);
  auto pragma = [&](const char* name) {
    int64_t value = -1;
    EXPECT_TRUE(ws_->WithMonitoring([&](domain::MonitoringDb& db) -> Status {
                     ASSIGN_OR_RETURN(Statement s, db.db().Prepare(std::string("PRAGMA ") + name));
                     ASSIGN_OR_RETURN(bool row, s.Step());
                     if (row) value = s.ColumnInt64(0);
                     return Status::OK();
                   }).ok());
    return value;
  };
  EXPECT_EQ(pragma("foreign_keys"), 1);
  EXPECT_EQ(pragma("synchronous"), 2) << "FULL";
  ASSERT_TRUE(RemoveWatch(Caller::Local(), *ws_, w.id).ok());
  int64_t left = -1;
  ASSERT_TRUE(ws_->WithMonitoring([&](domain::MonitoringDb& db) -> Status {
                   ASSIGN_OR_RETURN(Statement s, db.db().Prepare("SELECT count(*) FROM hit"));
                   ASSIGN_OR_RETURN(bool row, s.Step());
                   if (row) left = s.ColumnInt64(0);
                   return Status::OK();
                 }).ok());
  EXPECT_EQ(left, 0) << "the watch's hits went with it";
}

// The prepared watches are kept in the workspace from one ingest to the
// next (PreparedWatchesOf): kept while no watch changes, and a watch added
// between two ingests of one workspace is honoured by the second -- each
// watch's hits exactly the matching records stored after its start.
TEST_F(WatchesTest, AWatchAddedBetweenTwoIngestsOfOneWorkspaceIsHonouredByTheSecond) {
  const std::filesystem::path a = dir_.path() / "a.xml", b = dir_.path() / "b.xml", c = dir_.path() / "c.xml";
  testing::WriteCorpus(a, kTotal, 0, 80);
  testing::WriteCorpus(b, kTotal, 80, 80);
  testing::WriteCorpus(c, kTotal, 160, 80);
  IngestFile(a);
  // The two commonest IPC classes (three characters) of the first part.
  std::map<std::string, int> classes;
  for (const auto& [pn, rec] : ChangedSince(0))
    for (const std::string& ipc : rec.second.ipc) ++classes[Compact(ipc).substr(0, 3)];
  ASSERT_GE(classes.size(), 2u);
  std::vector<std::pair<int, std::string>> by_count;
  for (const auto& [k, n] : classes) by_count.push_back({n, k});
  std::sort(by_count.rbegin(), by_count.rend());
  auto technology = [&](const std::string& name, const std::string& prefix) {
    WatchRequest r;
    r.name = name;
    r.kind = "technology";
    r.params.classes = {prefix};
    return Add(r).id;
  };
  auto kept = [&] {
    std::shared_ptr<const domain::PreparedWatches> p;
    EXPECT_TRUE(ws_->WithMonitoring([&](domain::MonitoringDb& db) -> Status {
                     ASSIGN_OR_RETURN(p, PreparedWatchesOf(db));
                     return Status::OK();
                   }).ok());
    return p;
  };
  auto matching = [&](int64_t since, const std::string& prefix) {
    std::multiset<std::string> out;
    for (const auto& [pn, rec] : ChangedSince(since)) {
      bool match = false;
      for (const auto* list : {&rec.second.ipc, &rec.second.cpc})
        for (const std::string& k : *list) match = match || Compact(k).rfind(prefix, 0) == 0;
      if (match) out.insert(pn);
    }
    return out;
  };

  const std::string first_prefix = by_count[0].second, second_prefix = by_count[1].second;
  const int64_t first_since = LastSequence();
  const int64_t first = technology("first", first_prefix);
  IngestResult second_run = IngestFile(b);
  ASSERT_TRUE(second_run.watches.has_value());
  std::shared_ptr<const domain::PreparedWatches> before = kept();
  ASSERT_NE(before, nullptr);
  EXPECT_EQ(before->watches().size(), 1u);
  EXPECT_EQ(kept(), before) << "kept while no watch changed";

  const int64_t second_since = LastSequence();
  const int64_t second = technology("second", second_prefix);
  IngestResult third_run = IngestFile(c);
  ASSERT_TRUE(third_run.watches.has_value());
  std::shared_ptr<const domain::PreparedWatches> after = kept();
  EXPECT_NE(after, before) << "prepared again once a watch was added";
  EXPECT_EQ(after->watches().size(), 2u);

  const std::multiset<std::string> expected_first = matching(first_since, first_prefix);
  const std::multiset<std::string> expected_second = matching(second_since, second_prefix);
  ASSERT_FALSE(expected_second.empty()) << second_prefix;
  std::map<int64_t, std::multiset<std::string>> got = InboxHits();
  EXPECT_EQ(got[first], expected_first);
  EXPECT_EQ(got[second], expected_second) << "the watch added between the ingests";
  EXPECT_EQ(second_run.watches->hits + third_run.watches->hits,
            static_cast<int64_t>(expected_first.size() + expected_second.size()));
}

TEST_F(WatchesTest, CitesPortfolioAlertsOnNewPublicationsCitingPoolPatents) {
  IngestFile(part1_);
  auto first = ChangedSince(0);
  const std::map<std::string, PatentRecord> second = RecordsOf(part2_);
  // country + doc number of the first part's patents.
  std::map<std::string, std::string> first_by_number;
  for (const auto& [pn, v] : first) first_by_number[v.second.country + v.second.doc_number] = pn;
  auto cited_number = CitedSubject;
  std::set<std::string> pool;  // first-part patents cited by the second part, at most 4
  for (const auto& [pn, r] : second)
    for (const Citation& c : r.citations)
      if (first_by_number.count(cited_number(c)) && pool.size() < 4) pool.insert(first_by_number[cited_number(c)]);
  ASSERT_FALSE(pool.empty()) << "the generated second part cites nothing of the first";

  const Caller local = Caller::Local();
  ASSERT_TRUE(CreateAlliance(local, *ws_, {"Alpha", "", "business_entity", ""}).ok());
  ASSERT_TRUE(AddMember(local, *ws_, {"Alpha", "Acme", "industry", "2020-01-01", ""}).ok());
  Result<PoolResult> made = CreatePool(local, *ws_, {.alliance = "Alpha", .name = "P1", .currency = "USD"});
  ASSERT_TRUE(made.ok()) << made.status().ToString();
  Result<ContributeResult> contributed =
      Contribute(local, *ws_, {"Alpha", "P1", "Acme", {pool.begin(), pool.end()}, "2024-01-01", {}});
  ASSERT_TRUE(contributed.ok()) << contributed.status().ToString();

  WatchRequest r;
  r.name = "citing";
  r.kind = "cites-portfolio";
  r.params.alliance = "Alpha";
  domain::Watch w = Add(r);
  IngestResult got = IngestFile(part2_);
  ASSERT_TRUE(got.watches.has_value());

  std::set<std::string> pool_numbers;
  for (const std::string& pn : pool) pool_numbers.insert(first[pn].second.country + first[pn].second.doc_number);
  std::multiset<std::string> expected;
  int64_t expected_hits = 0;
  for (const auto& [pn, rec] : second) {
    std::set<std::string> cited;
    for (const Citation& c : rec.citations)
      if (pool_numbers.count(cited_number(c))) cited.insert(cited_number(c));
    for (size_t i = 0; i < cited.size(); ++i) expected.insert(pn);
    expected_hits += static_cast<int64_t>(cited.size());
  }
  EXPECT_EQ(got.watches->hits, expected_hits);
  EXPECT_EQ(InboxHits()[w.id], expected);
  EXPECT_EQ(IngestFile(part2_).watches->hits, 0);
}

TEST_F(WatchesTest, CitesAMembersPortfolioCountsThePatentsItHoldsContributedOrNot) {
  IngestFile(part1_);
  const std::map<std::string, PatentRecord> first = RecordsOf(part1_), second = RecordsOf(part2_);
  // The grouping keys of each part's holders: key -> their patents (country + doc number).
  auto holdings = [](const std::map<std::string, PatentRecord>& part) {
    std::map<std::string, std::set<std::string>> out;
    for (const auto& [pn, r] : part)
      for (const auto* list : {&r.applicants, &r.assignees})
        for (const Party& p : *list)
          if (!p.normalized.empty()) out[p.normalized].insert(r.country + r.doc_number);
    return out;
  };
  const auto held_first = holdings(first), held_second = holdings(second);
  // A member that holds first-part patents the second part cites (and none
  // the second part cites of its own: the portfolio is read as the ingest
  // starts), named as one of its publications spells it.
  std::string member, key;
  for (const auto& [pn, r] : second) {
    for (const Citation& c : r.citations)
      for (const auto& [k, subjects] : held_first) {
        if (!member.empty() || !subjects.count(CitedSubject(c))) continue;
        bool cited_in_second = false;
        if (auto it = held_second.find(k); it != held_second.end())
          for (const auto& [pn2, r2] : second)
            for (const Citation& c2 : r2.citations) cited_in_second = cited_in_second || it->second.count(CitedSubject(c2));
        if (cited_in_second) continue;
        key = k;
        for (const auto& [pn1, r1] : first)
          for (const Party& p : r1.applicants)
            if (p.normalized == k && member.empty()) member = p.name;
      }
  }
  ASSERT_FALSE(member.empty()) << "no holder of a cited first-part patent in the generated corpus";

  const Caller local = Caller::Local();
  ASSERT_TRUE(CreateAlliance(local, *ws_, {"Alpha", "", "business_entity", ""}).ok());
  ASSERT_TRUE(AddMember(local, *ws_, {"Alpha", member, "industry", "2020-01-01", ""}).ok());
  WatchRequest r;
  r.name = "citing the member";
  r.kind = "cites-portfolio";
  r.params.alliance = "Alpha";
  r.params.member = member;
  domain::Watch of_member = Add(r);
  r.name = "citing the pools";
  r.params.member.clear();
  domain::Watch of_pools = Add(r);  // the alliance has no pool: nothing
  IngestResult got = IngestFile(part2_);
  ASSERT_TRUE(got.watches.has_value());

  const std::set<std::string>& held = held_first.at(key);
  std::multiset<std::string> expected;
  for (const auto& [pn, rec] : second) {
    std::set<std::string> cited;
    for (const Citation& c : rec.citations)
      if (held.count(CitedSubject(c))) cited.insert(CitedSubject(c));
    for (size_t i = 0; i < cited.size(); ++i) expected.insert(pn);
  }
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(InboxHits()[of_member.id], expected);
  EXPECT_EQ(InboxHits().count(of_pools.id), 0u);
  EXPECT_EQ(got.watches->hits, static_cast<int64_t>(expected.size()));
}

TEST_F(WatchesTest, LegalEventOfAWatchedPatentRaisesExactlyOneAlert) {
  IngestFile(part1_);
  auto stored = ChangedSince(0);
  ASSERT_GE(stored.size(), 2u);
  const PatentRecord& watched = stored.begin()->second.second;
  const PatentRecord& other = std::next(stored.begin())->second.second;
  WatchRequest r;
  r.name = "chosen";
  r.kind = "patents";
  r.params.publications = {watched.publication_number, other.publication_number};
  domain::Watch w = Add(r);
  ASSERT_GT(w.id, 0);

  // A maintenance fee file: the watched patent expired for non-payment.
  auto digits = [](const std::string& s) {
    std::string d;
    for (char c : s)
      if (std::isdigit(static_cast<unsigned char>(c))) d += c;
    return d;
  };
  std::string app = digits(watched.application_number);
  app = app.size() >= 8 ? app.substr(app.size() - 8) : std::string(8 - app.size(), '0') + app;
  std::string patent = watched.doc_number;
  patent = std::string(13 - patent.size(), '0') + patent;
  auto compact_date = [&](const std::string& iso) { return digits(iso); };
  const std::string grant = compact_date(watched.publication_date);
  const std::string lapse = std::to_string(std::stoi(grant.substr(0, 4)) + 4) + grant.substr(4);
  const std::string line = patent + " " + app + " N " + compact_date(watched.filing_date) + " " + grant + " " +
                           lapse + " EXP. \n";
  const std::filesystem::path fees = dir_.path() / "MaintFeeEvents_test.txt";
  WriteFile(fees, line);
  IngestResult got = IngestFile(fees);
  ASSERT_EQ(got.legal_events_new, 1u) << (got.rejections.empty() ? "" : got.rejections[0].reason);
  ASSERT_TRUE(got.watches.has_value());
  EXPECT_EQ(got.watches->hits, 1);
  auto hits = InboxHits();
  EXPECT_EQ(hits[w.id], std::multiset<std::string>{watched.publication_number});
  Result<std::vector<domain::InboxItem>> items = ListInbox(Caller::Local(), *ws_, {});
  ASSERT_TRUE(items.ok());
  ASSERT_EQ(items->size(), 1u);
  ASSERT_EQ(items->front().hits.size(), 1u);
  EXPECT_EQ(items->front().hits[0].event.rfind("legal:", 0), 0u) << items->front().hits[0].event;

  IngestResult again = IngestFile(fees);
  ASSERT_TRUE(again.watches.has_value());
  EXPECT_EQ(again.watches->hits, 0);
  EXPECT_EQ(ListInbox(Caller::Local(), *ws_, {})->size(), 1u);
}

TEST_F(WatchesTest, ExpiryWithinNDaysAlertsOnce) {
  IngestFile(part1_);
  const PatentRecord watched = ChangedSince(0).begin()->second.second;
  Result<PatentStatusResult> st =
      PatentStatus(Caller::Local(), *ws_, {.publication = watched.publication_number, .as_of = "2030-01-01"});
  ASSERT_TRUE(st.ok()) << st.status().ToString();
  const std::string expiry = st->status.expiry;
  ASSERT_EQ(expiry.size(), 10u);
  WatchRequest near;
  near.name = "expiring";
  near.kind = "patents";
  near.params.publications = {watched.publication_number};
  near.params.expiry_days = 30;
  domain::Watch w30 = Add(near);
  near.name = "too far";
  near.params.expiry_days = 5;
  domain::Watch w5 = Add(near);

  domain::EvaluationOptions o;
  o.today = domain::AddDays(expiry, -10);  // expiry is 10 days away: within 30, not within 5
  Result<domain::EvaluationSummary> run = RunWatches(Caller::Local(), *ws_, o);
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_EQ(run->hits, 1);
  EXPECT_EQ(InboxHits()[w30.id], std::multiset<std::string>{watched.publication_number});
  EXPECT_TRUE(InboxHits()[w5.id].empty());
  EXPECT_EQ(RunWatches(Caller::Local(), *ws_, o)->hits, 0);  // once
  o.today = domain::AddDays(expiry, -3);  // now within 5 days too
  EXPECT_EQ(RunWatches(Caller::Local(), *ws_, o)->hits, 1);
  o.today = domain::AddDays(expiry, 1);  // past expiry: nothing new
  EXPECT_EQ(RunWatches(Caller::Local(), *ws_, o)->hits, 0);
}

TEST_F(WatchesTest, AQueryThatDoesNotParseIsRefusedWithItsColumnAndNothingSaved) {
  IngestFile(part1_);
  WatchRequest r;
  r.name = "broken";
  r.kind = "query";
  r.params.query = "TI=(battery AND";
  Result<domain::Watch> w = AddWatch(Caller::Local(), *ws_, r);
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(w.status().message().find("query: "), std::string::npos) << w.status().message();
  EXPECT_NE(w.status().message().find("column"), std::string::npos) << w.status().message();
  Result<std::vector<domain::Watch>> all = ListWatches(Caller::Local(), *ws_);
  ASSERT_TRUE(all.ok());
  EXPECT_TRUE(all->empty());
  // Other refusals: unknown kind, rate, a class that is not one.
  r.params.query = "battery";
  r.kind = "nonsense";
  EXPECT_EQ(AddWatch(Caller::Local(), *ws_, r).status().code(), StatusCode::kInvalidArgument);
  r.kind = "query";
  r.rate = "hourly";
  EXPECT_EQ(AddWatch(Caller::Local(), *ws_, r).status().code(), StatusCode::kInvalidArgument);
  r.rate = "weekly";
  r.kind = "technology";
  r.params.classes = {"12 battery"};
  EXPECT_EQ(AddWatch(Caller::Local(), *ws_, r).status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(ListWatches(Caller::Local(), *ws_)->empty());
  // A name taken is AlreadyExists.
  r.kind = "query";
  ASSERT_TRUE(AddWatch(Caller::Local(), *ws_, r).ok());
  EXPECT_EQ(AddWatch(Caller::Local(), *ws_, r).status().code(), StatusCode::kAlreadyExists);
}

TEST_F(WatchesTest, PreviewCountsTheLastYearAndIsRefusedAboveTheCap) {
  IngestFile(part1_);
  // The year ending at the newest publication of the store.
  std::string today;
  for (const auto& [pn, v] : ChangedSince(0)) today = std::max(today, v.second.publication_date);
  ASSERT_EQ(today.size(), 10u);
  const std::string from = domain::AddDays(today, -365);
  ASSERT_EQ(std::stoi(from.substr(0, 4)), std::stoi(today.substr(0, 4)) - 1);
  int64_t expected = 0;
  for (const auto& [pn, v] : ChangedSince(0))
    if (v.second.country == "US" && v.second.publication_date >= from && v.second.publication_date <= today)
      ++expected;
  WatchRequest r;
  r.name = "all US";
  r.kind = "query";
  r.params.query = "CC=US";
  r.today = today;
  r.cap = 100000;
  Result<domain::WatchPreview> p = PreviewWatch(Caller::Local(), *ws_, r);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->hits, expected);
  EXPECT_EQ(p->from, from);
  r.cap = expected - 1;
  p = PreviewWatch(Caller::Local(), *ws_, r);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(p.status().message().find("above the cap of " + std::to_string(expected - 1)), std::string::npos)
      << p.status().message();
  // Adding the same watch is refused too, and saves nothing.
  EXPECT_EQ(AddWatch(Caller::Local(), *ws_, r).status().code(), StatusCode::kFailedPrecondition);
  EXPECT_TRUE(ListWatches(Caller::Local(), *ws_)->empty());
}

TEST_F(WatchesTest, AWatchSavedOnlyIsKeptWithoutAlertsOrCap) {
  IngestFile(part1_);
  std::string today;  // the preview's year ends at the newest publication, so it has hits
  for (const auto& [pn, v] : ChangedSince(0)) today = std::max(today, v.second.publication_date);
  WatchRequest saved;
  saved.name = "saved query";
  saved.kind = "query";
  saved.params.query = "PD>=1900";  // every record: an active watch would alert on all of part 2
  saved.rate = "weekly";
  saved.active = false;
  saved.today = today;
  saved.cap = 1;  // below its year's hits: a watch saved only alerts nobody
  domain::Watch w = Add(saved);
  EXPECT_FALSE(w.active);
  WatchRequest live = saved;
  live.name = "live query";
  live.active = true;
  live.cap = 100000;
  const int64_t live_id = Add(live).id;
  Result<std::vector<domain::Watch>> listed = ListWatches(Caller::Local(), *ws_);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].params.query, "PD>=1900");
  EXPECT_FALSE((*listed)[0].active);
  EXPECT_TRUE((*listed)[1].active);
  EXPECT_FALSE(WatchJson((*listed)[0])["active"].get<bool>());

  IngestResult second = IngestFile(part2_);
  ASSERT_TRUE(second.watches.has_value());
  std::map<int64_t, std::multiset<std::string>> hits = InboxHits();
  EXPECT_EQ(hits.count(w.id), 0u);
  EXPECT_EQ(hits[live_id].size(), kTotal - kFirst);
  // The cap still holds for a watch that alerts.
  live.name = "another live query";
  live.cap = 1;
  EXPECT_EQ(AddWatch(Caller::Local(), *ws_, live).status().code(), StatusCode::kFailedPrecondition);
}

// A notification counts the hits its evaluation recorded, not the records
// it matched: records matched again (here: the watermark set back, as a
// power loss may leave it) are not hits again, and only the new ones count.
TEST_F(WatchesTest, ANotificationCountsOnlyTheHitsNotRecordedBefore) {
  IngestFile(part1_);
  const std::map<std::string, PatentRecord> second = RecordsOf(part2_);
  const int64_t id = AddSectionWatch(second);
  ASSERT_GT(id, 0);
  const int64_t start = LastSequence();
  auto put = [&](size_t from, size_t to) {
    ASSERT_TRUE(ws_->WithStore([&](PatentStore& s) -> Status {
                     RETURN_IF_ERROR(s.BeginBatch());
                     size_t i = 0;
                     for (const auto& [pn, rec] : second)
                       if (i++ >= from && i <= to) RETURN_IF_ERROR(s.Put(rec).status());
                     return s.CommitBatch();
                   }).ok());
  };
  put(0, second.size() / 2);
  Result<domain::EvaluationSummary> first = RunWatches(Caller::Local(), *ws_);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  const size_t before = InboxHits()[id].size();
  ASSERT_GT(before, 0u);
  put(second.size() / 2, second.size());
  ASSERT_TRUE(ws_->WithMonitoring([&](domain::MonitoringDb& db) {
                   return db.db().Exec("UPDATE watermark SET change_sequence = " + std::to_string(start));
                 }).ok());
  Result<domain::EvaluationSummary> again = RunWatches(Caller::Local(), *ws_);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->records_examined, static_cast<int64_t>(second.size())) << "both halves matched";
  const int64_t fresh = static_cast<int64_t>(InboxHits()[id].size() - before);
  ASSERT_GT(fresh, 0);
  EXPECT_EQ(again->hits, fresh);
  EXPECT_EQ(again->notifications, 1);
  int64_t counted = -1;
  ASSERT_TRUE(ws_->WithMonitoring([&](domain::MonitoringDb& db) -> Status {
                   ASSIGN_OR_RETURN(counted, db.db().QueryInt64("SELECT hit_count FROM notification WHERE watch_id = " +
                                                                std::to_string(id) + " ORDER BY id DESC LIMIT 1"));
                   return Status::OK();
                 }).ok());
  EXPECT_EQ(counted, fresh) << "the notification counts the new hits only";
}

TEST_F(WatchesTest, HitsAndWatermarkAreOneTransaction) {
  IngestFile(part1_);
  domain::Watch w = AddUsWatch();
  const int64_t expected = StoreSecondPartUnevaluated(w);
  ASSERT_GT(expected, 0);

  domain::EvaluationOptions failing;
  failing.before_watermark = [] { return Status::IOError("injected failure between the hits and the watermark"); };
  Result<domain::EvaluationSummary> failed = RunWatches(Caller::Local(), *ws_, failing);
  ASSERT_FALSE(failed.ok());
  EXPECT_NE(failed.status().message().find("injected"), std::string::npos);
  EXPECT_TRUE(InboxHits().empty());
  ASSERT_TRUE(ws_->WithMonitoring([&](domain::MonitoringDb& db) -> Status {
                   ASSIGN_OR_RETURN(int64_t hits, db.db().QueryInt64("SELECT count(*) FROM hit"));
                   ASSIGN_OR_RETURN(int64_t marks, db.db().QueryInt64("SELECT count(*) FROM watermark"));
                   ASSIGN_OR_RETURN(int64_t evals, db.db().QueryInt64("SELECT count(*) FROM evaluation"));
                   EXPECT_EQ(hits, 0);
                   EXPECT_EQ(marks, 0);
                   EXPECT_EQ(evals, 0);
                   return Status::OK();
                 }).ok());

  // The next run catches up: every missed hit, once.
  Result<domain::EvaluationSummary> caught = RunWatches(Caller::Local(), *ws_);
  ASSERT_TRUE(caught.ok()) << caught.status().ToString();
  EXPECT_EQ(caught->hits, expected);
  EXPECT_EQ(static_cast<int64_t>(InboxHits()[w.id].size()), expected);
  EXPECT_EQ(RunWatches(Caller::Local(), *ws_)->hits, 0);
}

// An ingest killed before its last pass leaves its notifications open and
// undelivered (domain::IngestNotifications); the next evaluation closes
// them and queues their deliveries, once, with every hit counted.
TEST_F(WatchesTest, ANotificationLeftOpenByAKilledIngestIsDeliveredByTheNextEvaluation) {
  IngestFile(part1_);
  domain::Watch w = AddUsWatch();
  Result<CreatedWebhook> hook = AddWebhook(Caller::Local(), *ws_, {.url = "http://127.0.0.1:9/hook", .watch_id = w.id});
  ASSERT_TRUE(hook.ok()) << hook.status().ToString();
  const int64_t expected = StoreSecondPartUnevaluated(w);
  ASSERT_GT(expected, 0);
  auto state = [&]() {
    std::array<int64_t, 4> out{};  // notifications, hits counted, open, deliveries
    EXPECT_TRUE(ws_->WithMonitoring([&](domain::MonitoringDb& db) -> Status {
                     ASSIGN_OR_RETURN(out[0], db.db().QueryInt64("SELECT count(*) FROM notification"));
                     ASSIGN_OR_RETURN(out[1], db.db().QueryInt64("SELECT coalesce(sum(hit_count), 0) FROM notification"));
                     ASSIGN_OR_RETURN(out[2], db.db().QueryInt64("SELECT coalesce(sum(open), 0) FROM notification"));
                     ASSIGN_OR_RETURN(out[3], db.db().QueryInt64("SELECT count(*) FROM delivery"));
                     return Status::OK();
                   }).ok());
    return out;
  };

  // A pass of an ingest that never gets to its last one.
  domain::IngestNotifications killed;
  domain::EvaluationOptions pass;
  pass.ingest = &killed;
  Result<domain::EvaluationSummary> first = RunWatches(Caller::Local(), *ws_, pass);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->hits, expected);
  EXPECT_EQ(state(), (std::array<int64_t, 4>{1, expected, 1, 0})) << "open, not delivered";

  // The next evaluation has nothing new to record, and closes it.
  Result<domain::EvaluationSummary> next = RunWatches(Caller::Local(), *ws_);
  ASSERT_TRUE(next.ok()) << next.status().ToString();
  EXPECT_EQ(next->hits, 0);
  EXPECT_EQ(state(), (std::array<int64_t, 4>{1, expected, 0, 1})) << "closed and delivered once";
  ASSERT_TRUE(RunWatches(Caller::Local(), *ws_).ok());
  EXPECT_EQ(state(), (std::array<int64_t, 4>{1, expected, 0, 1}));
}

// Watches prepared for pass after pass (the follower's) are out of date once
// a watch is added or deleted: an evaluation with them records nothing and
// says so; prepared again, they evaluate the watches as they stand.
TEST_F(WatchesTest, PreparedWatchesOutOfDateRecordNothingUntilPreparedAgain) {
  IngestFile(part1_);
  WatchRequest r;
  r.name = "all";
  r.kind = "query";
  r.params.query = "CC=US";
  domain::Watch first = Add(r);
  std::unique_ptr<domain::PreparedWatches> prepared;
  int64_t before = 0;
  ASSERT_TRUE(ws_->WithMonitoring([&](domain::MonitoringDb& db) -> Status {
                   ASSIGN_OR_RETURN(prepared, domain::PreparedWatches::Load(db));
                   ASSIGN_OR_RETURN(before, domain::WatchChanges(db));
                   return Status::OK();
                 }).ok());
  ASSERT_EQ(prepared->watches().size(), 1u);
  EXPECT_EQ(prepared->changes(), before);
  r.name = "second";
  domain::Watch second = Add(r);
  ASSERT_TRUE(RemoveWatch(Caller::Local(), *ws_, first.id).ok());
  // The second part stored without evaluation (monitoring.db moved aside).
  ws_.reset();
  std::filesystem::rename(data_ / domain::kMonitoringFileName, dir_.path() / "aside.db");
  {
    Workspace other({.dir = data_});
    ASSERT_TRUE(Ingest(Caller::Local(), other, {.paths = {part2_.string()}}).ok());
  }
  std::filesystem::rename(dir_.path() / "aside.db", data_ / domain::kMonitoringFileName);
  ws_ = std::make_unique<Workspace>(Workspace::Options{.dir = data_});

  Status stale = ws_->WithMonitoring([&](domain::MonitoringDb& db) -> Status {
    return ws_->WithStore([&](PatentStore& store) -> Status {
      ASSIGN_OR_RETURN(int64_t now, domain::WatchChanges(db));
      EXPECT_EQ(now, before + 2) << "one insert and one delete";
      return domain::EvaluateWatches(db, store, *prepared, {}).status();
    });
  });
  EXPECT_EQ(stale.code(), StatusCode::kUnavailable) << stale.ToString();
  EXPECT_TRUE(InboxHits().empty()) << "nothing recorded with out-of-date watches";

  int64_t expected = 0;
  for (const auto& [pn, v] : ChangedSince(second.since_sequence))
    if (v.second.country == "US") ++expected;
  ASSERT_GT(expected, 0);
  Result<domain::EvaluationSummary> fresh = RunWatches(Caller::Local(), *ws_);
  ASSERT_TRUE(fresh.ok()) << fresh.status().ToString();
  EXPECT_EQ(fresh->hits, expected);
  const std::map<int64_t, std::multiset<std::string>> inbox = InboxHits();
  EXPECT_EQ(inbox.count(first.id), 0u);
  EXPECT_EQ(static_cast<int64_t>(inbox.at(second.id).size()), expected);
}

TEST_F(WatchesTest, OtherUsersWatchesAreNotFound) {
  IngestFile(part1_);
  Caller alice;
  alice.user_id = 7;
  alice.username = "alice";
  alice.grants.push_back({0, domain::Role::kAnalyst, "", "", "", ""});
  Caller bob = alice;
  bob.user_id = 8;
  bob.username = "bob";
  WatchRequest r;
  r.name = "mine";
  r.kind = "query";
  r.params.query = "battery";
  Result<domain::Watch> w = AddWatch(alice, *ws_, r);
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  EXPECT_TRUE(ShowWatch(alice, *ws_, w->id).ok());
  EXPECT_EQ(ShowWatch(bob, *ws_, w->id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(RemoveWatch(bob, *ws_, w->id).code(), StatusCode::kNotFound);
  EXPECT_TRUE(ListWatches(bob, *ws_)->empty());
  EXPECT_EQ(ListWatches(alice, *ws_)->size(), 1u);
  EXPECT_EQ(AddWatch(Caller::Anonymous(), *ws_, r).status().code(), StatusCode::kUnauthenticated);
  // Sharing with an alliance alice does not see is refused as if it did not exist.
  r.name = "shared";
  r.alliance = "Nowhere";
  EXPECT_EQ(AddWatch(alice, *ws_, r).status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(RemoveWatch(alice, *ws_, w->id).ok());
  EXPECT_EQ(ShowWatch(alice, *ws_, w->id).status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace patnav::app
