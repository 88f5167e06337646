// Tests for the USPTO v4.x grant and application parsers: every real sample
// in ../shared/data/uspto/{xml2004,xml2006,xml2014,xmlApp2004} (expected
// values read from the files), the hand-written inputs in tests/data/uspto4,
// and the USPC, version and claim-ref helpers.
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "readers/uspto_v4_common.h"
#include "readers/xml_document.h"
#include "readers/xml_prepare.h"
#include "testing.h"

namespace patnav {
namespace {

namespace fs = std::filesystem;

// A parsed document; the pugixml tree must outlive the root handed to parsers.
struct LoadedXml {
  std::string text;
  pugi::xml_document doc;
};

std::unique_ptr<LoadedXml> Load(const fs::path& p) {
  auto out = std::make_unique<LoadedXml>();
  Result<PreparedXml> prepared = PrepareXml(testing::ReadFile(p));
  EXPECT_TRUE(prepared.ok()) << p << ": " << prepared.status().ToString();
  if (!prepared.ok()) return out;
  out->text = std::move(prepared->text);
  pugi::xml_parse_result parsed =
      out->doc.load_buffer_inplace(out->text.data(), out->text.size(), kPatentXmlParseOptions, pugi::encoding_utf8);
  EXPECT_TRUE(parsed) << p << ": " << parsed.description();
  return out;
}

// Dispatches by root element, as xml_reader.cc does.
Result<PatentRecord> Parse(const pugi::xml_node& root) {
  if (std::strcmp(root.name(), "us-patent-grant") == 0) return ParseUsptoGrantV4(root);
  return ParseUsptoApplicationV4(root);
}

Result<PatentRecord> ParseFile(const fs::path& p) {
  std::unique_ptr<LoadedXml> xml = Load(p);
  return Parse(xml->doc.document_element());
}

// Expected values, each read from the file itself.
struct Expected {
  const char* file;  // under ../shared/data/uspto
  const char* publication_number;
  const char* kind;
  const char* publication_date;
  const char* filing_date;
  const char* application_number;
  const char* title;
  size_t claims;
  int claims_count;
  size_t citations;
  size_t npl_citations;
  size_t inventors;
  const char* first_inventor;
  const char* first_ipc;
  const char* first_applicant;
  const char* first_applicant_normalized;  // "" for a person
  const char* first_assignee;               // "" when there is none
  const char* first_assignee_normalized;
  const char* format;
};

const Expected kExpected[] = {
    {"xml2004/US06859910.xml", "US6859910B2", "B2", "2005-02-22", "2001-04-10", "09832323",
     "Methods and systems for transactional tunneling", 2, 2, 8, 0, 1, "Croy, John Charles", "G06F 15/00",
     "Bluestreak.com", "BLUESTREAKCOM", "Bluestreak.com", "BLUESTREAKCOM", "uspto-grant-xml-4.0"},
    {"xml2004/US06970935.xml", "US6970935B1", "B1", "2005-11-29", "2000-11-01", "09703574",
     "Conversational networking via transport, coding and control conversational protocols", 30, 30, 11, 0, 1,
     "Maes, Stephane H.", "G06F 15/16", "International Business Machines Corporation",
     "INTERNATIONAL BUSINESS MACHINES", "International Business Machines Corporation",
     "INTERNATIONAL BUSINESS MACHINES", "uspto-grant-xml-4.0"},
    {"xml2006/US07272630B2.xml", "US7272630B2", "B2", "2007-09-18", "2004-11-18", "10991571",
     "Locating potentially identical objects across multiple computers based on stochastic partitioning of "
     "workload",
     17, 17, 78, 38, 4, "Douceur, John R.", "G06F 15/13", "Microsoft Corporation", "MICROSOFT",
     "Microsoft Corporation", "MICROSOFT", "uspto-grant-xml-4.2"},
    {"xml2014/US08926509.xml", "US8926509B2", "B2", "2015-01-06", "2008-06-05", "12134151",
     "Wireless physiological sensor patches and systems", 31, 31, 130, 30, 5, "Magar, Surendar", "A61B 5/00",
     "Magar, Surendar", "", "Hmicro, Inc.", "HMICRO", "uspto-grant-xml-4.5"},
    {"xml2014/US08927118.xml", "US8927118B2", "B2", "2015-01-06", "2012-01-12", "13349377",
     "Material for organic electroluminescence device and organic electroluminescence device using the same", 45,
     45, 76, 28, 5, "Kato, Tomoki", "H05B 33/14", "Kato, Tomoki", "", "Idemitsu Kosan Co., Ltd.",
     "IDEMITSU KOSAN", "uspto-grant-xml-4.5"},
    {"xml2014/US08930553.xml", "US8930553B2", "B2", "2015-01-06", "2012-10-09", "13648029",
     "Managing mid-dialog session initiation protocol (SIP) messages", 8, 8, 16, 5, 3, "Nissim, Nitzan",
     "G06F 15/16", "International Business Machines Corporation", "INTERNATIONAL BUSINESS MACHINES",
     "International Business Machines Corporation", "INTERNATIONAL BUSINESS MACHINES", "uspto-grant-xml-4.5"},
    {"xmlApp2004/US20050004437A1.xml", "US2005004437A1", "A1", "2005-01-06", "2004-04-23", "10830857",
     "Simulation device for playful evaluation and display of blood sugar levels", 10, 10, 0, 0, 2,
     "Kaufmann, Heiner", "A61B 5/00", "Kaufmann, Heiner", "", "", "", "uspto-app-xml-4.0"},
    {"xmlApp2004/US20050004974A1.xml", "US2005004974A1", "A1", "2005-01-06", "2003-10-16", "10687244",
     "Device model agent", 21, 21, 0, 0, 12, "Sharma, Naveen", "G06F 15/16", "Xerox Corporation", "XEROX",
     "Xerox Corporation", "XEROX", "uspto-app-xml-4.0"},
};

TEST(UsptoV4Test, EverySampleFileIsCovered) {
  PATNAV_REQUIRE_SHARED_DATA();
  std::set<std::string> expected;
  for (const Expected& e : kExpected) expected.insert(e.file);
  std::set<std::string> found;
  for (const char* dir : {"xml2004", "xml2006", "xml2014", "xmlApp2004"}) {
    for (const auto& entry : fs::directory_iterator(testing::SharedData() / "uspto" / dir))
      found.insert(std::string(dir) + "/" + entry.path().filename().string());
  }
  EXPECT_EQ(found, expected);
}

TEST(UsptoV4Test, RealSamples) {
  PATNAV_REQUIRE_SHARED_DATA();
  for (const Expected& e : kExpected) {
    SCOPED_TRACE(e.file);
    Result<PatentRecord> r = ParseFile(testing::SharedData() / "uspto" / e.file);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->publication_number, e.publication_number);
    EXPECT_EQ(r->country, "US");
    EXPECT_EQ(r->country + r->doc_number + r->kind, r->publication_number);
    EXPECT_EQ(r->kind, e.kind);
    EXPECT_EQ(r->publication_date, e.publication_date);
    bool grant = std::string(e.format).find("grant") != std::string::npos;
    EXPECT_EQ(r->grant_date, grant ? e.publication_date : "");
    EXPECT_EQ(r->filing_date, e.filing_date);
    EXPECT_EQ(r->application_number, e.application_number);
    EXPECT_EQ(r->language, "en");
    EXPECT_EQ(r->title.at("en"), e.title);
    EXPECT_FALSE(r->abstract_text.at("en").empty());
    EXPECT_EQ(r->claims.size(), e.claims);
    EXPECT_EQ(r->claims_count, e.claims_count);
    EXPECT_EQ(r->citations.size(), e.citations);
    EXPECT_EQ(r->npl_citations.size(), e.npl_citations);
    ASSERT_EQ(r->inventors.size(), e.inventors);
    EXPECT_EQ(r->inventors[0].name, e.first_inventor);
    EXPECT_EQ(r->inventors[0].type, PartyType::kIndividual);
    ASSERT_FALSE(r->ipc.empty());
    EXPECT_EQ(r->ipc[0], e.first_ipc);
    ASSERT_FALSE(r->applicants.empty());
    EXPECT_EQ(r->applicants[0].name, e.first_applicant);
    EXPECT_EQ(r->applicants[0].normalized, e.first_applicant_normalized);
    if (*e.first_assignee) {
      ASSERT_FALSE(r->assignees.empty());
      EXPECT_EQ(r->assignees[0].name, e.first_assignee);
      EXPECT_EQ(r->assignees[0].normalized, e.first_assignee_normalized);
      EXPECT_EQ(r->assignees[0].type, PartyType::kCompany);
    } else {
      EXPECT_TRUE(r->assignees.empty());
    }
    EXPECT_EQ(r->source.format, e.format);
    EXPECT_FALSE(r->description.empty());
    ASSERT_TRUE(r->description_chars.has_value());
    EXPECT_GT(*r->description_chars, 1000);
    EXPECT_FALSE(r->priority_date.empty());
    for (const Claim& c : r->claims) {
      EXPECT_FALSE(c.text.empty());
      ASSERT_TRUE(c.independent.has_value());
      EXPECT_EQ(*c.independent, c.depends_on.empty());
    }
  }
}

// v4.0 (2005): references-cited/citation, classification-ipc strings,
// applicant-inventors, an assignee without addressbook or address.
TEST(UsptoV4Test, Grant2005Layout) {
  PATNAV_REQUIRE_SHARED_DATA();
  Result<PatentRecord> r = ParseFile(testing::SharedData() / "uspto/xml2004/US06859910.xml");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->ipc, (std::vector<std::string>{"G06F 15/00", "G06F 17/00", "G06F 17/21", "G06F 17/24"}));
  EXPECT_TRUE(r->cpc.empty());
  ASSERT_EQ(r->national_classes.size(), 13u);
  EXPECT_EQ(r->national_classes[0], "715/513");
  EXPECT_EQ(r->national_classes[4], "705/26");   // "705 26"
  EXPECT_EQ(r->national_classes[7], "707/7");    // "707  7"
  ASSERT_EQ(r->citations.size(), 8u);
  const Citation& first = r->citations[0];
  EXPECT_EQ(first.publication_number, "US5793966A");
  EXPECT_EQ(first.doc_number, "5793966");
  EXPECT_EQ(first.kind, "A");
  EXPECT_EQ(first.date, "1998-08");  // 19980800
  EXPECT_EQ(first.category, "cited by examiner");
  EXPECT_EQ(r->citations[2].publication_number, "US2002055909A1");  // 20020055909
  // The US provisional application 60195933 of 2000-04-10 is the priority.
  ASSERT_EQ(r->priority_claims.size(), 1u);
  EXPECT_EQ(r->priority_claims[0].country, "US");
  EXPECT_EQ(r->priority_claims[0].doc_number, "60195933");
  EXPECT_EQ(r->priority_claims[0].date, "2000-04-10");
  EXPECT_EQ(r->priority_date, "2000-04-10");
  const Party& inventor = r->inventors[0];
  EXPECT_EQ(inventor.last_name, "Croy");
  EXPECT_EQ(inventor.first_name, "John Charles");
  EXPECT_EQ(inventor.city, "Middletown");
  EXPECT_EQ(inventor.country, "US");
  EXPECT_EQ(r->assignees[0].city, "");
  ASSERT_EQ(r->claims.size(), 2u);
  EXPECT_EQ(r->claims[0].num, 1);
  EXPECT_EQ(r->claims[0].independent, true);
  EXPECT_EQ(r->claims[1].text, "2. A method of claim 1, further comprising:\ncaching static content from the set of pages.");
  EXPECT_EQ(r->claims[1].depends_on, std::vector<int>{1});
  EXPECT_EQ(r->claims[1].independent, false);
}

