// The sensitivity of a round's ranking to the weighting method: the rank of
// every subject under fixed, AHP (when the system has matrices), entropy and
// CRITIC weights, how far each subject moves, and Spearman's rank
// correlation of each method with the fixed ranking.
#pragma once

#include <vector>

#include "base/status.h"
#include "domain/evaluation/round_score.h"

namespace patnav::domain::evaluation {

struct RankingSensitivity {
  std::vector<Weighting> methods;            // fixed first
  std::vector<std::vector<int>> ranks;       // [method][subject]
  std::vector<std::vector<double>> totals;   // [method][subject]
  std::vector<int> max_shift;                // [subject]: largest |rank - fixed rank| over the methods
  std::vector<int> moved;                    // [method]: subjects whose rank differs from fixed
  std::vector<double> spearman;              // [method]: rank correlation with fixed (1 for fixed)
};

// REQUIRES: `prepared` came from PrepareRound(system, ...).
Result<RankingSensitivity> RankSensitivity(const IndicatorSystem& system, const PreparedRound& prepared);

}  // namespace patnav::domain::evaluation
