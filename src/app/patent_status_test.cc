// app::PatentStatus over a real store: the six expected expiries of
// ../shared/data/legal/README.md from the real USPTO grants, and maintenance
// fee events ingested from a fee file (idempotently, bad lines rejected with
// their line numbers) ending and restoring the right.
#include "app/patent_status.h"

#include <cstdio>

#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include "app/ingest.h"
#include "generator/maintfee_writer.h"
#include "app/patent_corpus_testing.h"
#include "testing.h"

namespace patnav::app {
namespace {

namespace fs = std::filesystem;
using patnav::testing::ScratchDir;
using patnav::testing::SharedData;
using patnav::testing::WriteFile;

using patnav::app::testing::IngestPaths;

void IngestRealGrants(Workspace& ws) {
  fs::path uspto = SharedData() / "uspto";
  Result<IngestResult> r = IngestPaths(ws, {(uspto / "xml2004").string(), (uspto / "xml2006").string(),
                                            (uspto / "xml2014").string()});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->rejected, 0u);
}

TEST(PatentStatusApp, SixExpectedExpiriesFromTheRealGrants) {
  PATNAV_REQUIRE_SHARED_DATA();
  ScratchDir dir;
  Workspace ws({.dir = dir.path() / "db"});
  IngestRealGrants(ws);
  const std::pair<const char*, const char*> expected[] = {
      {"US6859910", "2023-06-21"}, {"US6970935", "2022-11-01"}, {"US7272630B2", "2021-07-12"},
      {"US8926509", "2030-01-31"}, {"US8927118", "2028-10-17"}, {"US8930553", "2033-02-15"},
  };
  for (const auto& [number, expiry] : expected) {
    Result<PatentStatusResult> s = PatentStatus(Caller::Local(), ws, {number, "", "2020-06-01"});
    ASSERT_TRUE(s.ok()) << number << ": " << s.status().ToString();
    EXPECT_EQ(s->status.expiry, expiry) << number << ": " << s->status.rule;
    EXPECT_EQ(s->status.state, domain::LegalState::kInForce) << number;
  }
  Result<PatentStatusResult> later = PatentStatus(Caller::Local(), ws, {"US7272630", "US", "2021-07-13"});
  ASSERT_TRUE(later.ok());
  EXPECT_EQ(later->status.state, domain::LegalState::kExpired);
  nlohmann::ordered_json j = PatentStatusJson(later->status);
  EXPECT_EQ(j["state"], "expired");
  EXPECT_EQ(j["expiry"], "2021-07-12");
  EXPECT_NE(j["basis"]["rule"].get<std::string>().find("division of US 09876376"), std::string::npos);
}

std::string FeeLine(const char* patent, const char* entered, const char* code) {
  char buf[80];
  std::snprintf(buf, sizeof buf, "%13s %8s %c %8s %8s %8s %-5s", patent, "12134151", 'N', "20080605", "20150106",
                entered, code);
  return buf;
}

TEST(PatentStatusApp, MaintenanceFeeFileEndsAndRestoresTheRight) {
  PATNAV_REQUIRE_SHARED_DATA();
  ScratchDir dir;
  Workspace ws({.dir = dir.path() / "db"});
  IngestRealGrants(ws);
  fs::path fees = dir.path() / "MaintFeeEvents_20230605.txt";
  WriteFile(fees, FeeLine("0000008926509", "20180601", "M1551") + "\n" +  //
                      FeeLine("0000008926509", "20230220", "EXP.") + "\n" +   //
                      FeeLine("0000008926509", "20230502", "WXYZ") + "\n" +   // unknown: line 3
                      "8926509 12134151 N\n");                                // wrong length: line 4
  Result<IngestResult> first = IngestPaths(ws, {fees.string()});
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->legal_events, 2u);
  EXPECT_EQ(first->legal_events_new, 2u);
  ASSERT_EQ(first->rejections.size(), 2u);
  EXPECT_EQ(first->rejections[0].doc_index, 3);
  EXPECT_EQ(first->rejections[0].reason, "unknown event code 'WXYZ'");
  EXPECT_EQ(first->rejections[1].doc_index, 4);
  EXPECT_EQ(first->by_format["uspto-maintfee"], 1u);

  Result<PatentStatusResult> lapsed = PatentStatus(Caller::Local(), ws, {"US8926509B2", "", "2023-03-01"});
  ASSERT_TRUE(lapsed.ok()) << lapsed.status().ToString();
  EXPECT_EQ(lapsed->status.state, domain::LegalState::kLapsed);
  EXPECT_EQ(lapsed->status.ended_on, "2023-01-06");
  EXPECT_EQ(lapsed->status.events.size(), 2u);

