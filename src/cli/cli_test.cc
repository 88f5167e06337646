// End-to-end tests of the patnav binary: ingest of every bad input the data
// hub issue lists, exit statuses, idempotent re-ingest, cross-source merge,
// export against the canonical schema's required fields, and recovery from a
// kill -9 in the middle of an ingest.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "testing.h"

namespace patnav {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::ScratchDir;
using testing::WriteFile;

using Outcome = testing::CommandOutcome;
constexpr auto& Patnav = testing::RunPatnav;

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (testing::PatnavBinary().empty() || !fs::exists(testing::PatnavBinary()))
      GTEST_SKIP() << "patnav binary not built";
    db_ = (dir_.path() / "db").string();
  }
  std::vector<std::string> Lines(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string l; std::getline(in, l);) if (!l.empty()) out.push_back(l);
    return out;
  }
  std::string Export() {
    Outcome r = Patnav(dir_, {"export", "--db", db_, "--format", "jsonl"});
    EXPECT_EQ(r.code, 0) << r.err;
    return r.out;
  }
  ScratchDir dir_;
  std::string db_;
};

const char* kGoodGrant = R"(<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE us-patent-grant SYSTEM "us-patent-grant-v45-2014-04-03.dtd" [ ]>
<us-patent-grant lang="EN" dtd-version="v4.5 2014-04-03" country="US">
<us-bibliographic-data-grant>
<publication-reference><document-id><country>US</country><doc-number>0900000%d</doc-number><kind>B2</kind><date>20150106</date></document-id></publication-reference>
<application-reference appl-type="utility"><document-id><country>US</country><doc-number>1400000%d</doc-number><date>20130605</date></document-id></application-reference>
<invention-title id="d2e53">Battery electrode number %d</invention-title>
</us-bibliographic-data-grant>
<abstract id="abstract"><p id="p-0001" num="0000">An electrode &amp; a separator.</p></abstract>
<claims id="claims"><claim id="CLM-00001" num="00001"><claim-text>1. An electrode.</claim-text></claim></claims>
</us-patent-grant>
)";

std::string Grant(int n) {
  char buf[2048];
  std::snprintf(buf, sizeof buf, kGoodGrant, n, n, n);
  return buf;
}

TEST_F(CliTest, BulkFileWithOneBadDocumentKeepsTheOthers) {
  std::string bulk = Grant(1) + Grant(2).substr(0, 400) + "\n" + Grant(3);  // document 1 truncated
  fs::path f = dir_.path() / "bulk.xml";
  WriteFile(f, bulk);
  Outcome r = Patnav(dir_, {"ingest", "--db", db_, f.string()});
  EXPECT_EQ(r.code, 3) << r.out << r.err;
  EXPECT_NE(r.err.find("bulk.xml#1: malformed XML"), std::string::npos) << r.err;
  EXPECT_EQ(Lines(Export()).size(), 2u);
}

TEST_F(CliTest, EveryBadInputIsRejectedWithFileIndexAndReason) {
  struct Case { const char* name; std::string content; const char* reason; };
  std::string invalid_utf8 = Grant(4);
  invalid_utf8.replace(invalid_utf8.find("Battery"), 1, "\xC3\x28");
  const std::vector<Case> cases = {
      {"malformed.xml", "<?xml version=\"1.0\"?>\n<us-patent-grant><a></b></us-patent-grant>\n", "malformed XML"},
      {"truncated.xml", Grant(5).substr(0, 600), "malformed XML"},
      {"invalid-utf8.xml", invalid_utf8, "invalid UTF-8"},
      {"billion-laughs.xml",
       "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n <!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">\n"
       " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;\">\n]>\n<us-patent-grant>&lol3;</us-patent-grant>\n",
       "billion laughs"},
      {"xxe.xml",
       "<?xml version=\"1.0\"?>\n<!DOCTYPE foo [ <!ENTITY x SYSTEM \"file:///etc/passwd\"> ]>\n"
       "<us-patent-grant>&x;</us-patent-grant>\n",
       "external entit"},
      {"dtd-fetch.xml",
       "<?xml version=\"1.0\"?>\n<!DOCTYPE foo [ <!ENTITY % remote SYSTEM \"http://127.0.0.1:9/evil.dtd\"> %remote; ]>\n"
       "<us-patent-grant/>\n",
       "parameter entit"},
      {"unknown.bin", std::string("\x00\x01\x02\x03garbage\xff\xfe", 14), "unknown format"},
      {"unknown-root.xml", "<?xml version=\"1.0\"?>\n<invoice><total>3</total></invoice>\n", "unknown XML document type"},
  };
  for (const auto& c : cases) WriteFile(dir_.path() / c.name, c.content);
  WriteFile(dir_.path() / "good.xml", Grant(6));
  std::vector<std::string> args = {"ingest", "--db", db_};
  for (const auto& c : cases) args.push_back((dir_.path() / c.name).string());
  args.push_back((dir_.path() / "good.xml").string());
  Outcome r = Patnav(dir_, args);
  EXPECT_EQ(r.code, 3);
  for (const auto& c : cases) {
    std::string where = std::string(c.name) + "#0: ";
    size_t at = r.err.find(where);
    ASSERT_NE(at, std::string::npos) << c.name << " not reported in:\n" << r.err;
    std::string line = r.err.substr(at, r.err.find('\n', at) - at);
    EXPECT_NE(line.find(c.reason), std::string::npos) << line;
  }
  EXPECT_NE(r.out.find("rejected 8"), std::string::npos) << r.out;
  std::vector<std::string> records = Lines(Export());
  ASSERT_EQ(records.size(), 1u);
  EXPECT_NE(records[0].find("US9000006B2"), std::string::npos);
  EXPECT_EQ(records[0].find("root:"), std::string::npos);  // nothing of /etc/passwd leaked
}

