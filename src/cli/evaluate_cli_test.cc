// patnav evaluate end to end: validate a shipped template, score a round of
// ten cities (text, JSON, a scorecard), and bad input refused with exit
// status 2 naming file, node and reason.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "testing.h"

namespace patnav {
namespace {

using testing::RunPatnav;
using testing::ScratchDir;

std::string Template(const char* name) {
  return (testing::TestData().parent_path().parent_path() / "data" / "indicators" / name).string();
}
std::string Cities() { return (testing::TestData() / "evaluation" / "cities-2024.csv").string(); }

TEST(EvaluateCli, ValidatePrintsTheTreeInChinese) {
  ScratchDir dir;
  auto r = RunPatnav(dir, {"evaluate", "validate", Template("national-plan-2021-2035.json")});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("valid"), std::string::npos);
  EXPECT_NE(r.out.find("每万人口高价值发明专利拥有量"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ratio_to_target"), std::string::npos);
}

TEST(EvaluateCli, ScoreJsonTextAndScorecard) {
  ScratchDir dir;
  auto json = RunPatnav(dir, {"evaluate", "score", "--system", Template("cities-ip-advantage.json"), "--observations",
                              Cities(), "--weighting", "entropy", "--json"});
  ASSERT_EQ(json.code, 0) << json.err;
  nlohmann::json j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["weighting"], "entropy");
  EXPECT_EQ(j["period"], "2024");
  ASSERT_EQ(j["subjects"].size(), 10u);
  std::vector<int> ranks;
  for (const auto& s : j["subjects"]) {
    ranks.push_back(s["rank"].get<int>());
    if (s["code"] == "C09") {  // one serious violation in the example data
      EXPECT_TRUE(s["vetoed"].get<bool>());
      EXPECT_EQ(s["total"].get<double>(), 0);
      EXPECT_EQ(s["outcome"], "withdraw_vetoed");
    }
  }
  std::sort(ranks.begin(), ranks.end());
  EXPECT_EQ(ranks.front(), 1);
  EXPECT_EQ(j["sensitivity"]["methods"].size(), 3u);  // fixed, entropy, critic (no AHP matrices)
  EXPECT_EQ(j["sensitivity"]["methods"][0]["weighting"], "fixed");

  auto text = RunPatnav(dir, {"evaluate", "score", "--system", Template("cities-ip-advantage.json"), "--observations",
                              Cities(), "--subject", "C03"});
  ASSERT_EQ(text.code, 0) << text.err;
  EXPECT_NE(text.out.find("Scorecard of C03 温州"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("每万人口高价值发明专利拥有量: raw"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Ranking sensitivity"), std::string::npos);
}

TEST(EvaluateCli, BadInputExitsTwoNamingFileNodeAndReason) {
  ScratchDir dir;
  std::string system = (dir.path() / "cyclic.json").string();
  testing::WriteFile(system, R"({"code": "x", "version": "1", "measures": [{"code": "m"}], "nodes": [
      {"code": "A", "name_en": "a", "weight": 1},
      {"code": "B", "parent": "C", "name_en": "b", "weight": 1},
      {"code": "C", "parent": "B", "name_en": "c", "weight": 1, "formula": "m"}]})");
  auto cyc = RunPatnav(dir, {"evaluate", "validate", system});
  EXPECT_EQ(cyc.code, 2);
  EXPECT_NE(cyc.err.find("cyclic.json: node"), std::string::npos) << cyc.err;
  EXPECT_NE(cyc.err.find("cycle"), std::string::npos) << cyc.err;

  std::string obs = (dir.path() / "obs.csv").string();
  testing::WriteFile(obs, testing::ReadFile(Cities()) + "C01,杭州,ip_staff,2019,3,late\n");
  auto period = RunPatnav(dir, {"evaluate", "score", "--system", Template("cities-ip-advantage.json"),
                                "--observations", obs, "--period", "2024"});
  EXPECT_EQ(period.code, 2);
  EXPECT_NE(period.err.find("obs.csv"), std::string::npos) << period.err;
  EXPECT_NE(period.err.find("period 2019, outside the round"), std::string::npos) << period.err;

  auto ahp = RunPatnav(dir, {"evaluate", "score", "--system", Template("cities-ip-advantage.json"), "--observations",
                             Cities(), "--weighting", "ahp"});
  EXPECT_EQ(ahp.code, 2);
  EXPECT_NE(ahp.err.find("no AHP matrix"), std::string::npos) << ahp.err;

  auto missing = RunPatnav(dir, {"evaluate", "validate", (dir.path() / "nope.json").string()});
  EXPECT_NE(missing.code, 0);
  EXPECT_NE(missing.err.find("nope.json"), std::string::npos);

  auto subject = RunPatnav(dir, {"evaluate", "score", "--system", Template("cities-ip-advantage.json"),
                                 "--observations", Cities(), "--subject", "C99"});
  EXPECT_EQ(subject.code, 2);
  EXPECT_NE(subject.err.find("subject C99"), std::string::npos);
}

}  // namespace
}  // namespace patnav
