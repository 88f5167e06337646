// Tests of the tabular readers on the real Google Patents and PatentsView
// exports in ../shared/data and on the small tables in tests/data/tables.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "model/record_json.h"
#include "readers/canonical_jsonl_reader.h"
#include "readers/google_patents_csv_reader.h"
#include "readers/mapped_table_reader.h"
#include "readers/patentsview_csv_reader.h"
#include "readers/table_mapping.h"
#include "testing.h"

namespace patnav {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::SharedData;
using testing::TestData;

struct Collected : RecordSink {
  std::vector<PatentRecord> records;
  std::vector<Rejection> rejections;
  void OnRecord(PatentRecord&& r) override { records.push_back(std::move(r)); }
  void OnReject(Rejection&& r) override { rejections.push_back(std::move(r)); }
  const PatentRecord* Find(std::string_view pn) const {
    for (const auto& r : records) if (r.publication_number == pn) return &r;
    return nullptr;
  }
  std::string Rejected() const {
    std::string s;
    for (const auto& r : rejections) s += r.file + "#" + std::to_string(r.doc_index) + ": " + r.reason + "\n";
    return s;
  }
};

Collected ReadWith(Reader& reader, std::string_view data, std::string label, Status* status = nullptr) {
  Collected out;
  auto src = NewStringSource(data, std::move(label));
  Status st = reader.Read(*src, out);
  if (status) *status = st;
  else EXPECT_TRUE(st.ok()) << st.ToString();
  return out;
}

// Reads `data` with the mapped reader chosen from its head.
Collected ReadMapped(std::string_view data, std::string label, const ReaderOptions& options = {}) {
  Result<std::unique_ptr<Reader>> reader = NewMappedTableReader(data.substr(0, 65536), options);
  EXPECT_TRUE(reader.ok()) << reader.status().ToString();
  if (!reader.ok()) return {};
  return ReadWith(**reader, data, std::move(label));
}

std::string Tables(const char* name) { return (TestData() / "tables" / name).string(); }

// --- Google Patents -------------------------------------------------------

struct GoogleFile {
  const char* name;
  size_t rows;
};

TEST(GooglePatentsCsv, EveryRowOfEveryExport) {
  PATNAV_REQUIRE_SHARED_DATA();
  const GoogleFile files[] = {{"gp-search-20181012-181513.csv", 909},      {"gp-search-artificial-intelligence.csv", 750},
                              {"gp-search-computer-science.csv", 752},     {"gp-search-deep-neural-networks.csv", 700},
                              {"gp-search-machine-learning.csv", 736},     {"gp-search-recurrent-neural-networks.csv", 697}};
  for (const auto& f : files) {
    fs::path path = SharedData() / "google-patents" / f.name;
    std::string data = ReadFile(path);
    EXPECT_TRUE(LooksLikeGooglePatentsCsv(data.substr(0, 65536))) << f.name;
    auto reader = NewGooglePatentsCsvReader();
    Collected c = ReadWith(*reader, data, path.string());
    EXPECT_EQ(c.records.size(), f.rows) << f.name;
    EXPECT_TRUE(c.rejections.empty()) << c.Rejected();
    for (const auto& r : c.records) {
      ASSERT_EQ(r.publication_number, r.country + r.doc_number + r.kind);
      ASSERT_FALSE(r.kind.empty()) << r.publication_number;
      ASSERT_EQ(r.source.format, "google-patents-csv");
      ASSERT_EQ(r.source.file, path.string());
    }
  }
}

TEST(GooglePatentsCsv, HeaderFirstExportWithUsDates) {
  PATNAV_REQUIRE_SHARED_DATA();
  auto reader = NewGooglePatentsCsvReader();
  Collected c = ReadWith(*reader, ReadFile(SharedData() / "google-patents" / "gp-search-20181012-181513.csv"), "gp.csv");
  const PatentRecord* r = c.Find("US8271025B2");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->source.doc_index, 2);
  EXPECT_EQ(r->title.at("en"), "Device network technology selection and display in multi-technology wireless environments");
  EXPECT_EQ(r->priority_date, "2008-10-20");  // 10/20/2008
  EXPECT_EQ(r->filing_date, "2008-10-20");
  EXPECT_EQ(r->publication_date, "2012-09-18");
  EXPECT_EQ(r->grant_date, "2012-09-18");
  ASSERT_EQ(r->inventors.size(), 3u);
  EXPECT_EQ(r->inventors[2].name, "Choi-Grogan, Yung");
  ASSERT_EQ(r->assignees.size(), 1u);
  EXPECT_EQ(r->assignees[0].name, "At&T Mobility Ii Llc");
  EXPECT_EQ(r->assignees[0].normalized, "ATT MOBILITY II");
  EXPECT_EQ(r->applicants.size(), 1u);

