// Scoring a round: ten constructed cities against an independent
// computation written out in the test; gates, bonuses, AHP/entropy/CRITIC
// weighting, the geometric mean, the explanation, and every bad input of a
// round refused whole.
#include "domain/evaluation/round_score.h"

#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

#include "domain/evaluation/critic_weights.h"
#include "domain/evaluation/entropy_weights.h"
#include "domain/evaluation/evaluation_testing.h"
#include "domain/evaluation/ranking_sensitivity.h"

namespace patnav::domain::evaluation {
namespace {

using testing::NodeOf;
using testing::Parse;
using testing::SmallSystem;

// Ten cities' figures for 2024.
struct City {
  const char* code;
  double hv, pop, pct, ip_share, pledge, lag, violations, awards;
};
const City kCities[10] = {
    {"C01", 1500, 1000000, 120, 14.0, 30, 20, 0, 1},  {"C02", 900, 1500000, 300, 9.5, 12, 35, 0, 0},
    {"C03", 2600, 2000000, 80, 16.0, 55, 15, 0, 4},   {"C04", 300, 800000, 10, 6.0, 2, 60, 0, 0},
    {"C05", 1100, 900000, 150, 11.0, 12, 25, 0, 2},   {"C06", 700, 1200000, 60, 4.0, 8, 45, 0, 0},
    {"C07", 2000, 1600000, 200, 12.5, 40, 30, 1, 3},  {"C08", 450, 500000, 40, 8.0, 5, 28, 0, 0},
    {"C09", 1300, 1100000, 90, 10.0, 20, 22, 0, 1},   {"C10", 600, 700000, 25, 7.5, 3, 50, 0, 0},
};

RoundInput CityRound() {
  RoundInput in;
  in.period = "2024";
  for (const City& c : kCities) {
    in.subjects.push_back({c.code, std::string("城市") + c.code});
    auto add = [&](const char* m, double v) { in.observations.push_back({c.code, m, "2024", v, "test"}); };
    add("hv", c.hv);
    add("pop", c.pop);
    add("pct", c.pct);
    add("ip_share", c.ip_share);
    add("pledge", c.pledge);
    add("lag", c.lag);
    add("violations", c.violations);
    add("awards", c.awards);
  }
  return in;
}

// The expected totals, computed directly from the system's definition
// (testing::SmallSystem's comment) without the engine.
std::vector<double> ExpectedTotals() {
  const int n = 10;
  double pct_min = 1e300, pct_max = -1e300, lag_min = 1e300, lag_max = -1e300;
  for (const City& c : kCities) {
    pct_min = std::min(pct_min, c.pct), pct_max = std::max(pct_max, c.pct);
    lag_min = std::min(lag_min, c.lag), lag_max = std::max(lag_max, c.lag);
  }
  std::vector<double> totals;
  for (int i = 0; i < n; ++i) {
    const City& c = kCities[i];
    double a1 = std::min(c.hv / c.pop * 10000 / 12, 1.0) * 100;
    double a2 = (c.pct - pct_min) / (pct_max - pct_min) * 100;
    double b1 = std::clamp((c.ip_share - 5) / 10, 0.0, 1.0) * 100;
    double worse = 0, ties = 0;
    for (int k = 0; k < n; ++k) {
      if (k == i) continue;
      if (kCities[k].pledge < c.pledge) worse += 1;
      if (kCities[k].pledge == c.pledge) ties += 1;
    }
    double b2 = (worse + ties / 2) / (n - 1) * 100;
    double b3 = (lag_max - c.lag) / (lag_max - lag_min) * 100;
    double base = 0.4 * (0.6 * a1 + 0.4 * a2) + 0.6 * (0.5 * b1 + 0.3 * b2 + 0.2 * b3);
    double bonus = std::min(c.awards * 2, 5.0);
    totals.push_back(c.violations > 0 ? 0.0 : base + bonus);
  }
  return totals;
}

TEST(RoundScore, TenCitiesAgainstAnIndependentComputation) {
  Result<IndicatorSystem> sys = Parse(SmallSystem());
  ASSERT_TRUE(sys.ok()) << sys.status().message();
  Result<RoundScore> r = ScoreRound(*sys, CityRound(), Weighting::kFixed);
  ASSERT_TRUE(r.ok()) << r.status().message();
  std::vector<double> expected = ExpectedTotals();
  ASSERT_EQ(r->subjects.size(), 10u);
  for (int i = 0; i < 10; ++i) EXPECT_NEAR(r->subjects[i].total, expected[i], 1e-9) << kCities[i].code;

  // Ranks: 1 + the number of cities with a strictly higher expected total.
  for (int i = 0; i < 10; ++i) {
    int higher = 0;
    for (int k = 0; k < 10; ++k) higher += expected[k] > expected[i] + 1e-9;
    EXPECT_EQ(r->subjects[i].rank, higher + 1) << kCities[i].code;
  }
  // C07 fails the gate (one serious violation): vetoed, total 0, outcome of the veto rule.
  const SubjectScore& c07 = r->subjects[6];
  EXPECT_TRUE(c07.vetoed);
  EXPECT_EQ(c07.failed_gates, std::vector<std::string>{"G"});
  EXPECT_EQ(c07.outcome, "withdraw_vetoed");
  // Outcomes follow the bands.
  for (int i = 0; i < 10; ++i) {
    if (i == 6) continue;
    double t = expected[i];
    const char* want = t < 60 ? "withdraw" : (t <= 70 ? "repeat_pilot" : "demonstration");
    EXPECT_EQ(r->subjects[i].outcome, want) << kCities[i].code << " " << t;
  }
  // Every intermediate kept: a group's score is the sum of its children's weighted parts.
  int a = sys->FindNode("A"), a1 = sys->FindNode("A1"), a2 = sys->FindNode("A2");
  for (const SubjectScore& s : r->subjects) {
    EXPECT_NEAR(s.nodes[a].score, s.nodes[a1].weighted + s.nodes[a2].weighted, 1e-9);
    EXPECT_NEAR(s.nodes[a1].score, s.nodes[a1].normalised * 100, 1e-9);
  }
  EXPECT_NEAR(r->global_weights[a1], 0.4 * 0.6, 1e-12);
}

TEST(RoundScore, ExplanationShowsEveryNodeInChinese) {
  Result<IndicatorSystem> sys = Parse(SmallSystem());
  ASSERT_TRUE(sys.ok());
  Result<RoundScore> r = ScoreRound(*sys, CityRound(), Weighting::kFixed);
  ASSERT_TRUE(r.ok());
  std::vector<std::string> lines = Explain(*sys, *r, 0);
  ASSERT_EQ(lines.size(), sys->nodes.size() + 1);
  EXPECT_NE(lines[sys->FindNode("A1")].find("每万人口高价值发明专利拥有量"), std::string::npos);
  EXPECT_NE(lines[sys->FindNode("A1")].find("hv / pop * 10000"), std::string::npos);
  EXPECT_NE(lines.back().find("total"), std::string::npos);
}

TEST(RoundScore, EntropyAndCriticWeighGroupsBottomUp) {
  Result<IndicatorSystem> sys = Parse(SmallSystem());
  ASSERT_TRUE(sys.ok());
  Result<PreparedRound> p = PrepareRound(*sys, CityRound());
  ASSERT_TRUE(p.ok());
  int b = sys->FindNode("B");
  std::vector<int> kids = sys->WeightedChildren(b);
  std::vector<std::vector<double>> cols(kids.size());
  for (size_t i = 0; i < kids.size(); ++i)
    for (const auto& s : p->leaves) cols[i].push_back(s[kids[i]].score);
  for (Weighting w : {Weighting::kEntropy, Weighting::kCritic}) {
    Result<RoundScore> r = WeighRound(*sys, *p, w);
    ASSERT_TRUE(r.ok());
    std::vector<double> want = w == Weighting::kEntropy ? EntropyWeights(cols) : CriticWeights(cols);
    for (size_t i = 0; i < kids.size(); ++i) EXPECT_NEAR(r->weights[kids[i]], want[i], 1e-12);
    double top = 0;
    for (int t : sys->WeightedChildren(-1)) top += r->weights[t];
    EXPECT_NEAR(top, 1, 1e-12);
  }
}

TEST(RoundScore, AhpWeightsAndSensitivity) {
  nlohmann::json j = SmallSystem();
  // Consistent: B1 : B2 : B3 = 4 : 2 : 1.
  NodeOf(j, "B")["ahp"] = {{"children", {"B1", "B2", "B3"}}, {"matrix", {{1, 2, 4}, {"1/2", 1, 2}, {"1/4", "1/2", 1}}}};
  Result<IndicatorSystem> sys = Parse(j);
  ASSERT_TRUE(sys.ok()) << sys.status().message();
  Result<RoundScore> r = ScoreRound(*sys, CityRound(), Weighting::kAhp);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_NEAR(r->weights[sys->FindNode("B1")], 4.0 / 7, 1e-9);
  EXPECT_NEAR(r->weights[sys->FindNode("B3")], 1.0 / 7, 1e-9);
  EXPECT_NEAR(r->weights[sys->FindNode("A1")], 0.6, 1e-12);  // no matrix: the file's weight
  ASSERT_EQ(r->ahp.size(), 1u);
  EXPECT_EQ(r->ahp[0].group, "B");

  Result<PreparedRound> p = PrepareRound(*sys, CityRound());
  ASSERT_TRUE(p.ok());
  Result<RankingSensitivity> sens = RankSensitivity(*sys, *p);
  ASSERT_TRUE(sens.ok());
  ASSERT_EQ(sens->methods.size(), 4u);
  EXPECT_EQ(sens->methods[1], Weighting::kAhp);
  for (size_t m = 0; m < sens->methods.size(); ++m) {
    Result<RoundScore> each = WeighRound(*sys, *p, sens->methods[m]);
    ASSERT_TRUE(each.ok());
    int moved = 0;
    for (size_t s = 0; s < 10; ++s) {
      EXPECT_EQ(sens->ranks[m][s], each->subjects[s].rank);
      moved += each->subjects[s].rank != sens->ranks[0][s];
    }
    EXPECT_EQ(sens->moved[m], moved);
  }
  EXPECT_DOUBLE_EQ(sens->spearman[0], 1);
  // Without matrices there is no AHP column, and AHP weighting is refused.
  Result<IndicatorSystem> plain = Parse(SmallSystem());
  Result<PreparedRound> pp = PrepareRound(*plain, CityRound());
  EXPECT_EQ(RankSensitivity(*plain, *pp)->methods.size(), 3u);
  EXPECT_FALSE(WeighRound(*plain, *pp, Weighting::kAhp).ok());
}

TEST(RoundScore, WeightedGeometricMean) {
  nlohmann::json j = SmallSystem();
  j["aggregation"] = "weighted_geometric_mean";
  Result<IndicatorSystem> sys = Parse(j);
  ASSERT_TRUE(sys.ok());
  Result<RoundScore> r = ScoreRound(*sys, CityRound(), Weighting::kFixed);
  ASSERT_TRUE(r.ok());
  int a = sys->FindNode("A"), a1 = sys->FindNode("A1"), a2 = sys->FindNode("A2");
  for (const SubjectScore& s : r->subjects) {
    double want = s.nodes[a2].score <= 0 ? 0 : std::pow(s.nodes[a1].score, 0.6) * std::pow(s.nodes[a2].score, 0.4);
    EXPECT_NEAR(s.nodes[a].score, want, 1e-9);
  }
}

TEST(RoundScore, BaseYearIndexReadsTheBasePeriod) {
  nlohmann::json j = SmallSystem();
  NodeOf(j, "A2")["normaliser"] = {{"method", "base_year_index"}, {"base_period", "2020"}};
  Result<IndicatorSystem> sys = Parse(j);
  ASSERT_TRUE(sys.ok()) << sys.status().message();
  RoundInput in = CityRound();
  for (const City& c : kCities) in.observations.push_back({c.code, "pct", "2020", c.pct / 2, ""});
  Result<RoundScore> r = ScoreRound(*sys, in, Weighting::kFixed);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_NEAR(r->subjects[0].nodes[sys->FindNode("A2")].normalised, 2.0, 1e-12);  // index 200
  in.observations.back().value = 0;
  Result<RoundScore> zero = ScoreRound(*sys, in, Weighting::kFixed);
  ASSERT_FALSE(zero.ok());
  EXPECT_NE(zero.status().message().find("subject C10"), std::string::npos) << zero.status().message();
}

// --- bad inputs of a round, each refused whole -------------------------------

void ExpectRoundRefused(const IndicatorSystem& sys, const RoundInput& in, const std::vector<std::string>& phrases) {
  Result<RoundScore> r = ScoreRound(sys, in, Weighting::kFixed);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  for (const std::string& p : phrases)
    EXPECT_NE(r.status().message().find(p), std::string::npos) << "'" << p << "' not in: " << r.status().message();
}

TEST(RoundScoreBadInput, ObservationForUnknownSubject) {
  IndicatorSystem sys = *Parse(SmallSystem());
  RoundInput in = CityRound();
  in.observations.push_back({"C99", "hv", "2024", 1, ""});
  ExpectRoundRefused(sys, in, {"subject C99", "not in the round"});
}

TEST(RoundScoreBadInput, ObservationForPeriodOutsideTheRound) {
  IndicatorSystem sys = *Parse(SmallSystem());
  RoundInput in = CityRound();
  in.observations.push_back({"C01", "hv", "2019", 1, ""});
  ExpectRoundRefused(sys, in, {"period 2019", "outside the round"});
}

TEST(RoundScoreBadInput, ObservationOfUndeclaredMeasure) {
  IndicatorSystem sys = *Parse(SmallSystem());
  RoundInput in = CityRound();
  in.observations.push_back({"C01", "gdp", "2024", 1, ""});
  ExpectRoundRefused(sys, in, {"measure 'gdp'", "does not declare"});
}

TEST(RoundScoreBadInput, SameObservationTwice) {
  IndicatorSystem sys = *Parse(SmallSystem());
  RoundInput in = CityRound();
  in.observations.push_back(in.observations.front());
  ExpectRoundRefused(sys, in, {"subject C01", "observed twice"});
}

TEST(RoundScoreBadInput, MissingObservationNamesSubjectAndNode) {
  IndicatorSystem sys = *Parse(SmallSystem());
  RoundInput in = CityRound();
  in.observations.erase(std::remove_if(in.observations.begin(), in.observations.end(),
                                       [](const Observation& o) { return o.subject == "C04" && o.measure == "pct"; }),
                        in.observations.end());
  ExpectRoundRefused(sys, in, {"subject C04", "node A2", "measure 'pct'"});
}

TEST(RoundScoreBadInput, DivisionByZeroNamesTheSubject) {
  IndicatorSystem sys = *Parse(SmallSystem());
  RoundInput in = CityRound();
  for (Observation& o : in.observations)
    if (o.subject == "C05" && o.measure == "pop") o.value = 0;
  ExpectRoundRefused(sys, in, {"subject C05", "node A1", "division by zero"});
}

TEST(RoundScoreBadInput, NoPeriodWithSeveralObserved) {
  IndicatorSystem sys = *Parse(SmallSystem());
  RoundInput in = CityRound();
  in.period.clear();
  EXPECT_TRUE(ScoreRound(sys, in, Weighting::kFixed).ok());  // one period observed: that one
  in.observations.push_back({"C01", "hv", "2023", 1, ""});
  ExpectRoundRefused(sys, in, {"which period", "2023, 2024"});
}

TEST(CompetitionRanks, TiesShareARank) {
  EXPECT_EQ(CompetitionRanks({5, 7, 7, 1}), (std::vector<int>{3, 1, 1, 4}));
}

}  // namespace
}  // namespace patnav::domain::evaluation