// The 2005 files omit the country of US addresses; the state tells it.
TEST(UsptoV4Test, UsAddressWithoutCountry) {
  PATNAV_REQUIRE_SHARED_DATA();
  Result<PatentRecord> r = ParseFile(testing::SharedData() / "uspto/xml2004/US06970935.xml");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->inventors[0].city, "Danbury");
  EXPECT_EQ(r->inventors[0].country, "US");
  EXPECT_EQ(r->assignees[0].city, "Armonk");
  EXPECT_EQ(r->assignees[0].country, "US");
  // "379 8802" is class 379, subclass 88.02; "2002/0120760" a pre-grant publication.
  EXPECT_EQ(r->national_classes, (std::vector<std::string>{"709/230", "709/228", "370/356", "379/88.02"}));
  EXPECT_EQ(r->citations[9].publication_number, "US2002120760A1");
  EXPECT_EQ(r->citations[9].doc_number, "2002120760");
}

// v4.2 (2006): classifications-ipcr, "cited by other", nplcit, an EP citation
// without kind, four applicant-inventors, the assignee as applicant.
TEST(UsptoV4Test, Grant2006Layout) {
  PATNAV_REQUIRE_SHARED_DATA();
  Result<PatentRecord> r = ParseFile(testing::SharedData() / "uspto/xml2006/US07272630B2.xml");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->ipc, std::vector<std::string>{"G06F 15/13"});
  EXPECT_EQ(r->applicants.size(), 1u);
  EXPECT_EQ(r->inventors[3].name, "Bolosky, William J.");
  EXPECT_EQ(r->inventors[3].city, "Issaquah");
  EXPECT_EQ(r->citations[0].category, "cited by other");
  const Citation& ep = r->citations.back();
  EXPECT_EQ(ep.country, "EP");
  EXPECT_EQ(ep.doc_number, "0663640");
  EXPECT_EQ(ep.kind, "");
  EXPECT_EQ(ep.publication_number, "EP0663640");
  EXPECT_EQ(ep.date, "1995-07");
  EXPECT_EQ(r->npl_citations[0],
            "ISU://www.isu.edu/departments/comcom/unix/workshop/shell.html, \u201CSection 4: The UNIX Shell\u201D, 3 "
            "pages, no date.");
  // Claim 10 is the second independent claim.
  EXPECT_EQ(r->claims[9].num, 10);
  EXPECT_EQ(r->claims[9].independent, true);
  EXPECT_EQ(r->claims[10].depends_on, std::vector<int>{10});
}