  r = c.Find("US5728098A");  // "Sdgi Holdings, Inc." is one assignee
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->filing_date, "1996-11-07");
  EXPECT_EQ(r->publication_date, "1998-03-17");
  ASSERT_EQ(r->assignees.size(), 1u);
  EXPECT_EQ(r->assignees[0].name, "Sdgi Holdings, Inc.");
  EXPECT_EQ(r->assignees[0].normalized, "SDGI HOLDINGS");

  r = c.Find("US6675149B1");  // "Joseph L. Temple, III" is one inventor
  ASSERT_NE(r, nullptr);
  ASSERT_EQ(r->inventors.size(), 6u);
  EXPECT_EQ(r->inventors[1].last_name, "Temple");
  EXPECT_EQ(r->priority_date, "1998-11-02");
  EXPECT_EQ(r->filing_date, "1999-08-30");
}

TEST(GooglePatentsCsv, ChineseJapaneseKoreanAndWoRows) {
  PATNAV_REQUIRE_SHARED_DATA();
  auto reader = NewGooglePatentsCsvReader();
  Collected c = ReadWith(*reader, ReadFile(SharedData() / "google-patents" / "gp-search-artificial-intelligence.csv"), "ai.csv");
  const PatentRecord* r = c.Find("CN105068661A");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->source.doc_index, 84);
  EXPECT_EQ(r->title.at("en"), "Man-machine interaction method and system based on artificial intelligence");
  ASSERT_EQ(r->assignees.size(), 1u);
  EXPECT_EQ(r->assignees[0].name, "百度在线网络技术（北京）有限公司");
  EXPECT_EQ(r->assignees[0].type, PartyType::kCompany);
  ASSERT_EQ(r->inventors.size(), 9u);
  EXPECT_EQ(r->inventors[0].name, "王海峰");
  EXPECT_EQ(r->filing_date, "2015-09-07");
  EXPECT_EQ(r->publication_date, "2015-11-18");
  EXPECT_EQ(r->grant_date, "");

  r = c.Find("JPH10207504A");  // Heisei-era number JP-H10207504-A
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->doc_number, "H10207504");
  ASSERT_EQ(r->assignees.size(), 2u);
  EXPECT_EQ(r->assignees[1].name, "株式会社小松製作所");
  ASSERT_EQ(r->inventors.size(), 2u);
  EXPECT_EQ(r->inventors[1].name, "松田, 智夫");

  r = c.Find("WO2001016860A2");  // WO-0116860-A2: two-digit year + serial
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->priority_date, "1999-08-27");

  r = c.Find("KR20020018332A");  // a person and an institute as assignees
  ASSERT_NE(r, nullptr);
  ASSERT_EQ(r->assignees.size(), 2u);
  EXPECT_EQ(r->assignees[0].type, PartyType::kIndividual);
  EXPECT_EQ(r->assignees[1].name, "한국해양연구원");
  EXPECT_NE(r->assignees[1].type, PartyType::kIndividual);
  EXPECT_EQ(r->inventors.size(), 4u);
}

TEST(GooglePatentsCsv, PersonAssigneesAndSuffixes) {
  PATNAV_REQUIRE_SHARED_DATA();
  auto reader = NewGooglePatentsCsvReader();
  Collected cs = ReadWith(*reader, ReadFile(SharedData() / "google-patents" / "gp-search-computer-science.csv"), "cs.csv");
  const PatentRecord* r = cs.Find("US5517663A");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->title.at("en"), "Animated user interface for computer program creation, control and execution");
  ASSERT_EQ(r->assignees.size(), 1u);
  EXPECT_EQ(r->assignees[0].name, "Kahn, Kenneth M.");  // "Kahn; Kenneth M."
  EXPECT_EQ(r->assignees[0].type, PartyType::kIndividual);

  Collected ml = ReadWith(*reader, ReadFile(SharedData() / "google-patents" / "gp-search-machine-learning.csv"), "ml.csv");
  r = ml.Find("US6424997B1");  // "Martin C. Buskirk, Jr., ..." is four inventors
  ASSERT_NE(r, nullptr);
  ASSERT_EQ(r->inventors.size(), 4u);
  EXPECT_EQ(r->inventors[0].last_name, "Buskirk");
  EXPECT_EQ(r->inventors[3].name, "Raaen, Marguerite");

  Collected dnn = ReadWith(*reader, ReadFile(SharedData() / "google-patents" / "gp-search-deep-neural-networks.csv"), "dnn.csv");
  r = dnn.Find("US2013138436A1");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->grant_date, "");
  EXPECT_EQ(r->publication_date, "2013-05-30");
  EXPECT_EQ(r->assignees[0].normalized, "MICROSOFT");
}

