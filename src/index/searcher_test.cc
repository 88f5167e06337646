// Tests of Searcher: exact totals against brute force over the store, ranking
// sanity (a title match outranks a passing mention), sorting by date and by
// forward citations, pagination, CJK queries and query errors.
#include "index/searcher.h"

#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "index/text_analysis.h"
#include "search_test_corpus.h"

namespace patnav::index {
namespace {

using testcorpus::Shared;

Result<SearchResult> Find(const std::string& query, int offset = 0, int limit = 20,
                         SearchRequest::Sort sort = SearchRequest::Sort::kRelevance) {
  SearchRequest request;
  request.query = query;
  request.offset = offset;
  request.limit = limit;
  request.sort = sort;
  return Shared().searcher->Search(request);
}

std::vector<std::string> Numbers(const SearchResult& r) {
  std::vector<std::string> out;
  for (const auto& h : r.hits) out.push_back(h.publication_number);
  return out;
}

// True when some title of `r` has a word whose stem is that of `word`.
bool TitleHasWord(const PatentRecord& r, std::string_view word) {
  const std::string stem = StemmedTerm(word, "");
  for (const auto& [lang, title] : r.title)
    for (const std::string& w : Words(title))
      if (StemmedTerm(w, "") == stem) return true;
  return false;
}

TEST(SearcherTest, TotalEqualsBruteForceCount) {
  const auto& records = Shared().records;
  std::vector<std::pair<std::string, testcorpus::Predicate>> cases = {
      {"CC=US AND PD>=2015", [](const PatentRecord& r) { return r.country == "US" && r.publication_date >= "2015"; }},
      {"CC=US NOT PD>=2015", [](const PatentRecord& r) { return r.country == "US" && r.publication_date < "2015"; }},
      {"KD=B2", [](const PatentRecord& r) { return r.kind == "B2"; }},
      {"TI=system", [](const PatentRecord& r) { return TitleHasWord(r, "system"); }},
      {"TI=(method OR device) AND PD<2016",
       [](const PatentRecord& r) {
         return (TitleHasWord(r, "method") || TitleHasWord(r, "device")) && r.publication_date < "2016";
       }},
  };
  cases.push_back({"TI=(system OR method OR device) NOT CC=EP", [](const PatentRecord& r) {
                     return (TitleHasWord(r, "system") || TitleHasWord(r, "method") || TitleHasWord(r, "device")) &&
                            r.country != "EP";
                   }});
  for (const auto& [query, match] : cases) {
    const int64_t expected = testcorpus::BruteCount(records, match);
    // The total is exact whichever pass counts it: relevance (page pruned,
    // then a counting pass), a sort by value (one pass), with and without
    // facets, and on a page of any size.
    for (auto sort : {SearchRequest::Sort::kRelevance, SearchRequest::Sort::kDate})
      for (bool facets : {false, true})
        for (int limit : {0, 1, 20}) {
          SearchRequest request;
          request.query = query;
          request.sort = sort;
          request.facets = facets;
          request.limit = limit;
          Result<SearchResult> r = Shared().searcher->Search(request);
          ASSERT_TRUE(r.ok()) << query << ": " << r.status().ToString();
          EXPECT_EQ(r->total, expected) << query << " facets " << facets << " limit " << limit;
          EXPECT_EQ(r->hits.size(), static_cast<size_t>(std::min<int64_t>(limit, expected))) << query;
        }
    EXPECT_GT(expected, 0) << query;
  }
  // Hits carry the document's summary.
  Result<SearchResult> r = Find("TI=graphene");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->total, 1);
  const SearchHit& h = r->hits.at(0);
  EXPECT_EQ(h.publication_number, testcorpus::kGrapheneTitle);
  EXPECT_EQ(h.title, "Graphene heat spreader for handheld devices");
  EXPECT_EQ(h.applicants, std::vector<std::string>{"Lumen Thermal Inc."});
  EXPECT_EQ(h.publication_date, "2019-03-05");
  EXPECT_EQ(h.filing_date, "2017-03-05");
  EXPECT_EQ(h.priority_date, "2017-03-05");
  EXPECT_GT(h.score, 0);
}

TEST(SearcherTest, TitleMatchOutranksADescriptionMentionAndCjkWordsMatch) {
  // Plain words search title, abstract and claims: only the title match.
  Result<SearchResult> tac = Find("graphene");
  ASSERT_TRUE(tac.ok()) << tac.status().ToString();
  EXPECT_EQ(Numbers(*tac), std::vector<std::string>{testcorpus::kGrapheneTitle});
  // Full text finds both, the title match first.
  Result<SearchResult> ft = Find("FT=graphene");
  ASSERT_TRUE(ft.ok()) << ft.status().ToString();
  EXPECT_EQ(Numbers(*ft), (std::vector<std::string>{testcorpus::kGrapheneTitle, testcorpus::kGrapheneDescription}));
  EXPECT_GT(ft->hits[0].score, ft->hits[1].score);
  // Among documents sharing the other words, the one with the word in its
  // title ranks first.
  Result<SearchResult> mixed = Find("FT=(graphene OR processor)");
  ASSERT_TRUE(mixed.ok()) << mixed.status().ToString();
  ASSERT_GE(mixed->hits.size(), 2u);
  EXPECT_EQ(mixed->hits[0].publication_number, testcorpus::kGrapheneTitle);

  // Chinese words find the Chinese records.
  Result<SearchResult> both = Find("锂离子电池");
  ASSERT_TRUE(both.ok()) << both.status().ToString();
  const std::vector<std::string> numbers = Numbers(*both);
  EXPECT_EQ(std::set<std::string>(numbers.begin(), numbers.end()),
            (std::set<std::string>{testcorpus::kChineseBattery, testcorpus::kChineseSeparator}));
  Result<SearchResult> one = Find("TI=隔膜");
  ASSERT_TRUE(one.ok()) << one.status().ToString();
  EXPECT_EQ(Numbers(*one), std::vector<std::string>{testcorpus::kChineseSeparator});
  EXPECT_EQ(one->hits[0].applicants, std::vector<std::string>{"比亚迪股份有限公司"});
}

TEST(SearcherTest, SortsByDateNewestFirstAndByCitationsMostFirst) {
  Result<SearchResult> r = Find("CC=US", 0, 60, SearchRequest::Sort::kDate);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->hits.size(), 60u);
  for (size_t i = 1; i < r->hits.size(); ++i)
    EXPECT_GE(r->hits[i - 1].publication_date, r->hits[i].publication_date) << i;
  // The newest US publication of the store comes first.
  std::string newest;
  for (const auto& rec : Shared().records)
    if (rec.country == "US") newest = std::max(newest, rec.publication_date);
  EXPECT_EQ(r->hits[0].publication_date, newest);

