// Tests for the 2001-2004 USPTO formats: Red Book grants (PATDOC, DTD 2.4/2.5)
// and pre-grant publications (patent-application-publication, DTD 1.5/1.6).
// Expected values were read by hand from the files in ../shared/data/uspto/sgml
// and ../shared/data/uspto/pap, and from tests/data/sgml.
#include <filesystem>
#include <string>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "model/patent_record.h"
#include "readers/xml_document.h"
#include "readers/xml_prepare.h"
#include "testing.h"

namespace patnav {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::SharedData;
using testing::TestData;

// Reads, prepares and parses one file as the XML reader does, then runs the
// parser for its root and FinishRecord.
Result<PatentRecord> ParseFile(const fs::path& path, unsigned parse_options = kPatentXmlParseOptions,
                               bool prepare = true) {
  std::string raw = ReadFile(path);
  if (raw.empty()) {
    ADD_FAILURE() << "cannot read " << path;
    return Status::NotFound(path.string());
  }
  std::string text = raw;
  if (prepare) {
    Result<PreparedXml> prepared = PrepareXml(raw);
    if (!prepared.ok()) return prepared.status();
    text = std::move(prepared->text);
  }
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_buffer(text.data(), text.size(), parse_options, pugi::encoding_utf8);
  if (!parsed) {
    ADD_FAILURE() << path << ": " << parsed.description();
    return Status::Corruption(parsed.description());
  }
  pugi::xml_node root = doc.document_element();
  Result<PatentRecord> r = std::string_view(root.name()) == "PATDOC" ? ParseUsptoGrantSgml(root)
                                                                    : ParseUsptoApplicationPap(root);
  if (r.ok()) FinishRecord(r.value());
  return r;
}

// tests/data/sgml. Falls back to the path beside this source file because
// ctest does not pass PATNAV_TESTDATA yet (gtest_discover_tests splits the
// ENVIRONMENT list in CMakeLists.txt; only its first variable arrives).
fs::path Local(const char* name) {
  fs::path dir = TestData() / "sgml";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) dir = fs::path(__FILE__).parent_path() / ".." / ".." / "tests" / "data" / "sgml";
  return dir / name;
}

fs::path Sgml(const char* name) { return SharedData() / "uspto" / "sgml" / name; }
fs::path Pap(const char* name) { return SharedData() / "uspto" / "pap" / name; }

// ---------------------------------------------------------------- grants ---

