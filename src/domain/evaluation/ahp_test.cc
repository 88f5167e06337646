// AHP against worked examples with known eigenvectors and consistency.
#include "domain/evaluation/ahp.h"

#include <cmath>

#include <gtest/gtest.h>

namespace patnav::domain::evaluation {
namespace {

// A perfectly consistent matrix a[i][j] = w_i / w_j has w as its principal
// eigenvector, lambda_max = n and CI = CR = 0 (Saaty 1977, theorem 1).
TEST(Ahp, ConsistentMatrixRecoversItsWeights) {
  std::vector<double> w = {9.0 / 13, 3.0 / 13, 1.0 / 13};
  std::vector<std::vector<double>> a(3, std::vector<double>(3));
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) a[i][j] = w[i] / w[j];
  Result<AhpResult> r = AhpWeights(a);
  ASSERT_TRUE(r.ok()) << r.status().message();
  for (int i = 0; i < 3; ++i) EXPECT_NEAR(r->weights[i], w[i], 1e-10);
  EXPECT_NEAR(r->lambda_max, 3, 1e-10);
  EXPECT_NEAR(r->ci, 0, 1e-10);
  EXPECT_NEAR(r->cr, 0, 1e-10);
}

// T. L. Saaty, "A scaling method for priorities in hierarchical structures",
// J. Math. Psychology 15 (1977) 234-281: the relative brightness of four
// chairs. Published: eigenvector (0.61, 0.24, 0.10, 0.05), lambda_max 4.39,
// C.I. 0.13 -- so CR = 0.13 / 0.90 = 0.14, above 0.10: AhpWeights refuses it.
TEST(Ahp, SaatyLightIntensityExample) {
  std::vector<std::vector<double>> a = {
      {1, 5, 6, 7}, {1.0 / 5, 1, 4, 6}, {1.0 / 6, 1.0 / 4, 1, 4}, {1.0 / 7, 1.0 / 6, 1.0 / 4, 1}};
  Result<AhpResult> r = AnalyseAhpMatrix(a);
  ASSERT_TRUE(r.ok()) << r.status().message();
  std::vector<double> published = {0.61, 0.24, 0.10, 0.05};
  for (int i = 0; i < 4; ++i) EXPECT_NEAR(r->weights[i], published[i], 0.01) << i;
  EXPECT_NEAR(r->lambda_max, 4.39, 0.005);
  EXPECT_NEAR(r->ci, 0.13, 0.005);
  EXPECT_NEAR(r->cr, 0.13 / 0.90, 0.01);
  Result<AhpResult> refused = AhpWeights(a);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(refused.status().message().find("consistency ratio 0.14"), std::string::npos) << refused.status().message();
}

// A slightly inconsistent 3x3 judgement: accepted, and the result really is
// an eigenpair (A w = lambda w), with CR = (lambda - 3) / 2 / 0.58.
TEST(Ahp, NearlyConsistentMatrixIsAnEigenpair) {
  std::vector<std::vector<double>> a = {{1, 2, 5}, {0.5, 1, 3}, {0.2, 1.0 / 3, 1}};
  Result<AhpResult> r = AhpWeights(a);
  ASSERT_TRUE(r.ok()) << r.status().message();
  double sum = 0;
  for (int i = 0; i < 3; ++i) {
    double aw = 0;
    for (int j = 0; j < 3; ++j) aw += a[i][j] * r->weights[j];
    EXPECT_NEAR(aw, r->lambda_max * r->weights[i], 1e-9);
    sum += r->weights[i];
  }
  EXPECT_NEAR(sum, 1, 1e-12);
  EXPECT_GT(r->lambda_max, 3);
  EXPECT_NEAR(r->cr, (r->lambda_max - 3) / 2 / 0.58, 1e-12);
  EXPECT_LT(r->cr, 0.01);
  EXPECT_GT(r->weights[0], r->weights[1]);
  EXPECT_GT(r->weights[1], r->weights[2]);
}

TEST(Ahp, NonReciprocalMatrixRefused) {
  Result<AhpResult> r = AhpWeights({{1, 3}, {0.5, 1}});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("not reciprocal"), std::string::npos) << r.status().message();
  EXPECT_NE(r.status().message().find("a[1][2] = 3"), std::string::npos) << r.status().message();
}

TEST(Ahp, BadShapesRefused) {
  EXPECT_FALSE(AhpWeights({}).ok());
  EXPECT_FALSE(AhpWeights({{1, 2}, {0.5}}).ok());
  EXPECT_FALSE(AhpWeights({{2}}).ok());           // diagonal not 1
  EXPECT_FALSE(AhpWeights({{1, -1}, {-1, 1}}).ok());  // not positive
}

TEST(Ahp, RandomIndexIsSaatys) {
  EXPECT_EQ(RandomIndex(3), 0.58);
  EXPECT_EQ(RandomIndex(4), 0.90);
  EXPECT_EQ(RandomIndex(9), 1.45);
  EXPECT_EQ(RandomIndex(2), 0);
}

}  // namespace
}  // namespace patnav::domain::evaluation
