// PrepareRound, WeighRound, Explain (round_score.h).
#include "domain/evaluation/round_score.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>

#include "domain/evaluation/aggregation.h"
#include "domain/evaluation/critic_weights.h"
#include "domain/evaluation/entropy_weights.h"
#include "domain/evaluation/normaliser.h"

namespace patnav::domain::evaluation {

const char* WeightingName(Weighting w) {
  switch (w) {
    case Weighting::kFixed: return "fixed";
    case Weighting::kAhp: return "ahp";
    case Weighting::kEntropy: return "entropy";
    case Weighting::kCritic: return "critic";
  }
  return "?";
}

Result<Weighting> ParseWeighting(std::string_view name) {
  for (Weighting w : {Weighting::kFixed, Weighting::kAhp, Weighting::kEntropy, Weighting::kCritic})
    if (name == WeightingName(w)) return w;
  return Status::InvalidArgument("unknown weighting '" + std::string(name) + "' (one of: fixed, ahp, entropy, critic)");
}

std::vector<int> CompetitionRanks(const std::vector<double>& values) {
  std::vector<size_t> order(values.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return values[a] > values[b]; });
  std::vector<int> rank(values.size(), 0);
  for (size_t k = 0; k < order.size(); ++k) {
    double v = values[order[k]];
    bool tie = k > 0 && std::fabs(values[order[k - 1]] - v) <= 1e-9 * std::max(1.0, std::fabs(v));
    rank[order[k]] = tie ? rank[order[k - 1]] : static_cast<int>(k + 1);
  }
  return rank;
}

namespace {

Status Refuse(const std::string& what) { return Status::InvalidArgument(what); }

// The round's period: given, or the one period observed besides the base periods.
Result<std::string> RoundPeriod(const IndicatorSystem& sys, const RoundInput& in) {
  if (!in.period.empty()) return in.period;
  std::vector<std::string> extra = sys.ExtraPeriods();
  std::set<std::string> periods;
  for (const Observation& o : in.observations)
    if (std::find(extra.begin(), extra.end(), o.period) == extra.end()) periods.insert(o.period);
  if (periods.size() == 1) return *periods.begin();
  std::string list;
  for (const auto& p : periods) list += (list.empty() ? "" : ", ") + p;
  return Refuse("say which period the round evaluates: the observations hold " +
                (periods.empty() ? std::string("none") : list));
}

}  // namespace