TEST(GooglePatentsCsv, CjkTitleGetsItsLanguage) {
  std::string csv =
      "id,title,assignee,inventor/author,priority date,filing/creation date,publication date,grant date,result link,"
      "representative figure link\n"
      "CN-106844774-A,一种基于深度学习的图像识别方法,清华大学,\"张伟, 李娜\",2016-01-01,2016-01-02,2017-06-13,,,\n"
      "JP-2005322002-A,複合人工知能装置,\"Kazuo Iwane, 和郎 岩根\",\"Kazuo Iwane, 和郎 岩根\",2004-05-07,2004-05-07,2005-11-17,,,\n"
      "KR-20090086805-A,자기 진화형 인공지능 로봇,이점식,이점식,2008-02-11,2008-02-11,2009-08-14,,,\n";
  auto reader = NewGooglePatentsCsvReader();
  Collected c = ReadWith(*reader, csv, "cjk.csv");
  ASSERT_EQ(c.records.size(), 3u);
  EXPECT_EQ(c.records[0].title.at("zh"), "一种基于深度学习的图像识别方法");
  EXPECT_EQ(c.records[0].assignees[0].type, PartyType::kUniversity);
  EXPECT_EQ(c.records[1].title.count("ja"), 1u);
  EXPECT_EQ(c.records[1].assignees[0].type, PartyType::kIndividual);  // also an inventor
  EXPECT_EQ(c.records[2].title.count("ko"), 1u);
  EXPECT_EQ(c.records[2].assignees[0].type, PartyType::kIndividual);
}

TEST(GooglePatentsCsv, BadRowsRejectedWithTheirLines) {
  std::string csv =
      "search URL:,https://patents.google.com/?q=x\n"
      "id,title,assignee,inventor/author,priority date,filing/creation date,publication date,grant date,result link,"
      "representative figure link\n"
      "US-8527276-B1,Speech synthesis,Google Inc.,Andrew Senior,2012-10-25,2012-10-25,2013-09-03,2013-09-03,,\n"
      "US-1-B1,too few columns,x\n"
      "not-a-number,Title,x,y,,,,,,\n"
      ",Title,x,y,,,,,,\n"
      "US-9999999-B1,Caf\xE9,x,y,,,,,,\n"
      "US-2014142929-A1,Deep neural networks training,Microsoft Corporation,Dong Yu,2012-11-20,2012-11-20,2014-05-22,,,\n"
      "US-7-B1,\"unterminated,x,y,,,,,,\n"
      "US-8-B1,after the break,x,y,,,,,,\n";
  auto reader = NewGooglePatentsCsvReader();
  Collected c = ReadWith(*reader, csv, "bad.csv");
  ASSERT_EQ(c.records.size(), 3u) << c.Rejected();
  EXPECT_EQ(c.records[0].publication_number, "US8527276B1");
  EXPECT_EQ(c.records[0].source.doc_index, 3);
  EXPECT_EQ(c.records[1].publication_number, "US2014142929A1");
  EXPECT_EQ(c.records[2].publication_number, "US8B1");
  EXPECT_EQ(c.records[2].source.doc_index, 10);
  ASSERT_EQ(c.rejections.size(), 5u) << c.Rejected();
  EXPECT_EQ(c.rejections[0].doc_index, 4);
  EXPECT_EQ(c.rejections[0].reason, "expected 10 columns, got 3");
  EXPECT_EQ(c.rejections[0].file, "bad.csv");
  EXPECT_EQ(c.rejections[1].doc_index, 5);
  EXPECT_NE(c.rejections[1].reason.find("not-a-number"), std::string::npos) << c.rejections[1].reason;
  EXPECT_EQ(c.rejections[2].doc_index, 6);
  EXPECT_NE(c.rejections[2].reason.find("no publication number"), std::string::npos);
  EXPECT_EQ(c.rejections[3].doc_index, 7);
  EXPECT_EQ(c.rejections[3].reason, "invalid UTF-8 in column 2");
  EXPECT_EQ(c.rejections[4].doc_index, 9);
  EXPECT_EQ(c.rejections[4].reason, "unterminated quote in column 2");
}

TEST(GooglePatentsCsv, Detection) {
  EXPECT_TRUE(LooksLikeGooglePatentsCsv("id,title,assignee,inventor/author,priority date\nUS-1-A,..."));
  EXPECT_TRUE(LooksLikeGooglePatentsCsv("\xEF\xBB\xBFsearch URL:,https://x\nid,title,assignee,inventor/author,p\n"));
  EXPECT_FALSE(LooksLikeGooglePatentsCsv("patent_abstract,patent_date,patent_number,patent_title\n"));
  EXPECT_FALSE(LooksLikeGooglePatentsCsv("a\nb\nid,title,assignee,inventor/author\n"));
  auto reader = NewGooglePatentsCsvReader();
  Status st;
  Collected c = ReadWith(*reader, "x,y\n1,2\n", "nohead.csv", &st);
  EXPECT_EQ(st.code(), StatusCode::kUnsupported);
}

