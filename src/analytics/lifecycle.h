// The technology life-cycle stage rule of the lifecycle analysis, separate
// so it can be tested on constructed series.
//
// With L the last complete year, recent = years L-2..L and previous =
// L-5..L-3, P = mean patents a year and A = mean distinct applicants a year
// in each window, the first rule that holds gives the stage:
//   1. decline      P_recent < 0.9 P_previous and A_recent < 0.9 A_previous
//   2. germination  P_previous == 0 or P_recent < 10 (a small, young field)
//   3. growth       P_recent >= 1.2 P_previous and A_recent >= 1.1 A_previous
//   4. maturity     otherwise (patents level, or growing while the number of
//                   applicants stalls: consolidation)
// With no dated patent at all: germination.
#pragma once

#include <string>
#include <vector>

namespace patnav::analytics {

struct LifecyclePoint {
  int year = 0;
  int patents = 0;
  int applicants = 0;  // distinct applicants filing that year
};

struct LifecycleVerdict {
  std::string stage;  // germination | growth | maturity | decline
  std::string rule;   // the rule that fired, with the figures
};

// `points` in any order; years absent count as zero.
LifecycleVerdict ClassifyLifecycle(const std::vector<LifecyclePoint>& points, int last_year);

}  // namespace patnav::analytics
