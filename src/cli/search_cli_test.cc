// End-to-end tests of `patnav search` and `patnav similar`: generate → ingest
// (which indexes) → search, checking the JSON shape (total, hits, facets),
// the CSV and table forms, exit statuses, and a syntax error that names its
// column.
#include <sys/wait.h>

#include <cstdlib>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "testing.h"

namespace patnav {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::ScratchDir;

using Outcome = testing::CommandOutcome;
constexpr auto& Patnav = testing::RunPatnav;

// A store of 120 generated documents (the Chinese-tool CSV: Chinese titles
// and abstracts, US publications), ingested and therefore indexed.
class SearchCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (testing::PatnavBinary().empty() || !fs::exists(testing::PatnavBinary()))
      GTEST_SKIP() << "patnav binary not built";
    db_ = (dir_.path() / "db").string();
    const std::string csv = (dir_.path() / "corpus.csv").string();
    ASSERT_EQ(Patnav(dir_, {"generate", "--docs", "120", "--seed", "5", "--format", "csv", "--out", csv}).code, 0);
    Outcome ingest = Patnav(dir_, {"ingest", "--db", db_, "--no-progress", csv});
    ASSERT_EQ(ingest.code, 0) << ingest.err;
  }
  nlohmann::json Json(const std::vector<std::string>& args) {
    Outcome r = Patnav(dir_, args);
    EXPECT_EQ(r.code, 0) << r.err;
    return nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
  }
  ScratchDir dir_;
  std::string db_;
};

TEST_F(SearchCliTest, JsonCarriesTotalHitsAndFacets) {
  nlohmann::json j = Json({"search", "--db", db_, "PD>=1900", "--limit", "5", "--facets", "--format", "json"});
  ASSERT_TRUE(j.is_object()) << j;
  EXPECT_EQ(j["total"], 120);
  ASSERT_TRUE(j["hits"].is_array());
  ASSERT_EQ(j["hits"].size(), 5u);
  for (const auto& h : j["hits"]) {
    std::set<std::string> keys;
    for (const auto& [k, v] : h.items()) keys.insert(k);
    EXPECT_EQ(keys, (std::set<std::string>{"publication_number", "title", "applicants", "publication_date",
                                           "filing_date", "priority_date", "score"}));
    EXPECT_TRUE(h["applicants"].is_array());
    EXPECT_TRUE(h["score"].is_number());
  }
  for (const char* facet : {"applicants", "countries", "ipc_subclasses", "years"}) {
    ASSERT_TRUE(j["facets"][facet].is_array()) << facet;
    ASSERT_FALSE(j["facets"][facet].empty()) << facet;
    EXPECT_TRUE(j["facets"][facet][0]["value"].is_string()) << facet;
    EXPECT_TRUE(j["facets"][facet][0]["count"].is_number()) << facet;
  }
  // Every document has one country, and there are fewer than ten: the
  // country counts add up to the total.
  int64_t countries = 0;
  for (const auto& c : j["facets"]["countries"]) countries += c["count"].get<int64_t>();
  EXPECT_EQ(countries, 120);
  EXPECT_LE(j["facets"]["years"].size(), 10u);  // the top ten by default

  // A later page: same total, other hits.
  nlohmann::json page2 = Json({"search", "--db", db_, "PD>=1900", "--limit", "5", "--offset", "5", "--format", "json"});
  EXPECT_EQ(page2["total"], 120);
  ASSERT_EQ(page2["hits"].size(), 5u);
  EXPECT_NE(page2["hits"][0]["publication_number"], j["hits"][0]["publication_number"]);
  EXPECT_TRUE(page2["facets"].empty());

  // Sorted by date, newest first.
  nlohmann::json by_date =
      Json({"search", "--db", db_, "PD>=1900", "--limit", "50", "--sort", "date", "--format", "json"});
  for (size_t i = 1; i < by_date["hits"].size(); ++i)
    EXPECT_GE(by_date["hits"][i - 1]["publication_date"].get<std::string>(),
              by_date["hits"][i]["publication_date"].get<std::string>());
}

TEST_F(SearchCliTest, TableCsvAndSyntaxErrors) {
  Outcome table = Patnav(dir_, {"search", "--db", db_, "PD>=1900", "--limit", "3", "--facets"});
  ASSERT_EQ(table.code, 0) << table.err;
  EXPECT_NE(table.out.find("120 hits (showing 1\u20133)"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("Top applicants"), std::string::npos) << table.out;
  Outcome csv = Patnav(dir_, {"search", "--db", db_, "PD>=1900", "--limit", "3", "--format", "csv"});
  ASSERT_EQ(csv.code, 0) << csv.err;
  std::istringstream lines(csv.out);
  std::string header;
  std::getline(lines, header);
  EXPECT_EQ(header, "rank,publication_number,publication_date,filing_date,priority_date,score,title,applicants\r");
  int rows = 0;
  for (std::string l; std::getline(lines, l);) rows += !l.empty();
  EXPECT_EQ(rows, 3);

  // A syntax error exits 2 and names the column.
  Outcome r = Patnav(dir_, {"search", "--db", db_, "TI=(电池 AND"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("column"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  Outcome bad_filter = Patnav(dir_, {"similar", "--db", db_, "--text", "电池", "--filter", "CC=(US"});
  EXPECT_EQ(bad_filter.code, 2);
  EXPECT_NE(bad_filter.err.find("column"), std::string::npos) << bad_filter.err;
}

TEST(SearchCliNoIndexTest, IsAClearFailure) {
  if (testing::PatnavBinary().empty() || !fs::exists(testing::PatnavBinary())) GTEST_SKIP() << "patnav binary not built";
  ScratchDir dir;
  Outcome r = Patnav(dir, {"search", "--db", (dir.path() / "nothing").string(), "battery"});
  EXPECT_EQ(r.code, 2);  // NotFound (base/status_table.h)
  EXPECT_NE(r.err.find("patnav index"), std::string::npos) << r.err;
}

TEST_F(SearchCliTest, SimilarByPublicationAndByText) {
  nlohmann::json first = Json({"search", "--db", db_, "PD>=1900", "--limit", "1", "--format", "json"});
  const std::string pn = first["hits"][0]["publication_number"];
  nlohmann::json j = Json({"similar", "--db", db_, "--pn", pn, "--limit", "5", "--format", "json"});
  ASSERT_TRUE(j.is_object()) << j;
  EXPECT_EQ(j["publication_number"], pn);
  ASSERT_FALSE(j["hits"].empty());
  for (const auto& h : j["hits"]) {
    EXPECT_NE(h["publication_number"], pn);
    EXPECT_TRUE(h["score"].is_number());
    ASSERT_TRUE(h["matched_terms"].is_array());
    EXPECT_FALSE(h["matched_terms"].empty());
  }
  // The publication's own title as a product description finds it among the
  // first (generated titles may repeat).
  const std::string title = first["hits"][0]["title"];
  nlohmann::json t = Json({"similar", "--db", db_, "--text", title, "--limit", "3", "--format", "json"});
  std::set<std::string> top;
  for (const auto& h : t["hits"]) top.insert(h["publication_number"].get<std::string>());
  EXPECT_TRUE(top.count(pn)) << t;
  ASSERT_FALSE(t["hits"].empty());
  EXPECT_FALSE(t["hits"][0]["matched_terms"].empty());

  Outcome missing = Patnav(dir_, {"similar", "--db", db_, "--pn", "US1234567B2"});
  EXPECT_EQ(missing.code, 2);  // NotFound (base/status_table.h)
  EXPECT_NE(missing.err.find("not in the search index"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace patnav
