// The current owner through the whole path: assignment files ingested
// (idempotently; before or after the patent they concern) and the status
// engine following the chain of recorded transfers to the current owner, with
// reel/frame as basis. Constructed files, and the real day file of
// ../shared/data/legal/uspto-assignment loaded twice.
#include <gtest/gtest.h>

#include "app/ingest.h"
#include "app/patent_status.h"
#include "model/record_json.h"
#include "store/patent_store.h"
#include "app/patent_corpus_testing.h"
#include "testing.h"

namespace patnav::app {
namespace {

namespace fs = std::filesystem;
using patnav::testing::ScratchDir;
using patnav::testing::SharedData;
using patnav::testing::WriteFile;

using patnav::app::testing::IngestPaths;

struct Conveyance {
  const char* reel_frame;
  const char* recorded;
  const char* executed;
  const char* text;
  const char* from;
  const char* to;
};

// An assignment day file with one record per conveyance, each concerning
// application 13000001 and patent 9000001 B2.
std::string AssignmentFile(const std::vector<Conveyance>& list) {
  std::string s =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE us-patent-assignments [<!ELEMENT x (#PCDATA)>]>\n"
      "<us-patent-assignments dtd-version=\"1.0\"><patent-assignments>\n";
  for (const Conveyance& c : list) {
    std::string rf = c.reel_frame;
    s += "<patent-assignment><assignment-record><reel-no>" + rf.substr(0, rf.find('/')) + "</reel-no><frame-no>" +
         rf.substr(rf.find('/') + 1) + "</frame-no><recorded-date><date>" + c.recorded +
         "</date></recorded-date><conveyance-text>" + c.text +
         "</conveyance-text></assignment-record><patent-assignors><patent-assignor><name>" + c.from +
         "</name><execution-date><date>" + c.executed +
         "</date></execution-date></patent-assignor></patent-assignors><patent-assignees><patent-assignee><name>" +
         c.to + "</name></patent-assignee></patent-assignees><patent-properties><patent-property>"
         "<document-id><country>US</country><doc-number>13000001</doc-number><kind>X0</kind></document-id>"
         "<document-id><country>US</country><doc-number>9000001</doc-number><kind>B2</kind></document-id>"
         "</patent-property></patent-properties></patent-assignment>\n";
  }
  return s + "</patent-assignments></us-patent-assignments>\n";
}

std::string PatentLine() {
  PatentRecord r;
  r.publication_number = "US9000001B2";
  r.country = "US";
  r.doc_number = "9000001";
  r.kind = "B2";
  r.application_number = "13000001";
  r.filing_date = "2010-01-04";
  r.publication_date = "2015-04-21";
  r.grant_date = "2015-04-21";
  r.title["en"] = "Widget";
  Party a;
  a.name = "Alpha Inc.";
  r.assignees.push_back(a);
  return RecordToJsonLine(r) + "\n";
}

domain::PatentStatus StatusOn(Workspace& ws, const char* date) {
  Result<PatentStatusResult> s = PatentStatus(Caller::Local(), ws, {"US9000001", "", date});
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? s->status : domain::PatentStatus{};
}

TEST(OwnershipApp, ChainEndsAtTheCurrentOwnerAndAttachesWhenThePatentArrives) {
  ScratchDir dir;
  Workspace ws({.dir = dir.path() / "db"});
  WriteFile(dir.path() / "ad1.xml",
            AssignmentFile({
                {"20001/1", "20100301", "20100215", "ASSIGNMENT OF ASSIGNORS INTEREST (SEE DOCUMENT FOR DETAILS).",
                 "INVENTOR, ANN", "ALPHA INC."},
                {"30001/5", "20140610", "20140601", "MERGER (SEE DOCUMENT FOR DETAILS).", "ALPHA INC.", "BETA CORP."},
                {"31000/7", "20150101", "20141220", "SECURITY INTEREST (SEE DOCUMENT FOR DETAILS).", "BETA CORP.",
                 "FIRST BANK, N.A."},
                {"32000/9", "20160505", "20160501", "CHANGE OF NAME (SEE DOCUMENT FOR DETAILS).", "BETA CORP.",
                 "GAMMA CORP."},
                {"33000/2", "20170707", "20170701", "LICENSE (SEE DOCUMENT FOR DETAILS).", "GAMMA CORP.", "DELTA LLC"},
                {"34000/3", "20180808", "20180801", "RELEASE BY SECURED PARTY (SEE DOCUMENT FOR DETAILS).",
                 "FIRST BANK, N.A.", "GAMMA CORP."},
            }));
  // The assignments first: kept without their patent.
  Result<IngestResult> a = IngestPaths(ws, {(dir.path() / "ad1.xml").string()});
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->rejected, 0u);
  EXPECT_EQ(a->legal_events, 6u);
  EXPECT_EQ(a->legal_events_new, 6u);
  // The same file again adds nothing.
  Result<IngestResult> again = IngestPaths(ws, {(dir.path() / "ad1.xml").string()});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->legal_events, 6u);
  EXPECT_EQ(again->legal_events_new, 0u);

  WriteFile(dir.path() / "patent.jsonl", PatentLine());
  Result<IngestResult> p = IngestPaths(ws, {(dir.path() / "patent.jsonl").string()});
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  ASSERT_EQ(p->fresh, 1u);

  domain::PatentStatus now = StatusOn(ws, "2020-01-01");
  EXPECT_EQ(now.owner.current, std::vector<std::string>{"GAMMA CORP."});
  EXPECT_NE(now.owner.basis.find("032000/0009"), std::string::npos) << now.owner.basis;
  ASSERT_EQ(now.owner.chain.size(), 3u);  // assignment, merger, change of name
  EXPECT_EQ(now.owner.chain[0].reference, "020001/0001");
  EXPECT_EQ(now.owner.chain[1].conveyance, "merger");
  EXPECT_EQ(now.owner.chain[2].conveyance, "change_of_name");
  EXPECT_EQ(now.owner.encumbrances.size(), 3u);  // security interest, licence, release: owner unchanged
  EXPECT_EQ(now.state, domain::LegalState::kInForce);

  // Before the merger was recorded: Alpha.
  domain::PatentStatus y2012 = StatusOn(ws, "2012-01-01");
  EXPECT_EQ(y2012.owner.current, std::vector<std::string>{"ALPHA INC."});
  domain::PatentStatus y2015 = StatusOn(ws, "2015-06-01");
  EXPECT_EQ(y2015.owner.current, std::vector<std::string>{"BETA CORP."});

  nlohmann::ordered_json j = PatentStatusJson(now);
  EXPECT_EQ(j["owner"]["current"][0], "GAMMA CORP.");
  EXPECT_EQ(j["owner"]["chain"][2]["reel_frame"], "032000/0009");
}

TEST(OwnershipApp, NuncProTuncTakesEffectWhenExecutedAndTheOwnerWithoutTransfersIsAsPublished) {
  ScratchDir dir;
  Workspace ws({.dir = dir.path() / "db"});
  WriteFile(dir.path() / "patent.jsonl", PatentLine());
  ASSERT_TRUE(IngestPaths(ws, {(dir.path() / "patent.jsonl").string()}).ok());
  domain::PatentStatus none = StatusOn(ws, "2020-01-01");
  EXPECT_EQ(none.owner.current, std::vector<std::string>{"Alpha Inc."});
  EXPECT_NE(none.owner.basis.find("as published"), std::string::npos);

  // Recorded in 2019, a nunc pro tunc assignment effective 2011 does not
  // override a merger executed in 2016: the merger is the later transfer.
  WriteFile(dir.path() / "ad2.xml",
            AssignmentFile({
                {"40000/1", "20160310", "20160301", "MERGER (SEE DOCUMENT FOR DETAILS).", "ALPHA INC.", "OMEGA AG"},
                {"50000/2", "20190101", "20110101", "NUNC PRO TUNC ASSIGNMENT (SEE DOCUMENT FOR DETAILS).",
                 "INVENTOR, ANN", "ALPHA INC."},
            }));
  Result<IngestResult> a = IngestPaths(ws, {(dir.path() / "ad2.xml").string()});
  ASSERT_TRUE(a.ok());
  domain::PatentStatus s = StatusOn(ws, "2020-01-01");
  EXPECT_EQ(s.owner.current, std::vector<std::string>{"OMEGA AG"});
  ASSERT_EQ(s.owner.chain.size(), 2u);
  EXPECT_EQ(s.owner.chain[0].conveyance, "nunc_pro_tunc");
  EXPECT_EQ(s.owner.chain[0].date, "2011-01-01");
}

TEST(OwnershipApp, RealDayFileLoadedTwiceAddsNothing) {
  PATNAV_REQUIRE_SHARED_DATA();
  ScratchDir dir;
  Workspace ws({.dir = dir.path() / "db"});
  std::string file = (SharedData() / "legal" / "uspto-assignment" / "ad20160101.xml").string();
  Result<IngestResult> first = IngestPaths(ws, {file});
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->rejected, 0u);
  EXPECT_GE(first->legal_events_new, 199u);  // one event per patent property; 199 records
  EXPECT_EQ(first->legal_events_new, first->legal_events);
  Result<IngestResult> second = IngestPaths(ws, {file});
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->legal_events, first->legal_events);
  EXPECT_EQ(second->legal_events_new, 0u);
}

}  // namespace
}  // namespace patnav::app

