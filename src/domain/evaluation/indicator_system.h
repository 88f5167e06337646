// An indicator system: the versioned tree an evaluation round scores subjects
// on (cities, districts, pilot units, alliances, enterprises), read from a
// JSON file (docs/evaluation.md; YAML is not accepted: no YAML library is
// available to patnav).
//
// Invariants of a parsed IndicatorSystem (ParseIndicatorSystem refuses any
// file that would break them):
//   - node codes are unique; every parent names a node; there is no cycle;
//     nodes[] is in depth-first order (a parent before its children, siblings
//     in file order), with parent/children as indexes into nodes[];
//   - the weights of the weighted children of every node, and of the
//     top-level nodes, sum to 1 (within 1e-6), after rescaling when the file
//     says "normalise_weights": true;
//   - a node with children is a group; gates, bonuses and penalties are
//     leaves, carry no weight and act on the subject's total;
//   - every leaf has a formula whose measures are all declared in measures[];
//   - every AHP matrix is square over exactly the weighted children it names.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "domain/evaluation/formula.h"
#include "domain/evaluation/normaliser.h"
#include "domain/evaluation/outcome_rules.h"

namespace patnav::domain::evaluation {

enum class NodeKind {
  kGroup,         // has children; its score aggregates theirs
  kQuantitative,  // a leaf computed from measures
  kQualitative,   // a leaf scored by experts (the measure is the expert score)
  kGate,          // 一票否决: a failed gate vetoes the subject
  kBonus,         // points added to the total
  kPenalty,       // points subtracted from the total
};
const char* NodeKindName(NodeKind k);

enum class Aggregation { kWeightedSum, kWeightedGeometricMean };
const char* AggregationName(Aggregation a);

enum class GateEffect { kZero, kFlag };  // a failed gate sets the total to 0, or only flags it

struct Measure {
  std::string code, name_zh, name_en, unit, source;
};

// A pairwise comparison matrix over some of a group's children (Saaty 1-9
// scale; a[i][j] is how much more important children[i] is than children[j]).
struct AhpMatrix {
  std::vector<std::string> children;  // node codes, the matrix's order
  std::vector<std::vector<double>> a;
};

struct IndicatorNode {
  std::string code, name_zh, name_en;
  NodeKind kind = NodeKind::kQuantitative;
  double weight = 0;                   // local weight among its weighted siblings (0 for gate/bonus/penalty)
  Direction direction = Direction::kHigherBetter;
  double target = 0;                   // Direction::kTarget
  double range_low = 0, range_high = 0;  // Direction::kRange
  std::string unit, source;            // source: where the data comes from
  std::optional<Formula> formula;      // leaves only
  NormaliserSpec normaliser;           // quantitative and qualitative leaves
  double gate_threshold = 0;           // gate passes when value >= threshold (higher better) or <= (lower better)
  GateEffect gate_effect = GateEffect::kZero;
  std::optional<double> points_cap;    // bonus/penalty: at most this many points
  std::optional<AhpMatrix> ahp;        // groups: pairwise comparisons of the weighted children
  int parent = -1;                     // index into IndicatorSystem::nodes, -1 at the top
  std::vector<int> children;           // indexes, file order
  int depth = 0;                       // 0 at the top

  bool IsWeighted() const { return kind == NodeKind::kGroup || kind == NodeKind::kQuantitative || kind == NodeKind::kQualitative; }
  bool IsLeaf() const { return children.empty(); }
};

struct IndicatorSystem {
  std::string code, version, name_zh, name_en;
  std::string source;        // the document the system follows
  std::string weights_note;  // e.g. "official weights not published: equal weights"
  Aggregation aggregation = Aggregation::kWeightedSum;
  double scale = 100;        // a leaf's score is normalised x scale
  std::vector<Measure> measures;
  std::vector<IndicatorNode> nodes;  // depth-first order (see the invariants)
  std::vector<int> top;              // the top-level nodes
  std::optional<AhpMatrix> top_ahp;  // pairwise comparisons of the weighted top-level nodes
  std::vector<OutcomeRule> outcomes;

  int FindNode(std::string_view code) const;  // index or -1
  const Measure* FindMeasure(std::string_view code) const;
  // The periods other than the round's own that the normalisers read (base years).
  std::vector<std::string> ExtraPeriods() const;
  bool HasAhp() const;
  // The indexes of the weighted children of `node` (-1: the top level).
  std::vector<int> WeightedChildren(int node) const;
};

// Parses and validates a system. `origin` (a file name) prefixes every error:
// "cities.json: node 1.2: weights of the children of 1 sum to 0.9, not 1".
// InvalidArgument for malformed JSON, a missing or bad field, an unknown enum
// value (the allowed ones named), a duplicate code, a cycle, weights not
// summing to 1, a formula naming an undeclared measure, a bad AHP matrix (not
// square, not over the children, not positive or reciprocal, or with a
// consistency ratio >= 0.10: ahp.h), so a file that validates can always be
// scored with AHP weights.
Result<IndicatorSystem> ParseIndicatorSystem(std::string_view json, std::string_view origin);

}  // namespace patnav::domain::evaluation
