// Stored evaluation rounds through the patnav binary: the shipped cities
// template stored (and stored again: already there), a round of the ten
// example cities opened on it, the example CSV imported, an illegal move
// exiting 2 with the allowed ones named and nothing written, scoring refused
// until every figure is verified, then scored, explained, published with an
// outcome applied, and the ranking written as XLSX.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/operations_cli_testing.h"
#include "testing.h"

namespace patnav {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;

using RoundCliTest = OperationsCliTest;

TEST_F(RoundCliTest, ExampleCitiesFromTemplateToPublishedRanking) {
  const fs::path root = testing::TestData().parent_path().parent_path();
  const std::string system = (root / "data" / "indicators" / "cities-ip-advantage.json").string();
  const std::string csv = (testing::TestData() / "evaluation" / "cities-2024.csv").string();
  nlohmann::json stored = Json({"round", "system-add", system});
  ASSERT_TRUE(stored.is_object());
  EXPECT_EQ(stored["already_stored"], false);
  EXPECT_EQ(Json({"round", "system-add", system})["already_stored"], true);
  nlohmann::json opened = Json({"round", "open", "--system", stored["code"], "--version", stored["version"], "--name",
                                "2024 年度考核", "--province", "浙江省", "--period", "2024", "--kind", "city"});
  ASSERT_TRUE(opened.is_object());
  const std::string id = std::to_string(opened["id"].get<int64_t>());
  std::vector<std::string> add = {"round", "subjects", id};
  for (const char* s : {"C01=杭州", "C02=宁波", "C03=温州", "C04=嘉兴", "C05=湖州", "C06=绍兴", "C07=金华", "C08=衢州",
                        "C09=舟山", "C10=台州"})
    add.push_back(s);
  EXPECT_EQ(Json(add)["subjects"].size(), 10u);

  const std::string before = Operations();
  testing::CommandOutcome wrong = Run({"round", "publish", id});
  EXPECT_EQ(wrong.code, 2) << wrong.err;
  EXPECT_NE(wrong.err.find("allowed: open_self_assessment"), std::string::npos) << wrong.err;
  EXPECT_EQ(Operations(), before);

  EXPECT_EQ(Json({"round", "import", id, csv})["changed"], 160);
  Json({"round", "open_self_assessment", id});
  Json({"round", "close_self_assessment", id});
  testing::CommandOutcome unverified = Run({"round", "score", id});
  EXPECT_EQ(unverified.code, 2) << unverified.err;
  EXPECT_NE(unverified.err.find("160 observations are not verified yet"), std::string::npos) << unverified.err;
  for (int i = 1; i <= 10; ++i) Json({"round", "verify", id, (i < 10 ? "C0" : "C") + std::to_string(i)});
  testing::CommandOutcome nothing_left = Run({"round", "verify-all", id});
  EXPECT_EQ(nothing_left.code, 2) << nothing_left.err;
  EXPECT_NE(nothing_left.err.find("no entered or submitted observation"), std::string::npos) << nothing_left.err;
  nlohmann::json scored = Json({"round", "score", id});
  ASSERT_EQ(scored["ranking"].size(), 10u);
  EXPECT_EQ(scored["ranking"][0]["rank"], 1);
  testing::CommandOutcome explained = Run({"round", "explain", id, "C01"});
  EXPECT_EQ(explained.code, 0) << explained.err;
  EXPECT_NE(explained.out.find("C01"), std::string::npos);
  Json({"round", "send_to_experts", id});
  Json({"round", "publish", id});
  const std::string last = scored["ranking"][9]["subject"];
  nlohmann::json outcome = Json({"round", "outcome", id, last, "--rule", "withdraw", "--reason", "低于 60 分"});
  EXPECT_EQ(outcome["rule"], "withdraw");
  const std::string out = (dir_.path() / "ranking.xlsx").string();
  testing::CommandOutcome xlsx = Run({"round", "xlsx", id, "--out", out});
  ASSERT_EQ(xlsx.code, 0) << xlsx.err;
  EXPECT_EQ(ReadFile(out).substr(0, 2), "PK");
  EXPECT_EQ(Json({"round", "show", id})["state"], "publicity");
}

}  // namespace
}  // namespace patnav