// --- PatentsView ----------------------------------------------------------

TEST(PatentsView, RealQueryExport) {
  PATNAV_REQUIRE_SHARED_DATA();
  fs::path path = SharedData() / "patentsview" / "neural_network_patent_query.csv";
  std::string data = ReadFile(path);
  EXPECT_TRUE(LooksLikePatentsView(data.substr(0, 65536)));
  EXPECT_FALSE(LooksLikeGooglePatentsCsv(data.substr(0, 65536)));
  auto reader = NewPatentsViewReader();
  Collected c = ReadWith(*reader, data, path.string());
  EXPECT_EQ(c.records.size(), 3522u);
  EXPECT_TRUE(c.rejections.empty()) << c.Rejected();

  const PatentRecord& first = c.records[0];  // heavily quoted title and abstract
  EXPECT_EQ(first.publication_number, "US5535303A");
  EXPECT_EQ(first.source.doc_index, 2);
  EXPECT_EQ(first.source.format, "patentsview-csv");
  EXPECT_EQ(first.publication_date, "1996-07-09");
  EXPECT_EQ(first.grant_date, "1996-07-09");
  EXPECT_EQ(first.title.at("en"), "\"Barometer\" neuron for a neural network");
  EXPECT_TRUE(first.abstract_text.at("en").starts_with("A \"Barometer\" Neuron enhances stability in a Neural Network"));
  EXPECT_TRUE(first.abstract_text.at("en").ends_with("of the \"perfect\" pair."));

  const PatentRecord* r = c.Find("US9984683B");  // after 2001: "B" = B1 or B2
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->source.doc_index, 292);
  EXPECT_EQ(r->title.at("en"), "Automatic speech recognition using multi-dimensional models");
  EXPECT_EQ(r->grant_date, "2018-05-29");
  EXPECT_NE(c.Find("USRE36823E"), nullptr);
  EXPECT_NE(c.Find("USH2215H"), nullptr);
  EXPECT_NE(c.Find("US5255349A"), nullptr);
}

TEST(PatentsView, OptionalColumnsAndRowsOfOnePatentMerged) {
  std::string tsv =
      "patent_number\tpatent_title\tpatent_date\tpatent_kind\tapp_date\tassignee_organization\tinventor_first_name\t"
      "inventor_last_name\tcpc_subgroup_id\tpatent_num_claims\n"
      "10002222\tNeural thing\t2018-06-19\tB2\t2016-03-05\tAcme Corp.\tJane\tDoe\tG06N3/08\t20\n"
      "10002222\tNeural thing\t2018-06-19\tB2\t2016-03-05\tAcme Corp.\tJohn\tRoe\tG06N3/04\t20\n"
      "\tNo number\t2018-06-19\tB2\t\t\t\t\t\t\n"
      "10002223\tOther\t2018-06-19\t\t\t\tMax\tMuster\t\t\n";
  EXPECT_TRUE(LooksLikePatentsView(tsv));
  auto reader = NewPatentsViewReader();
  Collected c = ReadWith(*reader, tsv, "pv.tsv");
  ASSERT_EQ(c.records.size(), 2u) << c.Rejected();
  const PatentRecord& r = c.records[0];
  EXPECT_EQ(r.publication_number, "US10002222B2");
  EXPECT_EQ(r.filing_date, "2016-03-05");
  EXPECT_EQ(r.claims_count, 20);
  ASSERT_EQ(r.inventors.size(), 2u);
  EXPECT_EQ(r.inventors[1].name, "Roe, John");
  ASSERT_EQ(r.assignees.size(), 1u);
  EXPECT_EQ(r.cpc, (std::vector<std::string>{"G06N 3/08", "G06N 3/04"}));
  EXPECT_EQ(r.source.doc_index, 2);
  EXPECT_EQ(c.records[1].publication_number, "US10002223B");
  ASSERT_EQ(c.rejections.size(), 1u);
  EXPECT_EQ(c.rejections[0].doc_index, 4);
}

TEST(PatentsView, KindConvention) {
  EXPECT_EQ(PatentsViewKind("5535303", "1996-07-09", ""), "A");
  EXPECT_EQ(PatentsViewKind("6169981", "2001-01-02", ""), "B");
  EXPECT_EQ(PatentsViewKind("6169981", "", "utility"), "B");
  EXPECT_EQ(PatentsViewKind("RE36823", "2000-08-15", ""), "E");
  EXPECT_EQ(PatentsViewKind("H2215", "2008-04-01", ""), "H");
  EXPECT_EQ(PatentsViewKind("D435854", "2001-01-02", "design"), "S");
  EXPECT_EQ(PatentsViewKind("PP12345", "2001-05-01", ""), "P");
}

