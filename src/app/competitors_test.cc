// The competitor dashboard against a brute-force count over every stored
// record: for the alliance's shared applicant watch, publications in the
// window and before, per month, countries and IPC subclasses first seen in
// the window, and publications citing the alliance's pool patents; another
// alliance's dashboard is not found; a private watch is not a competitor.
#include "app/competitors.h"

#include <zip.h>

#include <map>
#include <regex>
#include <set>

#include <gtest/gtest.h>

#include "app/alliances.h"
#include "app/members.h"
#include "app/patent_corpus_testing.h"
#include "app/pools.h"
#include "app/watches.h"
#include "domain/patent_status.h"
#include "domain/period.h"
#include "model/party.h"
#include "model/publication_number.h"
#include "model/record_json.h"
#include "testing.h"

namespace patnav::app {
namespace {

TEST(CompetitorDashboard, MatchesABruteForceCountOverTheStore) {
  patnav::testing::ScratchDir dir;
  testing::WriteCorpus(dir.path() / "all.xml", 120, 0, 120);
  Workspace ws({.dir = dir.path() / "db"});
  ASSERT_TRUE(testing::IngestPaths(ws, {(dir.path() / "all.xml").string()}).ok());
  std::vector<PatentRecord> records;
  ASSERT_TRUE(ws.WithStore([&](PatentStore& s) {
                  return s.ForEach([&](const PatentRecord& r) {
                    records.push_back(r);
                    return true;
                  });
                }).ok());
  // The applicant with the most publications, and the last publication date.
  std::map<std::string, std::pair<int, std::string>> by_key;
  std::string last;
  for (const PatentRecord& r : records) {
    last = std::max(last, r.publication_date);
    for (const Party& p : r.applicants) {
      auto& e = by_key[NormalizeOrganisation(p.name)];
      ++e.first;
      e.second = p.name;
    }
  }
  std::string key, name;
  int most = 0;
  for (const auto& [k, e] : by_key)
    if (e.first > most) std::tie(most, key, name) = std::tie(e.first, k, e.second);
  ASSERT_GE(most, 3);

  const Caller local = Caller::Local();
  ASSERT_TRUE(CreateAlliance(local, ws, {"Alpha", "", "business_entity", ""}).ok());
  ASSERT_TRUE(AddMember(local, ws, {"Alpha", "Acme", "industry", "2020-01-01", ""}).ok());
  ASSERT_TRUE(CreatePool(local, ws, {.alliance = "Alpha", .name = "P1", .currency = "USD"}).ok());
  std::set<std::string> pool;  // country + doc number of every patent cited by some record, at most 30
  std::vector<std::string> contribute;
  std::set<std::string> stored;
  for (const PatentRecord& r : records) stored.insert(r.country + r.doc_number);
  // The competitor's own citations first, so that some of its publications cite the pool.
  std::vector<const PatentRecord*> order;
  for (int pass = 0; pass < 2; ++pass)
    for (const PatentRecord& r : records) {
      bool theirs = false;
      for (const Party& p : r.applicants) theirs = theirs || NormalizeOrganisation(p.name) == key;
      if (theirs == (pass == 0)) order.push_back(&r);
    }
  for (const PatentRecord* rp : order)
    for (const Citation& c : rp->citations) {
      Result<PublicationKey> k = ParsePublicationNumber(!c.publication_number.empty() ? c.publication_number
                                                                                     : c.country + c.doc_number);
      if (k.ok() && stored.count(k->country + k->doc_number) && pool.size() < 30 &&
          pool.insert(k->country + k->doc_number).second)
        for (const PatentRecord& p : records)
          if (p.country + p.doc_number == k->country + k->doc_number) {
            contribute.push_back(p.publication_number);
            break;
          }
    }
  ASSERT_FALSE(pool.empty());
  ASSERT_TRUE(Contribute(local, ws, {"Alpha", "P1", "Acme", contribute, "2024-01-01", {}}).ok());

  WatchRequest shared;
  shared.name = "rival";
  shared.kind = "applicant";
  shared.alliance = "Alpha";
  shared.params.applicants = {name};
  shared.cap = 1000000;
  ASSERT_TRUE(AddWatch(local, ws, shared).ok());
  WatchRequest mine = shared;
  mine.name = "private";
  mine.alliance = "";
  ASSERT_TRUE(AddWatch(local, ws, mine).ok());

  Result<nlohmann::ordered_json> got = CompetitorDashboard(local, ws, {.alliance = "Alpha", .months = 36, .as_of = last});
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  const std::string from = domain::AddDays(domain::AddMonths(last, -36), 1);
  EXPECT_EQ((*got)["from"], from);
  EXPECT_EQ((*got)["to"], last);
  ASSERT_EQ((*got)["competitors"].size(), 1u) << got->dump();
  const auto& c = (*got)["competitors"][0];
  EXPECT_EQ(c["watch"], "rival");

  int64_t in = 0, before = 0, citing = 0;
  std::map<std::string, int64_t> months;
  std::set<std::string> countries_in, countries_before, ipc_in, ipc_before;
  for (const PatentRecord& r : records) {
    bool match = false;
    for (const auto* list : {&r.applicants, &r.assignees})
      for (const Party& p : *list) match = match || (!p.normalized.empty() ? p.normalized : NormalizeOrganisation(p.name)) == key;
    if (!match || r.publication_date.empty() || r.publication_date > last) continue;
    const bool window = r.publication_date >= from;
    std::set<std::string>& countries = window ? countries_in : countries_before;
    std::set<std::string>& ipcs = window ? ipc_in : ipc_before;
    countries.insert(r.country);
    for (std::string ipc : r.ipc) {
      ipc.erase(std::remove(ipc.begin(), ipc.end(), ' '), ipc.end());
      ipcs.insert(ipc.substr(0, 4));
    }
    if (!window) {
      ++before;
      continue;
    }
    ++in;
    ++months[r.publication_date.substr(0, 7)];
    bool cites = false;
    for (const Citation& ct : r.citations) {
      Result<PublicationKey> k = ParsePublicationNumber(!ct.publication_number.empty() ? ct.publication_number
                                                                                      : ct.country + ct.doc_number);
      cites = cites || (k.ok() && pool.count(k->country + k->doc_number));
    }
    if (cites) ++citing;
  }
  ASSERT_GT(in, 0) << "the window holds none of the competitor's publications";
  ASSERT_GT(before, 0) << "nothing before the window";
  ASSERT_GT(citing, 0) << "none of the competitor's publications in the window cites the pool";
  EXPECT_EQ(c["publications"], in);
  EXPECT_EQ(c["publications_before"], before);
  EXPECT_EQ(c["citing_pool"], citing);
  std::map<std::string, int64_t> got_months;
  for (const auto& [m, n] : c["per_month"].items()) got_months[m] = n;
  EXPECT_EQ(got_months, months);
  std::vector<std::string> new_countries, gained;
  for (const std::string& s : countries_in)
    if (!countries_before.count(s)) new_countries.push_back(s);
  for (const std::string& s : ipc_in)
    if (!ipc_before.count(s)) gained.push_back(s);
  EXPECT_EQ(c["new_countries"].get<std::vector<std::string>>(), new_countries);
  EXPECT_EQ(c["ipc_gained"].get<std::vector<std::string>>(), gained);

  Caller outsider;
  outsider.user_id = 9;
  outsider.username = "outsider";
  outsider.grants.push_back({0, domain::Role::kOperator, "Beta", "", "", ""});
  EXPECT_EQ(CompetitorDashboard(outsider, ws, {.alliance = "Alpha"}).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(CompetitorDashboard(local, ws, {.alliance = "Alpha", .months = 0}).status().code(),
            StatusCode::kInvalidArgument);
}

// The named part of an XLSX held in memory; "" when absent.
std::string XlsxPart(const std::string& bytes, const char* name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* z = src ? zip_open_from_source(src, ZIP_RDONLY, &error) : nullptr;
  std::string out;
  if (z) {
    if (zip_file_t* f = zip_fopen(z, name, 0)) {
      char buf[65536];
      zip_int64_t n;
      while ((n = zip_fread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
      zip_fclose(f);
    }
    zip_close(z);
  } else if (src) {
    zip_source_free(src);
  }
  zip_error_fini(&error);
  return out;
}

TEST(CompetitorDashboard, AcquisitionsSalesAndLapsesInTheWindowAndTheWorkbook) {
  patnav::testing::ScratchDir dir;
  Workspace ws({.dir = dir.path() / "db"});
  std::string lines;
  for (const auto& [number, owner] : std::vector<std::pair<std::string, std::string>>{
           {"9000001", "Rival Corp."}, {"9000002", "Rival Corp."}, {"9000003", "Other Inc."}}) {
    lines += testing::WidgetGrantLine(number, owner);
  }
  patnav::testing::WriteFile(dir.path() / "patents.jsonl", lines);
  const std::string assignments =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<us-patent-assignments dtd-version=\"1.0\"><patent-assignments>\n" +
      testing::AssignmentXml("60001/1", "20250301", "ASSIGNMENT OF ASSIGNORS INTEREST (SEE DOCUMENT FOR DETAILS).", "RIVAL CORP.",
                 "NEWCO LLC", "9000001") +
      testing::AssignmentXml("60002/2", "20250401", "MERGER (SEE DOCUMENT FOR DETAILS).", "OTHER INC.", "RIVAL CORP.", "9000003") +
      testing::AssignmentXml("60003/3", "20190101", "ASSIGNMENT OF ASSIGNORS INTEREST (SEE DOCUMENT FOR DETAILS).", "OTHER INC.",
                 "RIVAL CORP.", "9000004") +  // before the window
      testing::AssignmentXml("60004/4", "20250501", "SECURITY INTEREST (SEE DOCUMENT FOR DETAILS).", "RIVAL CORP.",
                 "FIRST BANK", "9000002") +  // a pledge moves nothing
      "</patent-assignments></us-patent-assignments>\n";
  patnav::testing::WriteFile(dir.path() / "ad.xml", assignments);
  // The 7.5-year fee of 9000002 missed: it lapsed (class H, negative) in the window.
  patnav::testing::WriteFile(dir.path() / "MaintFeeEvents_t.txt",
                             "0000009000002 13000002 N 20140106 20180501 20251103 EXP. \n");
  Result<IngestResult> in = testing::IngestPaths(
      ws, {(dir.path() / "patents.jsonl").string(), (dir.path() / "ad.xml").string(),
           (dir.path() / "MaintFeeEvents_t.txt").string()});
  ASSERT_TRUE(in.ok()) << in.status().ToString();
  ASSERT_EQ(in->legal_events_new, 5u);

  const Caller local = Caller::Local();
  ASSERT_TRUE(CreateAlliance(local, ws, {"Alpha", "", "business_entity", ""}).ok());
  WatchRequest w;
  w.name = "rival 对手";
  w.kind = "applicant";
  w.alliance = "Alpha";
  w.params.applicants = {"Rival Corporation"};
  ASSERT_TRUE(AddWatch(local, ws, w).ok());
  Result<nlohmann::ordered_json> got =
      CompetitorDashboard(local, ws, {.alliance = "Alpha", .months = 12, .as_of = "2025-12-31"});
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ASSERT_EQ((*got)["competitors"].size(), 1u);
  const auto& c = (*got)["competitors"][0];
  EXPECT_EQ(c["sold_count"], 1);
  EXPECT_EQ(c["sold"], nlohmann::ordered_json::parse(
                           R"([{"patent":"US9000001","date":"2025-03-01","counterparty":"NEWCO LLC"}])"));
  EXPECT_EQ(c["acquired_count"], 1);
  EXPECT_EQ(c["acquired"][0]["patent"], "US9000003");
  EXPECT_EQ(c["acquired"][0]["counterparty"], "OTHER INC.");
  EXPECT_EQ(c["lapsed_count"], 1);
  EXPECT_EQ(c["lapsed"][0]["patent"], "US9000002");
  EXPECT_EQ(c["lapsed"][0]["date"], "2025-11-03");

  Result<std::string> xlsx = CompetitorDashboardXlsx(ws, *got);
  ASSERT_TRUE(xlsx.ok()) << xlsx.status().ToString();
  ASSERT_EQ(xlsx->rfind("PK", 0), 0u);
  const std::string workbook = XlsxPart(*xlsx, "xl/workbook.xml");
  std::vector<std::string> sheets;
  std::regex sheet_re("<sheet name=\"([^\"]*)\"");
  for (std::sregex_iterator it(workbook.begin(), workbook.end(), sheet_re), end; it != end; ++it)
    sheets.push_back((*it)[1]);
  EXPECT_EQ(sheets, (std::vector<std::string>{"competitors", "per month 按月", "acquired 受让", "sold 转让",
                                              "lapsed 失效", "new countries 新国家", "IPC gained 新IPC"}));
  const std::string strings = XlsxPart(*xlsx, "xl/sharedStrings.xml");
  for (const char* text : {"rival 对手", "NEWCO LLC", "OTHER INC.", "US9000002", "2025-11"})
    EXPECT_NE(strings.find(text), std::string::npos) << text;
  // 12 months of the window, one row each, below the header.
  const std::string months = XlsxPart(*xlsx, "xl/worksheets/sheet2.xml");
  EXPECT_NE(months.find("<row r=\"13\""), std::string::npos);
  EXPECT_EQ(months.find("<row r=\"14\""), std::string::npos);
  std::error_code ec;
  EXPECT_TRUE(std::filesystem::is_empty(dir.path() / "db" / "tmp", ec)) << "the temporary workbook is removed";
}

}  // namespace
}  // namespace patnav::app