TEST_F(CliTest, BrokenCsvRowIsRejectedOthersGoIn) {
  fs::path f = dir_.path() / "gp.csv";
  WriteFile(f,
            "id,title,assignee,inventor/author,priority date,filing/creation date,publication date,grant date,"
            "result link,representative figure link\n"
            "US-8271025-B2,Device network selection,At&T Mobility Ii Llc,\"Arthur Brisebois, Sharat Chander\","
            "2008-10-20,2008-10-20,2012-09-18,2012-09-18,https://x/US8271025B2/en,\n"
            "not-a-number,Broken row,Nobody,,,,,,,\n"
            "US-6311175-B1,System for generating performance models,Perot Systems Corp.,\"Pieter Willem Adriaans\","
            "1998-03-06,1998-03-06,2001-10-30,2001-10-30,https://x/US6311175B1/en,\n");
  Outcome r = Patnav(dir_, {"ingest", "--db", db_, f.string()});
  EXPECT_EQ(r.code, 3) << r.out << r.err;
  EXPECT_NE(r.err.find("gp.csv#3"), std::string::npos) << r.err;
  EXPECT_EQ(Lines(Export()).size(), 2u);
}

TEST_F(CliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(Patnav(dir_, {"ingest", "--db", db_, (dir_.path() / "missing.xml").string()}).code, 2);
  EXPECT_EQ(Patnav(dir_, {"frobnicate"}).code, 2);
  EXPECT_EQ(Patnav(dir_, {"ingest"}).code, 2);
}

TEST_F(CliTest, ReingestIsIdempotentAndExportMeetsTheSchema) {
  fs::path f = dir_.path() / "corpus.xml";
  ASSERT_EQ(Patnav(dir_, {"generate", "--docs", "200", "--seed", "3", "--out", f.string()}).code, 0);
  Outcome first = Patnav(dir_, {"ingest", "--db", db_, f.string()});
  ASSERT_EQ(first.code, 0) << first.err;
  EXPECT_NE(first.out.find("new 200"), std::string::npos) << first.out;
  std::string once = Export();
  Outcome second = Patnav(dir_, {"ingest", "--db", db_, f.string()});
  ASSERT_EQ(second.code, 0);
  EXPECT_NE(second.out.find("unchanged 200"), std::string::npos) << second.out;
  EXPECT_EQ(Export(), once);
  std::vector<std::string> lines = Lines(once);
  ASSERT_EQ(lines.size(), 200u);
  for (const auto& l : lines) {
    auto j = nlohmann::json::parse(l);
    for (const char* k : {"publication_number", "country", "doc_number", "kind", "source"}) ASSERT_TRUE(j.contains(k)) << k;
    EXPECT_EQ(j["publication_number"].get<std::string>(),
              j["country"].get<std::string>() + j["doc_number"].get<std::string>() + j["kind"].get<std::string>());
    EXPECT_TRUE(j["source"].contains("format"));
  }
}