  // By citations, most cited first. Forward citations by brute force: the
  // stored publications citing each one.
  std::map<std::string, int64_t> cited_by;
  for (const auto& rec : Shared().records) {
    std::set<std::string> cited;
    for (const auto& c : rec.citations) cited.insert(c.publication_number);
    for (const auto& pn : cited) ++cited_by[pn];
  }
  r = Find("PD>=1900", 0, 60, SearchRequest::Sort::kCitations);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->hits.size(), 60u);
  int64_t most = 0;
  for (const auto& [pn, n] : cited_by) most = std::max(most, n);
  ASSERT_GT(most, 1) << "the generated corpus should cite its own documents";
  EXPECT_EQ(cited_by[r->hits[0].publication_number], most);
  for (size_t i = 1; i < r->hits.size(); ++i)
    EXPECT_GE(cited_by[r->hits[i - 1].publication_number], cited_by[r->hits[i].publication_number]) << i;
}

TEST(SearcherTest, PagesAreDisjointAndConcatenateToTheRanking) {
  for (auto sort : {SearchRequest::Sort::kRelevance, SearchRequest::Sort::kDate, SearchRequest::Sort::kCitations}) {
    Result<SearchResult> all = Find("TI=(system OR method)", 0, 10000, sort);
    ASSERT_TRUE(all.ok()) << all.status().ToString();
    ASSERT_GT(all->total, 20);
    ASSERT_EQ(static_cast<int64_t>(all->hits.size()), all->total);
    std::vector<std::string> joined;
    for (int offset = 0; offset < all->total; offset += 7) {
      Result<SearchResult> page = Find("TI=(system OR method)", offset, 7, sort);
      ASSERT_TRUE(page.ok()) << page.status().ToString();
      EXPECT_EQ(page->total, all->total);
      for (const auto& pn : Numbers(*page)) joined.push_back(pn);
    }
    EXPECT_EQ(joined, Numbers(*all));
    EXPECT_EQ(std::set<std::string>(joined.begin(), joined.end()).size(), joined.size());
  }
  // Past the end, and an empty page, keep the total.
  Result<SearchResult> past = Find("CC=CN", 1000, 20);
  ASSERT_TRUE(past.ok()) << past.status().ToString();
  EXPECT_EQ(past->total, 2);
  EXPECT_TRUE(past->hits.empty());
  SearchRequest request;
  request.query = "CC=CN";
  request.limit = 0;
  request.facets = true;
  Result<SearchResult> none = Shared().searcher->Search(request);
  ASSERT_TRUE(none.ok()) << none.status().ToString();
  EXPECT_EQ(none->total, 2);
  EXPECT_TRUE(none->hits.empty());
  EXPECT_EQ(none->facets["countries"], (testcorpus::Counts{{"CN", 2}}));
}

TEST(SearcherTest, QueryErrorsAreInvalidArgumentNamingTheColumn) {
  Searcher searcher(Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY));
  SearchRequest request;
  for (const char* bad : {"TI=(battery", "XX=battery", "PD>=abc", "\"unterminated"}) {
    request.query = bad;
    Result<SearchResult> r = searcher.Search(request);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << bad;
    EXPECT_NE(r.status().message().find("column"), std::string::npos) << r.status().message();
  }
  request.query = "CC=US";
  request.offset = -1;
  EXPECT_EQ(searcher.Search(request).status().code(), StatusCode::kInvalidArgument);
}

TEST(SearcherTest, OpenWithoutIndexIsNotFoundWithTheHint) {
  testing::ScratchDir empty;
  Result<Searcher> s = Searcher::Open(empty.path());
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kNotFound);
  EXPECT_NE(s.status().message().find("patnav index"), std::string::npos) << s.status().message();
}

}  // namespace
}  // namespace patnav::index
