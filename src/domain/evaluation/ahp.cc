// AHP: power iteration for the principal eigenvector of a positive
// reciprocal matrix (Perron-Frobenius: it exists, is positive and unique).
#include "domain/evaluation/ahp.h"

#include <cmath>
#include <cstdio>

namespace patnav::domain::evaluation {

double RandomIndex(int n) {
  static const double kRi[] = {0, 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59};
  return n >= 1 && n <= kMaxAhpOrder ? kRi[n] : 0;
}

namespace {

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

}  // namespace

Result<AhpResult> AnalyseAhpMatrix(const std::vector<std::vector<double>>& a) {
  size_t n = a.size();
  if (n == 0) return Status::InvalidArgument("the AHP matrix is empty");
  if (n > static_cast<size_t>(kMaxAhpOrder))
    return Status::InvalidArgument("the AHP matrix has order " + std::to_string(n) + ", above " +
                                   std::to_string(kMaxAhpOrder));
  for (size_t i = 0; i < n; ++i) {
    if (a[i].size() != n)
      return Status::InvalidArgument("the AHP matrix is not square: row " + std::to_string(i + 1) + " has " +
                                     std::to_string(a[i].size()) + " entries, not " + std::to_string(n));
    for (size_t j = 0; j < n; ++j)
      if (!std::isfinite(a[i][j]) || a[i][j] <= 0)
        return Status::InvalidArgument("AHP entry a[" + std::to_string(i + 1) + "][" + std::to_string(j + 1) +
                                       "] is not a positive number");
  }
  for (size_t i = 0; i < n; ++i) {
    if (std::fabs(a[i][i] - 1) > 1e-9)
      return Status::InvalidArgument("AHP diagonal entry a[" + std::to_string(i + 1) + "][" + std::to_string(i + 1) +
                                     "] is " + Num(a[i][i]) + ", not 1");
    for (size_t j = i + 1; j < n; ++j)
      if (std::fabs(a[i][j] * a[j][i] - 1) > 0.01)
        return Status::InvalidArgument("the AHP matrix is not reciprocal: a[" + std::to_string(i + 1) + "][" +
                                       std::to_string(j + 1) + "] = " + Num(a[i][j]) + " but a[" +
                                       std::to_string(j + 1) + "][" + std::to_string(i + 1) + "] = " +
                                       Num(a[j][i]) + " (should be " + Num(1 / a[i][j]) + ")");
  }
  AhpResult r;
  std::vector<double> w(n, 1.0 / static_cast<double>(n)), next(n);
  for (int iter = 0; iter < 1000; ++iter) {
    double sum = 0;
    for (size_t i = 0; i < n; ++i) {
      next[i] = 0;
      for (size_t j = 0; j < n; ++j) next[i] += a[i][j] * w[j];
      sum += next[i];
    }
    double change = 0;
    for (size_t i = 0; i < n; ++i) {
      next[i] /= sum;
      change = std::max(change, std::fabs(next[i] - w[i]));
    }
    w.swap(next);
    if (change < 1e-13) break;
  }
  double lambda = 0;
  for (size_t i = 0; i < n; ++i) {
    double aw = 0;
    for (size_t j = 0; j < n; ++j) aw += a[i][j] * w[j];
    lambda += aw / w[i];
  }
  r.lambda_max = lambda / static_cast<double>(n);
  r.weights = std::move(w);
  r.ci = n > 1 ? std::max(0.0, (r.lambda_max - static_cast<double>(n)) / static_cast<double>(n - 1)) : 0;
  r.ri = RandomIndex(static_cast<int>(n));
  r.cr = r.ri > 0 ? r.ci / r.ri : 0;
  return r;
}

Result<AhpResult> AhpWeights(const std::vector<std::vector<double>>& a) {
  ASSIGN_OR_RETURN(AhpResult r, AnalyseAhpMatrix(a));
  if (r.cr >= kMaxConsistencyRatio) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "inconsistent: consistency ratio %.3f >= %.2f (lambda_max %.3f, CI %.3f, RI %.2f)",
                  r.cr, kMaxConsistencyRatio, r.lambda_max, r.ci, r.ri);
    return Status::InvalidArgument(buf);
  }
  return r;
}

}  // namespace patnav::domain::evaluation