TEST_F(CliTest, KillNineMidIngestThenRerunEqualsUninterrupted) {
  fs::path f = dir_.path() / "corpus.xml";
  ASSERT_EQ(Patnav(dir_, {"generate", "--docs", "3000", "--seed", "11", "--out", f.string()}).code, 0);
  std::string clean_db = (dir_.path() / "clean").string();
  ASSERT_EQ(Patnav(dir_, {"ingest", "--db", clean_db, f.string()}).code, 0);
  std::string expected = Patnav(dir_, {"export", "--db", clean_db}).out;

  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    int devnull = ::open("/dev/null", O_WRONLY);
    dup2(devnull, 1);
    dup2(devnull, 2);
    std::string bin = testing::PatnavBinary().string();
    execl(bin.c_str(), bin.c_str(), "ingest", "--batch", "200", "--db", db_.c_str(), f.c_str(), nullptr);
    _exit(127);
  }
  // Wait until at least one batch has been committed, then kill.
  fs::path wal = fs::path(db_) / "patnav.db-wal";
  for (int i = 0; i < 400; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::error_code ec;
    if (fs::exists(wal, ec) && fs::file_size(wal, ec) > (1u << 20)) break;
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "ingest finished before it could be killed";

  Outcome partial = Patnav(dir_, {"stats", "--db", db_, "--format", "json"});
  ASSERT_EQ(partial.code, 0) << partial.err;
  auto stats = nlohmann::json::parse(partial.out);
  EXPECT_LT(stats["publications"].get<int64_t>(), 3000);
  EXPECT_EQ(stats["publications"].get<int64_t>() % 200, 0);  // whole batches only

  ASSERT_EQ(Patnav(dir_, {"ingest", "--db", db_, f.string()}).code, 0);
  EXPECT_EQ(Export(), expected);
}

TEST_F(CliTest, RealFilesFromEverySourceGoIn) {
  PATNAV_REQUIRE_SHARED_DATA();
  fs::path data = testing::SharedData();
  Outcome r = Patnav(dir_, {"ingest", "--db", db_, (data / "uspto").string(), (data / "epo").string(),
                        (data / "patentsview").string(), (data / "google-patents").string()});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  Outcome s = Patnav(dir_, {"stats", "--db", db_, "--format", "json"});
  ASSERT_EQ(s.code, 0);
  auto stats = nlohmann::json::parse(s.out);
  EXPECT_GT(stats["by_country"]["US"].get<int64_t>(), 3500);
  EXPECT_GE(stats["by_country"]["EP"].get<int64_t>(), 14);  // the EPO files, plus EP rows of Google exports
  Outcome show = Patnav(dir_, {"show", "--db", db_, "--format", "json", "US-6336130-B1"});
  ASSERT_EQ(show.code, 0) << show.err;
  EXPECT_EQ(nlohmann::json::parse(show.out)["publication_number"], "US6336130B1");
}

TEST_F(CliTest, OnePublicationFromTwoSourcesIsOneRecord) {
  // The same pre-grant publication as USPTO XML writes it (11 digits) and as
  // a Google Patents export writes it.
  fs::path xml = dir_.path() / "app.xml";
  WriteFile(xml, R"(<?xml version="1.0" encoding="UTF-8"?>
<us-patent-application lang="EN" dtd-version="v4.4 2014-04-03" country="US">
<us-bibliographic-data-application>
<publication-reference><document-id><country>US</country><doc-number>20150112182</doc-number><kind>A1</kind><date>20150423</date></document-id></publication-reference>
<application-reference appl-type="utility"><document-id><country>US</country><doc-number>14520111</doc-number><date>20141021</date></document-id></application-reference>
<invention-title id="d0">Lithium ion battery separator</invention-title>
</us-bibliographic-data-application>
<abstract><p>A separator for a lithium ion battery.</p></abstract>
<claims><claim id="CLM-00001" num="00001"><claim-text>1. A separator.</claim-text></claim>
<claim id="CLM-00002" num="00002"><claim-text>2. The separator of <claim-ref idref="CLM-00001">claim 1</claim-ref>, porous.</claim-text></claim></claims>
</us-patent-application>
)");
  fs::path csv = dir_.path() / "gp.csv";
  WriteFile(csv,
            "search URL:,https://patents.google.com/?q=separator\n"
            "id,title,assignee,inventor/author,priority date,filing/creation date,publication date,grant date,"
            "result link,representative figure link\n"
            "US-2015112182-A1,Lithium ion battery separator,Acme Battery Corp.,Jane Q. Doe,2013-10-21,2014-10-21,"
            "2015-04-23,,https://patents.google.com/patent/US20150112182A1/en,\n");
  Outcome r = Patnav(dir_, {"ingest", "--db", db_, xml.string(), csv.string()});
  ASSERT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("new 1, merged 1"), std::string::npos) << r.out;
  std::vector<std::string> lines = Lines(Export());
  ASSERT_EQ(lines.size(), 1u);
  auto j = nlohmann::json::parse(lines[0]);
  EXPECT_EQ(j["publication_number"], "US2015112182A1");
  EXPECT_EQ(j["claims"].size(), 2u);                          // from the XML
  EXPECT_EQ(j["assignees"][0]["normalized"], "ACME BATTERY");  // from the CSV
  EXPECT_EQ(j["priority_date"], "2013-10-21");                 // the earliest known
  EXPECT_EQ(j["source"]["format"], "uspto-app-xml-4.4");       // the richer record is the base
}

}  // namespace
}  // namespace patnav
