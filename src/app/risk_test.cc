// app::ScreenRisk over a generated corpus: a product description paraphrasing
// claim 1 of one patent ranks that patent first with every element
// evidenced, and once a maintenance-fee lapse of that patent is ingested the
// report no longer lists it; competitors restrict the candidates; bad
// requests are refused whole; the report renders as HTML and XLSX; real
// claims of US 8,926,509 split into their elements.
#include "app/risk.h"

#include <algorithm>
#include <cstdio>

#include <gtest/gtest.h>
#include <zip.h>

#include "app/patent_corpus_testing.h"
#include "app/patent_status.h"
#include "app/search.h"
#include "domain/claim_elements.h"
#include "domain/patent_term.h"
#include "testing.h"

namespace patnav::app {
namespace {

namespace fs = std::filesystem;
using patnav::testing::ScratchDir;
using patnav::testing::WriteFile;

// Claim 1 of US10512588B2 in the generated corpus (seed 11) is
//   "A metal-air battery, comprising: a positive electrode active material
//    that is disposed on the current collector; a positive electrode sheet
//    that is electrically connected to the carbon nanotube network; and a
//    carbon nanotube network."
// The product below says the same in other words and word forms.
constexpr const char* kPatent = "US10512588B2";
constexpr const char* kProduct =
    "The SkyCell is a metal-air battery for delivery drones. Its positive-electrode active materials are disposed "
    "over the current collectors. A positive electrode sheet electrically connects to the carbon nanotube network. "
    "Inside, a network of carbon nanotubes carries the current. The casing is recycled aluminium.";

class RiskTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    scratch_ = std::make_unique<ScratchDir>();
    fs::path corpus = scratch_->path() / "corpus.xml";
    testing::WriteCorpus(corpus, 200);
    Workspace ws({.dir = DataDir()});
    Result<IngestResult> r = Ingest(Caller::Local(), ws, {.paths = {corpus.string()}});
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    ASSERT_TRUE(r->index.has_value()) << r->index_error;
  }
  static void TearDownTestSuite() { scratch_.reset(); }
  static fs::path DataDir() { return scratch_->path() / "db"; }

  PatentRecord Record(Workspace& ws, const char* pn) {
    PatentRecord record;
    EXPECT_TRUE(ws.WithStore([&](PatentStore& store) -> Status {
                    ASSIGN_OR_RETURN(record, domain::FindPatent(store, pn));
                    return Status::OK();
                  }).ok());
    return record;
  }

  inline static std::unique_ptr<ScratchDir> scratch_;
};

// One member of the zip at `path`, "" when absent.
std::string ZipMember(const fs::path& path, const char* name) {
  int err = 0;
  zip_t* z = zip_open(path.string().c_str(), ZIP_RDONLY, &err);
  if (!z) return "";
  std::string out;
  if (zip_file_t* f = zip_fopen(z, name, 0)) {
    char buf[65536];
    for (zip_int64_t n; (n = zip_fread(f, buf, sizeof buf)) > 0;) out.append(buf, static_cast<size_t>(n));
    zip_fclose(f);
  }
  zip_close(z);
  return out;
}

RiskRequest Request(std::vector<std::string> countries = {"US"}) {
  RiskRequest r;
  r.product = kProduct;
  r.countries = std::move(countries);
  r.as_of = "2025-06-01";
  return r;
}

// The USPTO maintenance-fee line "EXP." (expired for non-payment) for `record`.
std::string ExpiryLine(const PatentRecord& record, const char* entered) {
  auto digits = [](std::string d) {
    std::erase(d, '-');
    return d;
  };
  char buf[96];
  std::snprintf(buf, sizeof buf, "%013d %8s %c %8s %8s %8s %-5s", std::stoi(record.doc_number),
                record.application_number.c_str(), 'N', digits(record.filing_date).c_str(),
                digits(record.grant_date).c_str(), entered, "EXP.");
  return buf;
}