Result<PreparedRound> PrepareRound(const IndicatorSystem& sys, const RoundInput& in) {
  PreparedRound round;
  ASSIGN_OR_RETURN(round.period, RoundPeriod(sys, in));
  std::vector<std::string> periods = {round.period};
  for (const std::string& p : sys.ExtraPeriods())
    if (p != round.period) periods.push_back(p);
  round.subjects = in.subjects;
  std::unordered_map<std::string, size_t> subject_index;
  if (round.subjects.empty())
    for (const Observation& o : in.observations)
      if (!subject_index.count(o.subject)) {
        subject_index[o.subject] = round.subjects.size();
        round.subjects.push_back({o.subject, ""});
      }
  subject_index.clear();
  for (size_t i = 0; i < round.subjects.size(); ++i)
    if (!subject_index.emplace(round.subjects[i].code, i).second)
      return Refuse("subject " + round.subjects[i].code + " is listed twice");
  if (round.subjects.empty()) return Refuse("the round has no subjects");

  // values[(subject * periods + period) * measures + measure]; NaN: not observed.
  const size_t nm = sys.measures.size(), np = periods.size();
  std::unordered_map<std::string_view, size_t> measure_index;
  for (size_t m = 0; m < nm; ++m) measure_index.emplace(sys.measures[m].code, m);
  std::vector<double> values(round.subjects.size() * np * nm, std::nan(""));
  for (const Observation& o : in.observations) {
    auto s = subject_index.find(o.subject);
    if (s == subject_index.end()) return Refuse("observation of subject " + o.subject + ", which is not in the round");
    auto m = measure_index.find(o.measure);
    if (m == measure_index.end())
      return Refuse("observation of measure '" + o.measure + "' (subject " + o.subject + "), which system " + sys.code +
                    " does not declare");
    auto p = std::find(periods.begin(), periods.end(), o.period);
    if (p == periods.end()) {
      std::string list;
      for (const auto& q : periods) list += (list.empty() ? "" : ", ") + q;
      return Refuse("observation of subject " + o.subject + ", measure " + o.measure + " in period " + o.period +
                    ", outside the round (periods: " + list + ")");
    }
    if (!std::isfinite(o.value))
      return Refuse("subject " + o.subject + ", measure " + o.measure + ": the value is not a finite number");
    double& cell = values[(s->second * np + static_cast<size_t>(p - periods.begin())) * nm + m->second];
    if (!std::isnan(cell))
      return Refuse("subject " + o.subject + ", measure " + o.measure + ", period " + o.period + " is observed twice");
    cell = o.value;
  }

  size_t n = round.subjects.size();
  round.leaves.assign(n, std::vector<NodeScore>(sys.nodes.size()));
  auto evaluate = [&](const IndicatorNode& node, size_t s, size_t period) -> Result<double> {
    const double* cell = &values[(s * np + period) * nm];
    Result<double> v = node.formula->Evaluate([&](const std::string& name) -> std::optional<double> {
      auto it = measure_index.find(name);
      if (it == measure_index.end() || std::isnan(cell[it->second])) return std::nullopt;
      return cell[it->second];
    });
    if (!v.ok())
      return Refuse("subject " + round.subjects[s].code + ", node " + node.code + ", period " + periods[period] + ": " +
                    v.status().message());
    return *v;
  };
  std::vector<std::string> codes;
  for (const Subject& s : round.subjects) codes.push_back(s.code);
  for (size_t k = 0; k < sys.nodes.size(); ++k) {
    const IndicatorNode& node = sys.nodes[k];
    if (node.kind == NodeKind::kGroup) continue;
    NormaliserInput col;
    col.direction = node.direction;
    col.target = node.target;
    col.range_low = node.range_low;
    col.range_high = node.range_high;
    col.subjects = codes;
    bool base = node.normaliser.method == NormaliserMethod::kBaseYearIndex;
    size_t base_period = base ? static_cast<size_t>(std::find(periods.begin(), periods.end(), node.normaliser.base_period) -
                                                    periods.begin())
                              : 0;
    for (size_t s = 0; s < n; ++s) {
      NodeScore& ns = round.leaves[s][k];
      ASSIGN_OR_RETURN(ns.raw, evaluate(node, s, 0));
      col.values.push_back(ns.raw);
      if (base) {
        ASSIGN_OR_RETURN(ns.base_raw, evaluate(node, s, base_period));
        col.base_values.push_back(ns.base_raw);
      }
      if (node.kind == NodeKind::kGate)
        ns.gate_failed = node.direction == Direction::kLowerBetter ? !(ns.raw <= node.gate_threshold)
                                                                   : !(ns.raw >= node.gate_threshold);
      if (node.kind == NodeKind::kBonus || node.kind == NodeKind::kPenalty) {
        ns.points = std::max(ns.raw, 0.0);
        if (node.points_cap) ns.points = std::min(ns.points, *node.points_cap);
      }
    }
    if (!node.IsWeighted()) continue;
    Result<std::vector<double>> norm = Normalise(node.normaliser, col);
    if (!norm.ok()) return Refuse("node " + node.code + ": " + norm.status().message());
    for (size_t s = 0; s < n; ++s) {
      round.leaves[s][k].normalised = (*norm)[s];
      round.leaves[s][k].score = (*norm)[s] * sys.scale;
    }
  }
  return round;
}

