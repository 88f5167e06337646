// The watch kinds that follow a patent's life rather than new publications
// (issue 14): chosen patents' new family members and citing publications,
// legal events of chosen kinds only, the next fee falling due, and applicant
// watches following recorded ownership transfers (acquired / sold). Small
// constructed records and files, so every expected hit is known by name.
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "app/ingest.h"
#include "app/patent_corpus_testing.h"
#include "app/watches.h"
#include "domain/monitoring_db.h"
#include "domain/period.h"
#include "domain/patent_status.h"
#include "model/record_json.h"
#include "testing.h"

namespace patnav::app {
namespace {

using patnav::testing::ScratchDir;
using patnav::testing::WriteFile;

PatentRecord Patent(const std::string& country, const std::string& number, const std::string& kind,
                    const std::string& family, const std::string& assignee, std::vector<std::string> cites = {}) {
  PatentRecord r;
  r.publication_number = country + number + kind;
  r.country = country;
  r.doc_number = number;
  r.kind = kind;
  r.application_number = "13" + number.substr(number.size() - 6);
  r.filing_date = "2010-01-04";
  r.publication_date = "2015-04-21";
  if (kind[0] == 'B') r.grant_date = "2015-04-21";
  r.family_id = family;
  r.title["en"] = "Widget " + number;
  Party a;
  a.name = assignee;
  r.assignees.push_back(a);
  for (const std::string& pn : cites) {
    Citation c;
    c.publication_number = pn;
    r.citations.push_back(c);
  }
  return r;
}

class WatchKindsTest : public ::testing::Test {
 protected:
  void SetUp() override { ws_ = std::make_unique<Workspace>(Workspace::Options{.dir = dir_.path() / "db"}); }

  IngestResult Load(const std::string& name, const std::string& text) {
    const auto path = dir_.path() / name;
    WriteFile(path, text);
    Result<IngestResult> r = testing::IngestPaths(*ws_, {path.string()});
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : IngestResult{};
  }

  IngestResult LoadRecords(const std::string& name, const std::vector<PatentRecord>& records) {
    std::string text;
    for (const PatentRecord& r : records) text += RecordToJsonLine(r) + "\n";
    return Load(name, text);
  }

  domain::Watch Add(WatchRequest r) {
    Result<domain::Watch> w = AddWatch(Caller::Local(), *ws_, std::move(r));
    EXPECT_TRUE(w.ok()) << w.status().ToString();
    return w.ok() ? *w : domain::Watch{};
  }

  // watch id -> {item + " " + event prefix (up to ':')} of its recorded hits.
  std::map<int64_t, std::multiset<std::string>> Hits() {
    std::map<int64_t, std::multiset<std::string>> out;
    if (!domain::MonitoringDb::Exists(dir_.path() / "db")) return out;
    EXPECT_TRUE(ws_->WithMonitoring([&](domain::MonitoringDb& db) -> Status {
                     ASSIGN_OR_RETURN(Statement s, db.db().Prepare("SELECT watch_id, item, event FROM hit"));
                     for (;;) {
                       ASSIGN_OR_RETURN(bool row, s.Step());
                       if (!row) break;
                       std::string event(s.ColumnText(2));
                       out[s.ColumnInt64(0)].insert(std::string(s.ColumnText(1)) + " " +
                                                    event.substr(0, event.find(':') + 1));
                     }
                     return Status::OK();
                   }).ok());
    return out;
  }