TEST(PatentsView, BadRows) {
  std::string csv =
      "patent_abstract,patent_date,patent_number,patent_title\n"
      "Abstract one,2018-05-29,9984683,Title one\n"
      "Abstract two,2018-05-29,9984684\n"
      "Abstract three,2018-05-29,WO2017123456,Title three\n"
      "Abstract four,2018-05-29,9984685,Title four\n";
  auto reader = NewPatentsViewReader();
  Collected c = ReadWith(*reader, csv, "pv.csv");
  ASSERT_EQ(c.records.size(), 2u);
  ASSERT_EQ(c.rejections.size(), 2u);
  EXPECT_EQ(c.rejections[0].doc_index, 3);
  EXPECT_EQ(c.rejections[0].reason, "expected 4 columns, got 3");
  EXPECT_EQ(c.rejections[1].doc_index, 4);
  EXPECT_EQ(c.records[1].source.doc_index, 5);
}

// --- Mapped tables --------------------------------------------------------

void ExpectChineseExport(const Collected& c, const std::string& label) {
  ASSERT_EQ(c.records.size(), 3u) << c.Rejected();
  EXPECT_TRUE(c.rejections.empty()) << c.Rejected();
  const PatentRecord& a = c.records[0];
  EXPECT_EQ(a.publication_number, "CN113012345A");
  EXPECT_EQ(a.source.format, "csv-mapped");
  EXPECT_EQ(a.source.file, label);
  EXPECT_EQ(a.source.doc_index, 3);
  EXPECT_EQ(a.application_number, "CN202110245678.9");
  EXPECT_EQ(a.filing_date, "2021-03-05");
  EXPECT_EQ(a.publication_date, "2021-06-22");  // 2021.06.22
  EXPECT_EQ(a.language, "zh");
  EXPECT_EQ(a.title.at("zh"), "一种锂离子电池正极材料及其制备方法");
  // The quoted abstract spans two lines; the line break between CJK text goes.
  EXPECT_EQ(a.abstract_text.at("zh"), "本发明公开了一种锂离子电池正极材料，该材料包括镍钴锰三元前驱体，具有较高的\"比容量\"。");
  ASSERT_EQ(a.claims.size(), 1u);
  EXPECT_EQ(a.claims[0].num, 1);
  EXPECT_EQ(a.claims[0].independent, true);
  EXPECT_EQ(a.claims[0].text, "1.一种锂离子电池正极材料，其特征在于，包括镍钴锰三元前驱体。");
  ASSERT_EQ(a.applicants.size(), 2u);
  EXPECT_EQ(a.applicants[0].normalized, "宁德时代新能源科技");
  EXPECT_EQ(a.applicants[0].city, "宁德市");
  EXPECT_EQ(a.applicants[1].type, PartyType::kUniversity);
  EXPECT_EQ(a.inventors.size(), 3u);
  EXPECT_EQ(a.ipc, (std::vector<std::string>{"H01M 4/505", "H01M 4/525", "H01M 10/0525"}));
  ASSERT_EQ(a.priority_claims.size(), 1u);
  EXPECT_EQ(a.priority_claims[0].country, "CN");
  EXPECT_EQ(a.priority_claims[0].doc_number, "202010123456.7");
  EXPECT_EQ(a.priority_claims[0].date, "2020-03-05");
  EXPECT_EQ(a.priority_date, "2020-03-05");

  const PatentRecord& b = c.records[1];
  EXPECT_EQ(b.publication_number, "CN210123456U");  // "CN 210123456 U"
  EXPECT_EQ(b.source.doc_index, 5);
  EXPECT_EQ(b.filing_date, "2019-03-15");           // 20190315
  EXPECT_EQ(b.publication_date, "2020-03-06");      // 2020/3/6
  EXPECT_EQ(b.ipc, (std::vector<std::string>{"H01M 10/613", "H01M 10/625"}));
  EXPECT_EQ(b.applicants[0].city, "深圳市");

  const PatentRecord& d = c.records[2];
  EXPECT_EQ(d.publication_number, "CN108777777B");
  EXPECT_EQ(d.filing_date, "2018-05-30");
  EXPECT_TRUE(d.claims.empty());
  ASSERT_EQ(d.applicants.size(), 2u);  // split on the full-width ；
  EXPECT_EQ(d.applicants[0].type, PartyType::kIndividual);
  EXPECT_EQ(d.ipc, (std::vector<std::string>{"G01R 31/367", "G06N 3/08"}));
}