namespace {

// The local weights of the weighted children `kids` of group `g` (-1 top).
std::vector<double> LocalWeights(const IndicatorSystem& sys, int g, const std::vector<int>& kids, Weighting w,
                                 const std::vector<SubjectScore>& subjects, std::vector<AhpReport>* ahp) {
  std::vector<double> out;
  for (int c : kids) out.push_back(sys.nodes[c].weight);
  if (w == Weighting::kAhp) {
    const std::optional<AhpMatrix>& m = g < 0 ? sys.top_ahp : sys.nodes[g].ahp;
    if (!m) return out;
    Result<AhpResult> r = AhpWeights(m->a);  // consistent: checked by ParseIndicatorSystem
    if (!r.ok()) return out;
    for (size_t i = 0; i < kids.size(); ++i)
      for (size_t j = 0; j < m->children.size(); ++j)
        if (m->children[j] == sys.nodes[kids[i]].code) out[i] = r->weights[j];
    ahp->push_back({g < 0 ? std::string() : sys.nodes[g].code, m->children, *r});
    return out;
  }
  if (w == Weighting::kEntropy || w == Weighting::kCritic) {
    std::vector<std::vector<double>> columns(kids.size());
    for (size_t i = 0; i < kids.size(); ++i)
      for (const SubjectScore& s : subjects) columns[i].push_back(s.nodes[kids[i]].score);
    return w == Weighting::kEntropy ? EntropyWeights(columns) : CriticWeights(columns);
  }
  return out;
}

}  // namespace

Result<RoundScore> WeighRound(const IndicatorSystem& sys, const PreparedRound& prepared, Weighting weighting) {
  if (weighting == Weighting::kAhp && !sys.HasAhp())
    return Refuse("system " + sys.code + " has no AHP matrix, so it cannot be weighted by AHP");
  RoundScore round;
  round.weighting = weighting;
  round.period = prepared.period;
  round.weights.assign(sys.nodes.size(), 0.0);
  size_t n = prepared.subjects.size();
  round.subjects.resize(n);
  for (size_t s = 0; s < n; ++s) {
    round.subjects[s].subject = prepared.subjects[s];
    round.subjects[s].nodes = prepared.leaves[s];
  }
  std::vector<double> weights, scores;
  auto aggregate_group = [&](int g) {
    std::vector<int> kids = sys.WeightedChildren(g);
    weights = LocalWeights(sys, g, kids, weighting, round.subjects, &round.ahp);
    for (size_t i = 0; i < kids.size(); ++i) round.weights[kids[i]] = weights[i];
    for (SubjectScore& s : round.subjects) {
      scores.clear();
      for (size_t i = 0; i < kids.size(); ++i) {
        NodeScore& child = s.nodes[kids[i]];
        child.weight = weights[i];
        child.weighted = weights[i] * child.score;
        scores.push_back(child.score);
      }
      double v = Aggregate(sys.aggregation, weights, scores);
      if (g < 0) s.base = v;
      else s.nodes[g].score = v;
    }
  };
  for (int g = static_cast<int>(sys.nodes.size()) - 1; g >= 0; --g)  // children before parents
    if (sys.nodes[g].kind == NodeKind::kGroup) aggregate_group(g);
  aggregate_group(-1);
  // AHP reports in tree order (top first), as people read them.
  std::reverse(round.ahp.begin(), round.ahp.end());

  round.global_weights.assign(sys.nodes.size(), 0.0);
  for (size_t k = 0; k < sys.nodes.size(); ++k) {
    int p = sys.nodes[k].parent;
    round.global_weights[k] = round.weights[k] * (p < 0 ? 1.0 : round.global_weights[p]);
  }
  std::vector<double> totals;
  for (SubjectScore& s : round.subjects) {
    for (size_t k = 0; k < sys.nodes.size(); ++k) {
      const IndicatorNode& node = sys.nodes[k];
      const NodeScore& ns = s.nodes[k];
      if (node.kind == NodeKind::kBonus) s.bonus += ns.points;
      if (node.kind == NodeKind::kPenalty) s.penalty += ns.points;
      if (node.kind == NodeKind::kGate && ns.gate_failed) {
        s.failed_gates.push_back(node.code);
        if (node.gate_effect == GateEffect::kZero) s.vetoed = true;
      }
    }
    s.total = s.vetoed ? 0.0 : s.base + s.bonus - s.penalty;
    const OutcomeRule* rule = ProposeOutcome(sys.outcomes, s.total, s.vetoed);
    if (rule) s.outcome = rule->code;
    totals.push_back(s.total);
  }
  std::vector<int> ranks = CompetitionRanks(totals);
  for (size_t s = 0; s < n; ++s) round.subjects[s].rank = ranks[s];
  std::vector<double> column(n);
  for (size_t k = 0; k < sys.nodes.size(); ++k) {
    if (!sys.nodes[k].IsWeighted()) continue;
    for (size_t s = 0; s < n; ++s) column[s] = round.subjects[s].nodes[k].score;
    std::vector<int> r = CompetitionRanks(column);
    for (size_t s = 0; s < n; ++s) round.subjects[s].nodes[k].rank = r[s];
  }
  return round;
}

