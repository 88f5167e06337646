// Aggregate (aggregation.h).
#include "domain/evaluation/aggregation.h"

#include <cmath>

namespace patnav::domain::evaluation {

double Aggregate(Aggregation method, const std::vector<double>& weights, const std::vector<double>& scores) {
  if (method == Aggregation::kWeightedSum) {
    double s = 0;
    for (size_t i = 0; i < scores.size(); ++i) s += weights[i] * scores[i];
    return s;
  }
  double log_sum = 0;
  for (size_t i = 0; i < scores.size(); ++i) {
    if (weights[i] <= 0) continue;
    if (scores[i] <= 0) return 0;
    log_sum += weights[i] * std::log(scores[i]);
  }
  return std::exp(log_sum);
}

}  // namespace patnav::domain::evaluation
