// Tests of the index document layout: terms per index_schema.h (text fields,
// boolean terms, classification levels), value slots, facet lists and the
// document data; and the small encodings beside it.
#include "index/document_builder.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "index/classification_terms.h"
#include "index/document_data.h"
#include "index/facet_values.h"
#include "index/index_schema.h"
#include "model/party.h"

namespace patnav::index {
namespace {

PatentRecord Sample() {
  PatentRecord r;
  r.country = "CN";
  r.doc_number = "109900001";
  r.kind = "A";
  r.publication_number = "CN109900001A";
  r.publication_date = "2019-03-05";
  r.filing_date = "2017-03-04";
  r.priority_date = "2016-12-01";
  r.language = "zh";
  r.title["zh"] = "锂离子电池正极材料";
  r.title["en"] = "Cathode material for lithium-ion batteries";
  r.abstract_text["en"] = "A cathode material coated with carbon.";
  r.claims.push_back({1, "A battery comprising a cathode.", true, {}});
  r.claims.push_back({2, "The battery of claim 1, wherein the cathode is coated.", false, {1}});
  r.claims_count = 2;
  r.applicants.push_back(MakeOrganisation("宁德时代新能源科技股份有限公司"));
  r.applicants.push_back(MakeOrganisation("Acme Batteries Inc."));
  r.assignees.push_back(MakeOrganisation("Assignee Holdings Ltd."));
  r.inventors.push_back(MakePerson("Zhang", "Wei"));
  r.ipc = {"H01M 4/36", "H01M 10/0525", "C01B 32/05"};
  r.cpc = {"Y02E 60/10"};
  r.citations.push_back({"US2015112182A1", "US", "2015112182", "A1", "", "cited by examiner"});
  r.citations.push_back({"", "JP", "2001123456", "A", "", ""});
  r.description = "The description mentions graphene.";
  return r;
}

std::set<std::string> TermSet(const Xapian::Document& doc) {
  std::set<std::string> terms;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) terms.insert(*it);
  return terms;
}

TEST(ClassificationTermsTest, EveryLevel) {
  EXPECT_EQ(ClassificationLevels("H01M 10/0525"),
            (std::vector<std::string>{"H", "H01", "H01M", "H01M10", "H01M10/0525"}));
  EXPECT_EQ(ClassificationLevels("H01M"), (std::vector<std::string>{"H", "H01", "H01M"}));
  EXPECT_EQ(ClassificationLevels("G06F 17/60"), (std::vector<std::string>{"G", "G06", "G06F", "G06F17", "G06F17/60"}));
  EXPECT_TRUE(ClassificationLevels("123").empty());
  EXPECT_EQ(ClassificationKey("h01m"), "H01M");
  EXPECT_EQ(ClassificationKey("H01M 010/0525"), "H01M10/0525");
  EXPECT_EQ(ClassificationKey("H01M10"), "H01M10");
  EXPECT_EQ(ClassificationSubclass("H01M 10/0525"), "H01M");
  EXPECT_EQ(ClassificationSubclass("H01"), "");
}

TEST(FacetValuesTest, RoundTripDropsEmptyAndRepeats) {
  const std::string encoded = EncodeFacetValues({"ACME", "", "宁德时代新能源", "ACME", "B"});
  EXPECT_EQ(DecodeFacetValues(encoded), (std::vector<std::string>{"ACME", "宁德时代新能源", "B"}));
  EXPECT_EQ(EncodeFacetValues({}), "");
  EXPECT_TRUE(DecodeFacetValues("").empty());
  std::vector<std::string_view> views;
  DecodeFacetValues(encoded, views);
  EXPECT_EQ(views.size(), 3u);
}

TEST(DocumentDataTest, RoundTripAndErrors) {
  DocumentData d{"US1A", "Title \"quoted\"", {"A", "B"}, "2015-01-06", "", "2013-01-01", "US", "A"};
  Result<DocumentData> back = DecodeDocumentData(EncodeDocumentData(d));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, d);
  EXPECT_FALSE(DecodeDocumentData("not json").ok());
  EXPECT_FALSE(DecodeDocumentData(R"({"pn": 5})").ok());
  EXPECT_TRUE(DecodeDocumentData(R"({"pn": "X", "future": 1})").ok());
}

TEST(DocumentBuilderTest, BooleanTermsAndClassificationLevels) {
  const std::set<std::string> terms = TermSet(BuildDocument(Sample(), 7));
  for (const char* t : {"QCN109900001A", "XCCCN", "XKDA", "XPY2019",
                        // IPC at every level
                        "XIPCH", "XIPCH01", "XIPCH01M", "XIPCH01M10", "XIPCH01M10/0525", "XIPCH01M4", "XIPCH01M4/36",
                        "XIPCC01B32/05", "XCPCY02E60/10", "XCPCY",
                        // applicant and assignee keys, cited publications
                        "XCIUS2015112182A1", "XCIJP2001123456A"})
    EXPECT_TRUE(terms.count(t)) << t;
  EXPECT_TRUE(terms.count(BooleanTerm(kApplicantKey, NormalizeOrganisation("Acme Batteries Inc."))));
  EXPECT_TRUE(terms.count(BooleanTerm(kApplicantKey, NormalizeOrganisation("Assignee Holdings Ltd."))));
  EXPECT_FALSE(terms.count("XCPCH01M"));
}