  ScratchDir dir_;
  std::unique_ptr<Workspace> ws_;
};

TEST_F(WatchKindsTest, ChosenPatentsAlertOnNewFamilyMembersAndCitingPublications) {
  LoadRecords("base.jsonl", {Patent("US", "9000001", "B2", "F1", "Alpha Inc."),
                             Patent("US", "9000002", "B2", "F2", "Alpha Inc.")});
  WatchRequest r;
  r.name = "family and citing";
  r.kind = "patents";
  r.params.publications = {"US9000001B2"};
  r.params.family = true;
  r.params.citing = true;
  domain::Watch both = Add(r);
  r.name = "citing only";
  r.params.family = false;
  domain::Watch citing = Add(r);
  r.name = "events only";
  r.params.citing = false;
  domain::Watch events = Add(r);

  IngestResult second = LoadRecords(
      "second.jsonl",
      {Patent("EP", "2000001", "A1", "F1", "Alpha GmbH"),                     // a new member of F1
       Patent("US", "9000003", "B1", "F9", "Beta Corp.", {"US9000001B2"}),    // cites the watched patent
       Patent("US", "9000004", "B1", "F9", "Beta Corp.", {"US9000002B2"}),    // cites the other one
       Patent("US", "9000005", "B1", "F2", "Alpha Inc."),                     // the other one's family
       Patent("CN", "1000001", "A", "F1", "Alpha Inc.", {"US 9000001 B2"})});  // both, in another spelling
  ASSERT_TRUE(second.watches.has_value());
  std::map<int64_t, std::multiset<std::string>> hits = Hits();
  EXPECT_EQ(hits[both.id], (std::multiset<std::string>{"EP2000001A1 family:", "US9000003B1 cites:", "CN1000001A family:",
                                                       "CN1000001A cites:"}));
  EXPECT_EQ(hits[citing.id], (std::multiset<std::string>{"US9000003B1 cites:", "CN1000001A cites:"}));
  EXPECT_TRUE(hits[events.id].empty());
  // The watched patent itself, reloaded, is not its own family member.
  IngestResult again = LoadRecords("base2.jsonl", {Patent("US", "9000001", "B2", "F1", "Alpha Inc. (renamed)")});
  ASSERT_TRUE(again.watches.has_value());
  EXPECT_EQ(again.watches->hits, 0);
}

TEST_F(WatchKindsTest, LegalEventKindsAndTheNextFeeFallingDue) {
  LoadRecords("base.jsonl", {Patent("US", "9000001", "B2", "F1", "Alpha Inc.")});
  WatchRequest r;
  r.kind = "patents";
  r.params.publications = {"US9000001B2"};
  r.name = "grants only";
  r.params.events = {"grant"};
  domain::Watch grants = Add(r);
  r.name = "lapses and fees";
  r.params.events = {"lapse", "fee", "lapse"};
  domain::Watch lapses = Add(r);
  EXPECT_EQ(lapses.params.events, (std::vector<std::string>{"lapse", "fee"}));
  r.name = "every event";
  r.params.events.clear();
  domain::Watch all = Add(r);

  // The 3.5-year fee paid, then the 7.5-year one missed: a U and an H event.
  // Patent 9000001, application 13000001, filed 2010-01-04, granted 2015-04-21.
  const std::string fees = "0000009000001 13000001 N 20100104 20150421 20180901 M1551\n"
                           "0000009000001 13000001 N 20100104 20150421 20230421 EXP. \n";
  IngestResult got = Load("MaintFeeEvents_test.txt", fees);
  ASSERT_EQ(got.legal_events_new, 2u) << (got.rejections.empty() ? "" : got.rejections[0].reason);
  std::map<int64_t, std::multiset<std::string>> hits = Hits();
  EXPECT_TRUE(hits[grants.id].empty());
  EXPECT_EQ(hits[lapses.id], (std::multiset<std::string>{"US9000001B2 legal:", "US9000001B2 legal:"}));
  EXPECT_EQ(hits[all.id].size(), 2u);

  // An unknown kind is refused, naming the kinds there are.
  r.name = "bad";
  r.params.events = {"opposition"};
  Result<domain::Watch> bad = AddWatch(Caller::Local(), *ws_, r);
  ASSERT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("grant, lapse, revival"), std::string::npos) << bad.status().ToString();
  r.params.events.clear();
  r.params.fee_days = 4000;
  EXPECT_EQ(AddWatch(Caller::Local(), *ws_, r).status().code(), StatusCode::kInvalidArgument);
}

// Saved queries may ask the legal status (LS=, EX=): new records are matched
// with the status the index would give them, events recorded before the
// record included.
TEST_F(WatchKindsTest, QueryWatchesSeeTheLegalStatus) {
  WatchRequest r;
  r.kind = "query";
  r.name = "dead widgets";
  r.params.query = "TI=Widget AND LS=dead";
  domain::Watch dead = Add(r);
  r.name = "live widgets";
  r.params.query = "TI=Widget AND LS=有效";
  domain::Watch live = Add(r);
  r.name = "live until 2029-2030";
  r.params.query = "TI=Widget AND LS=live AND EX=[2029 TO 2030]";
  domain::Watch until = Add(r);
  // 9000001 lapsed for an unpaid fee before it was loaded.
  IngestResult fees = Load("MaintFeeEvents_lapse.txt", "0000009000001 13000001 N 20100104 20150421 20180901 M1551\n"
                                                       "0000009000001 13000001 N 20100104 20150421 20230421 EXP. \n");
  ASSERT_EQ(fees.legal_events_new, 2u);
  PatentRecord old = Patent("US", "9000003", "B2", "F3", "Gamma Ltd.");
  old.filing_date = "1995-03-01";  // its twenty years are over
  LoadRecords("records.jsonl", {Patent("US", "9000001", "B2", "F1", "Alpha Inc."),
                                Patent("US", "9000002", "B2", "F2", "Beta Corp."), old});
  std::map<int64_t, std::multiset<std::string>> hits = Hits();
  EXPECT_EQ(hits[dead.id], (std::multiset<std::string>{"US9000001B2 ", "US9000003B2 "}));
  EXPECT_EQ(hits[live.id], std::multiset<std::string>{"US9000002B2 "});
  EXPECT_EQ(hits[until.id], std::multiset<std::string>{"US9000002B2 "});
}

TEST_F(WatchKindsTest, TheNextFeeAlertsOnceWhenItComesWithinTheWindow) {
  LoadRecords("base.jsonl", {Patent("US", "9000002", "B2", "F2", "Alpha Inc.")});
  const std::string due = "2018-10-21";  // granted 2015-04-21: the 3.5-year fee, payable from 3 years
  WatchRequest r;
  r.kind = "patents";
  r.params.publications = {"US9000002B2"};
  r.params.fee_days = 30;
  r.name = "fee in 30 days";
  domain::Watch near = Add(r);
  r.name = "fee in 5 days";
  r.params.fee_days = 5;
  domain::Watch close = Add(r);

  domain::EvaluationOptions o;
  o.today = domain::AddDays(due, -10);
  Result<domain::EvaluationSummary> run = RunWatches(Caller::Local(), *ws_, o);
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_EQ(run->hits, 1);
  EXPECT_EQ(Hits()[near.id], std::multiset<std::string>{"US9000002B2 fee:"});
  EXPECT_TRUE(Hits()[close.id].empty());
  EXPECT_EQ(RunWatches(Caller::Local(), *ws_, o)->hits, 0);  // once
  o.today = domain::AddDays(due, -2);
  EXPECT_EQ(RunWatches(Caller::Local(), *ws_, o)->hits, 1);  // now the 5-day watch
  EXPECT_EQ(Hits()[close.id], std::multiset<std::string>{"US9000002B2 fee:"});
}

std::string Assignment(const std::string& reel_frame, const std::string& text, const std::string& from,
                       const std::string& to, const std::string& patent) {
  return "<patent-assignment><assignment-record><reel-no>" + reel_frame.substr(0, reel_frame.find('/')) +
         "</reel-no><frame-no>" + reel_frame.substr(reel_frame.find('/') + 1) +
         "</frame-no><recorded-date><date>20200301</date></recorded-date><conveyance-text>" + text +
         "</conveyance-text></assignment-record><patent-assignors><patent-assignor><name>" + from +
         "</name><execution-date><date>20200215</date></execution-date></patent-assignor></patent-assignors>"
         "<patent-assignees><patent-assignee><name>" + to +
         "</name></patent-assignee></patent-assignees><patent-properties><patent-property>"
         "<document-id><country>US</country><doc-number>" + patent +
         "</doc-number><kind>B2</kind></document-id></patent-property></patent-properties></patent-assignment>\n";
}

TEST_F(WatchKindsTest, ApplicantWatchesFollowRecordedOwnershipTransfers) {
  LoadRecords("base.jsonl", {Patent("US", "9000001", "B2", "F1", "Alpha Inc."),
                             Patent("US", "9000002", "B2", "F2", "Gamma LLC")});
  WatchRequest r;
  r.kind = "applicant";
  r.name = "beta";
  r.params.applicants = {"Beta Corporation"};  // a spelling variant of BETA CORP.
  domain::Watch beta = Add(r);
  r.name = "alpha";
  r.params.applicants = {"alpha inc"};
  domain::Watch alpha = Add(r);

  const std::string file =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<us-patent-assignments dtd-version=\"1.0\"><patent-assignments>\n" +
      Assignment("50001/1", "ASSIGNMENT OF ASSIGNORS INTEREST (SEE DOCUMENT FOR DETAILS).", "ALPHA INC.",
                 "BETA CORP.", "9000001") +
      // A pledge to Beta moves no ownership: no alert.
      Assignment("50002/2", "SECURITY INTEREST (SEE DOCUMENT FOR DETAILS).", "GAMMA LLC", "BETA CORP.", "9000002") +
      // Beta acquires a patent patnav has not loaded: still an alert, by number.
      Assignment("50003/3", "MERGER (SEE DOCUMENT FOR DETAILS).", "DELTA AG", "BETA CORP.", "9000777") +
      "</patent-assignments></us-patent-assignments>\n";
  IngestResult got = Load("ad20200301.xml", file);
  ASSERT_EQ(got.legal_events_new, 3u) << (got.rejections.empty() ? "" : got.rejections[0].reason);
  ASSERT_TRUE(got.watches.has_value());
  std::map<int64_t, std::multiset<std::string>> hits = Hits();
  EXPECT_EQ(hits[beta.id], (std::multiset<std::string>{"US9000001 acquired:", "US9000777 acquired:"}));
  EXPECT_EQ(hits[alpha.id], std::multiset<std::string>{"US9000001 sold:"});
  // Loading the same day file again alerts nothing.
  IngestResult again = Load("ad20200301.xml", file);
  ASSERT_TRUE(again.watches.has_value());
  EXPECT_EQ(again.watches->hits, 0);
}

}  // namespace
}  // namespace patnav::app