// v4.5 (2014): us-parties with persons as applicants, CPC with combination
// sets (each symbol once), provisional priority, foreign citations.
TEST(UsptoV4Test, Grant2014Layout) {
  PATNAV_REQUIRE_SHARED_DATA();
  Result<PatentRecord> r = ParseFile(testing::SharedData() / "uspto/xml2014/US08926509.xml");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->ipc.size(), 14u);
  EXPECT_EQ(r->ipc[1], "A61B 5/0205");
  ASSERT_EQ(r->cpc.size(), 19u);
  EXPECT_EQ(r->cpc[0], "A61B 5/0205");  // main-cpc
  EXPECT_EQ(r->cpc[14], "A61B 2560/0209");
  EXPECT_EQ(r->cpc.back(), "H04W 52/0274");
  EXPECT_EQ(r->national_classes.front(), "600/301");
  EXPECT_EQ(r->national_classes.back(), "340/539.12");  // "34053912"
  EXPECT_EQ(r->priority_date, "2007-08-24");            // provisional 60968023
  EXPECT_EQ(r->applicants.size(), 5u);
  EXPECT_EQ(r->applicants[1].name, "Sattiraju, Venkateswara Rao");
  EXPECT_EQ(r->applicants[1].city, "Union City");
  EXPECT_EQ(r->assignees[0].city, "Fremont");
  EXPECT_EQ(r->assignees[0].country, "US");
  std::map<std::string, std::string> by_number;
  for (const Citation& c : r->citations) by_number[c.publication_number] = c.category;
  EXPECT_EQ(by_number.count("WO1989002682A1"), 1u);  // "WO 89/02682"
  EXPECT_EQ(by_number.count("EP1292218B1"), 1u);
  EXPECT_EQ(by_number.count("KR1020040032451"), 1u);  // "10-2004-0032451", no kind
  EXPECT_EQ(by_number.count("US2005101841A9"), 1u);   // "2005/0101841" A9
  EXPECT_EQ(by_number["US5231990A"], "cited by examiner");
}