TEST(UsptoGrantSgml, Us6336130) {
  PATNAV_REQUIRE_SHARED_DATA();
  Result<PatentRecord> r = ParseFile(Sgml("US06336130.xml"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->publication_number, "US6336130B1");
  EXPECT_EQ(r->country, "US");
  EXPECT_EQ(r->doc_number, "6336130");
  EXPECT_EQ(r->kind, "B1");
  EXPECT_EQ(r->source.format, "uspto-grant-sgml-2.5");
  EXPECT_EQ(r->title.at("en"), "Arrangement for improving availability of services in a communication system");
  EXPECT_EQ(r->language, "en");
  EXPECT_EQ(r->publication_date, "2002-01-01");
  EXPECT_EQ(r->grant_date, "2002-01-01");
  EXPECT_EQ(r->application_number, "09413215");
  EXPECT_EQ(r->filing_date, "1999-10-05");
  ASSERT_EQ(r->priority_claims.size(), 1u);
  EXPECT_EQ(r->priority_claims[0].country, "NO");
  EXPECT_EQ(r->priority_claims[0].doc_number, "971605");
  EXPECT_EQ(r->priority_claims[0].date, "1997-04-08");
  EXPECT_EQ(r->priority_date, "1997-04-08");

  EXPECT_EQ(r->ipc, (std::vector<std::string>{"G06F 15/16", "G06F 13/00"}));
  EXPECT_EQ(r->national_classes, (std::vector<std::string>{"709/202", "709/201"}));

  ASSERT_EQ(r->citations.size(), 6u);
  EXPECT_EQ(r->citations[0].publication_number, "US5825759A");
  EXPECT_EQ(r->citations[0].doc_number, "5825759");
  EXPECT_EQ(r->citations[0].kind, "A");
  EXPECT_EQ(r->citations[0].date, "1998-10");
  EXPECT_EQ(r->citations[0].category, "cited by examiner");
  EXPECT_EQ(r->citations[5].publication_number, "WO1996025012");
  EXPECT_EQ(r->citations[5].country, "WO");
  EXPECT_EQ(r->citations[5].date, "1996-08");
  EXPECT_EQ(r->citations[5].category, "cited by other");
  ASSERT_EQ(r->npl_citations.size(), 3u);
  // &lsquo; &rsquo; &aring; are SGML entities, expanded by PrepareXml.
  EXPECT_EQ(r->npl_citations[0].rfind("S. Krause et al.; Mobile Service Agents Enabling \u2018Intelligence on Demand\u2019",
                                      0),
            0u)
      << r->npl_citations[0];
  EXPECT_NE(r->npl_citations[2].find("T. Handeg\u00e5ard"), std::string::npos) << r->npl_citations[2];

  ASSERT_EQ(r->inventors.size(), 1u);
  EXPECT_EQ(r->inventors[0].name, "Do, Thanh Van");
  EXPECT_EQ(r->inventors[0].city, "Oslo");
  EXPECT_EQ(r->inventors[0].country, "NO");
  ASSERT_EQ(r->assignees.size(), 1u);
  EXPECT_EQ(r->assignees[0].name, "Telefonaktiebolaget LM Ericsson (publ)");
  EXPECT_EQ(r->assignees[0].country, "SE");
  EXPECT_EQ(r->assignees[0].city, "Stockholm");
  EXPECT_FALSE(r->assignees[0].normalized.empty());
  ASSERT_EQ(r->applicants.size(), 1u);
  EXPECT_EQ(r->applicants[0].name, "Telefonaktiebolaget LM Ericsson (publ)");

  EXPECT_EQ(r->abstract_text.at("en").rfind("A communications systems, e.g., a telecommunications system,", 0), 0u);
  EXPECT_EQ(r->description.rfind("This is a continuation of PCT application No. PCT/NO98/00107", 0), 0u);
  EXPECT_NE(r->description.find("\nFIELD OF THE INVENTION\n"), std::string::npos);
  EXPECT_EQ(r->description.find("What is claimed"), std::string::npos);
  ASSERT_TRUE(r->description_chars.has_value());

  EXPECT_EQ(r->claims_count, 22);
  ASSERT_EQ(r->claims.size(), 22u);
  EXPECT_EQ(r->claims[0].num, 1);
  EXPECT_EQ(r->claims[0].text.rfind("An arrangement in a network including a plurality of mobile terminals", 0), 0u);
  EXPECT_NE(r->claims[0].text.find("\na fixed network node including"), std::string::npos);  // CLMSTEP
  EXPECT_EQ(r->claims[0].independent, true);
  EXPECT_TRUE(r->claims[0].depends_on.empty());
  EXPECT_EQ(r->claims[1].text,
            "The arrangement in claim 1, wherein the fixed network node agent is configured to perform a security "
            "function.");
  EXPECT_EQ(r->claims[1].depends_on, std::vector<int>{1});
  EXPECT_EQ(r->claims[1].independent, false);
  EXPECT_EQ(r->claims[4].depends_on, std::vector<int>{4});
  EXPECT_EQ(r->claims[8].independent, true);    // claim 9
  EXPECT_EQ(r->claims[17].independent, true);   // claim 18
  EXPECT_EQ(r->claims[21].num, 22);
  EXPECT_EQ(r->claims[21].depends_on, std::vector<int>{19});
}

TEST(UsptoGrantSgml, Us6337117) {
  PATNAV_REQUIRE_SHARED_DATA();
  Result<PatentRecord> r = ParseFile(Sgml("US06337117.xml"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->publication_number, "US6337117B1");
  EXPECT_EQ(r->kind, "B1");
  EXPECT_EQ(r->source.format, "uspto-grant-sgml-2.5");
  EXPECT_EQ(r->title.at("en"), "Optical memory device");
  EXPECT_EQ(r->publication_date, "2002-01-08");
  EXPECT_EQ(r->grant_date, "2002-01-08");
  EXPECT_EQ(r->application_number, "09343526");
  EXPECT_EQ(r->filing_date, "1999-06-30");
  ASSERT_EQ(r->priority_claims.size(), 4u);
  EXPECT_EQ(r->priority_claims[0].doc_number, "10-186098");
  EXPECT_EQ(r->priority_claims[0].country, "JP");
  EXPECT_EQ(r->priority_claims[3].date, "1998-11-17");
  EXPECT_EQ(r->priority_date, "1998-07-01");
  EXPECT_EQ(r->ipc, std::vector<std::string>{"B32B 3/02"});  // "B32B  302"
  // "428 641" is 428/64.1 and "4304951" is 430/495.1 (fixed-width USPC).
  EXPECT_EQ(r->national_classes, (std::vector<std::string>{"428/64.1", "428/64.4", "428/147", "428/148", "428/690",
                                                            "428/913", "430/495.1", "430/945"}));
  ASSERT_EQ(r->citations.size(), 2u);
  EXPECT_EQ(r->citations[0].publication_number, "US5422489A");
  EXPECT_EQ(r->citations[1].publication_number, "US5456961A");
  EXPECT_EQ(r->citations[1].date, "1995-10");
  EXPECT_EQ(r->citations[1].category, "cited by examiner");
  EXPECT_TRUE(r->npl_citations.empty());
  // Parties here have no PARTY-US wrapper.
  ASSERT_EQ(r->inventors.size(), 5u);
  EXPECT_EQ(r->inventors[0].name, "Maenosono, Shinya");
  EXPECT_EQ(r->inventors[0].last_name, "Maenosono");
  EXPECT_EQ(r->inventors[0].first_name, "Shinya");
  EXPECT_EQ(r->inventors[0].city, "Kanagawa");
  EXPECT_EQ(r->inventors[0].country, "JP");
  EXPECT_EQ(r->inventors[4].name, "Saita, Soichiro");
  ASSERT_EQ(r->assignees.size(), 1u);
  EXPECT_EQ(r->assignees[0].name, "Mitsubishi Chemical Corporation");
  EXPECT_EQ(r->assignees[0].type, PartyType::kCompany);
  ASSERT_EQ(r->applicants.size(), 1u);
  EXPECT_EQ(r->applicants[0].name, "Mitsubishi Chemical Corporation");
  EXPECT_NE(r->abstract_text.at("en").find("(hereinafter referred to as a \u201cluminous intensity\u201d)"),
            std::string::npos);
  EXPECT_EQ(r->claims_count, 39);
  ASSERT_EQ(r->claims.size(), 39u);
  EXPECT_EQ(r->claims[0].text.rfind("An optical memory device comprising:\na luminous material", 0), 0u);
  EXPECT_EQ(r->claims[2].depends_on, std::vector<int>{2});
  // &times; and &minus; inside a claim.
  EXPECT_NE(r->claims[6].text.find("1\u00d710\u221212 seconds"), std::string::npos) << r->claims[6].text;
}

TEST(UsptoGrantSgml, DesignUsD435854) {
  PATNAV_REQUIRE_SHARED_DATA();
  Result<PatentRecord> r = ParseFile(Sgml("USD435854S1.xml"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  // B110 "D0435854", B130 "S": kind S is written S1, as in the DOCDB key.
  EXPECT_EQ(r->publication_number, "USD435854S1");
  EXPECT_EQ(r->doc_number, "D435854");
  EXPECT_EQ(r->kind, "S1");
  EXPECT_EQ(r->source.format, "uspto-grant-sgml-2.4");  // PATDOC DTD="2.4"
  EXPECT_EQ(r->title.at("en"), "Disc cartridge");
  EXPECT_EQ(r->publication_date, "2001-01-02");
  EXPECT_EQ(r->grant_date, "2001-01-02");
  EXPECT_EQ(r->application_number, "29116510");
  EXPECT_EQ(r->filing_date, "1999-01-06");
  EXPECT_TRUE(r->priority_claims.empty());
  EXPECT_EQ(r->priority_date, "1999-01-06");
  EXPECT_TRUE(r->ipc.empty());  // B511 "1402" is a Locarno class
  EXPECT_EQ(r->national_classes, std::vector<std::string>{"D14/480"});
  ASSERT_EQ(r->citations.size(), 10u);
  EXPECT_EQ(r->citations[0].publication_number, "USD271298");  // "D. 271298", no kind published
  EXPECT_EQ(r->citations[0].doc_number, "D271298");
  EXPECT_EQ(r->citations[0].date, "1983-11");
  EXPECT_EQ(r->citations[9].publication_number, "USD422997");
  for (const Citation& c : r->citations) EXPECT_EQ(c.category, "cited by examiner");
  ASSERT_EQ(r->inventors.size(), 8u);
  EXPECT_EQ(r->inventors[0].name, "Takagi, Hiroyoshi");
  EXPECT_EQ(r->inventors[0].city, "Kameoka");
  EXPECT_EQ(r->inventors[7].name, "Toyofuku, Toshiyuki");
  ASSERT_EQ(r->assignees.size(), 3u);  // three B730 blocks
  EXPECT_EQ(r->assignees[0].name, "Hitachi Maxell, Ltd.");
  EXPECT_EQ(r->assignees[1].name, "Sanyo Electric Co.,Ltd.");
  EXPECT_EQ(r->assignees[2].name, "Olympus Optical Co., Ltd.");
  EXPECT_EQ(r->assignees[2].city, "Tokyo");
  EXPECT_EQ(r->applicants.size(), 3u);
  EXPECT_TRUE(r->abstract_text.empty());  // designs have no SDOAB
  EXPECT_EQ(r->description.rfind("FIG. 1 is a front, top and right side perspective view", 0), 0u);
  EXPECT_EQ(r->claims_count, 1);
  ASSERT_EQ(r->claims.size(), 1u);
  EXPECT_EQ(r->claims[0].text, "The ornamental design for a disc cartridge, as shown and described.");
  EXPECT_EQ(r->claims[0].independent, true);
}

TEST(UsptoGrantSgml, MissingB110IsCorruption) {
  Result<PatentRecord> r = ParseFile(Local("patdoc_no_b110.xml"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorruption);
  EXPECT_NE(r.status().message().find("B110"), std::string::npos) << r.status().message();
}

TEST(UsptoGrantSgml, UnparsableB110IsCorruption) {
  Result<PatentRecord> r = ParseFile(Local("patdoc_bad_b110.xml"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorruption);
  EXPECT_NE(r.status().message().find("no number"), std::string::npos) << r.status().message();
}

TEST(UsptoGrantSgml, HandWrittenReissue) {
  Result<PatentRecord> r = ParseFile(Local("patdoc_reissue.xml"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->publication_number, "USRE37123E");  // "RE" is a series, not a country
  EXPECT_EQ(r->source.format, "uspto-grant-sgml-2.x");  // no DTD attribute
  EXPECT_EQ(r->title.at("en"), "Battery & cell");
  EXPECT_EQ(r->ipc, std::vector<std::string>{"H01M 10/0525"});
  EXPECT_EQ(r->national_classes, std::vector<std::string>{"2/4"});  // "  2  4"
  ASSERT_EQ(r->priority_claims.size(), 1u);  // B680US provisional
  EXPECT_EQ(r->priority_claims[0].country, "US");
  EXPECT_EQ(r->priority_claims[0].doc_number, "60/049070");
  EXPECT_EQ(r->priority_date, "1997-07-11");
  ASSERT_EQ(r->inventors.size(), 1u);
  EXPECT_EQ(r->inventors[0].name, "Smith, Ann");
  EXPECT_EQ(r->inventors[0].country, "US");  // STATE without CTRY
  ASSERT_EQ(r->assignees.size(), 1u);
  EXPECT_EQ(r->assignees[0].name, "Jones, Bob");
  EXPECT_EQ(r->assignees[0].type, PartyType::kIndividual);
  EXPECT_EQ(r->applicants.size(), 1u);
  EXPECT_TRUE(r->citations.empty());
  EXPECT_EQ(r->claims_count, 3);  // no B577: counted
  ASSERT_EQ(r->claims.size(), 3u);
  EXPECT_EQ(r->claims[0].text, "A cell.");
  EXPECT_EQ(r->claims[2].text, "A cell as in claim 1 or 2.");
  EXPECT_EQ(r->claims[2].depends_on, (std::vector<int>{1, 2}));
}

// ---------------------------------------------------------- applications ---

TEST(UsptoApplicationPap, Us2001000044) {
  PATNAV_REQUIRE_SHARED_DATA();
  // This file starts with a stray XHTML DOCTYPE and no XML declaration.
  EXPECT_EQ(ReadFile(Pap("US20010000044A1.xml")).rfind("<!DOCTYPE simple PUBLIC", 0), 0u);
  Result<PatentRecord> r = ParseFile(Pap("US20010000044A1.xml"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->publication_number, "US2001000044A1");
  EXPECT_EQ(r->doc_number, "2001000044");
  EXPECT_EQ(r->kind, "A1");
  EXPECT_EQ(r->source.format, "uspto-app-xml-1.x");  // DOCTYPE names no pap DTD
  EXPECT_EQ(r->title.at("en"),
            "Systems and Methods For Transacting Business Over A Global Communications Network Such As The Internet");
  EXPECT_EQ(r->publication_date, "2001-03-15");
  EXPECT_TRUE(r->grant_date.empty());
  EXPECT_EQ(r->application_number, "09342866");
  EXPECT_EQ(r->filing_date, "1999-06-29");
  EXPECT_TRUE(r->priority_claims.empty());
  EXPECT_EQ(r->priority_date, "1999-06-29");
  EXPECT_EQ(r->ipc, std::vector<std::string>{"G06F 17/60"});
  EXPECT_EQ(r->national_classes, (std::vector<std::string>{"705/26", "705/37"}));
  EXPECT_TRUE(r->citations.empty());
  ASSERT_EQ(r->inventors.size(), 1u);
  EXPECT_EQ(r->inventors[0].name, "Lin, Wayne W");  // padded values, "Mr." prefix dropped
  EXPECT_EQ(r->inventors[0].city, "Irvine");          // residence, not the c/o address
  EXPECT_EQ(r->inventors[0].country, "US");
  EXPECT_TRUE(r->assignees.empty());
  EXPECT_TRUE(r->applicants.empty());
  EXPECT_EQ(r->abstract_text.at("en").rfind("A business model / process is described", 0), 0u);
  EXPECT_NE(r->abstract_text.at("en").find("buyer's performance"), std::string::npos);  // &apos;
  EXPECT_EQ(r->claims_count, 21);
  ASSERT_EQ(r->claims.size(), 21u);
  // "<bold>1.</bold>A method": the number is dropped, not glued to the text.
  EXPECT_EQ(r->claims[0].text.rfind("A method of doing business over a global communications network comprising the "
                                    "steps:\ncommunicating to a buyer",
                                    0),
            0u)
      << r->claims[0].text;
  EXPECT_EQ(r->claims[0].independent, true);
  // No dependent-claim-reference in this file: read from "The method of claim 3".
  EXPECT_EQ(r->claims[3].depends_on, std::vector<int>{3});
  EXPECT_EQ(r->claims[12].independent, true);  // claim 13
  EXPECT_EQ(r->claims[20].depends_on, std::vector<int>{20});
}

TEST(UsptoApplicationPap, Us2001000943) {
  PATNAV_REQUIRE_SHARED_DATA();
  Result<PatentRecord> r = ParseFile(Pap("US20010000943A1.xml"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->publication_number, "US2001000943A1");
  EXPECT_EQ(r->kind, "A1");
  // The DOCTYPE says pap-v15, but PrepareXml removes it before parsing.
  EXPECT_EQ(r->source.format, "uspto-app-xml-1.x");
  EXPECT_EQ(r->title.at("en"), "Organic electroluminescence device and method of manufacturing same");
  EXPECT_EQ(r->publication_date, "2001-05-10");
  EXPECT_EQ(r->application_number, "09727454");
  EXPECT_EQ(r->filing_date, "2000-12-04");
  ASSERT_EQ(r->priority_claims.size(), 1u);
  EXPECT_EQ(r->priority_claims[0].country, "JP");
  EXPECT_EQ(r->priority_claims[0].doc_number, "11-097727");
  EXPECT_EQ(r->priority_claims[0].date, "1999-04-05");
  EXPECT_EQ(r->priority_date, "1999-04-05");
  EXPECT_EQ(r->ipc, std::vector<std::string>{"H01J 1/62"});
  EXPECT_EQ(r->national_classes, (std::vector<std::string>{"313/503", "313/504"}));
  EXPECT_TRUE(r->citations.empty());
  ASSERT_EQ(r->inventors.size(), 2u);
  EXPECT_EQ(r->inventors[0].name, "Fukuoka, Kenichi");
  EXPECT_EQ(r->inventors[0].city, "Sodegaura-shi");
  EXPECT_EQ(r->inventors[0].country, "JP");
  EXPECT_EQ(r->inventors[1].name, "Eida, Mitsura");
  ASSERT_EQ(r->assignees.size(), 1u);
  EXPECT_EQ(r->assignees[0].name, "IDEMITSU KOSAN CO., LTD.");
  EXPECT_EQ(r->assignees[0].type, PartyType::kCompany);
  ASSERT_EQ(r->applicants.size(), 1u);
  EXPECT_EQ(r->applicants[0].name, "IDEMITSU KOSAN CO., LTD.");
  // Three abstract paragraphs on one line; &minus; &lt; &plus; expanded.
  EXPECT_NE(r->abstract_text.at("en").find("or both: Min\u221220 nm<t<Min+20 nm"), std::string::npos)
      << r->abstract_text.at("en");
  // Paragraph numbers (<number>1.</number>) are not description text.
  EXPECT_EQ(r->description.rfind("CROSS REFERENCE TO RELATED APPLICATION\nThis is a continuation application", 0),
            0u)
      << r->description.substr(0, 200);
  EXPECT_EQ(r->claims_count, 13);
  ASSERT_EQ(r->claims.size(), 13u);
  EXPECT_EQ(r->claims[1].text.rfind("The organic electroluminescence device according to claim 1, wherein", 0), 0u)
      << r->claims[1].text;
  EXPECT_EQ(r->claims[1].depends_on, std::vector<int>{1});
  EXPECT_EQ(r->claims[2].depends_on, std::vector<int>{2});
}

TEST(UsptoApplicationPap, Us2001009014) {
  PATNAV_REQUIRE_SHARED_DATA();
  Result<PatentRecord> r = ParseFile(Pap("US20010009014A1.xml"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->publication_number, "US2001009014A1");
  EXPECT_EQ(r->kind, "A1");
  EXPECT_EQ(r->source.format, "uspto-app-xml-1.x");
  EXPECT_EQ(r->title.at("en"), "Facilitating real-time, multi-point communications over the internet");
  EXPECT_EQ(r->publication_date, "2001-07-19");
  EXPECT_EQ(r->application_number, "09777392");
  EXPECT_EQ(r->filing_date, "2001-02-05");
  // The provisional application (non-provisional-of-provisional) is the priority.
  ASSERT_EQ(r->priority_claims.size(), 1u);
  EXPECT_EQ(r->priority_claims[0].country, "US");
  EXPECT_EQ(r->priority_claims[0].doc_number, "60128037");
  EXPECT_EQ(r->priority_claims[0].date, "1999-04-06");
  EXPECT_EQ(r->priority_date, "1999-04-06");
  EXPECT_EQ(r->ipc, std::vector<std::string>{"G06F 15/16"});
  EXPECT_EQ(r->national_classes, (std::vector<std::string>{"709/204", "709/227"}));
  EXPECT_TRUE(r->citations.empty());
  ASSERT_EQ(r->inventors.size(), 2u);
  EXPECT_EQ(r->inventors[0].name, "Savage, James A.");  // name-suffix "III" dropped
  EXPECT_EQ(r->inventors[0].city, "San Jose");
  EXPECT_EQ(r->inventors[0].country, "US");
  EXPECT_EQ(r->inventors[1].name, "Muller, Sophie");
  EXPECT_TRUE(r->assignees.empty());
  EXPECT_TRUE(r->applicants.empty());
  EXPECT_EQ(r->abstract_text.at("en").rfind("Methods and apparatus are described for facilitating a first conference", 0),
            0u);
  EXPECT_EQ(r->claims_count, 55);
  ASSERT_EQ(r->claims.size(), 55u);
  EXPECT_EQ(r->claims[0].independent, true);
  EXPECT_EQ(r->claims[4].depends_on, std::vector<int>{4});
  EXPECT_EQ(r->claims[54].num, 55);
}

TEST(UsptoApplicationPap, MissingDocNumberIsCorruption) {
  Result<PatentRecord> r = ParseFile(Local("pap_no_doc_number.xml"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorruption);
  EXPECT_NE(r.status().message().find("document-id/doc-number"), std::string::npos) << r.status().message();
}

TEST(UsptoApplicationPap, VersionFromKeptDoctype) {
  // A parser that keeps the DOCTYPE (no PrepareXml here) lets the version through.
  Result<PatentRecord> r =
      ParseFile(Local("pap_v16.xml"), kPatentXmlParseOptions | pugi::parse_doctype, /*prepare=*/false);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->source.format, "uspto-app-xml-1.6");
  Result<PatentRecord> prepared = ParseFile(Local("pap_v16.xml"));
  ASSERT_TRUE(prepared.ok()) << prepared.status().ToString();
  EXPECT_EQ(prepared->source.format, "uspto-app-xml-1.x");
}

TEST(UsptoApplicationPap, HandWrittenV16) {
  Result<PatentRecord> r = ParseFile(Local("pap_v16.xml"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->publication_number, "US2002001234A1");
  EXPECT_EQ(r->ipc, (std::vector<std::string>{"A61B 5/00", "A61B 5/02"}));
  EXPECT_EQ(r->national_classes, (std::vector<std::string>{"600/300", "600/64.1"}));
  ASSERT_EQ(r->inventors.size(), 1u);
  EXPECT_EQ(r->inventors[0].country, "US");  // residence-us without country-code
  ASSERT_EQ(r->assignees.size(), 1u);
  EXPECT_EQ(r->assignees[0].name, "Black, Dan");
  EXPECT_EQ(r->assignees[0].type, PartyType::kIndividual);
  ASSERT_EQ(r->applicants.size(), 1u);
  ASSERT_EQ(r->claims.size(), 3u);
  EXPECT_EQ(r->claims[2].text, "The monitor of any one of claims 1 to 2, with a display.");
  EXPECT_EQ(r->claims[2].depends_on, (std::vector<int>{1, 2}));
  EXPECT_EQ(r->claims[1].depends_on, std::vector<int>{1});
  EXPECT_EQ(r->claims[0].independent, true);
}

}  // namespace
}  // namespace patnav