TEST(MappedTable, ChineseExportUtf8WithBomAndCrlf) {
  std::string label = Tables("cn_export.csv");
  ExpectChineseExport(ReadMapped(ReadFile(label), label), label);
}

TEST(MappedTable, ChineseExportInGbk) {
  std::string label = Tables("cn_export_gbk.csv");
  std::string data = ReadFile(label);
  ASSERT_FALSE(data.empty());
  ExpectChineseExport(ReadMapped(data, label), label);
}

TEST(MappedTable, EnglishExportPreset) {
  std::string label = Tables("en_export.csv");
  Collected c = ReadMapped(ReadFile(label), label);
  ASSERT_EQ(c.records.size(), 2u) << c.Rejected();
  const PatentRecord& r = c.records[0];
  EXPECT_EQ(r.publication_number, "US2015112182A1");  // "US 2015/0112182 A1"
  EXPECT_EQ(r.abstract_text.at("en"), "A method classifies images with a convolutional network.");
  EXPECT_EQ(r.language, "");
  ASSERT_EQ(r.applicants.size(), 2u);  // split on '|'
  EXPECT_EQ(r.applicants[1].type, PartyType::kUniversity);
  ASSERT_EQ(r.inventors.size(), 2u);  // "SMITH, John; DOE, Jane": ';' wins over ','
  EXPECT_EQ(r.inventors[0].last_name, "SMITH");
  EXPECT_EQ(r.cpc, (std::vector<std::string>{"G06K 9/6256", "G06N 3/08"}));
  EXPECT_EQ(c.records[1].publication_number, "EP3404678B1");
  EXPECT_EQ(c.records[1].source.doc_index, 4);
}

TEST(MappedTable, MappingFileCsv) {
  ReaderOptions options;
  options.mapping_file = Tables("custom_mapping.json");
  std::string label = Tables("custom.csv");
  // No preset knows these headers.
  EXPECT_EQ(NewMappedTableReader(ReadFile(label), {}).status().code(), StatusCode::kNotFound);
  Collected c = ReadMapped(ReadFile(label), label, options);
  ASSERT_EQ(c.records.size(), 2u) << c.Rejected();
  const PatentRecord& r = c.records[0];
  EXPECT_EQ(r.publication_number, "EP1442058B1");
  EXPECT_EQ(r.title.at("de"), "Verfahren zur Herstellung einer Elektrode");
  EXPECT_EQ(r.publication_date, "2021-03-05");  // 05.03.2021, dmy
  ASSERT_EQ(r.inventors.size(), 2u);             // separator " / "
  EXPECT_EQ(r.inventors[0].name, "Müller, Hans");
  EXPECT_EQ(r.ipc, (std::vector<std::string>{"H01M 10/0525", "H01M 4/505"}));
  EXPECT_EQ(c.records[1].publication_date, "2020-11-12");
  EXPECT_EQ(c.records[1].source.doc_index, 3);
}

TEST(MappedTable, MappingFileTsvWithCountryAndParts) {
  ReaderOptions options;
  options.mapping_file = Tables("custom_tsv_mapping.json");
  std::string label = Tables("custom.tsv");
  Collected c = ReadMapped(ReadFile(label), label, options);
  ASSERT_EQ(c.records.size(), 2u) << c.Rejected();
  EXPECT_EQ(c.records[0].publication_number, "US10002222B2");
  EXPECT_EQ(c.records[0].filing_date, "2016-03-05");  // 3/5/2016, mdy
  EXPECT_EQ(c.records[0].title.at("en"), "Neural network training apparatus");
  EXPECT_EQ(c.records[1].publication_number, "US9999999B1");
  EXPECT_EQ(c.records[1].filing_date, "2015-12-31");
  ASSERT_EQ(c.records[1].applicants.size(), 2u);
  EXPECT_EQ(c.records[1].applicants[0].name, "Initech, Inc.");
}

TEST(MappedTable, MappingFileJsonl) {
  ReaderOptions options;
  options.mapping_file = Tables("custom_jsonl_mapping.json");
  std::string label = Tables("custom.jsonl");
  Collected c = ReadMapped(ReadFile(label), label, options);
  ASSERT_EQ(c.records.size(), 2u) << c.Rejected();
  EXPECT_EQ(c.records[0].publication_number, "CN115123456A");
  EXPECT_EQ(c.records[0].title.at("zh"), "一种神经网络加速器");
  EXPECT_EQ(c.records[0].inventors.size(), 2u);
  EXPECT_EQ(c.records[0].ipc, (std::vector<std::string>{"G06N 3/063"}));
  EXPECT_EQ(c.records[1].publication_number, "US2015112182A1");
  EXPECT_EQ(c.records[1].source.doc_index, 4);
  EXPECT_EQ(c.records[1].inventors.size(), 2u);  // "Jane Doe, John Roe"
  ASSERT_EQ(c.rejections.size(), 2u);
  EXPECT_EQ(c.rejections[0].doc_index, 2);
  EXPECT_EQ(c.rejections[0].reason, "not a JSON object");
  EXPECT_EQ(c.rejections[1].doc_index, 3);
  EXPECT_EQ(c.rejections[1].reason, "no publication number");
}