TEST(UsptoV4Test, ForeignPriorityClaim) {
  PATNAV_REQUIRE_SHARED_DATA();
  Result<PatentRecord> r = ParseFile(testing::SharedData() / "uspto/xml2014/US08927118.xml");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->priority_claims.size(), 1u);
  EXPECT_EQ(r->priority_claims[0].country, "JP");
  EXPECT_EQ(r->priority_claims[0].doc_number, "2008-148514");
  EXPECT_EQ(r->priority_claims[0].date, "2008-06-05");
  EXPECT_EQ(r->priority_date, "2008-06-05");
  // Claims 1-4 are independent; claim 5 refers to claim 1 inside a nested claim-text.
  for (int i = 0; i < 4; ++i) EXPECT_EQ(r->claims[i].independent, true) << i;
  EXPECT_EQ(r->claims[4].depends_on, std::vector<int>{1});
  EXPECT_NE(r->claims[4].text.find("according to claim 1."), std::string::npos);
  EXPECT_EQ(r->citations.back().publication_number, "WO2010131855A3");
  EXPECT_EQ(r->assignees[0].country, "JP");
  EXPECT_EQ(r->assignees[0].city, "Tokyo");
}

// An AIA organisation applicant; no CPC block in this file.
TEST(UsptoV4Test, OrganisationApplicant) {
  PATNAV_REQUIRE_SHARED_DATA();
  Result<PatentRecord> r = ParseFile(testing::SharedData() / "uspto/xml2014/US08930553.xml");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->applicants.size(), 1u);
  EXPECT_EQ(r->applicants[0].type, PartyType::kCompany);
  EXPECT_EQ(r->applicants[0].city, "Armonk");
  EXPECT_TRUE(r->cpc.empty());
  EXPECT_EQ(r->inventors[0].country, "IL");
  EXPECT_EQ(r->inventors[1].name, "Pulito, Brian");
  EXPECT_EQ(r->abstract_text.at("en").substr(0, 53), "Processing mid-dialog SIP messages by receiving a mid");
  EXPECT_EQ(r->description.rfind("FIELD OF THE INVENTION\nThe present invention relates to computer networks", 0), 0u)
      << r->description.substr(0, 100);
  EXPECT_EQ(r->priority_date, r->filing_date);  // no priority claim
}

