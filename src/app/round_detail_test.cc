// The compact stored detail of a scored subject: rebuilt on reading, it is
// byte for byte the detail SubjectResultJson writes (every node kind: groups,
// weighted leaves, a base-year index, a gate, a bonus and a penalty; with
// the sensitivity row), under each weighting; a detail stored whole before
// the compact form reads as stored; one that does not fit the system is
// refused.
#include <gtest/gtest.h>

#include "app/evaluation.h"
#include "app/round_detail.h"
#include "domain/evaluation/evaluation_testing.h"
#include "domain/evaluation/ranking_sensitivity.h"
#include "domain/evaluation/round_score.h"

namespace patnav::app {
namespace {

namespace ev = domain::evaluation;

// SmallSystem with B3 as an index to base year 2023 and a penalty node.
ev::IndicatorSystem System() {
  nlohmann::json j = ev::testing::SmallSystem();
  nlohmann::json& b3 = ev::testing::NodeOf(j, "B3");
  b3["normaliser"] = {{"method", "base_year_index"}, {"base_period", "2023"}};
  b3["direction"] = "higher_better";
  j["nodes"].push_back({{"code", "P"}, {"name_zh", "失信扣分"}, {"kind", "penalty"}, {"formula", "violations * 3"},
                        {"cap", 2}});
  Result<ev::IndicatorSystem> sys = ev::testing::Parse(j);
  EXPECT_TRUE(sys.ok()) << sys.status().ToString();
  return *sys;
}

ev::RoundInput Cities() {
  ev::RoundInput in;
  in.period = "2024";
  for (int i = 1; i <= 10; ++i) {
    const std::string code = (i < 10 ? "C0" : "C") + std::to_string(i);
    in.subjects.push_back({code, "城市" + std::to_string(i)});
    auto add = [&](const char* m, double v, const char* period = "2024") {
      in.observations.push_back({code, m, period, v, "constructed"});
    };
    add("hv", 1000.0 * i + 37 * (i % 3));
    add("pop", 1e6 + 1e5 * i);
    add("pct", 10.0 * (11 - i) + i * i);
    add("ip_share", 4.0 + i / 3.0);
    add("pledge", (i * 7) % 10 + 1.0);
    add("lag", 30.0 - i + (i % 4) + 0.1);
    add("lag", 25.0 + i * 0.7, "2023");
    add("violations", i == 7 ? 1 : 0);
    add("awards", i % 3);
  }
  return in;
}

ScoreEvaluationResult Scored(const ev::IndicatorSystem& sys, ev::Weighting weighting) {
  ScoreEvaluationResult r;
  r.system = sys;
  Result<ev::PreparedRound> prepared = ev::PrepareRound(sys, Cities());
  EXPECT_TRUE(prepared.ok()) << prepared.status().ToString();
  Result<ev::RoundScore> round = ev::WeighRound(sys, *prepared, weighting);
  EXPECT_TRUE(round.ok()) << round.status().ToString();
  r.round = *round;
  Result<ev::RankingSensitivity> sens = ev::RankSensitivity(sys, *prepared);
  EXPECT_TRUE(sens.ok());
  r.sensitivity = *sens;
  return r;
}

// The result row StoreRoundResults keeps for subject i.
domain::SubjectResult Row(const ScoreEvaluationResult& r, size_t i, std::string detail) {
  const ev::SubjectScore& s = r.round.subjects[i];
  return {s.subject.code, s.subject.name, s.total, s.rank, s.vetoed, s.outcome, std::move(detail)};
}

TEST(RoundDetail, RebuiltOnReadingItIsTheDetailScoringWrote) {
  const ev::IndicatorSystem sys = System();
  for (ev::Weighting w : {ev::Weighting::kFixed, ev::Weighting::kEntropy, ev::Weighting::kCritic}) {
    const ScoreEvaluationResult r = Scored(sys, w);
    bool vetoed = false, penalised = false;
    for (size_t i = 0; i < r.round.subjects.size(); ++i) {
      const std::string compact = CompactSubjectDetail(r, i);
      const std::string whole = SubjectResultJson(r, i).dump();
      EXPECT_LT(compact.size() * 2, whole.size()) << "the stored form is the numbers only";
      EXPECT_EQ(compact.find("explanation"), std::string::npos);
      Result<nlohmann::ordered_json> rebuilt = SubjectDetail(sys, Row(r, i, compact));
      ASSERT_TRUE(rebuilt.ok()) << rebuilt.status().ToString();
      EXPECT_EQ(rebuilt->dump(), whole) << ev::WeightingName(w) << " " << r.round.subjects[i].subject.code;
      Result<nlohmann::ordered_json> numbers = SubjectDetail(sys, Row(r, i, compact), /*explain=*/false);
      ASSERT_TRUE(numbers.ok());
      EXPECT_FALSE(numbers->contains("explanation"));
      EXPECT_EQ((*numbers)["nodes"]["B3"]["base_raw"], (*rebuilt)["nodes"]["B3"]["base_raw"]);
      vetoed |= r.round.subjects[i].vetoed;
      penalised |= r.round.subjects[i].penalty > 0;
    }
    EXPECT_TRUE(vetoed && penalised) << "the gate and the penalty act on some city";
  }
}

TEST(RoundDetail, AWholeDetailStoredEarlierReadsAsStored) {
  const ev::IndicatorSystem sys = System();
  const ScoreEvaluationResult r = Scored(sys, ev::Weighting::kFixed);
  const std::string whole = SubjectResultJson(r, 3).dump();
  Result<nlohmann::ordered_json> read = SubjectDetail(sys, Row(r, 3, whole));
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->dump(), whole);
}

TEST(RoundDetail, ADetailThatDoesNotFitTheSystemIsRefused) {
  const ev::IndicatorSystem sys = System();
  const ScoreEvaluationResult r = Scored(sys, ev::Weighting::kFixed);
  nlohmann::ordered_json c = nlohmann::ordered_json::parse(CompactSubjectDetail(r, 0));
  nlohmann::ordered_json short_node = c;
  short_node["nodes"][1].erase(short_node["nodes"][1].size() - 1);
  Status st = SubjectDetail(sys, Row(r, 0, short_node.dump())).status();
  EXPECT_EQ(st.code(), StatusCode::kCorruption);
  EXPECT_NE(st.message().find("node A1"), std::string::npos) << st.message();
  nlohmann::ordered_json fewer = c;
  fewer["nodes"].erase(fewer["nodes"].size() - 1);
  EXPECT_EQ(SubjectDetail(sys, Row(r, 0, fewer.dump())).status().code(), StatusCode::kCorruption);
  EXPECT_EQ(SubjectDetail(sys, Row(r, 0, "[1, 2]")).status().code(), StatusCode::kCorruption);
}

}  // namespace
}  // namespace patnav::app
