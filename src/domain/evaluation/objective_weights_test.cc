// Entropy and CRITIC weights against hand computations on small fixed
// matrices (the expectations are derived in the comments, not taken from
// the code's output).
#include <cmath>

#include <gtest/gtest.h>

#include "domain/evaluation/critic_weights.h"
#include "domain/evaluation/entropy_weights.h"

namespace patnav::domain::evaluation {
namespace {

// Column 1 = (1, 0, 0): p = (1, 0, 0), e = 0, d = 1.
// Column 2 = (1, 1, 0): p = (1/2, 1/2, 0), e = ln 2 / ln 3, d = 1 - ln 2 / ln 3.
// Column 3 = (4, 4, 4): p uniform, e = 1, d = 0.
TEST(EntropyWeights, HandComputedThreeByThree) {
  std::vector<double> w = EntropyWeights({{1, 0, 0}, {1, 1, 0}, {4, 4, 4}});
  double d2 = 1 - std::log(2.0) / std::log(3.0);
  ASSERT_EQ(w.size(), 3u);
  EXPECT_NEAR(w[0], 1 / (1 + d2), 1e-12);
  EXPECT_NEAR(w[1], d2 / (1 + d2), 1e-12);
  EXPECT_NEAR(w[2], 0, 1e-12);
}

// An independent computation over a 5 x 3 matrix, with the textbook formula
// written out term by term.
TEST(EntropyWeights, MatchesTextbookFormula) {
  std::vector<std::vector<double>> cols = {{80, 60, 90, 70, 50}, {3, 9, 1, 4, 4}, {0.2, 0.3, 0.25, 0.2, 0.3}};
  std::vector<double> d;
  for (const auto& c : cols) {
    double s = c[0] + c[1] + c[2] + c[3] + c[4];
    double e = 0;
    for (double v : c) e += (v / s) * std::log(v / s);
    d.push_back(1 + e / std::log(5.0));
  }
  double sum = d[0] + d[1] + d[2];
  std::vector<double> w = EntropyWeights(cols);
  for (int j = 0; j < 3; ++j) EXPECT_NEAR(w[j], d[j] / sum, 1e-12) << j;
  EXPECT_GT(w[1], w[0]);  // the most uneven column weighs most
}

TEST(EntropyWeights, NoInformationGivesEqualWeights) {
  std::vector<double> w = EntropyWeights({{2, 2}, {0, 0}});
  EXPECT_NEAR(w[0], 0.5, 1e-12);
  EXPECT_NEAR(w[1], 0.5, 1e-12);
  std::vector<double> one = EntropyWeights({{7}, {3}});  // a single subject
  EXPECT_NEAR(one[0], 0.5, 1e-12);
}

// x1 = x2 = (0, 1, 2) and x3 = (0, 2, 1): rescaled to (0, .5, 1) and
// (0, 1, .5), each with variance 1/6 (same sigma s). r12 = 1;
// cov13 = (.25 + 0 + 0) / 3 = 1/12, so r13 = r23 = (1/12) / (1/6) = 0.5.
// C1 = C2 = s (0 + 0.5) = 0.5 s, C3 = s (0.5 + 0.5) = s: weights 1/4, 1/4, 1/2.
TEST(CriticWeights, HandComputedThreeByThree) {
  std::vector<double> w = CriticWeights({{0, 1, 2}, {0, 1, 2}, {0, 2, 1}});
  ASSERT_EQ(w.size(), 3u);
  EXPECT_NEAR(w[0], 0.25, 1e-12);
  EXPECT_NEAR(w[1], 0.25, 1e-12);
  EXPECT_NEAR(w[2], 0.5, 1e-12);
}

// Opposed criteria with the same spread: C_j = s (0 + 2) each, equal weights;
// the scale of a column does not matter (each is rescaled to 0..1).
TEST(CriticWeights, OpposedColumnsAndScaleInvariance) {
  std::vector<double> w = CriticWeights({{0, 10, 20}, {2, 1, 0}});
  EXPECT_NEAR(w[0], 0.5, 1e-12);
  EXPECT_NEAR(w[1], 0.5, 1e-12);
}

// A column with no spread carries no information (C = 0); the others share.
TEST(CriticWeights, ConstantColumnGetsNothing) {
  std::vector<double> w = CriticWeights({{5, 5, 5, 5}, {1, 2, 3, 4}, {4, 1, 3, 2}});
  EXPECT_NEAR(w[0], 0, 1e-12);
  EXPECT_NEAR(w[1] + w[2], 1, 1e-12);
}

}  // namespace
}  // namespace patnav::domain::evaluation
