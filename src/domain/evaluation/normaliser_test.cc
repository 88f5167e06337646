// The six normalisers and the directions, on small columns computed by hand.
#include "domain/evaluation/normaliser.h"

#include <cmath>

#include <gtest/gtest.h>

namespace patnav::domain::evaluation {
namespace {

std::vector<double> Norm(NormaliserSpec spec, std::vector<double> v, Direction d = Direction::kHigherBetter) {
  NormaliserInput in;
  in.direction = d;
  in.values = std::move(v);
  in.target = 10;
  in.range_low = 4, in.range_high = 6;
  Result<std::vector<double>> r = Normalise(spec, in);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : std::vector<double>{};
}

TEST(Normaliser, MinMaxOverTheRoundBothDirections) {
  NormaliserSpec s;
  EXPECT_EQ(Norm(s, {2, 4, 6}), (std::vector<double>{0, 0.5, 1}));
  EXPECT_EQ(Norm(s, {2, 4, 6}, Direction::kLowerBetter), (std::vector<double>{1, 0.5, 0}));
  EXPECT_EQ(Norm(s, {3, 3}), (std::vector<double>{1, 1}));
  // Target 10: deviations 0, 5, 10 -> 1, 0.5, 0.
  EXPECT_EQ(Norm(s, {10, 15, 0}, Direction::kTarget), (std::vector<double>{1, 0.5, 0}));
  // Range [4, 6]: deviations 0, 2, 4 -> 1, 0.5, 0.
  EXPECT_EQ(Norm(s, {5, 8, 0}, Direction::kRange), (std::vector<double>{1, 0.5, 0}));
}

TEST(Normaliser, MinMaxFixedBoundsClamp) {
  NormaliserSpec s;
  s.min = 0, s.max = 20;
  EXPECT_EQ(Norm(s, {-5, 5, 25}), (std::vector<double>{0, 0.25, 1}));
  EXPECT_EQ(Norm(s, {5}, Direction::kLowerBetter), (std::vector<double>{0.75}));
}

TEST(Normaliser, ZScoreThroughTheNormalCdf) {
  NormaliserSpec s;
  s.method = NormaliserMethod::kZScore;
  std::vector<double> r = Norm(s, {1, 2, 3});  // mean 2, population sd sqrt(2/3)
  double z = 1 / std::sqrt(2.0 / 3);
  EXPECT_NEAR(r[1], 0.5, 1e-12);
  EXPECT_NEAR(r[2], 0.5 * std::erfc(-z / std::sqrt(2.0)), 1e-12);
  EXPECT_NEAR(r[0] + r[2], 1, 1e-12);
}

TEST(Normaliser, RatioToTargetWithCap) {
  NormaliserSpec s;
  s.method = NormaliserMethod::kRatioToTarget;
  s.target = 12, s.cap = 1.2;
  EXPECT_EQ(Norm(s, {6, 12, 24}), (std::vector<double>{0.5, 1, 1.2}));
  EXPECT_EQ(Norm(s, {24, 6}, Direction::kLowerBetter), (std::vector<double>{0.5, 1.2}));
}

TEST(Normaliser, StepTable) {
  NormaliserSpec s;
  s.method = NormaliserMethod::kStepTable;
  s.steps = {{0, 0.2}, {5, 0.6}, {10, 1}};
  EXPECT_EQ(Norm(s, {-1, 0, 4.9, 5, 100}), (std::vector<double>{0, 0.2, 0.2, 0.6, 1}));
}

TEST(Normaliser, RankPercentileTiesCountHalf) {
  NormaliserSpec s;
  s.method = NormaliserMethod::kRankPercentile;
  // 10: 0 worse; 20, 20: 1 worse + half a tie = 1.5 of 3; 30: 3 of 3.
  EXPECT_EQ(Norm(s, {20, 10, 30, 20}), (std::vector<double>{0.5, 0, 1, 0.5}));
  EXPECT_EQ(Norm(s, {7}), (std::vector<double>{1}));
}

TEST(Normaliser, BaseYearIndex) {
  NormaliserSpec s;
  s.method = NormaliserMethod::kBaseYearIndex;
  s.base_period = "2020";
  NormaliserInput in;
  in.values = {150, 80};
  in.base_values = {100, 100};
  in.subjects = {"X", "Y"};
  EXPECT_EQ(*Normalise(s, in), (std::vector<double>{1.5, 0.8}));
  in.base_values[1] = 0;
  Result<std::vector<double>> bad = Normalise(s, in);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("subject Y"), std::string::npos);
}

}  // namespace
}  // namespace patnav::domain::evaluation
