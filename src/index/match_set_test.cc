// MatchingSet against Xapian's own matcher: for queries exercising every
// operator and field, the bitmap evaluation finds exactly the documents the
// built Xapian query matches; and the searcher's totals and facets with
// columns kept equal those without.
#include "index/match_set.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "index/near_window.h"
#include "index/patent_index.h"
#include "index/query_builder.h"
#include "index/query_parser.h"
#include "index/text_segment_set.h"
#include "search_test_corpus.h"

namespace patnav::index {
namespace {

const std::vector<std::string>& Queries() {
  static const std::vector<std::string> queries = {
      "battery", "batteries", "TI=battery", "AB=anode", "CL=anode", "TA=layered", "FT=graphene", "TAC=anode",
      "graphene", "lithium battery", "lithium OR battery", "battery NOT lithium", "NOT battery",
      "(battery OR cells) AND NOT lithium", "battery AND (system OR method) NOT CC=US",
      "\"lithium ion battery\"", "\"electric vehicle\"", "lithium NEAR/2 battery", "(battery OR cells) NEAR/1 lithium",
      "batter*", "TI=sys*", "锂电池", "锂 电池", "\"锂电池 正极\"", "TI=(锂电池 OR 固态电解质)", "锂电池 NEAR/3 材料",
      "PA=samsung", "PA=\"Samsung Electronics Corporation\" NOT PA=samsung", "IN=(jane OR 张)", "PA=比亚迪",
      "IPC=H01M", "IPC=H01M 10/05*", "IPC=(H02J OR B60L)", "CPC=H01M", "CC=(US OR EP)", "KD=B2", "KD=U",
      "PD=2015", "PD=[2016 TO 2019]", "PD>=2020", "PD<2016", "AD>=2015-06-01", "PRD<=2014",
      "CC=US AND PD>=2015", "CC=US NOT PD>=2015", "TI=(method OR device) AND PD<2016",
      "battery AND CC=US AND PD=[2010 TO 2030]", "- AND battery", "system OR -",
  };
  return queries;
}

TEST(MatchSetTest, EqualsXapianMatchesForEveryOperatorAndField) {
  auto& corpus = testcorpus::Shared();
  Result<PatentIndex> index = PatentIndex::OpenForReading(corpus.dir.path());
  ASSERT_TRUE(index.ok()) << index.status().ToString();
  const Xapian::Database db = index->db();
  std::shared_ptr<const DateColumns> dates = DateColumns::Load(db);
  EXPECT_EQ(dates->all().Count(), static_cast<int64_t>(db.get_doccount()));
  Result<std::shared_ptr<const TextSegmentSet>> segments = TextSegmentSet::Load(db, PatentIndex::IndexDir(corpus.dir.path()));
  ASSERT_TRUE(segments.ok()) << segments.status().ToString();
  ASSERT_NE(*segments, nullptr);
  int nonempty = 0;
  for (const std::string& text : Queries()) {
    SCOPED_TRACE(text);
    const QueryLimits limits;
    Result<QueryAst> ast = ParseQuery(text, limits);
    ASSERT_TRUE(ast.ok()) << ast.status().ToString();
    Result<Xapian::Query> q = BuildQuery(*ast, limits, &db);
    ASSERT_TRUE(q.ok()) << q.status().ToString();
    Result<DocSet> set = MatchingSet(db, *ast, limits, *dates);
    ASSERT_TRUE(set.ok()) << set.status().ToString();
    std::vector<Xapian::docid> ours;
    set->ForEach([&](Xapian::docid did) { ours.push_back(did); });
    const std::vector<Xapian::docid> expected = testcorpus::XapianMatches(db, *q);
    EXPECT_EQ(ours, expected);
    EXPECT_EQ(set->Count(), static_cast<int64_t>(expected.size()));
    // Phrases matched in the text segments instead: the same documents.
    Result<DocSet> from_segments = MatchingSet(db, *ast, limits, *dates, nullptr, nullptr, nullptr, segments->get());
    ASSERT_TRUE(from_segments.ok()) << from_segments.status().ToString();
    std::vector<Xapian::docid> theirs;
    from_segments->ForEach([&](Xapian::docid did) { theirs.push_back(did); });
    EXPECT_EQ(theirs, expected);
    nonempty += !expected.empty();
  }
  EXPECT_GT(nonempty, 30);  // most of the queries find something
}

TEST(MatchSetTest, NearWindowIsReadBackFromTheQuery) {
  const std::vector<Xapian::Query> two{Xapian::Query("XCLa"), Xapian::Query("XCLb")};
  EXPECT_EQ(NearWindow(Xapian::Query(Xapian::Query::OP_NEAR, two.begin(), two.end(), 7)), 7u);
  EXPECT_EQ(NearWindow(Xapian::Query(Xapian::Query::OP_NEAR, two.begin(), two.end())), 2u);  // 0: the default
  const std::vector<Xapian::Query> grouped{Xapian::Query(Xapian::Query::OP_OR, two.begin(), two.end()),
                                           Xapian::Query("XCLc"), Xapian::Query("XCLd")};
  EXPECT_EQ(NearWindow(Xapian::Query(Xapian::Query::OP_NEAR, grouped.begin(), grouped.end(), 12)), 12u);
  EXPECT_EQ(NearWindow(Xapian::Query(Xapian::Query::OP_PHRASE, two.begin(), two.end(), 2)), std::nullopt);
  EXPECT_EQ(NearWindow(Xapian::Query("XCLa")), std::nullopt);
}

TEST(MatchSetTest, SearcherWithColumnsGivesTheSameTotalsAndFacets) {
  auto& corpus = testcorpus::Shared();
  Result<Searcher> plain = Searcher::Open(corpus.dir.path());
  Result<Searcher> kept = Searcher::Open(corpus.dir.path());
  Result<Searcher> unbudgeted = Searcher::Open(corpus.dir.path());  // columns, but no posting list in memory
  ASSERT_TRUE(plain.ok() && kept.ok() && unbudgeted.ok());
  kept->KeepFacetColumns(true);
  ASSERT_TRUE(kept->LoadFacetColumns().ok());
  EXPECT_GT(kept->FacetColumnsBytes(), 0u);
  ASSERT_NE(kept->posting_columns(), nullptr);
  EXPECT_GT(kept->posting_columns()->unions(), 0u);
  // Phrases of the kept searcher are matched in the text segments; the
  // plain one's by Xapian: the totals below compare the two.
  ASSERT_NE(kept->text_segments(), nullptr);
  unbudgeted->KeepFacetColumns(true);
  unbudgeted->SetPostingColumnsBudget(0);
  ASSERT_TRUE(unbudgeted->LoadFacetColumns().ok());
  EXPECT_EQ(unbudgeted->posting_columns()->terms() + unbudgeted->posting_columns()->unions(), 0u);
  for (const std::string& text : Queries()) {
    SCOPED_TRACE(text);
    for (bool facets : {false, true}) {
      SearchRequest request;
      request.query = text;
      request.facets = facets;
      request.facet_size = 1000;
      Result<SearchResult> a = plain->Search(request);
      Result<SearchResult> b = kept->Search(request);
      Result<SearchResult> c = unbudgeted->Search(request);
      ASSERT_TRUE(a.ok() && b.ok() && c.ok());
      EXPECT_EQ(b->total, c->total);
      EXPECT_EQ(b->facets, c->facets);
      ASSERT_EQ(b->hits.size(), c->hits.size());
      for (size_t i = 0; i < b->hits.size(); ++i) {
        EXPECT_EQ(b->hits[i].publication_number, c->hits[i].publication_number);
        EXPECT_EQ(b->hits[i].score, c->hits[i].score);
      }
      EXPECT_EQ(a->total, b->total);
      EXPECT_EQ(a->facets, b->facets);
      // The pages: the same size; the kept searcher's ranked from posting
      // lists (ranked_page_test.cc checks its weights), in order.
      ASSERT_EQ(a->hits.size(), b->hits.size());
      for (size_t i = 1; i < b->hits.size(); ++i) EXPECT_GE(b->hits[i - 1].score, b->hits[i].score);
    }
  }
}

}  // namespace
}  // namespace patnav::index