TEST(UsptoV4Test, Application2005Layout) {
  PATNAV_REQUIRE_SHARED_DATA();
  Result<PatentRecord> r = ParseFile(testing::SharedData() / "uspto/xmlApp2004/US20050004437A1.xml");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->doc_number, "2005004437");
  EXPECT_EQ(r->grant_date, "");
  ASSERT_EQ(r->priority_claims.size(), 1u);
  EXPECT_EQ(r->priority_claims[0].country, "CH");
  EXPECT_EQ(r->priority_claims[0].doc_number, "1974/01");
  EXPECT_EQ(r->priority_date, "2001-10-26");
  // "600300000": class, 3-digit subclass, 3 decimal digits.
  EXPECT_EQ(r->national_classes, (std::vector<std::string>{"600/300", "128/905", "345/952"}));
  // No assignee: the applicants are the applicant-inventors as published.
  ASSERT_EQ(r->applicants.size(), 2u);
  EXPECT_EQ(r->applicants[1].name, "Vering, Thomas");
  EXPECT_EQ(r->applicants[1].city, "Bremgarten b. Bern");
  EXPECT_EQ(r->applicants[1].country, "CH");
  EXPECT_EQ(r->claims_count, 10);  // no number-of-claims: the claims counted
  EXPECT_EQ(r->claims[3].depends_on, std::vector<int>{3});
  EXPECT_EQ(r->claims[0].text,
            "1. A simulation device for displaying and evaluating blood sugar readings, comprising:\na housing;\na "
            "display means; and\na storing, evaluating and controlling unit;\nwherein the evaluation is displayed by "
            "means of a virtual creature.");
}

