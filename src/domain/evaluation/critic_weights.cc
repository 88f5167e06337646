// CriticWeights (critic_weights.h).
#include "domain/evaluation/critic_weights.h"

#include <algorithm>
#include <cmath>

namespace patnav::domain::evaluation {

std::vector<double> CriticWeights(const std::vector<std::vector<double>>& columns) {
  size_t m = columns.size();
  if (m == 0) return {};
  size_t n = columns[0].size();
  std::vector<double> equal(m, 1.0 / static_cast<double>(m));
  if (n < 2) return equal;
  // Rescaled, centred columns and their standard deviations.
  std::vector<std::vector<double>> c(m, std::vector<double>(n, 0.0));
  std::vector<double> sd(m, 0.0);
  for (size_t j = 0; j < m; ++j) {
    auto [mn, mx] = std::minmax_element(columns[j].begin(), columns[j].end());
    double lo = *mn, span = *mx - *mn;
    if (!(span > 0)) continue;
    double mean = 0;
    for (size_t i = 0; i < n; ++i) mean += c[j][i] = (columns[j][i] - lo) / span;
    mean /= static_cast<double>(n);
    double var = 0;
    for (size_t i = 0; i < n; ++i) {
      c[j][i] -= mean;
      var += c[j][i] * c[j][i];
    }
    sd[j] = std::sqrt(var / static_cast<double>(n));
  }
  std::vector<double> info(m, 0.0);
  double total = 0;
  for (size_t j = 0; j < m; ++j) {
    if (sd[j] == 0) continue;
    double conflict = 0;
    for (size_t k = 0; k < m; ++k) {
      double r = 0;
      if (k == j) r = 1;
      else if (sd[k] > 0) {
        double cov = 0;
        for (size_t i = 0; i < n; ++i) cov += c[j][i] * c[k][i];
        r = cov / static_cast<double>(n) / (sd[j] * sd[k]);
      }
      conflict += 1 - r;
    }
    info[j] = sd[j] * conflict;
    total += info[j];
  }
  if (!(total > 1e-15)) return equal;
  for (size_t j = 0; j < m; ++j) info[j] /= total;
  return info;
}

}  // namespace patnav::domain::evaluation