  // The same file again adds nothing; the reinstatement restores the right.
  WriteFile(fees, FeeLine("0000008926509", "20180601", "M1551") + "\n" + FeeLine("0000008926509", "20230220", "EXP.") +
                      "\n" + FeeLine("0000008926509", "20230502", "EXPX") + "\n");
  Result<IngestResult> second = IngestPaths(ws, {fees.string()});
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(second->legal_events, 3u);
  EXPECT_EQ(second->legal_events_new, 1u);
  Result<PatentStatusResult> revived = PatentStatus(Caller::Local(), ws, {"US8926509", "US", "2023-06-01"});
  ASSERT_TRUE(revived.ok());
  EXPECT_EQ(revived->status.state, domain::LegalState::kInForce);
  EXPECT_EQ(revived->status.events.size(), 3u);
}

// Generated files of both layouts are read whole: every line an event, none
// rejected; ingesting again adds no event.
TEST(PatentStatusApp, GeneratedFeeFilesOfBothLayouts) {
  ScratchDir dir;
  Workspace ws({.dir = dir.path() / "db"});
  uint64_t total = 0;
  std::vector<std::string> paths;
  for (bool old_layout : {false, true}) {
    fs::path p = dir.path() / (old_layout ? "MaintFeeEvents_old.txt" : "MaintFeeEvents_new.txt");
    std::ofstream out(p, std::ios::binary);
    Result<uint64_t> lines = WriteMaintFeeEvents({.patents = 300, .seed = old_layout ? 3u : 4u, .old_layout = old_layout}, out);
    ASSERT_TRUE(lines.ok());
    total += *lines;
    paths.push_back(p.string());
  }
  Result<IngestResult> r = IngestPaths(ws, paths);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->rejected, 0u) << (r->rejections.empty() ? "" : r->rejections[0].ToString());
  EXPECT_EQ(r->legal_events, total);
  EXPECT_EQ(r->by_format["uspto-maintfee"], 2u);
  EXPECT_EQ(r->read, 0u);
  Result<IngestResult> again = IngestPaths(ws, paths);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->legal_events_new, 0u);
}

