// Tests of similar-patent search: by publication (its near-copy first, never
// itself), by product description (the patent it describes first), CJK text,
// the filter, readable matched terms, and request errors.
#include "index/similar.h"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "search_test_corpus.h"

namespace patnav::index {
namespace {

using testcorpus::Shared;

Result<SimilarResult> ByNumber(const std::string& pn, const std::string& filter = "") {
  SimilarRequest request;
  request.publication_number = pn;
  request.filter = filter;
  return Shared().searcher->Similar(request);
}

Result<SimilarResult> ByText(const std::string& text, const std::string& filter = "") {
  SimilarRequest request;
  request.text = text;
  request.filter = filter;
  return Shared().searcher->Similar(request);
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// Every matched term is a word or CJK n-gram as written: no "Z" stem marker,
// no field prefix, no upper case.
void ExpectReadable(const std::vector<std::string>& terms) {
  for (const std::string& t : terms) {
    ASSERT_FALSE(t.empty());
    EXPECT_FALSE(t[0] >= 'A' && t[0] <= 'Z') << t;
  }
}

TEST(SimilarTest, ByPublicationFindsItsNearCopyFirstAndNeverItself) {
  Result<SimilarResult> r = ByNumber(testcorpus::kTurbine);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->publication_number, testcorpus::kTurbine);
  ASSERT_GE(r->hits.size(), 2u);
  EXPECT_EQ(r->hits[0].hit.publication_number, testcorpus::kTurbineCopy);
  EXPECT_EQ(r->hits[1].hit.publication_number, testcorpus::kTurbineCousin);
  EXPECT_GT(r->hits[0].hit.score, r->hits[1].hit.score);
  EXPECT_GE(r->hits[0].percent, r->hits[1].percent);
  for (const auto& h : r->hits) EXPECT_NE(h.hit.publication_number, testcorpus::kTurbine);
  // The copy shares the distinctive words, shown as the publication writes them.
  const auto& matched = r->hits[0].matched_terms;
  EXPECT_TRUE(Contains(matched, "microwave")) << ::testing::PrintToString(matched);
  EXPECT_TRUE(Contains(matched, "turbine")) << ::testing::PrintToString(matched);
  EXPECT_TRUE(Contains(matched, "spar")) << ::testing::PrintToString(matched);
  ExpectReadable(matched);
  ExpectReadable(r->query_terms);
  EXPECT_FALSE(Contains(r->query_terms, "the"));
  EXPECT_FALSE(Contains(r->query_terms, "and"));

  // Any spelling, with or without the kind.
  for (const char* spelling : {"US-9900003-B2", "US9900003"}) {
    Result<SimilarResult> r = ByNumber(spelling);
    ASSERT_TRUE(r.ok()) << spelling << ": " << r.status().ToString();
    EXPECT_EQ(r->publication_number, testcorpus::kTurbine);
    ASSERT_FALSE(r->hits.empty());
    EXPECT_EQ(r->hits[0].hit.publication_number, testcorpus::kTurbineCopy);
  }
  Result<SimilarResult> missing = ByNumber("US1234567B2");
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);

  // A filter restricts the candidates.
  Result<SimilarResult> us = ByNumber(testcorpus::kTurbine, "CC=US");
  ASSERT_TRUE(us.ok()) << us.status().ToString();
  ASSERT_FALSE(us->hits.empty());
  EXPECT_EQ(us->hits[0].hit.publication_number, testcorpus::kTurbineCousin);
  for (const auto& h : us->hits) EXPECT_EQ(h.hit.publication_number.substr(0, 2), "US");
  Result<SimilarResult> bad = ByNumber(testcorpus::kTurbine, "CC=(US");
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("column"), std::string::npos) << bad.status().message();
}

TEST(SimilarTest, ByTextFindsThePatentTheProductMatchesInEnglishAndChinese) {
  Result<SimilarResult> r = ByText(
      "Our product keeps the blades of a wind turbine free of ice: microwave emitters inside the spar heat the "
      "leading edge whenever the sensor detects ice.");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_GE(r->hits.size(), 3u);
  std::vector<std::string> top2 = {r->hits[0].hit.publication_number, r->hits[1].hit.publication_number};
  EXPECT_TRUE(Contains(top2, testcorpus::kTurbine)) << ::testing::PrintToString(top2);
  EXPECT_TRUE(Contains(top2, testcorpus::kTurbineCopy)) << ::testing::PrintToString(top2);
  const auto& matched = r->hits[0].matched_terms;
  EXPECT_TRUE(Contains(matched, "microwave")) << ::testing::PrintToString(matched);
  EXPECT_TRUE(Contains(matched, "blades")) << ::testing::PrintToString(matched);  // as the text writes it
  ExpectReadable(matched);
  EXPECT_FALSE(Contains(r->query_terms, "the"));
  EXPECT_FALSE(Contains(r->query_terms, "of"));

  r = ByText("锂离子电池的正极材料，包括镍钴锰酸锂颗粒");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_GE(r->hits.size(), 2u);
  EXPECT_EQ(r->hits[0].hit.publication_number, testcorpus::kChineseBattery);
  EXPECT_TRUE(Contains(r->hits[0].matched_terms, "正极")) << ::testing::PrintToString(r->hits[0].matched_terms);
  EXPECT_EQ(r->hits[1].hit.publication_number, testcorpus::kChineseSeparator);
}


TEST(SimilarTest, RequestErrors) {
  Searcher searcher(Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY));
  SimilarRequest request;
  EXPECT_EQ(searcher.Similar(request).status().code(), StatusCode::kInvalidArgument);  // neither
  request.publication_number = "US9900003B2";
  request.text = "turbine";
  EXPECT_EQ(searcher.Similar(request).status().code(), StatusCode::kInvalidArgument);  // both
  request.text.clear();
  EXPECT_EQ(searcher.Similar(request).status().code(), StatusCode::kNotFound);
  request.publication_number = "not a number";
  EXPECT_EQ(searcher.Similar(request).status().code(), StatusCode::kInvalidArgument);
  request.publication_number.clear();
  request.text = "the of and with which";
  EXPECT_EQ(searcher.Similar(request).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace patnav::index