TEST_F(RiskTest, ParaphrasedClaimRanksFirstFullyEvidencedAndLapseRemovesIt) {
  ScratchDir copy;
  fs::copy(DataDir(), copy.path() / "db", fs::copy_options::recursive);
  Workspace ws({.dir = copy.path() / "db"});
  PatentRecord record = Record(ws, kPatent);
  ASSERT_FALSE(record.claims.empty());
  ASSERT_TRUE(record.claims[0].text.find("A metal-air battery, comprising") != std::string::npos)
      << "the generated corpus changed; pick another patent: " << record.claims[0].text;

  Result<nlohmann::ordered_json> report = ScreenRisk(Caller::Local(), ws, Request());
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  const auto& patents = (*report)["patents"];
  ASSERT_FALSE(patents.empty());
  const auto& first = patents[0];
  EXPECT_EQ(first["publication_number"], kPatent);
  EXPECT_EQ(first["rank"], 1);
  EXPECT_EQ(first["tier"], "high");
  EXPECT_EQ(first["decisive_claim"], 1);
  EXPECT_EQ(first["reason"]["en"], "every element of independent claim 1 (4/4) is evidenced in the product description");
  const auto& claim1 = first["claims"][0];
  EXPECT_EQ(claim1["num"], 1);
  ASSERT_EQ(claim1["elements"].size(), 4u);
  EXPECT_EQ(claim1["elements"][0]["kind"], "preamble");
  // Each element evidenced by the sentence that paraphrases it.
  const int expected_sentence[] = {0, 1, 2, 3};
  for (int i = 0; i < 4; ++i) {
    const auto& e = claim1["elements"][i];
    EXPECT_TRUE(e["evidenced"].get<bool>()) << e.dump();
    std::vector<int> sentences;
    for (const auto& ev : e["evidence"]) sentences.push_back(ev["sentence"]);
    EXPECT_NE(std::find(sentences.begin(), sentences.end(), expected_sentence[i]), sentences.end()) << e.dump();
  }
  std::vector<std::string> matched = claim1["elements"][1]["evidence"][0]["matched"];
  EXPECT_EQ(matched, (std::vector<std::string>{"positive", "electrode", "active", "materials", "disposed", "current",
                                               "collectors"}));
  EXPECT_EQ(first["in_force"][0]["country"], "US");
  EXPECT_EQ(first["in_force"][0]["state"], "in_force");
  EXPECT_FALSE(first["owner"]["current"].empty());
  Result<PatentStatusResult> status = PatentStatus(Caller::Local(), ws, {kPatent, "US", "2025-06-01"});
  ASSERT_TRUE(status.ok());
  EXPECT_EQ(first["expiry"], status->status.expiry);
  EXPECT_EQ(first["owner"]["current"], status->status.owner.current);
  EXPECT_EQ((*report)["product"]["sentences"].size(), 5u);
  EXPECT_EQ((*report)["as_of"], "2025-06-01");
  EXPECT_EQ((*report)["searches"].size(), 2u);
  EXPECT_NE((*report)["disclaimer"]["en"].get<std::string>().find("not a legal opinion"), std::string::npos);
  EXPECT_NE((*report)["disclaimer"]["zh"].get<std::string>().find("不构成法律意见"), std::string::npos);
  for (size_t i = 1; i < patents.size(); ++i) EXPECT_NE(patents[i]["publication_number"], kPatent);

  // The 3.5-year fee unpaid: the right lapsed at the grant's fourth
  // anniversary, and the same screening no longer lists the patent.
  fs::path fees = copy.path() / "MaintFeeEvents_20240205.txt";
  WriteFile(fees, ExpiryLine(record, "20240129") + "\n");
  Result<IngestResult> ingested = testing::IngestPaths(ws, {fees.string()});
  ASSERT_TRUE(ingested.ok()) << ingested.status().ToString();
  ASSERT_EQ(ingested->legal_events_new, 1u) << (ingested->rejections.empty() ? "" : ingested->rejections[0].ToString());
  Result<nlohmann::ordered_json> after = ScreenRisk(Caller::Local(), ws, Request());
  ASSERT_TRUE(after.ok()) << after.status().ToString();
  for (const auto& p : (*after)["patents"]) EXPECT_NE(p["publication_number"], kPatent);
  bool listed_as_lapsed = false;
  for (const auto& p : (*after)["not_in_force"])
    if (p["publication_number"] == kPatent) {
      listed_as_lapsed = true;
      EXPECT_EQ(p["states"][0]["state"], "lapsed");
    }
  EXPECT_TRUE(listed_as_lapsed) << (*after)["not_in_force"].dump();
  // Before the lapse took effect it was still in force.
  RiskRequest earlier = Request();
  earlier.as_of = "2023-06-01";
  Result<nlohmann::ordered_json> before = ScreenRisk(Caller::Local(), ws, earlier);
  ASSERT_TRUE(before.ok());
  EXPECT_EQ((*before)["patents"][0]["publication_number"], kPatent);
}

