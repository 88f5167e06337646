// Normalisers: how a leaf's raw values over a round become comparable
// numbers, normally 0..1 with 1 the best (ratio to target and the base-year
// index may exceed 1; see each method).
//
// The direction says which raw values are good. For kTarget and kRange the
// normaliser reads the deviation d >= 0 from the target or the range (lower
// is better); ratio-to-target and base-year index need kHigherBetter or
// kLowerBetter (ParseIndicatorSystem refuses the other pairs).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/status.h"

namespace patnav::domain::evaluation {

enum class Direction { kHigherBetter, kLowerBetter, kTarget, kRange };
const char* DirectionName(Direction d);

enum class NormaliserMethod {
  kMinMax,          // over the round: (v-min)/(max-min); or fixed bounds, clamped to 0..1
  kZScore,          // z over the round, mapped to 0..1 by the standard normal CDF
  kRatioToTarget,   // min(v/target, cap) (lower better: min(target/v, cap))
  kStepTable,       // the score of the highest step whose `from` <= v (0 below the first)
  kRankPercentile,  // share of the other subjects doing worse (ties count half); 1 alone
  kBaseYearIndex,   // v / v(base period) (lower better: inverted); 1.0 = index 100
};
const char* NormaliserMethodName(NormaliserMethod m);

struct Step {
  double from = 0;
  double score = 0;  // 0..1
};

struct NormaliserSpec {
  NormaliserMethod method = NormaliserMethod::kMinMax;
  std::optional<double> min, max;  // kMinMax with fixed bounds (both or neither)
  double target = 0;               // kRatioToTarget, > 0
  double cap = 1;                  // kRatioToTarget, > 0
  std::vector<Step> steps;         // kStepTable, ascending `from`
  std::string base_period;         // kBaseYearIndex
};

// One leaf's values over the round, in subject order.
struct NormaliserInput {
  Direction direction = Direction::kHigherBetter;
  double target = 0;                      // Direction::kTarget
  double range_low = 0, range_high = 0;   // Direction::kRange
  std::vector<double> values;             // raw, one per subject
  std::vector<double> base_values;        // kBaseYearIndex: raw in the base period, one per subject
  std::vector<std::string> subjects;      // subject codes, for error messages
};

// The normalised values, one per subject. REQUIRES: the spec and direction
// passed ParseIndicatorSystem; base_values has values.size() entries for
// kBaseYearIndex. InvalidArgument (the caller adds subject and node) for a
// base value of 0 or a lower-better ratio over a value <= 0, naming the
// subject: "subject C03: base-period value is 0".
Result<std::vector<double>> Normalise(const NormaliserSpec& spec, const NormaliserInput& in);

// The deviation from the target or range (0 inside it); v itself for the
// other directions.
double Deviation(Direction d, double target, double low, double high, double v);

}  // namespace patnav::domain::evaluation
