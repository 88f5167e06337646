// app::PatentStatus over a real store: the six expected expiries of
// ../shared/data/legal/README.md from the real USPTO grants, and maintenance
// fee events ingested from a fee file (idempotently, bad lines rejected with
// their line numbers) ending and restoring the right.
#include "app/patent_status.h"

#include <cstdio>

#include <gtest/gtest.h>

#include <fstream>

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
