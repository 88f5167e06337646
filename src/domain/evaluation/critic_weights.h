// CRITIC (Diakoulaki, Mavrotas & Papayannakis 1995, "Determining objective
// weights in multiple criteria problems: the CRITIC method"): a criterion
// weighs more when it varies more and agrees less with the others.
//
//   x'_ij = (x_ij - min_j) / (max_j - min_j)   (each column rescaled to 0..1)
//   C_j = sigma_j * sum_k (1 - r_jk),  w_j = C_j / sum_k C_k
//
// sigma_j is the standard deviation of column j (population form: the
// weights do not depend on the choice), r_jk Pearson's correlation; a
// column with no spread has sigma 0 and correlation 0 with the others. When
// every C_j is 0 (or n < 2) the weights are equal.
#pragma once

#include <vector>

namespace patnav::domain::evaluation {

// columns[j][i]: criterion j of subject i. REQUIRES: equal lengths. One
// weight per column, summing to 1 (empty for no columns).
std::vector<double> CriticWeights(const std::vector<std::vector<double>>& columns);

}  // namespace patnav::domain::evaluation