TEST(PatentStatusApp, BadRequests) {
  ScratchDir dir;
  Workspace ws({.dir = dir.path() / "db"});
  EXPECT_EQ(PatentStatus(Caller::Local(), ws, {"US8926509", "", "2023-13-01"}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(PatentStatus(Caller::Local(), ws, {"US8926509", "usa", ""}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(PatentStatus(Caller::Local(), ws, {"US8926509", "", ""}).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(PatentStatus(Caller::Anonymous(), ws, {"US8926509", "", ""}).status().code(), StatusCode::kUnauthenticated);
}

}  // namespace
}  // namespace patnav::app

namespace patnav::app {
namespace {

// The EPO sources end to end: the OPS INPADOC answer for EP1000000 and the
// EP Register answers for EP2400812 ingested (twice: idempotent), the same
// fact from two answers stored once with both sources, and the state per
// designated country.
TEST(PatentStatusApp, EpStatesPerCountryFromOpsAndRegister) {
  PATNAV_REQUIRE_SHARED_DATA();
  ScratchDir dir;
  Workspace ws({.dir = dir.path() / "db"});
  const fs::path legal = SharedData() / "legal";
  const std::vector<std::string> paths = {(legal / "epo-inpadoc" / "EP1000000-family.xml").string(),
                                          (legal / "ep-register" / "EP2400812-biblio.xml").string(),
                                          (legal / "ep-register" / "EP2400812-events.xml").string()};
  Result<IngestResult> first = IngestPaths(ws, paths);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->rejected, 0u);
  EXPECT_EQ(first->fresh, 2u);  // EP1000000A1 (OPS), EP2400812B1 (Register)
  EXPECT_EQ(first->by_format.at("epo-ops"), 1u);
  EXPECT_EQ(first->by_format.at("ep-register"), 2u);
  // 86 OPS + 78 biblio + 59 events read; within the Register, 9 facts told
  // twice (statuses in both answers, grant, no opposition, intention to grant,
  // applicant change) are merged.
  EXPECT_EQ(first->legal_events, 86u + 78u + 59u);
  EXPECT_EQ(first->legal_events_new, 86u + 77u + 51u);

  Result<IngestResult> again = IngestPaths(ws, paths);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->legal_events_new, 0u);
  EXPECT_EQ(again->fresh, 0u);

  std::vector<LegalEvent> events;
  ASSERT_TRUE(ws.WithStore([&](PatentStore& store) -> Status {
                  ASSIGN_OR_RETURN(events, store.LegalEventsOf("EP2400812"));
                  return Status::OK();
                }).ok());
  EXPECT_EQ(events.size(), 77u + 51u);
  const LegalEvent* grant = nullptr;
  for (const LegalEvent& e : events)
    if (e.inpadoc_code == "GRAA") grant = &e;
  ASSERT_NE(grant, nullptr);
  ASSERT_EQ(grant->sources.size(), 2u);  // status 8 and dossier event 0009210, one event
  std::set<std::string> codes = {grant->sources[0].code, grant->sources[1].code};
  EXPECT_EQ(codes, (std::set<std::string>{"status 8", "0009210"}));

  auto state = [&](const char* pn, const char* country, const char* as_of) {
    Result<PatentStatusResult> s = PatentStatus(Caller::Local(), ws, {pn, country, as_of});
    EXPECT_TRUE(s.ok()) << pn << " " << country << ": " << s.status().ToString();
    return s.ok() ? s->status : domain::PatentStatus{};
  };
  // EP2400812: alive in DE, FI, GB and SE; lapsed elsewhere.
  EXPECT_EQ(state("EP2400812", "DE", "2025-01-01").state, domain::LegalState::kInForce);
  domain::PatentStatus fr = state("EP2400812", "FR", "2025-01-01");
  EXPECT_EQ(fr.state, domain::LegalState::kLapsed);
  EXPECT_EQ(fr.ended_on, "2020-06-30");
  EXPECT_EQ(state("EP2400812", "FR", "2020-01-01").state, domain::LegalState::kInForce);
  EXPECT_EQ(state("EP2400812", "DE", "2030-06-25").state, domain::LegalState::kExpired);
  EXPECT_EQ(state("EP2400812", "US", "2025-01-01").state, domain::LegalState::kUnknown);  // not designated

  domain::PatentStatus whole = state("EP2400812", "", "2025-01-01");
  EXPECT_EQ(whole.state, domain::LegalState::kInForce);
  ASSERT_EQ(whole.countries.size(), 37u);
  std::set<std::string> alive;
  for (const domain::CountryState& c : whole.countries)
    if (c.state == domain::LegalState::kInForce) alive.insert(c.country);
  EXPECT_EQ(alive, (std::set<std::string>{"DE", "FI", "GB", "SE"}));
  nlohmann::ordered_json j = PatentStatusJson(whole);
  ASSERT_EQ(j["countries"].size(), 37u);
  EXPECT_EQ(j["countries"][0]["country"], "AL");
  EXPECT_EQ(j["countries"][0]["state"], "lapsed");
  EXPECT_EQ(j["countries"][0]["ended_on"], "2019-11-27");

  // EP1000000 (the A1 in the store, granted per INPADOC GRAA 2002-12-28):
  // DE lapsed 2003-05-13 for want of a translation; GB in force until its
  // renewal fee lapse in 2010; ended everywhere by 2011-06-01 (NL).
  EXPECT_EQ(state("EP1000000", "DE", "2002-06-01").state, domain::LegalState::kPending);
  domain::PatentStatus de = state("EP1000000", "DE", "2004-01-01");
  EXPECT_EQ(de.state, domain::LegalState::kLapsed);
  EXPECT_EQ(de.ended_on, "2003-05-13");
  EXPECT_EQ(state("EP1000000", "GB", "2009-01-01").state, domain::LegalState::kInForce);
  // Known only once published (GBPC 2011-07-27), effective 2010-11-08.
  EXPECT_EQ(state("EP1000000", "GB", "2011-01-01").state, domain::LegalState::kInForce);
  EXPECT_EQ(state("EP1000000", "GB", "2012-01-01").ended_on, "2010-11-08");
  domain::PatentStatus ep = state("EP1000000", "EP", "2012-01-01");
  EXPECT_EQ(ep.state, domain::LegalState::kLapsed);
  EXPECT_EQ(ep.ended_on, "2011-06-01");
  EXPECT_EQ(ep.countries.size(), 19u);
}

}  // namespace
}  // namespace patnav::app

namespace patnav::app {
namespace {

// A Chinese tool export's legal-status columns drive the status engine: the
// lapse for unpaid annual fees (CF01 on 失效日) ends the right.
TEST(PatentStatusApp, ChineseExportStatusColumnsEndTheRight) {
  ScratchDir dir;
  Workspace ws({.dir = dir.path() / "db"});
  const fs::path csv = dir.path() / "incopat.csv";
  WriteFile(csv,
            "公开(公告)号,标题,申请日,公开(公告)日,当前法律状态,失效日\n"
            "CN105000000B,一种电池,2015-01-05,2017-06-06,未缴年费专利权终止,2021-01-05\n"
            "CN106000000B,一种电极,2016-01-05,2018-06-06,授权,-\n");
  Result<IngestResult> r = IngestPaths(ws, {csv.string()});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->fresh, 2u);
  EXPECT_EQ(r->legal_events_new, 2u);  // CF01, GR01 (dated by the grant's publication)
  Result<PatentStatusResult> lapsed = PatentStatus(Caller::Local(), ws, {"CN105000000B", "", "2022-01-01"});
  ASSERT_TRUE(lapsed.ok()) << lapsed.status().ToString();
  EXPECT_EQ(lapsed->status.state, domain::LegalState::kLapsed);
  EXPECT_EQ(lapsed->status.ended_on, "2021-01-05");
  Result<PatentStatusResult> alive = PatentStatus(Caller::Local(), ws, {"CN106000000B", "", "2022-01-01"});
  ASSERT_TRUE(alive.ok());
  EXPECT_EQ(alive->status.state, domain::LegalState::kInForce);
  EXPECT_EQ(alive->status.expiry, "2036-01-05");
}

}  // namespace
}  // namespace patnav::app
