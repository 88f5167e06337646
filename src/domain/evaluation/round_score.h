// Scoring a round in memory: every subject on every node of a system, with
// every intermediate number kept (raw, normalised, local weight, weighted
// contribution, node score, rank) so that any total can be explained line
// by line (Explain).
//
//   leaf (quantitative, qualitative): raw = formula(measures of the period);
//     normalised over the round (normaliser.h); score = normalised x scale.
//   group: score = Aggregate(children's local weights, children's scores).
//   weighted = local weight x score (a weighted sum's parts add up to the
//     parent's score).
//   gate: passes when raw >= threshold (higher_better) or <= threshold
//     (lower_better); a failed gate vetoes the subject: total 0 (effect
//     "zero") or only flagged (effect "flag").
//   bonus / penalty: points = min(max(raw, 0), cap), added to / subtracted
//     from the total.
//   total = aggregate of the top level + bonuses - penalties (0 when vetoed).
//   rank: 1 is the best; equal totals share a rank (1, 2, 2, 4).
//
// Local weights by method: fixed (the file's); AHP (each group with a
// matrix takes its eigenvector, the others keep the file's); entropy and
// CRITIC (each group's weights from its children's score columns over the
// round, computed bottom-up).
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "domain/evaluation/ahp.h"
#include "domain/evaluation/indicator_system.h"
#include "domain/evaluation/observations.h"

namespace patnav::domain::evaluation {

enum class Weighting { kFixed, kAhp, kEntropy, kCritic };
const char* WeightingName(Weighting w);
// "fixed", "ahp", "entropy", "critic"; InvalidArgument otherwise.
Result<Weighting> ParseWeighting(std::string_view name);

struct NodeScore {
  double raw = 0;         // leaves: the formula's value in the round's period
  double base_raw = 0;    // base_year_index leaves: the formula's value in the base period
  double normalised = 0;  // weighted leaves
  double weight = 0;      // local weight used (0 for gates, bonuses, penalties)
  double score = 0;       // leaves: normalised x scale; groups: the aggregate
  double weighted = 0;    // weight x score
  double points = 0;      // bonus / penalty points
  bool gate_failed = false;
  int rank = 0;           // among the subjects on this node (weighted nodes; 0 otherwise)
};

struct SubjectScore {
  Subject subject;
  std::vector<NodeScore> nodes;  // one per IndicatorSystem::nodes
  double base = 0;               // aggregate of the top level
  double bonus = 0, penalty = 0;
  double total = 0;
  bool vetoed = false;           // a gate with effect "zero" failed
  std::vector<std::string> failed_gates;  // codes (effect zero or flag)
  int rank = 0;
  std::string outcome;           // the proposed outcome's code, empty when no rule matches
};

struct AhpReport {
  std::string group;  // node code, or "" for the top level
  std::vector<std::string> children;
  AhpResult result;
};

struct RoundScore {
  Weighting weighting = Weighting::kFixed;
  std::string period;
  std::vector<double> weights;         // local weight per node, as used
  std::vector<double> global_weights;  // product of local weights up to the top
  std::vector<SubjectScore> subjects;  // in the round's subject order
  std::vector<AhpReport> ahp;          // Weighting::kAhp: one per matrix
};

// The leaf values of a round, computed once and weighed by any method.
struct PreparedRound {
  std::string period;
  std::vector<Subject> subjects;
  std::vector<std::vector<NodeScore>> leaves;  // [subject][node]: leaves filled, groups zero
};

// Checks the input against the system and computes every leaf.
// InvalidArgument (nothing scored) for: no subjects; a subject listed twice;
// an observation of a subject not in the round, of a measure the system does
// not declare, or of a period other than the round's and the base periods
// its normalisers read; the same (subject, measure, period) twice; no round
// period given when the observations hold several; and, naming subject and
// node, a missing observation, a division by zero, or a base value of 0.
Result<PreparedRound> PrepareRound(const IndicatorSystem& system, const RoundInput& input);

// Weighs a prepared round. InvalidArgument for kAhp when the system has no
// AHP matrix.
Result<RoundScore> WeighRound(const IndicatorSystem& system, const PreparedRound& prepared, Weighting weighting);

// PrepareRound then WeighRound.
Result<RoundScore> ScoreRound(const IndicatorSystem& system, const RoundInput& input, Weighting weighting);

// The scorecard of one subject, one line per node in tree order with the
// raw value, normaliser, normalised value, weight, contribution, score and
// rank, then bonuses, penalties, gates, the total, rank and outcome.
std::vector<std::string> Explain(const IndicatorSystem& system, const RoundScore& round, size_t subject);
// The same scorecard from one subject's numbers and the round's number of
// subjects (what a stored result keeps). REQUIRES: subject.nodes has one
// entry per system node.
std::vector<std::string> Explain(const IndicatorSystem& system, const SubjectScore& subject, size_t subjects);

// Standard competition ranks of `values`, higher first: {5, 7, 7, 1} -> {3, 1, 1, 4}.
std::vector<int> CompetitionRanks(const std::vector<double>& values);

}  // namespace patnav::domain::evaluation