TEST(MappedTable, UnknownHeaderIsNotFoundWithTheHint) {
  Result<std::unique_ptr<Reader>> r = NewMappedTableReader("foo,bar,baz\n1,2,3\n", {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(r.status().message(), "no column mapping: give --mapping FILE (see docs/formats/mapping.md)");
  // Two known columns are not enough to call a table a patent export.
  EXPECT_EQ(NewMappedTableReader("公开号,名称,备注\nCN1A,x,y\n", {}).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(NewMappedTableReader("", {}).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(NewMappedTableReader("{\"x\": 1}\n", {}).status().code(), StatusCode::kNotFound);
}

TEST(MappedTable, BadMappingFiles) {
  testing::ScratchDir dir;
  auto write = [&](const char* name, std::string_view text) {
    fs::path p = dir.path() / name;
    testing::WriteFile(p, text);
    ReaderOptions o;
    o.mapping_file = p.string();
    return o;
  };
  std::string head = "a,b\n1,2\n";
  EXPECT_EQ(NewMappedTableReader(head, write("nojson.json", "{not json")).status().code(), StatusCode::kInvalidArgument);
  Status unknown = NewMappedTableReader(head, write("unknown.json", R"({"columns": {"a": "titel"}})")).status();
  EXPECT_EQ(unknown.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(unknown.message().find("unknown field \"titel\""), std::string::npos) << unknown.message();
  EXPECT_EQ(NewMappedTableReader(head, write("nonumber.json", R"({"columns": {"a": "title"}})")).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(NewMappedTableReader(head, write("format.json", R"({"format": "xls", "columns": {"a": "publication_number"}})"))
                .status().code(),
            StatusCode::kInvalidArgument);
  // Valid mapping, but the table has no column it names.
  EXPECT_EQ(NewMappedTableReader(head, write("other.json", R"({"columns": {"pn": "publication_number"}})")).status().code(),
            StatusCode::kNotFound);
  ReaderOptions missing;
  missing.mapping_file = (dir.path() / "absent.json").string();
  EXPECT_EQ(NewMappedTableReader(head, missing).status().code(), StatusCode::kIOError);
}

TEST(MappedTable, BadRowsRejectedWithTheirLines) {
  std::string csv =
      "公开号,名称,申请日,发明人\n"
      "CN1001A,\"第一\",2020-01-01,张伟\n"
      "CN1002A,列数不对\n"
      ",无公开号,2020-01-03,李娜\n"
      "CN1004A,\xB5\xE7,2020-01-04,王强\n"
      "CN1005A,第五,2020-01-05,刘洋\n"
      "CN1006A,\"未闭合,2020-01-06,赵六\n"
      "CN1007A,第七,2020-01-07,钱七\n";
  Collected c = ReadMapped(csv, "bad.csv");
  std::vector<std::string> numbers;
  for (const auto& r : c.records) numbers.push_back(r.publication_number);
  EXPECT_EQ(numbers, (std::vector<std::string>{"CN1001A", "CN1005A", "CN1007A"}));
  ASSERT_EQ(c.rejections.size(), 4u) << c.Rejected();
  EXPECT_EQ(c.rejections[0].doc_index, 3);
  EXPECT_EQ(c.rejections[0].reason, "expected 4 columns, got 2");
  EXPECT_EQ(c.rejections[1].doc_index, 4);
  EXPECT_EQ(c.rejections[1].reason, "no publication number");
  EXPECT_EQ(c.rejections[2].doc_index, 5);
  EXPECT_EQ(c.rejections[2].reason, "invalid UTF-8 in column 2");
  EXPECT_EQ(c.rejections[3].doc_index, 7);
  EXPECT_EQ(c.rejections[3].reason, "unterminated quote in column 2");
  EXPECT_EQ(c.records[2].source.doc_index, 8);
}

TEST(TableMapping, SplittingAndHeaderNames) {
  EXPECT_EQ(SplitMultiValue("a; b；c | d", "", false), (std::vector<std::string>{"a", "b", "c", "d"}));
  EXPECT_EQ(SplitMultiValue("Jane Doe, John Roe", "", true), (std::vector<std::string>{"Jane Doe", "John Roe"}));
  EXPECT_EQ(SplitMultiValue("Acme, Inc.", "", false), (std::vector<std::string>{"Acme, Inc."}));
  EXPECT_EQ(SplitMultiValue("张伟，李娜", "", true), (std::vector<std::string>{"张伟", "李娜"}));
  EXPECT_EQ(SplitMultiValue("x;;y;", "", false), (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(SplitMultiValue("a / b;c", " / ", false), (std::vector<std::string>{"a", "b;c"}));
  EXPECT_EQ(NormalizeHeaderName("公开（公告）号"), NormalizeHeaderName("公开(公告)号"));
  EXPECT_EQ(NormalizeHeaderName(" Publication Number "), "publicationnumber");
  EXPECT_EQ(NormalizeDateWithOrder("05/03/2021", DateOrder::kDayFirst), "2021-03-05");
  EXPECT_EQ(NormalizeDateWithOrder("05/03/2021", DateOrder::kMonthFirst), "2021-05-03");
  EXPECT_EQ(NormalizeDateWithOrder("2021.3.5", DateOrder::kDayFirst), "2021-03-05");
}

// --- Canonical JSONL ------------------------------------------------------

TEST(CanonicalJsonl, ExportReadsBackToTheSameRecords) {
  std::string label = Tables("cn_export.csv");
  Collected original = ReadMapped(ReadFile(label), label);
  ASSERT_EQ(original.records.size(), 3u);
  std::string jsonl;
  for (const auto& r : original.records) jsonl += RecordToJsonLine(r) + "\n";
  EXPECT_TRUE(LooksLikeCanonicalJsonl(jsonl));
  // The mapped reader hands canonical JSONL to the canonical reader.
  Result<std::unique_ptr<Reader>> viaMapped = NewMappedTableReader(jsonl, {});
  ASSERT_TRUE(viaMapped.ok());
  EXPECT_EQ((*viaMapped)->name(), "canonical-jsonl");

  auto reader = NewCanonicalJsonlReader();
  Collected back = ReadWith(*reader, jsonl, "export.jsonl");
  ASSERT_EQ(back.records.size(), 3u) << back.Rejected();
  for (size_t i = 0; i < 3; ++i) {
    PatentRecord expected = original.records[i];
    expected.source = {"canonical-jsonl", "export.jsonl", static_cast<int64_t>(i + 1)};
    EXPECT_EQ(RecordToJsonLine(back.records[i]), RecordToJsonLine(expected));
  }
}

TEST(CanonicalJsonl, BadLinesRejected) {
  std::string jsonl =
      "{\"publication_number\":\"US5535303A\",\"country\":\"US\",\"doc_number\":\"5535303\",\"kind\":\"A\",\"source\":{\"format\":\"x\"}}\n"
      "{\"publication_number\":\"US5\n"
      "[1,2]\n"
      "{\"title\":{\"en\":\"no number\"}}\n"
      "{\"publication_number\":\"caf\xE9\"}\n"
      "\n"
      "{\"publication_number\":\"EP1442058B1\"}\n";
  EXPECT_TRUE(LooksLikeCanonicalJsonl(jsonl));
  auto reader = NewCanonicalJsonlReader();
  Collected c = ReadWith(*reader, jsonl, "in.jsonl");
  ASSERT_EQ(c.records.size(), 2u) << c.Rejected();
  EXPECT_EQ(c.records[0].publication_number, "US5535303A");
  EXPECT_EQ(c.records[0].source.format, "canonical-jsonl");
  EXPECT_EQ(c.records[0].source.doc_index, 1);
  // Only the key was given: the parts come from it.
  EXPECT_EQ(c.records[1].country, "EP");
  EXPECT_EQ(c.records[1].doc_number, "1442058");
  EXPECT_EQ(c.records[1].kind, "B1");
  EXPECT_EQ(c.records[1].source.doc_index, 7);
  ASSERT_EQ(c.rejections.size(), 4u);
  EXPECT_EQ(c.rejections[0].doc_index, 2);
  EXPECT_EQ(c.rejections[1].doc_index, 3);
  EXPECT_EQ(c.rejections[2].doc_index, 4);
  EXPECT_EQ(c.rejections[3].doc_index, 5);
  EXPECT_EQ(c.rejections[3].reason, "invalid UTF-8");
}

TEST(CanonicalJsonl, Detection) {
  EXPECT_TRUE(LooksLikeCanonicalJsonl("{\"publication_number\":\"US1A\"}\n"));
  EXPECT_TRUE(LooksLikeCanonicalJsonl("{\"publication_number\":\"US5535303A\",\"title\":{\"en\":\"cut off"));
  EXPECT_FALSE(LooksLikeCanonicalJsonl("{\"pn\":\"US1A\"}\n"));
  EXPECT_FALSE(LooksLikeCanonicalJsonl("publication_number,title\n"));
  EXPECT_FALSE(LooksLikeCanonicalJsonl(""));
}

}  // namespace
}  // namespace patnav
