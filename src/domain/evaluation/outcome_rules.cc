// ProposeOutcome and ValidateOutcomeRules (outcome_rules.h).
#include "domain/evaluation/outcome_rules.h"

#include <cmath>
#include <set>

namespace patnav::domain::evaluation {

const OutcomeRule* ProposeOutcome(const std::vector<OutcomeRule>& rules, double total, bool vetoed) {
  for (const OutcomeRule& r : rules) {
    if (r.vetoed != vetoed) continue;
    if (r.at_least && !(total >= *r.at_least)) continue;
    if (r.above && !(total > *r.above)) continue;
    if (r.below && !(total < *r.below)) continue;
    if (r.at_most && !(total <= *r.at_most)) continue;
    return &r;
  }
  return nullptr;
}

Status ValidateOutcomeRules(const std::vector<OutcomeRule>& rules) {
  std::set<std::string> codes;
  for (const OutcomeRule& r : rules) {
    std::string where = "outcome rule '" + r.code + "': ";
    if (r.code.empty()) return Status::InvalidArgument("an outcome rule has no code");
    if (!codes.insert(r.code).second) return Status::InvalidArgument(where + "code used twice");
    if (!r.vetoed && !r.at_least && !r.above && !r.below && !r.at_most)
      return Status::InvalidArgument(where + "no bound (at_least, above, below, at_most)");
    double lo = -INFINITY, hi = INFINITY;
    bool lo_open = false, hi_open = false;
    for (const auto& b : {r.at_least, r.above, r.below, r.at_most})
      if (b && !std::isfinite(*b)) return Status::InvalidArgument(where + "a bound is not a finite number");
    if (r.at_least) lo = *r.at_least;
    if (r.above && *r.above >= lo) lo = *r.above, lo_open = true;
    if (r.at_most) hi = *r.at_most;
    if (r.below && *r.below <= hi) hi = *r.below, hi_open = true;
    if (lo > hi || (lo == hi && (lo_open || hi_open)))
      return Status::InvalidArgument(where + "no total satisfies its bounds");
    if (r.ban_years < 0) return Status::InvalidArgument(where + "ban_years is negative");
  }
  return Status::OK();
}

}  // namespace patnav::domain::evaluation
