// Tests of facet counting: the counter (counts, order, growth), the spy over
// an in-memory database, and the facets of real searches against counts
// computed by brute force over the stored records.
#include "index/facet_spy.h"

#include <memory>

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "index/document_builder.h"
#include "index/facet_columns.h"
#include "index/facet_values.h"
#include "index/index_schema.h"
#include "search_test_corpus.h"

namespace patnav::index {
namespace {

using Counts = std::vector<std::pair<std::string, int64_t>>;

TEST(FacetCounterTest, CountsOrdersByCountThenValue) {
  FacetCounter c;
  for (const char* v : {"b", "a", "c", "b", "a", "d", "b"}) c.Add(v);
  EXPECT_EQ(c.size(), 4u);
  EXPECT_EQ(c.Top(10), (Counts{{"b", 3}, {"a", 2}, {"c", 1}, {"d", 1}}));
  EXPECT_EQ(c.Top(3), (Counts{{"b", 3}, {"a", 2}, {"c", 1}}));
  EXPECT_TRUE(c.Top(0).empty());
  EXPECT_TRUE(FacetCounter().Top(5).empty());
}

TEST(FacetCounterTest, GrowsWithoutLosingCounts) {
  FacetCounter c;
  for (int round = 0; round < 3; ++round)
    for (int i = 0; i < 5000; ++i) c.Add("value-" + std::to_string(i));
  c.Add("");  // the empty value is a value like any other
  EXPECT_EQ(c.size(), 5001u);
  Counts top = c.Top(c.size());
  ASSERT_EQ(top.size(), 5001u);
  for (size_t i = 0; i < 5000; ++i) EXPECT_EQ(top[i].second, 3);
  EXPECT_EQ(top[0].first, "value-0");  // ties by value: "value-0" < "value-1" < "value-10"
  EXPECT_EQ(top[1].first, "value-1");
  EXPECT_EQ(top[2].first, "value-10");
  EXPECT_EQ(top.back(), (std::pair<std::string, int64_t>{"", 1}));
}

// Five documents; every one has the term "all", even ones "even".
class FacetSpyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::vector<std::vector<std::string>> applicants = {
        {"ACME", "BETA"}, {"ACME"}, {}, {"BETA", "GAMMA"}, {"ACME", "GAMMA"}};
    const std::vector<std::string> countries = {"US", "EP", "US", "", "CN"};
    for (size_t i = 0; i < applicants.size(); ++i) {
      Xapian::Document doc;
      doc.add_boolean_term("all");
      if (i % 2 == 0) doc.add_boolean_term("even");
      doc.add_value(kFacetApplicants, EncodeFacetValues(applicants[i]));
      if (!countries[i].empty()) doc.add_value(kFacetCountry, EncodeFacetValues({countries[i]}));
      db_.add_document(doc);
    }
  }
  void Run(const std::string& term, FacetSpy& spy) {
    Xapian::Enquire enquire(db_);
    enquire.set_query(Xapian::Query(term));
    enquire.add_matchspy(&spy);
    enquire.get_mset(0, 1, db_.get_doccount());
  }
  Xapian::WritableDatabase db_{std::string(), Xapian::DB_BACKEND_INMEMORY};
};

TEST_F(FacetSpyTest, CountsEveryMatchingDocumentOncePerValue) {
  FacetSpy spy;
  Run("all", spy);
  EXPECT_EQ(spy.documents(), 5);
  ASSERT_EQ(spy.facets()[0].name, "applicants");
  ASSERT_EQ(spy.facets()[1].name, "countries");
  EXPECT_EQ(spy.Top(0, 10), (Counts{{"ACME", 3}, {"BETA", 2}, {"GAMMA", 2}}));
  EXPECT_EQ(spy.Top(1, 10), (Counts{{"US", 2}, {"CN", 1}, {"EP", 1}}));
  EXPECT_TRUE(spy.Top(2, 10).empty());  // no IPC values at all
  EXPECT_EQ(spy.Top(0, 1), (Counts{{"ACME", 3}}));
}

TEST_F(FacetSpyTest, CountsOnlyMatchingDocuments) {
  FacetSpy spy;
  Run("even", spy);
  EXPECT_EQ(spy.documents(), 3);
  EXPECT_EQ(spy.Top(0, 10), (Counts{{"ACME", 2}, {"BETA", 1}, {"GAMMA", 1}}));
  EXPECT_EQ(spy.Top(1, 10), (Counts{{"US", 2}, {"CN", 1}}));
}