TEST(DocumentBuilderTest, TextUnderEveryPrefix) {
  const std::set<std::string> terms = TermSet(BuildDocument(Sample(), 0));
  for (const char* t : {// title in both languages, raw and stemmed
                        "Scathode", "ZSbatteri", "S锂离", "S电池",
                        // abstract and claims
                        "XABcarbon", "ZXABcoat", "XCLcomprising", "ZXCLcompris",
                        // description only under its prefix
                        "XDEgraphene", "ZXDEgraphen",
                        // names as words
                        "XPAacme", "XPA宁德", "XINzhang", "XINwei"})
    EXPECT_TRUE(terms.count(t)) << t;
  // Each text is indexed once, under its own prefix: nothing unprefixed.
  for (const char* t : {"cathode", "Zbatteri", "锂离", "电池", "coated", "graphene"}) EXPECT_FALSE(terms.count(t)) << t;
}

TEST(DocumentBuilderTest, PhrasesDoNotSpanFieldsOrClaims) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  PatentRecord r = Sample();
  r.claims = {{1, "first claim ends with alpha", true, {}}, {2, "beta starts the second", false, {}}};
  db.add_document(BuildDocument(r, 0));
  Xapian::Enquire enquire(db);
  auto count = [&](const Xapian::Query& q) {
    enquire.set_query(q);
    return enquire.get_mset(0, 10).size();
  };
  const std::vector<std::string> within = {"XCLends", "XCLwith"};
  const std::vector<std::string> across = {"XCLalpha", "XCLbeta"};
  EXPECT_EQ(count(Xapian::Query(Xapian::Query::OP_PHRASE, within.begin(), within.end())), 1u);
  EXPECT_EQ(count(Xapian::Query(Xapian::Query::OP_PHRASE, across.begin(), across.end())), 0u);
  const std::vector<std::string> title_abstract = {"batteries", "a"};  // end of title, start of abstract
  EXPECT_EQ(count(Xapian::Query(Xapian::Query::OP_PHRASE, title_abstract.begin(), title_abstract.end())), 0u);
}

TEST(DocumentBuilderTest, ValuesFacetsAndData) {
  const Xapian::Document doc = BuildDocument(Sample(), 7);
  EXPECT_EQ(doc.get_value(kPublicationDate), Xapian::sortable_serialise(20190305));
  EXPECT_EQ(doc.get_value(kFilingDate), Xapian::sortable_serialise(20170304));
  EXPECT_EQ(doc.get_value(kPriorityDate), Xapian::sortable_serialise(20161201));
  EXPECT_EQ(doc.get_value(kGrantDate), "");
  EXPECT_EQ(doc.get_value(kForwardCitations), Xapian::sortable_serialise(7));
  EXPECT_EQ(doc.get_value(kClaimsCount), Xapian::sortable_serialise(2));
  EXPECT_EQ(DecodeFacetValues(doc.get_value(kFacetApplicants)),
            (std::vector<std::string>{NormalizeOrganisation("宁德时代新能源科技股份有限公司"),
                                      NormalizeOrganisation("Acme Batteries Inc.")}));
  EXPECT_EQ(DecodeFacetValues(doc.get_value(kFacetCountry)), (std::vector<std::string>{"CN"}));
  EXPECT_EQ(DecodeFacetValues(doc.get_value(kFacetIpcSubclasses)), (std::vector<std::string>{"H01M", "C01B"}));
  EXPECT_EQ(DecodeFacetValues(doc.get_value(kFacetYear)), (std::vector<std::string>{"2019"}));
  Result<DocumentData> data = DecodeDocumentData(doc.get_data());
  ASSERT_TRUE(data.ok());
  EXPECT_EQ(data->pn, "CN109900001A");
  EXPECT_EQ(data->title, "锂离子电池正极材料");  // the publication's language first
  EXPECT_EQ(data->applicants, (std::vector<std::string>{"宁德时代新能源科技股份有限公司", "Acme Batteries Inc."}));
  EXPECT_EQ(data->pd, "2019-03-05");
  EXPECT_EQ(data->prd, "2016-12-01");
  EXPECT_EQ(data->cc, "CN");
  EXPECT_EQ(data->kind, "A");
}

TEST(DocumentBuilderTest, AssigneesStandInForMissingApplicants) {
  PatentRecord r = Sample();
  r.applicants.clear();
  const Xapian::Document doc = BuildDocument(r, 0);
  EXPECT_EQ(DecodeFacetValues(doc.get_value(kFacetApplicants)),
            (std::vector<std::string>{NormalizeOrganisation("Assignee Holdings Ltd.")}));
  EXPECT_EQ(DecodeDocumentData(doc.get_data())->applicants, (std::vector<std::string>{"Assignee Holdings Ltd."}));
}

TEST(DocumentBuilderTest, HostileValuesDoNotBreakXapian) {
  PatentRecord r = Sample();
  r.applicants.push_back(MakeOrganisation(std::string(400, 'X') + " Corp"));
  r.citations.push_back({std::string(300, '9'), "", "", "", "", ""});
  r.title["en"] = std::string(500, 'a') + " ok";
  r.publication_date = "2019";
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document doc = BuildDocument(r, 0);
  EXPECT_NO_THROW(db.add_document(doc));
  EXPECT_EQ(doc.get_value(kPublicationDate), "");
  EXPECT_EQ(BooleanTerm("Q", ""), "");
  EXPECT_LE(BooleanTerm("XPK", std::string(300, 'Y')).size(), 245u);
  EXPECT_EQ(DateNumber("2015-01-06"), 20150106);
  EXPECT_EQ(DateNumber("2015-1-6"), -1);
}

}  // namespace
}  // namespace patnav::index
