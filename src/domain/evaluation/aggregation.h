// Aggregation of a group's children's scores into the group's score.
#pragma once

#include <vector>

#include "domain/evaluation/indicator_system.h"

namespace patnav::domain::evaluation {

// Weighted sum: sum_i w_i s_i. Weighted geometric mean: prod_i s_i^w_i (0
// when any s_i with w_i > 0 is <= 0). REQUIRES: equal sizes; weights >= 0
// summing to 1.
double Aggregate(Aggregation method, const std::vector<double>& weights, const std::vector<double>& scores);

}  // namespace patnav::domain::evaluation
