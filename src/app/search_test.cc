// app::SearchPatents and app::SimilarPatents: the JSON shape shared with the
// CLI and the API, the limits a request is refused for, authorisation, and
// two threads searching one workspace at once.
#include "app/search.h"

#include <thread>

#include <gtest/gtest.h>

#include "app/patent_corpus_testing.h"
#include "app/patent_json.h"

namespace patnav::app {
namespace {

class SearchTest : public testing::PatentCorpusTest {};

Caller UserWith(domain::Role role, std::string alliance = "A") {
  Caller c;
  c.user_id = 9;
  c.username = "u";
  domain::Grant g;
  g.role = role;
  g.alliance = std::move(alliance);
  if (role == domain::Role::kMember) g.member = "M";
  if (role == domain::Role::kLicensee) g.licensee = "L";
  c.grants.push_back(g);
  return c;
}

TEST_F(SearchTest, JsonHasTotalHitsAndFacets) {
  Workspace ws({.dir = DataDir()});
  Result<SearchPatentsResult> r =
      SearchPatents(Caller::Local(), ws, {.query = "PD>=1900", .limit = 5, .facets = true});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const OrderedJson j = SearchResultJson(r->result, r->facets);
  std::vector<std::string> keys;
  for (const auto& [k, v] : j.items()) keys.push_back(k);
  EXPECT_EQ(keys, (std::vector<std::string>{"total", "hits", "facets"}));
  EXPECT_EQ(j["total"], kDocs);
  ASSERT_EQ(j["hits"].size(), 5u);
  for (const auto& h : j["hits"]) {
    std::vector<std::string> hk;
    for (const auto& [k, v] : h.items()) hk.push_back(k);
    EXPECT_EQ(hk, (std::vector<std::string>{"publication_number", "title", "applicants", "publication_date",
                                            "filing_date", "priority_date", "score"}));
  }
  int64_t by_country = 0;
  for (std::string_view key : kSearchFacetKeys) {
    ASSERT_TRUE(j["facets"][std::string(key)].is_array()) << key;
    ASSERT_FALSE(j["facets"][std::string(key)].empty()) << key;
  }
  for (const auto& c : j["facets"]["countries"]) by_country += c["count"].get<int64_t>();
  EXPECT_EQ(by_country, static_cast<int64_t>(kDocs));

  Result<SearchPatentsResult> page2 = SearchPatents(Caller::Local(), ws, {.query = "PD>=1900", .offset = 5, .limit = 5});
  ASSERT_TRUE(page2.ok());
  const OrderedJson j2 = SearchResultJson(page2->result, page2->facets);
  EXPECT_TRUE(j2["facets"].is_object() && j2["facets"].empty());
  EXPECT_NE(j2["hits"][0]["publication_number"], j["hits"][0]["publication_number"]);
}

TEST_F(SearchTest, RefusesRequestsOverTheLimitsNamingTheField) {
  Workspace ws({.dir = DataDir()});
  auto refused = [&](const SearchPatentsRequest& req, const std::string& field) {
    Result<SearchPatentsResult> r = SearchPatents(Caller::Local(), ws, req);
    ASSERT_EQ(r.status().code(), StatusCode::kInvalidArgument) << field;
    EXPECT_EQ(r.status().message().rfind(field + ":", 0), 0u) << r.status().message();
  };
  refused({.query = "PD>=1900", .limit = 0}, "limit");
  refused({.query = "PD>=1900", .limit = kMaxSearchLimit + 1}, "limit");
  refused({.query = "PD>=1900", .offset = -1}, "offset");
  refused({.query = "PD>=1900", .sort = "alphabetical"}, "sort");
  refused({.query = "TI=" + std::string(kMaxQueryBytes, 'a')}, "query");
  EXPECT_TRUE(SearchPatents(Caller::Local(), ws, {.query = "PD>=1900", .limit = kMaxSearchLimit}).ok());
  // A query-language error names the column.
  Result<SearchPatentsResult> bad = SearchPatents(Caller::Local(), ws, {.query = "TI=(battery AND"});
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("column"), std::string::npos) << bad.status().message();
}

TEST_F(SearchTest, SimilarByPublicationAndText) {
  Workspace ws({.dir = DataDir()});
  Result<SearchPatentsResult> first = SearchPatents(Caller::Local(), ws, {.query = "PD>=1900", .limit = 1});
  ASSERT_TRUE(first.ok());
  const std::string pn = first->result.hits[0].publication_number;
  Result<SimilarPatentsResult> r = SimilarPatents(Caller::Local(), ws, {.publication_number = pn, .limit = 5});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const OrderedJson j = SimilarResultJson(r->result);
  EXPECT_EQ(j["publication_number"], pn);
  ASSERT_FALSE(j["hits"].empty());
  for (const auto& h : j["hits"]) {
    EXPECT_NE(h["publication_number"], pn);
    EXPECT_FALSE(h["matched_terms"].empty());
    EXPECT_TRUE(h["percent"].is_number_integer());
  }
  EXPECT_EQ(SimilarPatents(Caller::Local(), ws, {}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(SimilarPatents(Caller::Local(), ws, {.publication_number = pn, .text = "battery"}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(SimilarPatents(Caller::Local(), ws, {.publication_number = "US1234567B2"}).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(SimilarPatents(Caller::Local(), ws, {.text = "battery", .limit = 0}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(SimilarPatents(Caller::Local(), ws, {.text = std::string(kMaxSimilarTextBytes + 1, 'a')}).status().code(),
            StatusCode::kInvalidArgument);
}

TEST_F(SearchTest, WhoMaySearch) {
  Workspace ws({.dir = DataDir()});
  const SearchPatentsRequest req{.query = "PD>=1900", .limit = 1};
  EXPECT_EQ(SearchPatents(Caller::Anonymous(), ws, req).status().code(), StatusCode::kUnauthenticated);
  EXPECT_TRUE(SearchPatents(Caller::Anonymous(/*public_search=*/true), ws, req).ok());
  EXPECT_TRUE(SearchPatents(UserWith(domain::Role::kAnalyst, ""), ws, req).ok());
  EXPECT_TRUE(SearchPatents(UserWith(domain::Role::kMember), ws, req).ok());
  EXPECT_EQ(SearchPatents(UserWith(domain::Role::kLicensee), ws, req).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(SimilarPatents(UserWith(domain::Role::kLicensee), ws, {.text = "battery"}).status().code(),
            StatusCode::kPermissionDenied);
  // Refused before any validation: the refusal does not depend on the request.
  EXPECT_EQ(SearchPatents(Caller::Anonymous(), ws, {.query = "x", .limit = 0}).status().code(),
            StatusCode::kUnauthenticated);
}

// With one searcher the threads take turns; with several they search at
// once on searchers that share one copy of the columns. Either way every
// answer is the sequential one, and no more searchers open than allowed.
class SearchersTest : public SearchTest, public ::testing::WithParamInterface<int> {};

TEST_P(SearchersTest, ThreadsOnOneWorkspaceGiveTheSequentialAnswers) {
  const int searchers = GetParam();
  Workspace ws({.dir = DataDir(), .long_lived = true, .searchers = searchers});
  const std::vector<SearchPatentsRequest> requests = {
      {.query = "PD>=1900", .limit = 10, .facets = true},
      {.query = "PD>=2015", .limit = 7, .sort = "date", .facets = true},
      {.query = "PD>=1900 NOT PD>=2012", .offset = 3, .limit = 5},
      {.query = "CC=US", .limit = 20, .sort = "citations", .facets = true},
  };
  std::vector<std::string> expected;
  for (const auto& req : requests) {
    Result<SearchPatentsResult> r = SearchPatents(Caller::Local(), ws, req);
    ASSERT_TRUE(r.ok()) << req.query << ": " << r.status().ToString();
    expected.push_back(SearchResultJson(r->result, r->facets).dump());
  }
  std::vector<std::string> failures[3];
  auto run = [&](int t) {
    for (int round = 0; round < 10; ++round)
      for (size_t i = 0; i < requests.size(); ++i) {
        const size_t k = (i + static_cast<size_t>(t) * 2) % requests.size();
        Result<SearchPatentsResult> r = SearchPatents(Caller::Local(), ws, requests[k]);
        if (!r.ok()) failures[t].push_back(r.status().ToString());
        else if (SearchResultJson(r->result, r->facets).dump() != expected[k]) failures[t].push_back(requests[k].query);
      }
  };
  std::thread a(run, 0), b(run, 1), c(run, 2);
  a.join();
  b.join();
  c.join();
  for (const auto& f : failures) EXPECT_TRUE(f.empty()) << f.front();
  EXPECT_GE(ws.SearchersOpen(), 1);
  EXPECT_LE(ws.SearchersOpen(), searchers);
}

INSTANTIATE_TEST_SUITE_P(OneAndSeveral, SearchersTest, ::testing::Values(1, 2, 3));

}  // namespace
}  // namespace patnav::app