namespace patnav::domain::evaluation {
namespace {

// Observations read from CSV and JSON reach the same scores.
TEST(Observations, CsvAndJsonAgree) {
  IndicatorSystem sys = *testing::Parse(testing::SmallSystem());
  RoundInput in = CityRound();
  std::string csv = "measure,subject,period,value,subject_name\n";  // columns in any order
  nlohmann::json j = {{"period", 2024}, {"subjects", nlohmann::json::array()}, {"observations", nlohmann::json::array()}};
  for (const Subject& s : in.subjects) j["subjects"].push_back({{"code", s.code}, {"name", s.name}});
  for (const Observation& o : in.observations) {
    csv += o.measure + "," + o.subject + "," + o.period + "," + std::to_string(o.value) + ",\"" + o.subject + ", city\"\n";
    j["observations"].push_back({{"subject", o.subject}, {"measure", o.measure}, {"period", o.period}, {"value", o.value}});
  }
  Result<RoundInput> from_csv = ParseObservationsCsv(csv, "o.csv");
  Result<RoundInput> from_json = ParseObservationsJson(j.dump(), "o.json");
  ASSERT_TRUE(from_csv.ok()) << from_csv.status().message();
  ASSERT_TRUE(from_json.ok()) << from_json.status().message();
  EXPECT_EQ(from_csv->subjects[0].name, "C01, city");
  EXPECT_EQ(from_json->period, "2024");
  Result<RoundScore> a = ScoreRound(sys, *from_csv, Weighting::kFixed);
  Result<RoundScore> b = ScoreRound(sys, *from_json, Weighting::kFixed);
  ASSERT_TRUE(a.ok() && b.ok());
  for (size_t s = 0; s < 10; ++s) EXPECT_NEAR(a->subjects[s].total, b->subjects[s].total, 1e-6);
}

TEST(Observations, BadFilesRefusedWithTheLine) {
  Result<RoundInput> r = ParseObservationsCsv("subject,measure,value\nC01,hv,1\n", "o.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("o.csv: line 1: the header has no column 'period'"), std::string::npos);
  r = ParseObservationsCsv("subject,measure,period,value\nC01,hv,2024,12x\n", "o.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("o.csv: line 2: value '12x'"), std::string::npos) << r.status().message();
  r = ParseObservationsJson(R"({"observations": [{"subject": "C01", "measure": "hv", "period": "2024"}]})", "o.json");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("observations[0]"), std::string::npos);
}

}  // namespace
}  // namespace patnav::domain::evaluation
