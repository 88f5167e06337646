// The entropy weight method: objective weights from a round's data. A column
// (criterion) whose values are spread unevenly across subjects carries more
// information, so more weight.
//
//   p_ij = x_ij / sum_i x_ij,  e_j = -(1 / ln n) sum_i p_ij ln p_ij  (0 ln 0 = 0),
//   d_j = 1 - e_j,  w_j = d_j / sum_k d_k.
//
// Values must be >= 0; a column holding a negative value is shifted so that
// its minimum is 0. A column summing to 0 carries no information (e_j = 1).
// When no column carries information (or n < 2) the weights are equal.
#pragma once

#include <vector>

namespace patnav::domain::evaluation {

// columns[j][i]: criterion j of subject i. REQUIRES: every column has the
// same length. Returns one weight per column, summing to 1 (empty for no columns).
std::vector<double> EntropyWeights(const std::vector<std::vector<double>>& columns);

}  // namespace patnav::domain::evaluation