Result<RoundScore> ScoreRound(const IndicatorSystem& sys, const RoundInput& input, Weighting weighting) {
  ASSIGN_OR_RETURN(PreparedRound prepared, PrepareRound(sys, input));
  return WeighRound(sys, prepared, weighting);
}

namespace {

std::string Fmt(const char* f, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, f, v);
  return buf;
}

std::string Describe(const NormaliserSpec& n) {
  std::string s = NormaliserMethodName(n.method);
  if (n.method == NormaliserMethod::kMinMax) s += n.min ? " [" + Fmt("%g", *n.min) + ", " + Fmt("%g", *n.max) + "]" : " over the round";
  if (n.method == NormaliserMethod::kRatioToTarget) s += " target " + Fmt("%g", n.target) + " cap " + Fmt("%g", n.cap);
  if (n.method == NormaliserMethod::kBaseYearIndex) s += " base " + n.base_period;
  return s;
}

}  // namespace

std::vector<std::string> Explain(const IndicatorSystem& sys, const RoundScore& round, size_t subject) {
  return Explain(sys, round.subjects[subject], round.subjects.size());
}

std::vector<std::string> Explain(const IndicatorSystem& sys, const SubjectScore& s, size_t n) {
  std::vector<std::string> lines;
  for (size_t k = 0; k < sys.nodes.size(); ++k) {
    const IndicatorNode& node = sys.nodes[k];
    const NodeScore& ns = s.nodes[k];
    std::string name = node.name_zh.empty() ? node.name_en : node.name_zh;
    std::string line = std::string(2 * node.depth, ' ') + node.code + " " + name + ": ";
    switch (node.kind) {
      case NodeKind::kGroup:
        line += "score " + Fmt("%.2f", ns.score) + " (" + AggregationName(sys.aggregation) + " of its children)";
        break;
      case NodeKind::kGate:
        line += "gate, value " + Fmt("%g", ns.raw) + (node.direction == Direction::kLowerBetter ? " must be <= " : " must be >= ") +
                Fmt("%g", node.gate_threshold) + (ns.gate_failed ? ": FAILED" : ": passed");
        lines.push_back(line);
        continue;
      case NodeKind::kBonus:
      case NodeKind::kPenalty:
        line += std::string(NodeKindName(node.kind)) + ", value " + Fmt("%g", ns.raw) + " -> " + Fmt("%.2f", ns.points) +
                " points" + (node.points_cap ? " (cap " + Fmt("%g", *node.points_cap) + ")" : "");
        lines.push_back(line);
        continue;
      default:
        line += "raw " + Fmt("%.6g", ns.raw) + (node.unit.empty() ? "" : " " + node.unit);
        if (node.normaliser.method == NormaliserMethod::kBaseYearIndex) line += " (base " + Fmt("%.6g", ns.base_raw) + ")";
        line += " [" + node.formula->text() + "] -> " + Describe(node.normaliser) + " " + Fmt("%.4f", ns.normalised) +
                " -> score " + Fmt("%.2f", ns.score);
        break;
    }
    line += " x weight " + Fmt("%.4f", ns.weight) + " = " + Fmt("%.2f", ns.weighted) + "; rank " +
            std::to_string(ns.rank) + "/" + std::to_string(n);
    lines.push_back(line);
  }
  lines.push_back("base " + Fmt("%.2f", s.base) + " + bonus " + Fmt("%.2f", s.bonus) + " - penalty " +
                  Fmt("%.2f", s.penalty) + (s.vetoed ? " -> vetoed by a gate: 0" : "") + " = total " +
                  Fmt("%.2f", s.total) + "; rank " + std::to_string(s.rank) + "/" + std::to_string(n) +
                  (s.outcome.empty() ? "" : "; outcome " + s.outcome));
  return lines;
}

}  // namespace patnav::domain::evaluation