TEST(UsptoV4Test, ApplicationMiddleNamesAndProvisionals) {
  PATNAV_REQUIRE_SHARED_DATA();
  Result<PatentRecord> r = ParseFile(testing::SharedData() / "uspto/xmlApp2004/US20050004974A1.xml");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->inventors[1].name, "Furst, Michael R.");  // first-name + middle-name
  EXPECT_EQ(r->inventors[7].last_name, "St. Jacques");
  EXPECT_EQ(r->priority_claims.size(), 4u);
  EXPECT_EQ(r->priority_date, "2002-10-16");
  EXPECT_EQ(r->national_classes, std::vector<std::string>{"709/202"});
}

// --- hand-written inputs ---------------------------------------------------

TEST(UsptoV4Test, MissingPublicationNumberIsCorruption) {
  Result<PatentRecord> r = ParseFile(testing::TestData() / "uspto4/grant_v45_no_publication_number.xml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorruption);
  EXPECT_EQ(r.status().message(), "no publication number (publication-reference/document-id/doc-number)");
}

TEST(UsptoV4Test, UnparsablePublicationNumberIsCorruption) {
  Result<PatentRecord> r = ParseFile(testing::TestData() / "uspto4/grant_v45_bad_publication_number.xml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorruption);
  EXPECT_NE(r.status().message().find("bad publication number 'unknown'"), std::string::npos)
      << r.status().message();
}

TEST(UsptoV4Test, MissingBibliographicDataIsCorruption) {
  std::unique_ptr<LoadedXml> xml = Load(testing::TestData() / "uspto4/application_v46_no_bibliographic_data.xml");
  Result<PatentRecord> app = ParseUsptoApplicationV4(xml->doc.document_element());
  ASSERT_FALSE(app.ok());
  EXPECT_EQ(app.status().code(), StatusCode::kCorruption);
  EXPECT_EQ(app.status().message(), "no bibliographic data (us-bibliographic-data-application)");
  // The grant parser handed an application root says what it lacks.
  Result<PatentRecord> grant = ParseUsptoGrantV4(xml->doc.document_element());
  ASSERT_FALSE(grant.ok());
  EXPECT_EQ(grant.status().message(), "no bibliographic data (us-bibliographic-data-grant)");
  // A null node too.
  EXPECT_FALSE(ParseUsptoGrantV4(pugi::xml_node()).ok());
}

TEST(UsptoV4Test, DesignGrantWithoutDtdVersion) {
  Result<PatentRecord> r = ParseFile(testing::TestData() / "uspto4/design_grant_no_dtd_version.xml");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->publication_number, "USD720123S1");
  EXPECT_EQ(r->doc_number, "D720123");
  EXPECT_EQ(r->kind, "S1");
  EXPECT_EQ(r->source.format, "uspto-grant-xml-4");
  EXPECT_EQ(r->national_classes, std::vector<std::string>{"D14/137"});
  EXPECT_TRUE(r->ipc.empty());
  ASSERT_EQ(r->applicants.size(), 1u);
  EXPECT_EQ(r->applicants[0].type, PartyType::kGovernment);  // role 06
  EXPECT_EQ(r->applicants[0].country, "US");                 // state DC, no country
  EXPECT_TRUE(r->assignees.empty());
  ASSERT_EQ(r->inventors.size(), 1u);
  EXPECT_EQ(r->inventors[0].name, "Doe, Jane Q.");
  EXPECT_EQ(r->claims_count, 1);
  EXPECT_EQ(r->claims[0].independent, true);
  EXPECT_FALSE(r->description_chars.has_value());  // no description
}

// --- helpers ---------------------------------------------------------------

TEST(UsptoV4Test, Version) {
  EXPECT_EQ(UsptoV4Version("v4.5 2014-04-03"), "4.5");
  EXPECT_EQ(UsptoV4Version("v40 2004-12-02"), "4.0");
  EXPECT_EQ(UsptoV4Version("v4.2 2006-08-23"), "4.2");
  EXPECT_EQ(UsptoV4Version("v4.7 2022-02-17"), "4.7");
  EXPECT_EQ(UsptoV4Version(""), "4");
  EXPECT_EQ(UsptoV4Version("draft"), "4");
  EXPECT_EQ(UsptoV4Version("v4.x"), "4");
}

TEST(UsptoV4Test, Uspc) {
  EXPECT_EQ(NormalizeUspc("715513"), "715/513");
  EXPECT_EQ(NormalizeUspc("705 26"), "705/26");
  EXPECT_EQ(NormalizeUspc("707  7"), "707/7");
  EXPECT_EQ(NormalizeUspc("379 8802"), "379/88.02");
  EXPECT_EQ(NormalizeUspc("34053912"), "340/539.12");
  EXPECT_EQ(NormalizeUspc("600300000"), "600/300");
  EXPECT_EQ(NormalizeUspc("128905000"), "128/905");
  EXPECT_EQ(NormalizeUspc("  2123"), "2/123");  // class right-aligned
  EXPECT_EQ(NormalizeUspc("D14137"), "D14/137");
  EXPECT_EQ(NormalizeUspc("D02627"), "D2/627");
  EXPECT_EQ(NormalizeUspc("PLT263"), "PLT/263");
  EXPECT_EQ(NormalizeUspc("623/4.1"), "623/4.1");
  EXPECT_EQ(NormalizeUspc("None"), "");
  EXPECT_EQ(NormalizeUspc(""), "");
  EXPECT_EQ(NormalizeUspc("715"), "");
  EXPECT_EQ(NormalizeUspc("715   "), "");
}

TEST(UsptoV4Test, ClaimRefs) {
  EXPECT_EQ(ClaimRefNumbers("CLM-00001"), std::vector<int>{1});
  EXPECT_EQ(ClaimRefNumbers("CLM-00001 CLM-00003"), (std::vector<int>{1, 3}));
  EXPECT_EQ(ClaimRefNumbers("CLM-00002-CLM-00002"), std::vector<int>{2});
  EXPECT_TRUE(ClaimRefNumbers("").empty());
  EXPECT_TRUE(ClaimRefNumbers("CLM-").empty());
  EXPECT_TRUE(ClaimRefNumbers("DRAWINGS").empty());
}

}  // namespace
}  // namespace patnav