namespace patnav::app {
namespace {

// An EP Register applicant change (names changed) moves the current owner;
// an address change does not; the basis names no reel/frame.
TEST(OwnershipApp, EpRegisterApplicantChangeMovesTheOwner) {
  patnav::testing::ScratchDir dir;
  Workspace ws({.dir = dir.path() / "db"});
  const std::filesystem::path file = dir.path() / "register.xml";
  patnav::testing::WriteFile(
      file,
      "<?xml version=\"1.0\"?><ns2:world-patent-data xmlns:ns2=\"http://ops.epo.org\" "
      "xmlns:reg=\"http://www.epo.org/register\"><ns2:register-search><reg:register-documents><reg:register-document>"
      "<reg:bibliographic-data><reg:publication-reference><reg:document-id><reg:country>EP</reg:country>"
      "<reg:doc-number>1234567</reg:doc-number><reg:kind>B1</reg:kind><reg:date>20150107</reg:date></reg:document-id>"
      "</reg:publication-reference><reg:application-reference><reg:document-id><reg:country>EP</reg:country>"
      "<reg:doc-number>12345678</reg:doc-number><reg:date>20120101</reg:date></reg:document-id></reg:application-reference>"
      "<reg:parties><reg:applicants change-date=\"20170301\"><reg:applicant><reg:addressbook><reg:name>Beta AG</reg:name>"
      "<reg:address><reg:address-1>Neu 2</reg:address-1></reg:address></reg:addressbook></reg:applicant></reg:applicants>"
      "<reg:applicants change-date=\"20160301\"><reg:applicant><reg:addressbook><reg:name>Beta AG</reg:name>"
      "<reg:address><reg:address-1>Alt 1</reg:address-1></reg:address></reg:addressbook></reg:applicant></reg:applicants>"
      "<reg:applicants change-date=\"20120101\"><reg:applicant><reg:addressbook><reg:name>Alpha Ltd</reg:name>"
      "</reg:addressbook></reg:applicant></reg:applicants></reg:parties></reg:bibliographic-data>"
      "</reg:register-document></reg:register-documents></ns2:register-search></ns2:world-patent-data>");
  Result<IngestResult> r = testing::IngestPaths(ws, {file.string()});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->rejected, 0u) << r->rejections.front().ToString();
  Result<PatentStatusResult> before = PatentStatus(Caller::Local(), ws, {"EP1234567", "", "2015-06-01"});
  ASSERT_TRUE(before.ok()) << before.status().ToString();
  EXPECT_EQ(before->status.owner.current, (std::vector<std::string>{"Beta AG"}));  // the record's newest applicant
  Result<PatentStatusResult> after = PatentStatus(Caller::Local(), ws, {"EP1234567", "", "2018-01-01"});
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->status.owner.current, (std::vector<std::string>{"Beta AG"}));
  ASSERT_EQ(after->status.owner.chain.size(), 1u);  // the address change is no transfer
  EXPECT_EQ(after->status.owner.chain[0].from, (std::vector<std::string>{"Alpha Ltd"}));
  EXPECT_EQ(after->status.owner.chain[0].recorded, "2016-03-01");
  EXPECT_EQ(after->status.owner.basis, "recorded assignment (recorded 2016-03-01)");
}

}  // namespace
}  // namespace patnav::app