TEST_F(RiskTest, TargetCountriesAndCompetitorsRestrictTheCandidates) {
  Workspace ws({.dir = DataDir()});
  Result<nlohmann::ordered_json> cn = ScreenRisk(Caller::Local(), ws, Request({"cn", "DE"}));
  ASSERT_TRUE(cn.ok()) << cn.status().ToString();
  EXPECT_TRUE((*cn)["patents"].empty());  // the corpus is US only
  EXPECT_EQ((*cn)["countries"], (std::vector<std::string>{"CN", "DE"}));
  EXPECT_EQ((*cn)["searches"][0]["filter"], "(CC=CN OR CC=DE OR CC=EP)");

  PatentRecord record = Record(ws, kPatent);
  ASSERT_FALSE(record.applicants.empty());
  RiskRequest theirs = Request();
  theirs.competitors = {record.applicants[0].name};
  Result<nlohmann::ordered_json> only = ScreenRisk(Caller::Local(), ws, theirs);
  ASSERT_TRUE(only.ok()) << only.status().ToString();
  ASSERT_FALSE((*only)["patents"].empty());
  EXPECT_EQ((*only)["patents"][0]["publication_number"], kPatent);
  RiskRequest nobody = Request();
  nobody.competitors = {"Nobody Such Holdings"};
  Result<nlohmann::ordered_json> none = ScreenRisk(Caller::Local(), ws, nobody);
  ASSERT_TRUE(none.ok()) << none.status().ToString();
  EXPECT_TRUE((*none)["patents"].empty());
}

