// Normalise: the six methods of normaliser.h over one leaf's round column.
#include "domain/evaluation/normaliser.h"

#include <algorithm>
#include <cmath>

namespace patnav::domain::evaluation {

const char* DirectionName(Direction d) {
  switch (d) {
    case Direction::kHigherBetter: return "higher_better";
    case Direction::kLowerBetter: return "lower_better";
    case Direction::kTarget: return "target";
    case Direction::kRange: return "range";
  }
  return "?";
}

const char* NormaliserMethodName(NormaliserMethod m) {
  switch (m) {
    case NormaliserMethod::kMinMax: return "min_max";
    case NormaliserMethod::kZScore: return "z_score";
    case NormaliserMethod::kRatioToTarget: return "ratio_to_target";
    case NormaliserMethod::kStepTable: return "step_table";
    case NormaliserMethod::kRankPercentile: return "rank_percentile";
    case NormaliserMethod::kBaseYearIndex: return "base_year_index";
  }
  return "?";
}

double Deviation(Direction d, double target, double low, double high, double v) {
  switch (d) {
    case Direction::kTarget: return std::fabs(v - target);
    case Direction::kRange: return v < low ? low - v : (v > high ? v - high : 0.0);
    default: return v;
  }
}

namespace {

// Values oriented so that higher is better (deviations negated).
std::vector<double> Oriented(const NormaliserInput& in) {
  std::vector<double> x;
  x.reserve(in.values.size());
  for (double v : in.values) {
    switch (in.direction) {
      case Direction::kHigherBetter: x.push_back(v); break;
      case Direction::kLowerBetter: x.push_back(-v); break;
      default: x.push_back(-Deviation(in.direction, in.target, in.range_low, in.range_high, v)); break;
    }
  }
  return x;
}

std::vector<double> MinMax(const NormaliserSpec& spec, const NormaliserInput& in) {
  std::vector<double> out;
  out.reserve(in.values.size());
  if (spec.min && spec.max) {  // fixed bounds, on v (or on the deviation, lower better)
    double lo = *spec.min, hi = *spec.max;
    bool lower = in.direction != Direction::kHigherBetter;
    for (double v : in.values) {
      double d = in.direction == Direction::kHigherBetter || in.direction == Direction::kLowerBetter
                     ? v
                     : Deviation(in.direction, in.target, in.range_low, in.range_high, v);
      double r = lower ? (hi - d) / (hi - lo) : (d - lo) / (hi - lo);
      out.push_back(std::clamp(r, 0.0, 1.0));
    }
    return out;
  }
  std::vector<double> x = Oriented(in);
  if (x.empty()) return out;
  auto [mn, mx] = std::minmax_element(x.begin(), x.end());
  double lo = *mn, span = *mx - *mn;
  for (double v : x) out.push_back(span > 0 ? (v - lo) / span : 1.0);  // no spread: everyone at the best
  return out;
}

// The standard normal distribution function.
double Phi(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

std::vector<double> ZScore(const NormaliserInput& in) {
  std::vector<double> x = Oriented(in), out;
  if (x.empty()) return out;
  double mean = 0;
  for (double v : x) mean += v;
  mean /= static_cast<double>(x.size());
  double var = 0;
  for (double v : x) var += (v - mean) * (v - mean);
  double sd = std::sqrt(var / static_cast<double>(x.size()));  // population standard deviation
  for (double v : x) out.push_back(Phi(sd > 0 ? (v - mean) / sd : 0.0));
  return out;
}

std::vector<double> RankPercentile(const NormaliserInput& in) {
  std::vector<double> x = Oriented(in), out(x.size(), 1.0);
  size_t n = x.size();
  if (n < 2) return out;
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return x[a] < x[b]; });
  for (size_t i = 0; i < n;) {  // a run of ties [i, j)
    size_t j = i;
    while (j < n && x[order[j]] == x[order[i]]) ++j;
    double worse = static_cast<double>(i), ties = static_cast<double>(j - i - 1);
    for (size_t k = i; k < j; ++k) out[order[k]] = (worse + 0.5 * ties) / static_cast<double>(n - 1);
    i = j;
  }
  return out;
}

double StepScore(const std::vector<Step>& steps, double v) {
  double score = 0;
  for (const Step& s : steps)
    if (s.from <= v) score = s.score;
  return score;
}

}  // namespace

Result<std::vector<double>> Normalise(const NormaliserSpec& spec, const NormaliserInput& in) {
  auto who = [&](size_t i) { return i < in.subjects.size() ? in.subjects[i] : "#" + std::to_string(i + 1); };
  bool lower = in.direction == Direction::kLowerBetter;
  std::vector<double> out;
  out.reserve(in.values.size());
  switch (spec.method) {
    case NormaliserMethod::kMinMax: return MinMax(spec, in);
    case NormaliserMethod::kZScore: return ZScore(in);
    case NormaliserMethod::kRankPercentile: return RankPercentile(in);
    case NormaliserMethod::kStepTable:
      for (double v : in.values) {
        double d = in.direction == Direction::kTarget || in.direction == Direction::kRange
                       ? Deviation(in.direction, in.target, in.range_low, in.range_high, v)
                       : v;
        out.push_back(StepScore(spec.steps, d));
      }
      return out;
    case NormaliserMethod::kRatioToTarget:
      for (size_t i = 0; i < in.values.size(); ++i) {
        double v = in.values[i];
        if (lower && v <= 0) {
          out.push_back(spec.cap);  // nothing of a lower-better measure: at the cap
          continue;
        }
        out.push_back(std::min(lower ? spec.target / v : v / spec.target, spec.cap));
      }
      return out;
    case NormaliserMethod::kBaseYearIndex:
      for (size_t i = 0; i < in.values.size(); ++i) {
        double v = in.values[i], base = in.base_values[i];
        if (base == 0)
          return Status::InvalidArgument("subject " + who(i) + ": value in base period " + spec.base_period +
                                         " is 0, no index can be formed");
        if (lower && v == 0)
          return Status::InvalidArgument("subject " + who(i) + ": value is 0, a lower-better index cannot be formed");
        out.push_back(lower ? base / v : v / base);
      }
      return out;
  }
  return out;
}

}  // namespace patnav::domain::evaluation