TEST_F(FacetSpyTest, ColumnsCountAsTheSpyDoes) {
  std::shared_ptr<const FacetColumns> columns = FacetColumns::Load(db_);
  EXPECT_EQ(columns->Distinct(0), 3u);  // ACME, BETA, GAMMA
  EXPECT_EQ(columns->Values(0, 3).size(), 0u);  // the third document has no applicant
  EXPECT_EQ(columns->Values(1, 99).size(), 0u);  // beyond the last document
  for (const char* term : {"all", "even"}) {
    SCOPED_TRACE(term);
    FacetSpy spy;
    Run(term, spy);
    ColumnFacetSpy column_spy(columns);
    Xapian::Enquire enquire(db_);
    enquire.set_query(Xapian::Query(term));
    enquire.add_matchspy(&column_spy);
    enquire.get_mset(0, 1, db_.get_doccount());
    for (size_t f = 0; f < spy.facets().size(); ++f)
      for (size_t n : {1, 2, 10}) EXPECT_EQ(column_spy.Top(f, n), spy.Top(f, n)) << f << " top " << n;
  }
}

// ---- Facets of searches against brute force over the store ----

struct FacetCase {
  const char* query;
  testcorpus::Predicate match;
};

std::vector<FacetCase> FacetCases() {
  return {
      {"CC=US AND PD>=2015", [](const PatentRecord& r) { return r.country == "US" && r.publication_date >= "2015"; }},
      {"PD>=2018-01-01 AND PD<=2019-12-31",
       [](const PatentRecord& r) { return r.publication_date >= "2018" && r.publication_date < "2020"; }},
      {"IPC=H01M", [](const PatentRecord& r) {
         return std::any_of(r.ipc.begin(), r.ipc.end(), [](const std::string& s) { return s.rfind("H01M", 0) == 0; });
       }},
      {"CC=CN OR CC=EP", [](const PatentRecord& r) { return r.country == "CN" || r.country == "EP"; }},
      {"PD>=1900", [](const PatentRecord& r) { return !r.publication_date.empty(); }},
  };
}

Counts Brute(const testcorpus::Predicate& match, const std::string& facet) {
  Counts all = testcorpus::BruteFacet(testcorpus::Shared().records, match, facet);
  return all;
}

TEST(SearchFacetsTest, EqualBruteForceCountsOverTheStoreAndTopNIsTheirHead) {
  auto& corpus = testcorpus::Shared();
  for (int kept = 0; kept < 2; ++kept)  // from the slots of the hits, then from facet columns
  for (const FacetCase& c : FacetCases()) {
    SCOPED_TRACE(std::string(c.query) + (kept ? " (facet columns)" : ""));
    corpus.searcher->KeepFacetColumns(kept == 1);
    SearchRequest request;
    request.query = c.query;
    request.facets = true;
    request.facet_size = 100000;
    Result<SearchResult> r = corpus.searcher->Search(request);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->total, testcorpus::BruteCount(corpus.records, c.match));
    EXPECT_GT(r->total, 0);
    ASSERT_EQ(r->facets.size(), 4u);
    for (const char* facet : {"applicants", "countries", "ipc_subclasses", "years"}) {
      SCOPED_TRACE(facet);
      EXPECT_EQ(r->facets[facet], Brute(c.match, facet));
    }
  }

  corpus.searcher->KeepFacetColumns(false);

  // The top n are the head of the full counts.
  SearchRequest request;
  request.query = "PD>=1900";
  request.facets = true;
  request.facet_size = 5;
  Result<SearchResult> r = corpus.searcher->Search(request);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  for (const char* facet : {"applicants", "countries", "ipc_subclasses", "years"}) {
    Counts full = Brute(FacetCases().back().match, facet);
    full.resize(std::min<size_t>(full.size(), 5));
    EXPECT_EQ(r->facets[facet], full) << facet;
  }
  // The generated corpus has many applicants and IPC subclasses.
  EXPECT_EQ(r->facets["applicants"].size(), 5u);
  EXPECT_EQ(r->facets["ipc_subclasses"].size(), 5u);
}

TEST(SearchFacetsTest, FacetsOfAFreeTextQueryCountChineseValues) {
  auto& corpus = testcorpus::Shared();
  SearchRequest request;
  request.query = "锂离子电池";
  request.facets = true;
  Result<SearchResult> r = corpus.searcher->Search(request);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->total, 2);
  EXPECT_EQ(r->facets["countries"], (Counts{{"CN", 2}}));
  EXPECT_EQ(r->facets["ipc_subclasses"], (Counts{{"H01M", 2}}));
  EXPECT_EQ(r->facets["years"], (Counts{{"2018", 1}, {"2019", 1}}));
  ASSERT_EQ(r->facets["applicants"].size(), 2u);
  for (const auto& [key, n] : r->facets["applicants"]) EXPECT_EQ(key.find("有限公司"), std::string::npos) << key;

  // No facets unless asked.
  request.facets = false;
  r = corpus.searcher->Search(request);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->facets.empty());
}

}  // namespace
}  // namespace patnav::index
