// Tests for ParseEpoDocument: every real EPO file in ../shared/data/epo (one
// B1 and one B2 of each DTD version, 1.0 to 1.5.1) with values read from the
// files by hand, and hand-written documents in tests/data/epo for what the
// real ones lack and for bad input.
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "model/patent_record.h"
#include "readers/xml_document.h"
#include "readers/xml_prepare.h"
#include "testing.h"

namespace patnav {
namespace {

namespace fs = std::filesystem;

// Parses a file the way the XML reader does: PrepareXml, pugixml, parser.
Result<PatentRecord> ParseFile(const fs::path& path) {
  const std::string raw = testing::ReadFile(path);
  Result<PreparedXml> prepared = PrepareXml(raw);
  if (!prepared.ok()) return prepared.status();
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed =
      doc.load_buffer(prepared->text.data(), prepared->text.size(), kPatentXmlParseOptions, pugi::encoding_utf8);
  if (!parsed) return Status::Corruption(std::string("pugixml: ") + parsed.description());
  return ParseEpoDocument(doc.document_element());
}

PatentRecord MustParse(const fs::path& path) {
  Result<PatentRecord> r = ParseFile(path);
  EXPECT_TRUE(r.ok()) << path << ": " << r.status().ToString();
  return r.ok() ? std::move(r).value() : PatentRecord{};
}

PatentRecord Shared(const std::string& name) { return MustParse(testing::SharedData() / "epo" / name); }
PatentRecord Local(const std::string& name) { return MustParse(testing::TestData() / "epo" / name); }

// --- Every real file ---------------------------------------------------------

struct Expected {
  const char* file;
  const char* publication_number;
  const char* kind;
  const char* language;
  const char* format;
  const char* publication_date;
  const char* grant_date;
  const char* filing_date;
  const char* application_number;
  const char* title_en;
  const char* title_de;
  const char* title_fr;
  int claims;  // in the document's language
  int citations;
  int npl;
  int inventors;
  const char* first_ipc;
  const char* first_applicant;
  const char* first_applicant_key;
};

const Expected kFiles[] = {
    {"v1-0-B1.xml", "EP1442058B1", "B1", "en", "epo-xml-1.0", "2006-07-19", "2006-07-19", "2002-11-18", "02779063.3",
     "PEPTIDES EFFECTIVE IN THE TREATMENT OF TUMORS AND OTHER CONDITIONS REQUIRING THE REMOVAL OR DESTRUCTION OF CELLS",
     "PEPTIDE ZUM EINSATZ IN DER BEHANDLUNG VON TUMOREN UND ANDEREN ZUSTÄNDEN, DIE DAS ENTFERNEN ODER ZERSTÖREN VON "
     "ZELLEN ERFORDERN",
     "PEPTIDES SERVANT A TRAITER DES TUMEURS OU D'AUTRES ETATS NECESSITANT LA SUPPRESSION OU LA DESTRUCTION DE "
     "CELLULES",
     3, 2, 2, 2, "C07K 14/47", "NYMOX CORPORATION", "NYMOX"},
    {"v1-0-B2.xml", "EP0874807B2", "B2", "en", "epo-xml-1.0", "2006-08-02", "2002-02-20", "1996-11-18", "96939832.0",
     "PROCESS FOR THE PREPARATION OF METHOXYMINOPHENYLGLYOXYLIC ACID DERIVATIVES",
     "VERFAHREN ZUR HERSTELLUNG VON METHOXIMINOPHENYLGLYOXYLSÄURE-DERIVATEN",
     "PROCEDE DE PREPARATION DE DERIVES DE L'ACIDE METHOXIMINOPHENYLGLYOXYLIQUE", 5, 5, 0, 3, "C07C 249/08",
     "Bayer CropScience AG", "BAYER CROPSCIENCE"},
    {"v1-1-B1.xml", "EP1019261B1", "B1", "en", "epo-xml-1.1", "2003-07-09", "2003-07-09", "1998-09-23", "98948476.1",
     "INTELLIGENT BRAKING SYSTEM FOR MATERIALS HANDLING VEHICLES",
     "INTELLIGENTES BREMSSYSTEM FÜR MATERIALHANDHABUNGSFAHRZEUGE",
     "SYSTEME DE FREINAGE INTELLIGENT POUR VEHICULES DE MANUTENTION DE MATIERES", 29, 5, 1, 1, "B60L 7/26",
     "CROWN EQUIPMENT CORPORATION", "CROWN EQUIPMENT"},
    {"v1-1-B2.xml", "EP0546210B2", "B2", "en", "epo-xml-1.1", "2003-07-09", "1997-10-01", "1991-12-11", "91121229.8",
     "Method and apparatus for heat treating metal castings",
     "Verfahren und Vorrichtung zur Wärmebehandlung von Gussstücken",
     "Procédé et dispositif pour le traitement thermique de pièces coulées", 32, 2, 3, 2, "B22D 29/00",
     "CONSOLIDATED ENGINEERING COMPANY, INC.", "CONSOLIDATED ENGINEERING"},
    {"v1-2-B1.xml", "EP0610335B1", "B1", "en", "epo-xml-1.2", "2008-01-02", "2008-01-02", "1992-10-16", "92922494.7",
     "Methods for designing recombitope peptides", "Verfahren zum Entwurf von Rekombitopen Peptiden",
     "Méthodes pour le design de peptides d'epitope recombiné", 14, 3, 8, 7, "C12N 15/62", "Merck Patent GmbH",
     "MERCK PATENT"},
    {"v1-2-B2.xml", "EP0430402B2", "B2", "en", "epo-xml-1.2", "2008-03-05", "1999-01-27", "1990-08-08", "90308718.7",
     "Methods and compositions for chromosome-specific staining",
     "Verfahren und Zusammensetzungen für chromosomenspezifische Färbung",
     "Méthodes et compositions pour la coloration de chromosomes particuliers", 4, 1, 9, 3, "C12Q 1/68",
     "The Regents of the University of California", "REGENTS OF THE UNIVERSITY OF CALIFORNIA"},
    {"v1-3-B1.xml", "EP1654642B1", "B1", "en", "epo-xml-1.3", "2008-12-24", "2008-12-24", "2004-07-01", "04777385.8",
     "METHODS AND APPARATUS FOR VERIFYING CONTEXT PARTICIPANTS IN A CONTEXT MANAGEMENT SYSTEM IN A NETWORKED "
     "ENVIRONMENT",
     "VERFAHREN UND VORRICHTUNGEN ZUM VERIFIZIEREN VON KONTEXTTEILNEHMERN IN EINEM KONTEXTVERWALTUNGSSYSTEM IN EINER "
     "VERNETZTEN UMGEBUNG",
     "PROCEDES ET DISPOSITIFS POUR VERIFIER DES PARTICIPANTS DE CONTEXTE DANS UN SYSTEME DE GESTION DE CONTEXTE DANS "
     "UN ENVIRONNEMENT RESEAU",
     32, 2, 1, 1, "G06F 9/455", "Sentillion, Inc.", "SENTILLION"},
    {"v1-3-B2.xml", "EP1497510B2", "B2", "en", "epo-xml-1.3", "2008-12-24", "2006-06-28", "2003-04-22", "03721225.5",
     "FLOORING", "FUSSBODEN", "PLANCHER", 1, 14, 0, 1, "E04F 15/04", "Välinge Innovation AB",
     // Grouping keys fold case and accents: "Välinge" and "VALINGE" group.
     "VALINGE INNOVATION"},
    {"v1-4-B1.xml", "EP0449582B1", "B1", "en", "epo-xml-1.4", "2009-10-21", "2009-10-21", "1991-03-26", "91302636.5",
     "Measuring method and apparatus", "Messverfahren und -vorrichtung", "Méthode et appareil de mesure", 12, 1, 1, 4,
     "G03F 9/00", "CANON KABUSHIKI KAISHA", "CANON"},
    {"v1-4-B2.xml", "EP1451194B2", "B2", "en", "epo-xml-1.4", "2009-12-16", "2006-10-04", "2002-10-03", "02776152.7",
     "PREPARATION OF LEVOFLOXACIN HEMIHYDRATE", "HERSTELLUNG VON LEVOFLOXACIN HEMIHYDRAT",
     "PREPARATION DE LEVOFLOXACINE HEMIHYDRATE", 9, 6, 1, 4, "C07D 498/06", "TEVA PHARMACEUTICAL INDUSTRIES LTD.",
     "TEVA PHARMACEUTICAL INDUSTRIES"},
    {"v1-5-B1.xml", "EP3404678B1", "B1", "en", "epo-xml-1.5", "2021-06-30", "2021-06-30", "2017-05-17", "17171508.9",
     "HIGH VOLTAGE ASSEMBLY AND METHOD TO OPERATE THE HIGH VOLTAGE ASSEMBLY",
     "HOCHSPANNUNGSANORDNUNG UND VERFAHREN ZUM BETREIBEN DER HOCHSPANNUNGSANORDNUNG",
     "ENSEMBLE À HAUTE TENSION ET PROCÉDÉ DE FONCTIONNEMENT DE L'ENSEMBLE À HAUTE TENSION", 12, 4, 0, 2, "H01F 27/14",
     "General Electric Technology GmbH", "GENERAL ELECTRIC TECHNOLOGY"},
    {"v1-5-B2.xml", "EP2743087B2", "B2", "de", "epo-xml-1.5", "2021-05-05", "2016-03-23", "2013-10-17", "13189031.1",
     "Printing machine with cladding", "Druckmaschine mit Verkleidung", "Imprimante avec habillage", 13, 5, 0, 2,
     "B41J 3/407", "Krones AG", "KRONES"},
    // Seven B561, one of them (US-A1- 2007 204 872) printed twice: six citations.
    {"v1-5-1-B1.xml", "EP3383757B1", "B1", "en", "epo-xml-1.5.1", "2021-07-07", "2021-07-07", "2016-08-29",
     "16849316.1", "SCREW-TYPE CLOSURE SYSTEMS WITH MAGNETIC FEATURE", "SCHRAUBVERSCHLUSSSYSTEME MIT MAGNETISCHEM MERKMAL",
     "SYSTÈMES DE FERMETURE DE TYPE À VIS COMPRENANT DES ÉLÉMENTS MAGNÉTIQUES", 8, 6, 0, 2, "B65D 51/18",
     "ELC Management LLC", "ELC MANAGEMENT"},
    {"v1-5-1-B2.xml", "EP2716170B2", "B2", "de", "epo-xml-1.5.1", "2021-09-22", "2016-02-03", "2012-09-14",
     "13196195.5", "Device for transporting material in the form of strips or tape",
     "Vorrichtung zum Transport von band- oder streifenförmigem Material",
     "Dispositif de transport de matériau en forme de bande ou de ruban", 4, 7, 0, 4, "A24C 5/20",
     "Hauni Maschinenbau GmbH", "HAUNI MASCHINENBAU"},
};

class EpoSharedFileTest : public ::testing::TestWithParam<Expected> {};

TEST_P(EpoSharedFileTest, ReadsFactsFromTheFile) {
  PATNAV_REQUIRE_SHARED_DATA();
  const Expected& e = GetParam();
  const PatentRecord r = Shared(e.file);
  EXPECT_EQ(r.publication_number, e.publication_number);
  EXPECT_EQ(r.country, "EP");
  EXPECT_EQ(r.publication_number, r.country + r.doc_number + r.kind);
  EXPECT_EQ(r.kind, e.kind);
  EXPECT_EQ(r.language, e.language);
  EXPECT_EQ(r.source.format, e.format);
  EXPECT_EQ(r.publication_date, e.publication_date);
  EXPECT_EQ(r.grant_date, e.grant_date);
  EXPECT_EQ(r.filing_date, e.filing_date);
  EXPECT_EQ(r.application_number, e.application_number);
  ASSERT_EQ(r.title.size(), 3u);
  EXPECT_EQ(r.title.at("en"), e.title_en);
  EXPECT_EQ(r.title.at("de"), e.title_de);
  EXPECT_EQ(r.title.at("fr"), e.title_fr);
  EXPECT_EQ(static_cast<int>(r.claims.size()), e.claims);
  EXPECT_EQ(static_cast<int>(r.citations.size()), e.citations);
  EXPECT_EQ(static_cast<int>(r.npl_citations.size()), e.npl);
  EXPECT_EQ(static_cast<int>(r.inventors.size()), e.inventors);
  ASSERT_FALSE(r.ipc.empty());
  EXPECT_EQ(r.ipc.front(), e.first_ipc);
  ASSERT_EQ(r.applicants.size(), 1u);  // every sample has one proprietor and no B711
  EXPECT_EQ(r.applicants.front().name, e.first_applicant);
  EXPECT_EQ(r.applicants.front().normalized, e.first_applicant_key);
  ASSERT_EQ(r.assignees.size(), 1u);
  EXPECT_EQ(r.assignees.front().name, e.first_applicant);
  // Shared invariants: claims numbered 1..n in order, first one independent,
  // a description and no abstract (B documents carry none).
  for (size_t i = 0; i < r.claims.size(); ++i) {
    EXPECT_EQ(r.claims[i].num, static_cast<int>(i) + 1);
    EXPECT_FALSE(r.claims[i].text.empty());
    ASSERT_TRUE(r.claims[i].independent.has_value());
    EXPECT_EQ(*r.claims[i].independent, r.claims[i].depends_on.empty());
  }
  EXPECT_TRUE(r.claims.front().independent.value_or(false));
  EXPECT_FALSE(r.description.empty());
  EXPECT_TRUE(r.abstract_text.empty());
  for (const Citation& c : r.citations) EXPECT_EQ(c.publication_number, c.country + c.doc_number + c.kind);
}

INSTANTIATE_TEST_SUITE_P(AllVersions, EpoSharedFileTest, ::testing::ValuesIn(kFiles),
                         [](const ::testing::TestParamInfo<Expected>& info) {
                           std::string name = info.param.file;
                           name = name.substr(0, name.find(".xml"));
                           for (char& c : name) if (c == '-') c = '_';
                           return name;
                         });

// --- Details of single files ---------------------------------------------------

TEST(EpoDocumentTest, V10B1CitationsPriorityInventorsAndClaims) {
  PATNAV_REQUIRE_SHARED_DATA();
  const PatentRecord r = Shared("v1-0-B1.xml");
  ASSERT_EQ(r.citations.size(), 2u);
  EXPECT_EQ(r.citations[0].publication_number, "WO2003008444A");  // WO-A-03/008444
  EXPECT_EQ(r.citations[0].doc_number, "2003008444");
  EXPECT_EQ(r.citations[0].kind, "A");
  EXPECT_EQ(r.citations[1].publication_number, "US5948634A");  // US-A- 5 948 634
  ASSERT_EQ(r.npl_citations.size(), 2u);
  EXPECT_EQ(r.npl_citations[0],
            "LASSERRE C ET AL.: \"A Novel Gene (HIP) Activated in Human Primary Liver Cancer\" CANCER RESEARCH, vol. "
            "52, 15 September 1992 (1992-09-15), pages 5089-5095, XP001056507");
  ASSERT_EQ(r.priority_claims.size(), 1u);
  EXPECT_EQ(r.priority_claims[0].country, "US");
  EXPECT_EQ(r.priority_claims[0].doc_number, "331477 P");
  EXPECT_EQ(r.priority_claims[0].date, "2001-11-16");
  ASSERT_EQ(r.inventors.size(), 2u);
  EXPECT_EQ(r.inventors[0].name, "AVERBACK, Paul");
  EXPECT_EQ(r.inventors[0].last_name, "AVERBACK");
  EXPECT_EQ(r.inventors[0].first_name, "Paul");
  EXPECT_EQ(r.inventors[0].type, PartyType::kIndividual);
  EXPECT_EQ(r.inventors[0].city, "Beaconsfield, Québec H9W 4J1");
  EXPECT_EQ(r.inventors[0].country, "CA");
  EXPECT_EQ(r.applicants[0].type, PartyType::kCompany);
  EXPECT_EQ(r.applicants[0].country, "CA");
  EXPECT_EQ(r.ipc, (std::vector<std::string>{"C07K 14/47", "A61K 38/17"}));
  EXPECT_TRUE(r.cpc.empty());
  ASSERT_EQ(r.claims.size(), 3u);
  EXPECT_TRUE(r.claims[0].depends_on.empty());
  EXPECT_EQ(r.claims[1].text, "An NTP-peptide according to claim 1 for use as a medicament.");
  EXPECT_EQ(r.claims[1].depends_on, std::vector<int>{1});
  EXPECT_EQ(r.claims[2].depends_on, std::vector<int>{1});
  // Nested claim-text elements become lines.
  EXPECT_EQ(r.claims[0].text.substr(0, r.claims[0].text.find('\n')),
            "An NTP-peptide consisting of an amino acid sequence selected from group consisting of:");
  EXPECT_EQ(r.description.rfind("BACKGROUND OF THE INVENTION\n1. Field of the Invention\nThe present invention is", 0), 0u)
      << r.description.substr(0, 80);
}

TEST(EpoDocumentTest, V10B2KeepsEveryPriorityAndTheOriginalGrantDate) {
  PATNAV_REQUIRE_SHARED_DATA();
  const PatentRecord r = Shared("v1-0-B2.xml");
  ASSERT_EQ(r.priority_claims.size(), 2u);
  EXPECT_EQ(r.priority_claims[0].doc_number, "338895");
  EXPECT_EQ(r.priority_claims[0].date, "1995-11-29");
  EXPECT_EQ(r.priority_claims[1].country, "CH");
  EXPECT_EQ(r.priority_claims[1].doc_number, "45196");
  EXPECT_EQ(r.priority_claims[1].date, "1996-02-21");
  // B2 republished after opposition on 2006-08-02; granted (B450) 2002-02-20.
  EXPECT_EQ(r.publication_date, "2006-08-02");
  EXPECT_EQ(r.grant_date, "2002-02-20");
  EXPECT_EQ(r.citations[0].publication_number, "EP0460575A");  // EP-A- 0 460 575
  EXPECT_EQ(r.citations[4].publication_number, "WO1995034526A");  // WO-A-95/34526
  EXPECT_EQ(r.claims[3].depends_on, (std::vector<int>{1, 2, 3}));  // "one or more of claims 1 to 3"
  EXPECT_EQ(r.ipc.size(), 5u);
}

TEST(EpoDocumentTest, V11B1OldIpcStringsOcrClaimOneAndMiddleInitials) {
  PATNAV_REQUIRE_SHARED_DATA();
  const PatentRecord r = Shared("v1-1-B1.xml");
  // B511 " 7B 60L   7/26   A", B512 " 7B 66F   9/24   B", " 7B 60T   8/26   B".
  EXPECT_EQ(r.ipc, (std::vector<std::string>{"B60L 7/26", "B66F 9/24", "B60T 8/26"}));
  // "as claimed in claim I" (sic) in claims 3 and 5; the German text says Anspruch 1.
  EXPECT_EQ(r.claims[2].depends_on, std::vector<int>{1});
  EXPECT_EQ(r.claims[4].depends_on, std::vector<int>{1});
  EXPECT_TRUE(r.claims[20].depends_on.empty());  // claim 21 is independent
  ASSERT_EQ(r.inventors.size(), 1u);
  EXPECT_EQ(r.inventors[0].last_name, "SHERMAN");  // snm "SHERMAN, Nicholas, J."
  EXPECT_EQ(r.inventors[0].first_name, "Nicholas J.");
  EXPECT_EQ(r.npl_citations[0],
            "PATENT ABSTRACTS OF JAPAN vol. 097, no. 006, 30 June 1997 & JP 09 046808 A (JATCO CORP), 14 February 1997");
  EXPECT_EQ(r.citations[2].publication_number, "DE3122720C");  // DE-C- 3 122 720
  EXPECT_EQ(r.applicants[0].city, "New Bremen, Ohio 45869");  // a line break inside <city>
}

TEST(EpoDocumentTest, V11B2ClaimListsAndPrecedingClaims) {
  PATNAV_REQUIRE_SHARED_DATA();
  const PatentRecord r = Shared("v1-1-B2.xml");
  EXPECT_TRUE(r.priority_claims.empty());  // no B300
  EXPECT_EQ(r.claims[3].depends_on, (std::vector<int>{1, 2, 3}));  // "of Claim 1, 2 or 3"
  EXPECT_EQ(r.claims[4].depends_on, (std::vector<int>{1, 2, 3, 4}));  // "one of the preceding Claims"
  EXPECT_EQ(r.claims[9].depends_on, (std::vector<int>{1, 4, 9}));  // "Claims 1 and 9 or Claims 4 and 9"
  EXPECT_TRUE(r.claims[18].depends_on.empty());  // "... and reclaiming sand" is no reference
  EXPECT_EQ(r.claims[24].depends_on, (std::vector<int>{19, 20, 21, 22, 23, 24}));  // "one of Claims 19 to 24"
}

TEST(EpoDocumentTest, V13B1PrettyPrintedWhitespaceCollapses) {
  PATNAV_REQUIRE_SHARED_DATA();
  const PatentRecord r = Shared("v1-3-B1.xml");
  EXPECT_EQ(r.ipc, std::vector<std::string>{"G06F 9/455"});  // "G06F 9/455 20060101AFI20051108BHEP"
  EXPECT_EQ(r.citations[0].publication_number, "WO2001092999A");
  EXPECT_EQ(r.inventors[0].name, "FUSARI, David");
  EXPECT_EQ(r.claims[1].depends_on, std::vector<int>{1});
  EXPECT_EQ(r.claims[0].text.rfind("A method for use in a system comprising at least one client (300), ", 0), 0u);
}

TEST(EpoDocumentTest, V13B2CitationNumberShapes) {
  PATNAV_REQUIRE_SHARED_DATA();
  const PatentRecord r = Shared("v1-3-B2.xml");
  ASSERT_EQ(r.citations.size(), 14u);
  EXPECT_EQ(r.citations[0].publication_number, "WO2000020705A1");  // WO-A1-00/20705
  EXPECT_EQ(r.citations[7].publication_number, "DE19718319A1");    // DE-A1- 19 718 319
  EXPECT_EQ(r.citations[9].publication_number, "DE29618318U1");    // DE-U1- 29 618 318
  EXPECT_EQ(r.citations[10].publication_number, "JP7300979A");     // JP-A- 7 300 979
  EXPECT_EQ(r.citations[11].publication_number, "SE0201225A");     // SE-A- 0 201 225
  EXPECT_EQ(r.priority_claims.size(), 2u);
}

TEST(EpoDocumentTest, V14B2AnyPrecedingClaimAndRepeatedIpc) {
  PATNAV_REQUIRE_SHARED_DATA();
  const PatentRecord r = Shared("v1-4-B2.xml");
  EXPECT_EQ(r.claims[2].depends_on, (std::vector<int>{1, 2}));  // "any preceding claim"
  EXPECT_EQ(r.claims[7].depends_on, (std::vector<int>{6, 7}));  // "Claim 6 or Claim 7"
  // C07D 498/06 is listed twice (AFI and ALN): kept once.
  EXPECT_EQ(r.ipc, (std::vector<std::string>{"C07D 498/06", "A61K 31/5383", "C07D 265/00", "C07D 221/00"}));
  EXPECT_EQ(r.priority_claims.size(), 3u);
  EXPECT_EQ(r.inventors[0].name, "NIDDAM-HILDESHEIM, Valerie");
}

TEST(EpoDocumentTest, V151B1DuplicateCitationKeptOnce) {
  PATNAV_REQUIRE_SHARED_DATA();
  const PatentRecord r = Shared("v1-5-1-B1.xml");
  std::vector<std::string> numbers;
  for (const Citation& c : r.citations) numbers.push_back(c.publication_number);
  EXPECT_EQ(numbers, (std::vector<std::string>{"WO2014114885A1", "CN202128028U", "FR2973005A1", "US2007204872A1",
                                               "US2012279876A1", "US6382450B1"}));
  EXPECT_EQ(r.priority_claims[0].doc_number, "201514865040");
}

TEST(EpoDocumentTest, V151B2GermanClaimsCpcAndReissueCitation) {
  PATNAV_REQUIRE_SHARED_DATA();
  const PatentRecord r = Shared("v1-5-1-B2.xml");
  EXPECT_EQ(r.language, "de");
  ASSERT_EQ(r.claims.size(), 4u);
  EXPECT_EQ(r.claims[1].text.rfind("Vorrichtung nach Anspruch 1, dadurch gekennzeichnet, dass", 0), 0u);
  EXPECT_EQ(r.claims[1].depends_on, std::vector<int>{1});
  EXPECT_EQ(r.claims[2].depends_on, std::vector<int>{2});
  EXPECT_EQ(r.claims[3].depends_on, (std::vector<int>{1, 2, 3}));  // "nach einem der vorangegangenen Ansprüche"
  EXPECT_EQ(r.cpc, std::vector<std::string>{"A24C 5/20"});
  EXPECT_EQ(r.citations.back().publication_number, "USRE36154E");  // US-E- R E36 154
  EXPECT_EQ(r.description.rfind("Die Erfindung betrifft eine Vorrichtung zum Transport", 0), 0u);
}

TEST(EpoDocumentTest, V15B2GermanRanges) {
  PATNAV_REQUIRE_SHARED_DATA();
  const PatentRecord r = Shared("v1-5-B2.xml");
  EXPECT_EQ(r.claims[3].depends_on, (std::vector<int>{1, 2, 3}));  // "nach einem der Ansprüche 1 bis 3"
  EXPECT_EQ(r.claims[9].depends_on, (std::vector<int>{8, 9}));     // "Ansprüche 8 oder 9"
  EXPECT_TRUE(r.claims[7].depends_on.empty());                    // claim 8 is independent
  EXPECT_EQ(r.citations[1].publication_number, "DE102009041527A1");  // DE-A1-102009 041 527
  EXPECT_EQ(r.citations[3].publication_number, "US2004003741A1");    // US-A1- 2004 003 741
}

// --- Hand-written documents ------------------------------------------------------

TEST(EpoDocumentTest, ADocumentWithApplicantsAbstractAndOldIpc) {
  const PatentRecord r = Local("a1_minimal.xml");
  EXPECT_EQ(r.publication_number, "EP3000004A1");
  EXPECT_EQ(r.source.format, "epo-xml-1.4");
  EXPECT_EQ(r.publication_date, "2018-01-03");
  EXPECT_EQ(r.grant_date, "");  // an A document is no grant
  EXPECT_EQ(r.language, "fr");
  EXPECT_EQ(r.ipc, (std::vector<std::string>{"H01M 10/0525", "H01M 4/13"}));
  ASSERT_EQ(r.abstract_text.size(), 1u);
  EXPECT_EQ(r.abstract_text.at("fr"), "Une batterie lithium comprenant une électrode.");
  EXPECT_EQ(r.description, "DOMAINE\nL'invention concerne une batterie.");
  // B711 applicants; no proprietors, so no assignees.
  ASSERT_EQ(r.applicants.size(), 2u);
  EXPECT_EQ(r.applicants[0].name, "Société Exemple SA");
  EXPECT_EQ(r.applicants[0].type, PartyType::kCompany);
  EXPECT_EQ(r.applicants[0].city, "75001 Paris");
  EXPECT_EQ(r.applicants[1].name, "DUPONT, Marie");
  EXPECT_EQ(r.applicants[1].type, PartyType::kIndividual);
  EXPECT_EQ(r.applicants[1].first_name, "Marie");
  EXPECT_TRUE(r.assignees.empty());
  // fnm kept apart; "Dr." dropped; the undesignated-inventor placeholder skipped.
  ASSERT_EQ(r.inventors.size(), 2u);
  EXPECT_EQ(r.inventors[0].name, "Martin, Pierre");
  EXPECT_EQ(r.inventors[1].name, "MÜLLER, Hans");
  EXPECT_EQ(r.inventors[1].city, "München");
  // "see the search report" is no patent number and is dropped; "US 2015/0112182 A1"
  // is outside the CC-K-NNNN grammar but still a publication number.
  ASSERT_EQ(r.citations.size(), 2u);
  EXPECT_EQ(r.citations[0].publication_number, "EP1234567A1");
  EXPECT_EQ(r.citations[1].publication_number, "US2015112182A1");
  // No claims in French: the only claims element (English) is used.
  ASSERT_EQ(r.claims.size(), 2u);
  EXPECT_EQ(r.claims[1].depends_on, std::vector<int>{1});  // "the preceding claim"
}

TEST(EpoDocumentTest, StrayLessThanAndBareAmpersandSurviveInText) {
  const PatentRecord r = Local("stray_chars.xml");
  EXPECT_EQ(r.publication_number, "EP3000003B1");
  EXPECT_EQ(r.title.at("en"), "Seals & gaskets");
  ASSERT_EQ(r.claims.size(), 2u);
  EXPECT_EQ(r.claims[0].text, "A seal wherein the pressure p < 5 bar & the temperature T < 80 °C.");
  EXPECT_EQ(r.claims[1].text, "The seal of claim 1, made by Smith & Co.");
  EXPECT_EQ(r.claims[1].depends_on, std::vector<int>{1});
}

TEST(EpoDocumentTest, MissingDocNumberIsCorruption) {
  Result<PatentRecord> r = ParseFile(testing::TestData() / "epo" / "no_doc_number.xml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorruption);
  EXPECT_EQ(r.status().message(), "EPO document has no publication number (no doc-number attribute, no B110)");
}

TEST(EpoDocumentTest, MissingKindIsCorruption) {
  Result<PatentRecord> r = ParseFile(testing::TestData() / "epo" / "no_kind.xml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorruption);
  EXPECT_EQ(r.status().message(), "EPO document EP3000002 has no kind code (no kind attribute, no B130)");
}

TEST(EpoDocumentTest, FallsBackToSdobiWhenRootAttributesAreAbsent) {
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(
      "<ep-patent-document><SDOBI><B100><B110>1442058</B110><B130>B1</B130><B140><date>20060719</date></B140>"
      "<B190>EP</B190></B100><B200><B260>en</B260></B200></SDOBI></ep-patent-document>"));
  Result<PatentRecord> r = ParseEpoDocument(doc.document_element());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->publication_number, "EP1442058B1");
  EXPECT_EQ(r->publication_date, "2006-07-19");
  EXPECT_EQ(r->grant_date, "2006-07-19");  // a B1 without B450 is granted on publication
  EXPECT_EQ(r->language, "en");
  EXPECT_EQ(r->source.format, "epo-xml");  // no dtd-version
  EXPECT_TRUE(r->claims.empty());
}

TEST(EpoDocumentTest, WrongRootIsInvalidArgument) {
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string("<us-patent-grant/>"));
  Result<PatentRecord> r = ParseEpoDocument(doc.document_element());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
}

TEST(EpoDocumentTest, UnparsableDocNumberIsCorruption) {
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(R"(<ep-patent-document country="EP" doc-number="n/a" kind="B1"/>)"));
  Result<PatentRecord> r = ParseEpoDocument(doc.document_element());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorruption);
}

}  // namespace
}  // namespace patnav
