// EntropyWeights (entropy_weights.h).
#include "domain/evaluation/entropy_weights.h"

#include <algorithm>
#include <cmath>

namespace patnav::domain::evaluation {

std::vector<double> EntropyWeights(const std::vector<std::vector<double>>& columns) {
  size_t m = columns.size();
  if (m == 0) return {};
  size_t n = columns[0].size();
  std::vector<double> d(m, 0.0);
  if (n >= 2) {
    double k = 1.0 / std::log(static_cast<double>(n));
    for (size_t j = 0; j < m; ++j) {
      const std::vector<double>& x = columns[j];
      double shift = std::min(0.0, *std::min_element(x.begin(), x.end()));
      double sum = 0;
      for (double v : x) sum += v - shift;
      if (!(sum > 0)) continue;  // no information
      double e = 0;
      for (double v : x) {
        double p = (v - shift) / sum;
        if (p > 0) e -= p * std::log(p);
      }
      d[j] = std::max(0.0, 1.0 - k * e);
    }
  }
  double total = 0;
  for (double v : d) total += v;
  std::vector<double> w(m, 1.0 / static_cast<double>(m));
  if (total > 1e-15)
    for (size_t j = 0; j < m; ++j) w[j] = d[j] / total;
  return w;
}

}  // namespace patnav::domain::evaluation
