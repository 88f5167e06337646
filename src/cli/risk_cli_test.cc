// patnav risk end to end on a generated corpus: the paraphrased patent first
// in JSON and text, the description read from a file, the HTML written to a
// file, and the exit status 2 with a clear message for an empty description,
// an unknown country and an XLSX without --out.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "testing.h"

namespace patnav {
namespace {

using testing::RunPatnav;
using testing::ScratchDir;

// Claim 1 of US10512588B2 (generated corpus, seed 11) in other words.
constexpr const char* kProduct =
    "The SkyCell is a metal-air battery for delivery drones. Its positive-electrode active materials are disposed "
    "over the current collectors. A positive electrode sheet electrically connects to the carbon nanotube network. "
    "Inside, a network of carbon nanotubes carries the current.";

TEST(RiskCli, ReportInEveryFormatAndBadInput) {
  ScratchDir dir;
  const std::string db = (dir.path() / "db").string();
  const std::string corpus = (dir.path() / "corpus.xml").string();
  auto gen = RunPatnav(dir, {"generate", "--docs", "200", "--seed", "11", "--no-full-text", "--out", corpus});
  ASSERT_EQ(gen.code, 0) << gen.err;
  auto ingest = RunPatnav(dir, {"ingest", "--db", db, corpus});
  ASSERT_EQ(ingest.code, 0) << ingest.err;

  auto json = RunPatnav(dir, {"risk", "--db", db, "--text", kProduct, "--country", "us", "--as-of", "2025-06-01",
                              "--format", "json"});
  ASSERT_EQ(json.code, 0) << json.err;
  nlohmann::json j = nlohmann::json::parse(json.out);
  ASSERT_FALSE(j["patents"].empty());
  EXPECT_EQ(j["patents"][0]["publication_number"], "US10512588B2");
  EXPECT_EQ(j["patents"][0]["tier"], "high");
  EXPECT_EQ(j["countries"], nlohmann::json::array({"US"}));

  testing::WriteFile(dir.path() / "product.txt", kProduct);
  auto text = RunPatnav(dir, {"risk", "--db", db, "--file", (dir.path() / "product.txt").string(), "--country",
                              "US,CN", "--as-of", "2025-06-01"});
  ASSERT_EQ(text.code, 0) << text.err;
  EXPECT_NE(text.out.find("1. US10512588B2"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("[x] a carbon nanotube network"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("not a legal opinion"), std::string::npos);

  const std::string html = (dir.path() / "risk.html").string();
  auto page = RunPatnav(dir, {"risk", "--db", db, "--text", kProduct, "--country", "US", "--format", "html", "--out", html});
  ASSERT_EQ(page.code, 0) << page.err;
  EXPECT_NE(testing::ReadFile(html).find("专利风险筛查报告"), std::string::npos);

  auto empty = RunPatnav(dir, {"risk", "--db", db, "--text", " ", "--country", "US"});
  EXPECT_EQ(empty.code, 2);
  EXPECT_NE(empty.err.find("product description is empty"), std::string::npos) << empty.err;
  auto country = RunPatnav(dir, {"risk", "--db", db, "--text", kProduct, "--country", "US,QQ"});
  EXPECT_EQ(country.code, 2);
  EXPECT_NE(country.err.find("'QQ' is not an ISO 3166-1 country code"), std::string::npos) << country.err;
  auto xlsx = RunPatnav(dir, {"risk", "--db", db, "--text", kProduct, "--country", "US", "--format", "xlsx"});
  EXPECT_EQ(xlsx.code, 2);
  EXPECT_NE(xlsx.err.find("needs --out"), std::string::npos) << xlsx.err;
}

}  // namespace
}  // namespace patnav
