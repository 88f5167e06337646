// Every shipped template under data/indicators/ validates, notes its source
// and, where the official weights are not published, says so.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "domain/evaluation/indicator_system.h"

namespace patnav::domain::evaluation {
namespace {

TEST(IndicatorTemplates, EveryShippedTemplateValidates) {
  std::filesystem::path dir = PATNAV_INDICATOR_TEMPLATES;
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    Result<IndicatorSystem> sys = ParseIndicatorSystem(text.str(), entry.path().filename().string());
    ASSERT_TRUE(sys.ok()) << sys.status().message();
    EXPECT_FALSE(sys->source.empty()) << entry.path();
    EXPECT_FALSE(sys->weights_note.empty()) << entry.path();
    EXPECT_EQ(sys->code + ".json", entry.path().filename().string());
    ++count;
  }
  EXPECT_GE(count, 3);
}

TEST(IndicatorTemplates, NationalPlanTargets) {
  std::ifstream in(std::filesystem::path(PATNAV_INDICATOR_TEMPLATES) / "national-plan-2021-2035.json");
  std::stringstream text;
  text << in.rdbuf();
  Result<IndicatorSystem> sys = ParseIndicatorSystem(text.str(), "national-plan-2021-2035.json");
  ASSERT_TRUE(sys.ok()) << sys.status().message();
  const IndicatorNode& hv = sys->nodes[sys->FindNode("1.1")];
  EXPECT_EQ(hv.normaliser.method, NormaliserMethod::kRatioToTarget);
  EXPECT_EQ(hv.normaliser.target, 12);
  EXPECT_EQ(sys->nodes[sys->FindNode("1.5")].normaliser.target, 13);
}

}  // namespace
}  // namespace patnav::domain::evaluation
