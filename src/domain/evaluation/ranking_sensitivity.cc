// RankSensitivity (ranking_sensitivity.h).
#include "domain/evaluation/ranking_sensitivity.h"

#include <cmath>
#include <cstdlib>

namespace patnav::domain::evaluation {

namespace {

// Pearson's correlation of two rank vectors (Spearman's rho, ties included).
double Spearman(const std::vector<int>& a, const std::vector<int>& b) {
  size_t n = a.size();
  if (n < 2) return 1;
  double ma = 0, mb = 0;
  for (size_t i = 0; i < n; ++i) ma += a[i], mb += b[i];
  ma /= static_cast<double>(n);
  mb /= static_cast<double>(n);
  double cov = 0, va = 0, vb = 0;
  for (size_t i = 0; i < n; ++i) {
    cov += (a[i] - ma) * (b[i] - mb);
    va += (a[i] - ma) * (a[i] - ma);
    vb += (b[i] - mb) * (b[i] - mb);
  }
  if (va == 0 || vb == 0) return va == vb ? 1 : 0;
  return cov / std::sqrt(va * vb);
}

}  // namespace

Result<RankingSensitivity> RankSensitivity(const IndicatorSystem& sys, const PreparedRound& prepared) {
  RankingSensitivity out;
  out.methods = {Weighting::kFixed};
  if (sys.HasAhp()) out.methods.push_back(Weighting::kAhp);
  out.methods.push_back(Weighting::kEntropy);
  out.methods.push_back(Weighting::kCritic);
  size_t n = prepared.subjects.size();
  for (Weighting w : out.methods) {
    ASSIGN_OR_RETURN(RoundScore r, WeighRound(sys, prepared, w));
    std::vector<int> ranks(n);
    std::vector<double> totals(n);
    for (size_t s = 0; s < n; ++s) ranks[s] = r.subjects[s].rank, totals[s] = r.subjects[s].total;
    out.ranks.push_back(std::move(ranks));
    out.totals.push_back(std::move(totals));
  }
  out.max_shift.assign(n, 0);
  for (size_t m = 0; m < out.methods.size(); ++m) {
    int moved = 0;
    for (size_t s = 0; s < n; ++s) {
      int shift = std::abs(out.ranks[m][s] - out.ranks[0][s]);
      if (shift > 0) ++moved;
      out.max_shift[s] = std::max(out.max_shift[s], shift);
    }
    out.moved.push_back(moved);
    out.spearman.push_back(Spearman(out.ranks[0], out.ranks[m]));
  }
  return out;
}

}  // namespace patnav::domain::evaluation
