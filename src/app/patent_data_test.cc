// app::ShowPatent, GetStoreStats, ExportPatents, RunLandscapeReport and
// ValuePatents on a generated corpus: results, NotFound, streaming in chunks
// equal to the CLI's export, authorisation.
#include <atomic>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "app/export.h"
#include "app/landscape.h"
#include "app/patent_corpus_testing.h"
#include "app/patent_json.h"
#include "app/patent_value.h"
#include "app/patents.h"
#include "app/search.h"
#include "model/record_json.h"
#include "readers/workbook_package.h"
#include "readers/xlsx_sheet.h"

namespace patnav::app {
namespace {

namespace fs = std::filesystem;

class PatentDataTest : public testing::PatentCorpusTest {
 protected:
  Workspace ws_{{.dir = DataDir()}};

  std::string FirstPublication() {
    Result<SearchPatentsResult> r = SearchPatents(Caller::Local(), ws_, {.query = "PD>=1900", .limit = 1});
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() && !r->result.hits.empty() ? r->result.hits[0].publication_number : "";
  }
  // The export, and the chunks the sink was given.
  std::string Export(const ExportRequest& req, const Caller& caller, Status* status = nullptr,
                     std::vector<size_t>* chunks = nullptr) {
    std::string out;
    Result<ExportResult> r = ExportPatents(caller, ws_, req, [&](std::string_view chunk) {
      out.append(chunk);
      if (chunks) chunks->push_back(chunk.size());
      return Status::OK();
    });
    if (status) *status = r.status();
    else EXPECT_TRUE(r.ok()) << r.status().ToString();
    if (r.ok()) EXPECT_EQ(r->bytes, out.size());
    return out;
  }
};

Caller UserWith(domain::Role role) {
  Caller c;
  c.user_id = 3;
  c.username = "u";
  domain::Grant g;
  g.role = role;
  g.alliance = "A";
  if (role == domain::Role::kMember) g.member = "M";
  if (role == domain::Role::kLicensee) g.licensee = "L";
  c.grants.push_back(g);
  return c;
}

// The first sheet of an .xlsx held in memory, read back by the readers layer:
// its name and its rows of text (header first).
struct SheetBack {
  std::string name;
  std::vector<CsvRow> rows;
};
SheetBack ReadFirstSheet(const std::string& bytes) {
  SheetBack out;
  Result<std::unique_ptr<WorkbookPackage>> pkg = WorkbookPackage::Open(bytes, {});
  EXPECT_TRUE(pkg.ok()) << pkg.status().ToString();
  if (!pkg.ok()) return out;
  bool date1904 = false;
  Result<std::vector<WorkbookSheetRef>> sheets = (*pkg)->Sheets(date1904);
  EXPECT_TRUE(sheets.ok() && sheets->size() == 1u);
  if (!sheets.ok() || sheets->empty()) return out;
  out.name = (*sheets)[0].name;
  Result<std::string> strings_xml = (*pkg)->Read("xl/sharedStrings.xml");
  std::vector<std::string> strings;
  if (strings_xml.ok()) strings = *ParseXlsxSharedStrings(*strings_xml);
  Result<std::string> sheet_xml = (*pkg)->Read((*sheets)[0].part);
  EXPECT_TRUE(sheet_xml.ok());
  if (!sheet_xml.ok()) return out;
  Result<std::vector<CsvRow>> rows = ParseXlsxSheet(*sheet_xml, {.shared_strings = &strings});
  EXPECT_TRUE(rows.ok()) << rows.status().ToString();
  if (rows.ok()) out.rows = std::move(*rows);
  return out;
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

TEST_F(PatentDataTest, ShowFindsAnySpellingAndSaysWhatIsMissing) {
  const std::string pn = FirstPublication();
  Result<ShowPatentResult> exact = ShowPatent(Caller::Local(), ws_, {.publication_number = pn});
  ASSERT_TRUE(exact.ok()) << exact.status().ToString();
  EXPECT_EQ(exact->record.publication_number, pn);
  const PatentRecord& r = exact->record;
  Result<ShowPatentResult> dashed =
      ShowPatent(Caller::Local(), ws_, {.publication_number = r.country + "-" + r.doc_number + "-" + r.kind});
  ASSERT_TRUE(dashed.ok()) << dashed.status().ToString();
  EXPECT_EQ(dashed->record.publication_number, pn);
  Result<ShowPatentResult> no_kind = ShowPatent(Caller::Local(), ws_, {.publication_number = r.country + r.doc_number});
  ASSERT_TRUE(no_kind.ok()) << no_kind.status().ToString();
  EXPECT_EQ(no_kind->record.publication_number, pn);

  Result<ShowPatentResult> missing = ShowPatent(Caller::Local(), ws_, {.publication_number = "US-1234567-B2"});
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(missing.status().message(), "US1234567B2 is not in the store");
  EXPECT_EQ(ShowPatent(Caller::Local(), ws_, {.publication_number = "not a number"}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(ShowPatent(UserWith(domain::Role::kLicensee), ws_, {.publication_number = pn}).status().code(),
            StatusCode::kPermissionDenied);

  patnav::testing::ScratchDir empty;
  Workspace none({.dir = empty.path() / "db"});
  EXPECT_EQ(ShowPatent(Caller::Local(), none, {.publication_number = pn}).status().code(), StatusCode::kNotFound);
}

TEST_F(PatentDataTest, LinksListCitationsBothWaysAndTheFamilyAsTheRecordsSay) {
  // Brute force over the store: who cites whom, and the records themselves.
  std::map<std::string, PatentRecord> records;
  std::map<std::string, std::set<std::string>> citing;  // cited number -> citing publications
  ASSERT_TRUE(ws_.WithStore([&](PatentStore& store) {
                  return store.ForEach([&](const PatentRecord& r) {
                    records[r.publication_number] = r;
                    for (const Citation& c : r.citations) citing[CitedNumber(c)].insert(r.publication_number);
                    return true;
                  });
                }).ok());
  // The most cited publication, and the one citing the most stored ones.
  std::string most_cited, most_citing;
  size_t stored_cites_of_most_citing = 0;
  for (const auto& [pn, r] : records) {
    if (citing[pn].size() > citing[most_cited].size()) most_cited = pn;
    size_t stored = 0;
    for (const Citation& c : r.citations) stored += records.count(CitedNumber(c));
    if (stored > stored_cites_of_most_citing) most_citing = pn, stored_cites_of_most_citing = stored;
  }
  ASSERT_GE(citing[most_cited].size(), 2u);
  ASSERT_GT(stored_cites_of_most_citing, 0u);

  Result<PatentLinksResult> cited = PatentLinks(Caller::Local(), ws_, {.publication_number = most_cited});
  ASSERT_TRUE(cited.ok()) << cited.status().ToString();
  EXPECT_EQ(cited->publication_number, most_cited);
  EXPECT_EQ(cited->cited_by_total, static_cast<int64_t>(citing[most_cited].size()));
  std::vector<std::string> listed;
  for (const PublicationBrief& b : cited->cited_by) listed.push_back(b.publication_number);
  EXPECT_EQ(listed, std::vector<std::string>(citing[most_cited].begin(), citing[most_cited].end()));
  EXPECT_EQ(cited->family_id, records[most_cited].family_id);
  Result<PatentLinksResult> one =
      PatentLinks(Caller::Local(), ws_, {.publication_number = most_cited, .cited_by_limit = 1});
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->cited_by.size(), 1u);
  EXPECT_EQ(one->cited_by_total, static_cast<int64_t>(citing[most_cited].size()));
  // Paged one at a time, every citing publication once, in the same order;
  // past the end, none (the total unchanged).
  std::vector<std::string> paged;
  for (int64_t offset = 0; offset < cited->cited_by_total; ++offset) {
    Result<PatentLinksResult> page = PatentLinks(
        Caller::Local(), ws_, {.publication_number = most_cited, .cited_by_limit = 1, .cited_by_offset = offset});
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    ASSERT_EQ(page->cited_by.size(), 1u) << offset;
    EXPECT_EQ(page->cited_by_offset, offset);
    paged.push_back(page->cited_by[0].publication_number);
  }
  EXPECT_EQ(paged, listed);
  Result<PatentLinksResult> past = PatentLinks(
      Caller::Local(), ws_, {.publication_number = most_cited, .cited_by_offset = cited->cited_by_total});
  ASSERT_TRUE(past.ok());
  EXPECT_TRUE(past->cited_by.empty());
  EXPECT_EQ(past->cited_by_total, cited->cited_by_total);
  EXPECT_EQ(PatentLinksJson(*past)["cited_by_offset"], cited->cited_by_total);

  // Each citation in the record's order, with the stored publication it names.
  const PatentRecord& r = records[most_citing];
  Result<PatentLinksResult> cites = PatentLinks(Caller::Local(), ws_, {.publication_number = most_citing});
  ASSERT_TRUE(cites.ok()) << cites.status().ToString();
  ASSERT_EQ(cites->cites.size(), r.citations.size());
  size_t stored = 0;
  for (size_t i = 0; i < r.citations.size(); ++i) {
    const std::string number = CitedNumber(r.citations[i]);
    EXPECT_EQ(CitedNumber(cites->cites[i].citation), number);
    if (records.count(number)) {
      ASSERT_TRUE(cites->cites[i].stored.has_value()) << number;
      EXPECT_EQ(cites->cites[i].stored->publication_number, number);
      EXPECT_EQ(cites->cites[i].stored->publication_date, records[number].publication_date);
      ++stored;
    }
  }
  EXPECT_EQ(stored, stored_cites_of_most_citing);
  const OrderedJson j = PatentLinksJson(*cites);
  EXPECT_EQ(j["cites"].size(), r.citations.size());
  EXPECT_EQ(j["cites"][0]["cited_number"], CitedNumber(r.citations[0]));
  EXPECT_TRUE(j["family"].is_array());

  EXPECT_EQ(PatentLinks(Caller::Local(), ws_, {.publication_number = most_cited, .cited_by_limit = -1}).status().code(),
            StatusCode::kInvalidArgument);
  Result<PatentLinksResult> before_start =
      PatentLinks(Caller::Local(), ws_, {.publication_number = most_cited, .cited_by_offset = -1});
  EXPECT_EQ(before_start.status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(before_start.status().message().starts_with("cited_by_offset")) << before_start.status().ToString();
  EXPECT_EQ(PatentLinks(Caller::Local(), ws_, {.publication_number = "US-1234567-B2"}).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(PatentLinks(UserWith(domain::Role::kLicensee), ws_, {.publication_number = most_cited}).status().code(),
            StatusCode::kPermissionDenied);
}

TEST_F(PatentDataTest, StatsCountTheStore) {
  Result<StoreStatsResult> s = GetStoreStats(Caller::Local(), ws_);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  const OrderedJson j = StoreStatsJson(s->stats);
  EXPECT_EQ(j["publications"], kDocs);
  int64_t by_year = 0;
  for (const auto& [year, n] : j["by_year"].items()) by_year += n.get<int64_t>();
  EXPECT_EQ(by_year, static_cast<int64_t>(kDocs));
  EXPECT_EQ(GetStoreStats(Caller::Anonymous(), ws_).status().code(), StatusCode::kUnauthenticated);
}

TEST_F(PatentDataTest, ExportStreamsInChunksTheCanonicalLines) {
  std::vector<size_t> chunks;
  const std::string jsonl = Export({.chunk_bytes = 4096}, Caller::Local(), nullptr, &chunks);
  EXPECT_GT(chunks.size(), 2u);
  for (size_t i = 0; i + 1 < chunks.size(); ++i) EXPECT_GE(chunks[i], 4096u);
  // The canonical lines of every record, in publication-number order.
  std::string expected;
  ASSERT_TRUE(ws_.WithStore([&](PatentStore& store) {
    return store.ForEach([&](const PatentRecord& r) {
      expected += RecordToJsonLine(r) + "\n";
      return true;
    });
  }).ok());
  EXPECT_EQ(jsonl, expected);
  EXPECT_EQ(Lines(jsonl).size(), kDocs);
  // One chunk or many: the same bytes.
  EXPECT_EQ(Export({}, Caller::Local()), jsonl);

  // The CLI's export is this call.
  const fs::path bin = patnav::testing::PatnavBinary();
  if (!bin.empty() && fs::exists(bin)) {
    patnav::testing::ScratchDir dir;
    patnav::testing::CommandOutcome cli =
        patnav::testing::RunPatnav(dir, {"export", "--db", DataDir().string(), "--format", "jsonl"});
    EXPECT_EQ(cli.code, 0) << cli.err;
    EXPECT_EQ(cli.out, jsonl);
    cli = patnav::testing::RunPatnav(dir, {"export", "--db", DataDir().string(), "--format", "csv"});
    EXPECT_EQ(cli.code, 0) << cli.err;
    EXPECT_EQ(cli.out, Export({.format = ExportFormat::kCsv}, Caller::Local()));
  }
}

TEST_F(PatentDataTest, ExportOfAQueryIsTheWholeExportsLinesOfItsHits) {
  const std::string all = Export({}, Caller::Local());
  Result<SearchPatentsResult> hits = SearchPatents(Caller::Local(), ws_, {.query = "PD>=2016", .limit = 10000});
  ASSERT_TRUE(hits.ok());
  std::set<std::string> pubs;
  for (const auto& h : hits->result.hits) pubs.insert(h.publication_number);
  ASSERT_GT(pubs.size(), 0u);
  ASSERT_LT(pubs.size(), kDocs);
  std::string expected;
  for (const std::string& line : Lines(all))
    if (pubs.count(nlohmann::json::parse(line)["publication_number"].get<std::string>())) expected += line + "\n";
  EXPECT_EQ(Export({.query = "PD>=2016", .chunk_bytes = 1000}, Caller::Local()), expected);

  const std::string csv = Export({.format = ExportFormat::kCsv, .query = "PD>=2016"}, Caller::Local());
  EXPECT_EQ(Lines(csv).size(), pubs.size() + 1);
  EXPECT_EQ(csv.rfind("publication_number,country,", 0), 0u);

  Status st;
  Export({.query = "TI=(battery AND"}, Caller::Local(), &st);
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseExportFormat("xml").status().code(), StatusCode::kInvalidArgument);
}

TEST_F(PatentDataTest, ExportAsXlsxHasOneRowPerHitWithTheCsvsColumns) {
  Result<SearchPatentsResult> hits = SearchPatents(Caller::Local(), ws_, {.query = "PD>=2016", .limit = 10000});
  ASSERT_TRUE(hits.ok());
  const size_t n = hits->result.hits.size();
  ASSERT_GT(n, 2u);
  const std::vector<std::string> csv =
      Lines(Export({.format = ExportFormat::kCsv, .query = "PD>=2016"}, Caller::Local()));

  const std::string both = Export({.format = ExportFormat::kXlsx, .query = "PD>=2016", .chunk_bytes = 4096},
                                  Caller::Local());
  ASSERT_EQ(both.rfind("PK", 0), 0u);
  SheetBack sheet = ReadFirstSheet(both);
  EXPECT_EQ(sheet.name, "hits 检索结果");
  ASSERT_EQ(sheet.rows.size(), n + 1);
  const std::vector<std::string>& header = sheet.rows[0].fields;
  ASSERT_EQ(header.size(), 21u);
  EXPECT_EQ(header[0], "publication number 公开号");
  EXPECT_EQ(header[4], "publication date 公开日");
  EXPECT_EQ(header[12], "applicants 申请人");
  EXPECT_EQ(header[18], "claims 权利要求数");
  std::set<std::string> pubs, listed;
  for (const auto& h : hits->result.hits) pubs.insert(h.publication_number);
  for (size_t i = 1; i < sheet.rows.size(); ++i) {
    listed.insert(sheet.rows[i].fields.at(0));
    // Each row is the CSV's row: its publication number and its dates as ISO text.
    EXPECT_EQ(csv.at(i).rfind(sheet.rows[i].fields.at(0) + ",", 0), 0u) << csv.at(i);
    EXPECT_EQ(sheet.rows[i].fields.at(4).size(), 10u);
  }
  EXPECT_EQ(listed, pubs);

  SheetBack zh = ReadFirstSheet(Export({.format = ExportFormat::kXlsx, .query = "PD>=2016", .language = "zh"},
                                       Caller::Local()));
  EXPECT_EQ(zh.name, "检索结果");
  ASSERT_FALSE(zh.rows.empty());
  EXPECT_EQ(zh.rows[0].fields.at(0), "公开号");
  EXPECT_EQ(zh.rows[0].fields.at(10), "标题");
  SheetBack en = ReadFirstSheet(Export({.format = ExportFormat::kXlsx, .query = "PD>=2016", .language = "en"},
                                       Caller::Local()));
  ASSERT_FALSE(en.rows.empty());
  EXPECT_EQ(en.rows[0].fields.at(0), "publication number");

  Status st;
  Export({.format = ExportFormat::kXlsx, .language = "fr"}, Caller::Local(), &st);
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseExportFormat("xlsx").value(), ExportFormat::kXlsx);
  EXPECT_EQ(ExportFileName(ExportFormat::kXlsx), "patents.xlsx");

  // The CLI writes the same sheet to --out, and refuses a workbook on standard output.
  const fs::path bin = patnav::testing::PatnavBinary();
  if (!bin.empty() && fs::exists(bin)) {
    patnav::testing::ScratchDir dir;
    const fs::path out = dir.path() / "hits.xlsx";
    patnav::testing::CommandOutcome cli = patnav::testing::RunPatnav(
        dir, {"export", "--db", DataDir().string(), "--format", "xlsx", "--query", "PD>=2016", "--lang", "zh",
              "--out", out.string()});
    EXPECT_EQ(cli.code, 0) << cli.err;
    std::ifstream in(out, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    SheetBack file = ReadFirstSheet(bytes);
    EXPECT_EQ(file.name, "检索结果");
    EXPECT_EQ(file.rows.size(), n + 1);
    cli = patnav::testing::RunPatnav(dir, {"export", "--db", DataDir().string(), "--format", "xlsx"});
    EXPECT_NE(cli.code, 0);
    EXPECT_NE(cli.err.find("--out"), std::string::npos) << cli.err;
    EXPECT_TRUE(cli.out.empty());
  }
}

TEST_F(PatentDataTest, ExportAsXlsxPastTheRowLimitSaysHowManyWereLeftOut) {
  std::string out;
  Result<ExportResult> r = ExportPatents(Caller::Local(), ws_,
                                         {.format = ExportFormat::kXlsx, .xlsx_max_rows = 5},
                                         [&](std::string_view chunk) {
                                           out.append(chunk);
                                           return Status::OK();
                                         });
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->records, 5u);
  EXPECT_EQ(r->left_out, kDocs - 5);
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_NE(r->warnings[0].find(std::to_string(kDocs - 5) + " of " + std::to_string(kDocs) + " records left out"),
            std::string::npos)
      << r->warnings[0];
  SheetBack sheet = ReadFirstSheet(out);
  ASSERT_EQ(sheet.rows.size(), 1u + 5u + 1u);
  EXPECT_EQ(sheet.rows.back().fields.at(0), "… " + std::to_string(kDocs - 5) + " more rows not shown");
  Status st;
  Export({.format = ExportFormat::kXlsx, .xlsx_max_rows = kXlsxMaxRecords + 1}, Caller::Local(), &st);
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
}

TEST_F(PatentDataTest, ExportStopsAtAFailingSinkAndAtCancellation) {
  int calls = 0;
  Result<ExportResult> failed = ExportPatents(Caller::Local(), ws_, {.chunk_bytes = 1000}, [&](std::string_view) {
    return ++calls == 2 ? Status::IOError("disk full") : Status::OK();
  });
  EXPECT_EQ(failed.status().code(), StatusCode::kIOError);
  EXPECT_NE(failed.status().message().find("disk full after "), std::string::npos) << failed.status().message();
  EXPECT_EQ(calls, 2);

  std::atomic<bool> cancel{false};
  uint64_t seen = 0;
  Result<ExportResult> cancelled = ExportPatents(
      Caller::Local(), ws_, {.chunk_bytes = 1000},
      [&](std::string_view) {
        cancel = true;
        ++seen;
        return Status::OK();
      },
      &cancel);
  ASSERT_TRUE(cancelled.ok()) << cancelled.status().ToString();
  EXPECT_TRUE(cancelled->cancelled);
  EXPECT_LT(cancelled->records, kDocs);
  EXPECT_GE(seen, 1u);
}

TEST_F(PatentDataTest, WhoMayExport) {
  Status st;
  Export({}, Caller::Anonymous(/*public_search=*/true), &st);
  EXPECT_EQ(st.code(), StatusCode::kUnauthenticated);
  Export({}, UserWith(domain::Role::kMember), &st);
  EXPECT_EQ(st.code(), StatusCode::kPermissionDenied);
  Export({}, UserWith(domain::Role::kAnalyst), &st);
  EXPECT_TRUE(st.ok()) << st.ToString();
}

TEST_F(PatentDataTest, LandscapeAsJsonHtmlAndXlsxBytes) {
  Result<LandscapeReportResult> json =
      RunLandscapeReport(Caller::Local(), ws_, {.only = {"trend", "top_applicants"}});
  ASSERT_TRUE(json.ok()) << json.status().ToString();
  const nlohmann::json j = nlohmann::json::parse(json->bytes);
  EXPECT_EQ(j["meta"]["patents"], kDocs);
  EXPECT_TRUE(j.contains("trend"));
  EXPECT_FALSE(j.contains("members_vs_others"));
  EXPECT_EQ(json->patents, kDocs);
  EXPECT_EQ(json->analyses, 2u);
  EXPECT_EQ(json->bytes.back(), '\n');

  const std::string top = j["top_applicants"][0]["name"];
  Result<LandscapeReportResult> members = RunLandscapeReport(
      Caller::Local(), ws_,
      {.query = "PD>=2010", .members = {top, "Nobody Such Corp"}, .only = {"members_vs_others"}});
  ASSERT_TRUE(members.ok()) << members.status().ToString();
  ASSERT_EQ(members->warnings.size(), 1u);
  EXPECT_EQ(members->warnings[0], "member 'Nobody Such Corp' is not an applicant in the store");
  EXPECT_LT(members->patents, kDocs);

  Result<LandscapeReportResult> html =
      RunLandscapeReport(Caller::Local(), ws_, {.only = {"trend"}, .format = LandscapeFormat::kHtml});
  ASSERT_TRUE(html.ok()) << html.status().ToString();
  EXPECT_NE(html->bytes.find("<html"), std::string::npos);
  Result<LandscapeReportResult> xlsx =
      RunLandscapeReport(Caller::Local(), ws_, {.only = {"trend"}, .format = LandscapeFormat::kXlsx});
  ASSERT_TRUE(xlsx.ok()) << xlsx.status().ToString();
  EXPECT_EQ(xlsx->bytes.substr(0, 2), "PK");
  EXPECT_TRUE(fs::is_empty(DataDir() / "tmp"));

  EXPECT_EQ(RunLandscapeReport(Caller::Local(), ws_, {.only = {"nonsense"}}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(RunLandscapeReport(Caller::Local(), ws_, {.top = 0}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(RunLandscapeReport(Caller::Local(), ws_, {.language = "fr"}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(RunLandscapeReport(Caller::Local(), ws_, {.query = "TI=("}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(RunLandscapeReport(UserWith(domain::Role::kLicensee), ws_, {}).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(ParseMemberNames("\xEF\xBB\xBF# alliance\r\n  Acme Corp \r\n\nBeta\n"),
            (std::vector<std::string>{"Acme Corp", "Beta"}));
}

// The landscape's legal breakdown counts what LS= finds: both read the state
// the index holds (no patent of the corpus expires between the two calls).
TEST_F(PatentDataTest, LandscapeLegalStatusAgreesWithTheLsSearch) {
  Result<LandscapeReportResult> r = RunLandscapeReport(Caller::Local(), ws_, {.query = "PD>=2010"});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const nlohmann::json j = nlohmann::json::parse(r->bytes);
  ASSERT_TRUE(j.contains("legal_status"));
  const nlohmann::json& legal = j["legal_status"];
  EXPECT_EQ(legal["patents"], r->patents);
  ASSERT_EQ(legal["expired_since_indexing"], 0);  // indexed today
  int64_t sum = 0;
  for (const char* group : {"live", "dead", "pending"}) {
    Result<SearchPatentsResult> hits =
        SearchPatents(Caller::Local(), ws_, {.query = std::string("PD>=2010 AND LS=") + group, .limit = 1});
    ASSERT_TRUE(hits.ok()) << hits.status().ToString();
    EXPECT_EQ(legal[group].get<int64_t>(), hits->result.total) << group;
    sum += legal[group].get<int64_t>();
  }
  EXPECT_GT(legal["live"].get<int64_t>(), 0);
  EXPECT_EQ(sum + legal["unknown"].get<int64_t>(), static_cast<int64_t>(r->patents));
  EXPECT_EQ(legal["as_of"].get<std::string>().size(), 10u);
  ASSERT_FALSE(r->presentation.is_null());
  bool read = false;
  for (const auto& section : r->presentation["sections"])
    if (section["name"] == "legal_status") read = section["reading_zh"].get<std::string>().find("有效") != std::string::npos;
  EXPECT_TRUE(read) << r->presentation.dump();
}

TEST_F(PatentDataTest, ValueOfAPublicationOrAQuery) {
  const std::string pn = FirstPublication();
  Result<PatentValueResult> one = ValuePatents(Caller::Local(), ws_, {.publications = {pn}, .as_of = "2025-01-01"});
  ASSERT_TRUE(one.ok()) << one.status().ToString();
  const OrderedJson j = PatentValuesJson(one->values);
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["publication_number"], pn);
  EXPECT_EQ(j[0]["indicators"].size(), 14u);

  Result<PatentValueResult> top = ValuePatents(Caller::Local(), ws_, {.query = "PD>=1900", .limit = 3});
  ASSERT_TRUE(top.ok()) << top.status().ToString();
  EXPECT_EQ(top->values.size(), 3u);
  Result<PatentValueResult> none = ValuePatents(Caller::Local(), ws_, {.query = "PD>=2200"});
  ASSERT_TRUE(none.ok()) << none.status().ToString();
  EXPECT_TRUE(none->values.empty());
  EXPECT_EQ(none->warnings, (std::vector<std::string>{"no publication matches the query"}));

  EXPECT_EQ(ValuePatents(Caller::Local(), ws_, {.publications = {pn}, .query = "PD>=1900"}).status().code(),
            StatusCode::kInvalidArgument);
  Result<PatentValueResult> unknown = ValuePatents(Caller::Local(), ws_, {.publications = {"US9999999B2"}});
  EXPECT_EQ(unknown.status().code(), StatusCode::kNotFound);
  EXPECT_NE(unknown.status().message().find("unknown patent"), std::string::npos);
  // Saving needs an operations database, and the right to write patent data.
  EXPECT_EQ(ValuePatents(Caller::Local(), ws_, {.publications = {pn}, .save = true}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(ValuePatents(UserWith(domain::Role::kMember), ws_, {.publications = {pn}, .save = true}).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_TRUE(ValuePatents(UserWith(domain::Role::kMember), ws_, {.publications = {pn}}).ok());
}

}  // namespace
}  // namespace patnav::app
