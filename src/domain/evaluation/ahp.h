// The analytic hierarchy process (Saaty): local weights from a pairwise
// comparison matrix as its principal eigenvector, with the consistency
// index CI = (lambda_max - n) / (n - 1) and ratio CR = CI / RI(n) against
// Saaty's random index. A matrix is refused when it is not reciprocal, and
// when CR >= 0.10 (the ratio shown).
#pragma once

#include <vector>

#include "base/status.h"

namespace patnav::domain::evaluation {

inline constexpr int kMaxAhpOrder = 15;
inline constexpr double kMaxConsistencyRatio = 0.10;

struct AhpResult {
  std::vector<double> weights;  // the principal eigenvector, summing to 1
  double lambda_max = 0;
  double ci = 0;                // consistency index
  double ri = 0;                // Saaty's random index for n
  double cr = 0;                // consistency ratio (0 for n <= 2)
};

// Saaty's random index for a matrix of order n (1..15): 0, 0, 0.58, 0.90,
// 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59.
double RandomIndex(int n);

// The eigenvector, lambda_max, CI and CR of `a`, not judging consistency.
// InvalidArgument for an empty or non-square matrix, order above
// kMaxAhpOrder, an entry that is not a positive finite number, a diagonal
// entry other than 1, or a[i][j] * a[j][i] differing from 1 by more than
// 1% ("not reciprocal: a[1][2] = 3 but a[2][1] = 0.5"; 1-based).
Result<AhpResult> AnalyseAhpMatrix(const std::vector<std::vector<double>>& a);

// AnalyseAhpMatrix, refusing CR >= kMaxConsistencyRatio with
// InvalidArgument "inconsistent: consistency ratio 0.145 >= 0.10 (lambda_max 4.391, CI 0.130)".
Result<AhpResult> AhpWeights(const std::vector<std::vector<double>>& a);

}  // namespace patnav::domain::evaluation