namespace patnav {
namespace {

// <us-term-of-grant> and the parents that can start the term: divisions and
// continuations (nested parents included), never provisional applications.
TEST(UsptoV4Test, TermOfGrantAndParents) {
  PATNAV_REQUIRE_SHARED_DATA();
  Result<PatentRecord> pta = ParseFile(testing::SharedData() / "uspto/xml2004/US06859910.xml");
  ASSERT_TRUE(pta.ok()) << pta.status().ToString();
  EXPECT_EQ(pta->term_extension_days, 802);
  EXPECT_TRUE(pta->parent_applications.empty());  // only a provisional (60195933)
  EXPECT_FALSE(pta->terminal_disclaimer);

  Result<PatentRecord> division = ParseFile(testing::SharedData() / "uspto/xml2006/US07272630B2.xml");
  ASSERT_TRUE(division.ok()) << division.status().ToString();
  EXPECT_EQ(division->term_extension_days, 36);
  ASSERT_EQ(division->parent_applications.size(), 1u);
  EXPECT_EQ(division->parent_applications[0],
            (ParentApplication{"division", "US", "09876376", "2001-06-06"}));

  Result<PatentRecord> continuation = ParseFile(testing::SharedData() / "uspto/xml2014/US08927118.xml");
  ASSERT_TRUE(continuation.ok()) << continuation.status().ToString();
  EXPECT_FALSE(continuation->term_extension_days.has_value());
  bool earliest = false;
  for (const ParentApplication& p : continuation->parent_applications) {
    EXPECT_EQ(p.relation, "continuation");
    EXPECT_GE(p.date, "2008-10-17") << p.doc_number;
    earliest |= p.doc_number == "12253586" && p.date == "2008-10-17";
  }
  EXPECT_TRUE(earliest);
}

}  // namespace
}  // namespace patnav
