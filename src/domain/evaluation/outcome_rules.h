// Outcome rules, stored as data in the system file: which outcome a
// subject's total proposes (for cities with IP advantages: under 60
// withdrawn with a two-year ban, 60-70 another pilot round, over 70
// demonstration cultivation). The outcome is a proposal: an office user
// applies it with a reason (a later slice).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/status.h"

namespace patnav::domain::evaluation {

// Matches a total t when every bound given holds: t >= at_least, t > above,
// t < below, t <= at_most. A vetoed subject (a failed gate) matches only the
// rules with `vetoed` set, and those match only vetoed subjects.
struct OutcomeRule {
  std::string code;              // "withdraw", "repeat_pilot", "demonstration", "incentive", ...
  std::string name_zh, name_en;
  std::optional<double> at_least, above, below, at_most;
  bool vetoed = false;
  int ban_years = 0;             // the subject may not apply again for this many years
};

// The first rule (in file order) that matches, or nullptr when none does.
const OutcomeRule* ProposeOutcome(const std::vector<OutcomeRule>& rules, double total, bool vetoed);

// InvalidArgument when a rule has no code, no bound (and is not a veto
// rule), a bound that is not finite, an empty interval, a negative ban, or
// a code used twice.
Status ValidateOutcomeRules(const std::vector<OutcomeRule>& rules);

}  // namespace patnav::domain::evaluation