TEST_F(RiskTest, BadRequestsAreRefusedWhole) {
  Workspace ws({.dir = DataDir()});
  auto refused = [&](RiskRequest r) {
    Result<nlohmann::ordered_json> out = ScreenRisk(Caller::Local(), ws, r);
    EXPECT_FALSE(out.ok());
    return out.ok() ? Status::OK() : out.status();
  };
  RiskRequest empty = Request();
  empty.product = "  \n ";
  Status st = refused(empty);
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(st.message().find("product description is empty"), std::string::npos) << st.ToString();
  st = refused(Request({"US", "XX"}));
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(st.message().find("'XX' is not an ISO 3166-1 country code"), std::string::npos) << st.ToString();
  EXPECT_EQ(refused(Request({})).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(refused(Request({"EP"})).code(), StatusCode::kInvalidArgument);
  RiskRequest big = Request();
  big.product = std::string(kMaxSimilarTextBytes + 1, 'a');
  EXPECT_EQ(refused(big).code(), StatusCode::kInvalidArgument);
  RiskRequest date = Request();
  date.as_of = "2025-02-30";
  EXPECT_EQ(refused(date).code(), StatusCode::kInvalidArgument);
  RiskRequest quote = Request();
  quote.competitors = {"A\" OR CC=CN"};
  EXPECT_EQ(refused(quote).code(), StatusCode::kInvalidArgument);
  RiskRequest many = Request();
  many.candidates = kMaxRiskCandidates + 1;
  EXPECT_EQ(refused(many).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ScreenRisk(Caller::Anonymous(), ws, Request()).status().code(), StatusCode::kUnauthenticated);
}

TEST_F(RiskTest, HtmlAndXlsxOfTheReport) {
  Workspace ws({.dir = DataDir()});
  RiskRequest r = Request();
  r.product += " <script>alert(1)</script>";
  Result<nlohmann::ordered_json> report = ScreenRisk(Caller::Local(), ws, r);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  Result<std::string> html = RiskReportBytes(*report, RiskFormat::kHtml, ws.dir());
  ASSERT_TRUE(html.ok()) << html.status().ToString();
  EXPECT_NE(html->find("专利风险筛查报告"), std::string::npos);
  EXPECT_NE(html->find("Patent risk screening report"), std::string::npos);
  EXPECT_NE(html->find("<mark>metal</mark>-<mark>air</mark> <mark>battery</mark>"), std::string::npos);
  EXPECT_NE(html->find("&lt;script&gt;"), std::string::npos);
  EXPECT_EQ(html->find("<script"), std::string::npos);
  EXPECT_EQ(html->find("http://"), std::string::npos);
  EXPECT_EQ(html->find("https://"), std::string::npos);
  EXPECT_NE(html->find("不构成法律意见"), std::string::npos);
  Result<std::string> xlsx = RiskReportBytes(*report, RiskFormat::kXlsx, ws.dir());
  ASSERT_TRUE(xlsx.ok()) << xlsx.status().ToString();
  EXPECT_EQ(xlsx->substr(0, 2), "PK");
  ScratchDir scratch;
  const fs::path book = scratch.path() / "risk.xlsx";
  WriteFile(book, *xlsx);
  const std::string workbook = ZipMember(book, "xl/workbook.xml");
  size_t at = 0;
  for (const char* sheet : {"summary", "patents", "elements", "legal events", "not in force"}) {
    size_t found = workbook.find(std::string("<sheet name=\"") + sheet + "\"", at);
    ASSERT_NE(found, std::string::npos) << sheet << " in " << workbook;
    at = found;
  }
  const std::string strings = ZipMember(book, "xl/sharedStrings.xml");
  EXPECT_NE(strings.find(kPatent), std::string::npos);
  EXPECT_NE(strings.find("every element of independent claim 1 (4/4) is evidenced"), std::string::npos);
  EXPECT_NE(strings.find("a carbon nanotube network"), std::string::npos);
  EXPECT_NE(strings.find("不构成法律意见"), std::string::npos);
  EXPECT_EQ(ParseRiskFormat("pdf").status().code(), StatusCode::kInvalidArgument);
}

// An EP patent counts per designated state: EP2400812 (EP Register answers)
// is in force in DE and lapsed in FR on 2025-01-01.
TEST(RiskEuropeanPatent, InForcePerDesignatedState) {
  PATNAV_REQUIRE_SHARED_DATA();
  ScratchDir dir;
  Workspace ws({.dir = dir.path() / "db"});
  Result<IngestResult> r =
      Ingest(Caller::Local(), ws, {.paths = {(patnav::testing::SharedData() / "legal" / "ep-register").string()}});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  RiskRequest request;
  request.product = "Our speaker pairs with phones over Bluetooth networking.";
  request.countries = {"DE", "FR"};
  request.as_of = "2025-01-01";
  Result<nlohmann::ordered_json> both = ScreenRisk(Caller::Local(), ws, request);
  ASSERT_TRUE(both.ok()) << both.status().ToString();
  ASSERT_EQ((*both)["patents"].size(), 1u);
  const auto& p = (*both)["patents"][0];
  EXPECT_EQ(p["publication_number"], "EP2400812B1");
  EXPECT_EQ(p["in_force"][0]["country"], "DE");
  EXPECT_EQ(p["in_force"][0]["state"], "in_force");
  EXPECT_EQ(p["in_force"][1]["country"], "FR");
  EXPECT_EQ(p["in_force"][1]["state"], "lapsed");
  EXPECT_EQ(p["tier"], "low");  // the Register gives no claims
  EXPECT_EQ(p["reason"]["en"], "no independent claim with an element to check");
  std::vector<std::string> family = p["family_countries"];
  EXPECT_NE(std::find(family.begin(), family.end(), "DE"), family.end());

  request.countries = {"FR"};
  Result<nlohmann::ordered_json> france = ScreenRisk(Caller::Local(), ws, request);
  ASSERT_TRUE(france.ok()) << france.status().ToString();
  EXPECT_TRUE((*france)["patents"].empty());
  ASSERT_EQ((*france)["not_in_force"].size(), 1u);
  EXPECT_EQ((*france)["not_in_force"][0]["states"][0]["ended_on"], "2020-06-30");

  request.product = "zzqx";
  Result<nlohmann::ordered_json> nothing = ScreenRisk(Caller::Local(), ws, request);
  ASSERT_FALSE(nothing.ok());
  EXPECT_TRUE(nothing.status().message().starts_with("product: ")) << nothing.status().ToString();
}

TEST(RiskRealClaims, ClaimOneOfUs8926509) {
  PATNAV_REQUIRE_SHARED_DATA();
  ScratchDir dir;
  Workspace ws({.dir = dir.path() / "db"});
  Result<IngestResult> r = testing::IngestPaths(ws, {(patnav::testing::SharedData() / "uspto" / "xml2014").string()});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  PatentRecord record;
  ASSERT_TRUE(ws.WithStore([&](PatentStore& store) -> Status {
                  ASSIGN_OR_RETURN(record, domain::FindPatent(store, "US8926509"));
                  return Status::OK();
                }).ok());
  ASSERT_FALSE(record.claims.empty());
  ASSERT_TRUE(domain::IsIndependentClaim(record.claims[0]));
  EXPECT_FALSE(domain::IsIndependentClaim(record.claims[1]));
  std::vector<domain::ClaimElement> e = domain::SplitClaimElements(record.claims[0].text);
  ASSERT_EQ(e.size(), 5u);
  EXPECT_EQ(e[0].text, "A system for measuring physiological signals, comprising");
  EXPECT_TRUE(e[1].text.starts_with("a patch-ASIC chip adapted for incorporation")) << e[1].text;
  EXPECT_TRUE(e[2].text.starts_with("the gate-ASIC chip comprising a processor")) << e[2].text;
  EXPECT_TRUE(e[3].text.starts_with("the base-ASIC chip comprising a processor")) << e[3].text;
  EXPECT_EQ(e[4].kind, domain::ClaimElementKind::kWherein);
  EXPECT_EQ(e[4].text, "wherein the base-ASIC chip is programmed to use more processing resources than the patch-ASIC chip");
}

}  // namespace
}  // namespace patnav::app
