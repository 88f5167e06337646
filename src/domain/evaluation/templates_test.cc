// Every shipped template under data/indicators/ validates, notes its source
// and, where the official weights are not published, says so; the 2013
// pilot project's three (experimental zones, pilot units, pilot
// enterprises) score a constructed round, their credibility gate vetoing;
// the enterprises' template scores GB/T 29490 certification as a field.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "domain/evaluation/indicator_system.h"
#include "domain/evaluation/round_score.h"

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

Result<IndicatorSystem> Template(const std::string& file) {
  std::ifstream in(std::filesystem::path(PATNAV_INDICATOR_TEMPLATES) / file);
  std::stringstream text;
  text << in.rdbuf();
  return ParseIndicatorSystem(text.str(), file);
}

TEST(IndicatorTemplates, PilotProjectTemplatesScoreARoundAndTheirGateVetoes) {
  for (const char* file : {"experimental-zones.json", "pilot-units.json", "pilot-enterprises.json"}) {
    Result<IndicatorSystem> sys = Template(file);
    ASSERT_TRUE(sys.ok()) << file << ": " << sys.status().message();
    EXPECT_NE(sys->source.find("Patent Navigation Pilot Project (2013)"), std::string::npos) << file;
    EXPECT_NE(sys->source.find("annual statistics on core indicators"), std::string::npos) << file;
    EXPECT_NE(sys->weights_note.find("all weights are equal"), std::string::npos) << file;
    const IndicatorNode& gate = sys->nodes[sys->FindNode("C")];
    EXPECT_EQ(gate.kind, NodeKind::kGate) << file;
    EXPECT_EQ(gate.formula->text(), "active_dishonesty_records") << file;

    // Four subjects, every measure observed; the fourth has a dishonesty record.
    RoundInput in;
    in.period = "2025";
    for (int s = 0; s < 4; ++s) {
      const std::string code = "S" + std::to_string(s);
      in.subjects.push_back({code, "试点" + std::to_string(s)});
      for (size_t m = 0; m < sys->measures.size(); ++m) {
        const std::string& measure = sys->measures[m].code;
        double v = 10.0 * (s + 1) + 3.0 * m;
        if (measure == "valid_invention_patents") v = 1000.0 * (s + 1);
        if (measure == "high_value_invention_patents") v = 100.0 * (s + 1) * (s + 1);
        if (measure == "gbt29490_certified") v = s % 2;
        if (measure.find("score") != std::string::npos) v = 55.0 + 10 * s;
        if (measure == "active_dishonesty_records") v = s == 3 ? 1 : 0;
        in.observations.push_back({code, measure, "2025", v, "constructed"});
      }
    }
    Result<RoundScore> round = ScoreRound(*sys, in, Weighting::kFixed);
    ASSERT_TRUE(round.ok()) << file << ": " << round.status().message();
    ASSERT_EQ(round->subjects.size(), 4u);
    for (int s = 0; s < 3; ++s) {
      EXPECT_FALSE(round->subjects[s].vetoed) << file << " S" << s;
      EXPECT_GE(round->subjects[s].total, 0) << file << " S" << s;
      EXPECT_LE(round->subjects[s].total, 100) << file << " S" << s;
    }
    EXPECT_GT(round->subjects[1].total, round->subjects[0].total) << file << ": more of everything scores higher";
    EXPECT_GT(round->subjects[2].total, round->subjects[0].total) << file;
    EXPECT_TRUE(round->subjects[3].vetoed) << file;
    EXPECT_EQ(round->subjects[3].total, 0) << file;
    EXPECT_EQ(round->subjects[3].outcome, "withdraw") << file;
    double top = 0;
    for (size_t k = 0; k < sys->nodes.size(); ++k)
      if (sys->nodes[k].parent < 0 && sys->nodes[k].IsWeighted()) top += round->weights[k];
    EXPECT_NEAR(top, 1.0, 1e-9) << file << ": equal weights, normalised";
  }
}

TEST(IndicatorTemplates, EnterprisesCarryGbt29490CertificationAsAField) {
  Result<IndicatorSystem> sys = Template("enterprises.json");
  ASSERT_TRUE(sys.ok()) << sys.status().message();
  EXPECT_NE(sys->source.find("GB/T 29490"), std::string::npos);
  EXPECT_NE(sys->weights_note.find("all weights are equal"), std::string::npos);
  const int cert = sys->FindNode("3.1");
  ASSERT_GE(cert, 0);
  EXPECT_EQ(sys->nodes[cert].formula->text(), "gbt29490_certified");
  RoundInput in;
  in.period = "2025";
  for (int s = 0; s < 2; ++s) {
    const std::string code = "E" + std::to_string(s);
    in.subjects.push_back({code, "企业" + std::to_string(s)});
    for (const Measure& m : sys->measures) {
      double v = m.code == "gbt29490_certified" ? s : m.code == "active_dishonesty_records" ? 0 : 10.0 + s;
      in.observations.push_back({code, m.code, "2025", v, "constructed"});
    }
  }
  Result<RoundScore> round = ScoreRound(*sys, in, Weighting::kFixed);
  ASSERT_TRUE(round.ok()) << round.status().message();
  EXPECT_EQ(round->subjects[0].nodes[cert].score, 0) << "not certified";
  EXPECT_EQ(round->subjects[1].nodes[cert].score, 100) << "certified";
  EXPECT_EQ(sys->nodes[sys->FindNode("C")].kind, NodeKind::kGate);
}

}  // namespace
}  // namespace patnav::domain::evaluation
