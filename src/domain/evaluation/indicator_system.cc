// ParseIndicatorSystem: the JSON file of an indicator system, checked
// against every invariant of indicator_system.h before anything is returned.
#include "domain/evaluation/indicator_system.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "domain/evaluation/ahp.h"

namespace patnav::domain::evaluation {

using nlohmann::json;

const char* NodeKindName(NodeKind k) {
  switch (k) {
    case NodeKind::kGroup: return "group";
    case NodeKind::kQuantitative: return "quantitative";
    case NodeKind::kQualitative: return "qualitative";
    case NodeKind::kGate: return "gate";
    case NodeKind::kBonus: return "bonus";
    case NodeKind::kPenalty: return "penalty";
  }
  return "?";
}

const char* AggregationName(Aggregation a) {
  return a == Aggregation::kWeightedSum ? "weighted_sum" : "weighted_geometric_mean";
}

int IndicatorSystem::FindNode(std::string_view c) const {
  for (size_t i = 0; i < nodes.size(); ++i)
    if (nodes[i].code == c) return static_cast<int>(i);
  return -1;
}

const Measure* IndicatorSystem::FindMeasure(std::string_view c) const {
  for (const Measure& m : measures)
    if (m.code == c) return &m;
  return nullptr;
}

std::vector<std::string> IndicatorSystem::ExtraPeriods() const {
  std::vector<std::string> out;
  for (const IndicatorNode& n : nodes)
    if (n.normaliser.method == NormaliserMethod::kBaseYearIndex &&
        std::find(out.begin(), out.end(), n.normaliser.base_period) == out.end())
      out.push_back(n.normaliser.base_period);
  return out;
}

bool IndicatorSystem::HasAhp() const {
  if (top_ahp) return true;
  for (const IndicatorNode& n : nodes)
    if (n.ahp) return true;
  return false;
}

std::vector<int> IndicatorSystem::WeightedChildren(int node) const {
  std::vector<int> out;
  for (int c : node < 0 ? top : nodes[node].children)
    if (nodes[c].IsWeighted()) out.push_back(c);
  return out;
}

namespace {

// The parse state: the origin for messages and helpers that read typed
// fields, refusing wrong types and unknown keys.
class Reader {
 public:
  explicit Reader(std::string_view origin) : origin_(origin) {}

  Status Error(const std::string& where, const std::string& why) const {
    return Status::InvalidArgument(origin_ + ": " + (where.empty() ? "" : where + ": ") + why);
  }

  Status Keys(const json& obj, const std::string& where, std::initializer_list<const char*> allowed) const {
    if (!obj.is_object()) return Error(where, "expected an object");
    for (auto it = obj.begin(); it != obj.end(); ++it) {
      bool ok = it.key() == "comment";
      for (const char* a : allowed) ok = ok || it.key() == a;
      if (!ok) {
        std::string names;
        for (const char* a : allowed) names += std::string(names.empty() ? "" : ", ") + a;
        return Error(where, "unknown field '" + it.key() + "' (allowed: " + names + ", comment)");
      }
    }
    return Status::OK();
  }

  Result<std::string> Str(const json& obj, const char* key, const std::string& where, bool required = false) const {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
      if (required) return Error(where, std::string("missing '") + key + "'");
      return std::string();
    }
    if (!it->is_string()) return Error(where, std::string("'") + key + "' must be a string");
    return it->get<std::string>();
  }

  Result<std::optional<double>> Num(const json& obj, const char* key, const std::string& where) const {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return std::optional<double>();
    if (!it->is_number()) return Error(where, std::string("'") + key + "' must be a number");
    double v = it->get<double>();
    if (!std::isfinite(v)) return Error(where, std::string("'") + key + "' must be finite");
    return std::optional<double>(v);
  }

  // An enum value among `names` (index), or `fallback` when absent.
  Result<int> Enum(const json& obj, const char* key, const std::string& where, const std::vector<const char*>& names,
                   int fallback) const {
    ASSIGN_OR_RETURN(std::string v, Str(obj, key, where));
    if (v.empty()) return fallback;
    for (size_t i = 0; i < names.size(); ++i)
      if (v == names[i]) return static_cast<int>(i);
    std::string allowed;
    for (const char* n : names) allowed += std::string(allowed.empty() ? "" : ", ") + n;
    return Error(where, "bad " + std::string(key) + " '" + v + "' (one of: " + allowed + ")");
  }

 private:
  std::string origin_;
};

bool IsCode(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  for (unsigned char c : s)
    if (!(std::isalnum(c) || c == '_' || c == '.' || c == '-')) return false;
  return true;
}

// "1/3", "3" or a number.
Result<double> MatrixEntry(const json& v) {
  if (v.is_number()) return v.get<double>();
  if (v.is_string()) {
    std::string s = v.get<std::string>();
    size_t slash = s.find('/');
    char* end = nullptr;
    double a = std::strtod(s.c_str(), &end);
    if (slash == std::string::npos) {
      if (end && *end == 0 && end != s.c_str()) return a;
    } else {
      std::string num = s.substr(0, slash), den = s.substr(slash + 1);
      char *e1 = nullptr, *e2 = nullptr;
      double x = std::strtod(num.c_str(), &e1), y = std::strtod(den.c_str(), &e2);
      if (!num.empty() && !den.empty() && *e1 == 0 && *e2 == 0 && y != 0) return x / y;
    }
  }
  return Status::InvalidArgument("a matrix entry must be a number or a fraction like \"1/3\"");
}

Result<AhpMatrix> ReadAhp(const Reader& r, const json& j, const std::string& where) {
  RETURN_IF_ERROR(r.Keys(j, where + ": ahp", {"children", "matrix"}));
  AhpMatrix m;
  auto ch = j.find("children");
  if (ch == j.end() || !ch->is_array()) return r.Error(where, "ahp needs 'children', a list of node codes");
  for (const json& c : *ch) {
    if (!c.is_string()) return r.Error(where, "ahp children must be node codes");
    m.children.push_back(c.get<std::string>());
  }
  auto mx = j.find("matrix");
  if (mx == j.end() || !mx->is_array()) return r.Error(where, "ahp needs 'matrix', a list of rows");
  for (const json& row : *mx) {
    if (!row.is_array()) return r.Error(where, "an ahp matrix row must be a list");
    std::vector<double> out;
    for (const json& v : row) {
      Result<double> e = MatrixEntry(v);
      if (!e.ok()) return r.Error(where, e.status().message());
      out.push_back(*e);
    }
    m.a.push_back(std::move(out));
  }
  return m;
}

Result<NormaliserSpec> ReadNormaliser(const Reader& r, const json& j, const std::string& where) {
  NormaliserSpec spec;
  std::string w = where + ": normaliser";
  RETURN_IF_ERROR(r.Keys(j, w, {"method", "min", "max", "target", "cap", "steps", "base_period"}));
  ASSIGN_OR_RETURN(int method, r.Enum(j, "method", w,
                                      {"min_max", "z_score", "ratio_to_target", "step_table", "rank_percentile",
                                       "base_year_index"},
                                      -1));
  if (method < 0) return r.Error(w, "missing 'method'");
  spec.method = static_cast<NormaliserMethod>(method);
  ASSIGN_OR_RETURN(spec.min, r.Num(j, "min", w));
  ASSIGN_OR_RETURN(spec.max, r.Num(j, "max", w));
  ASSIGN_OR_RETURN(auto target, r.Num(j, "target", w));
  ASSIGN_OR_RETURN(auto cap, r.Num(j, "cap", w));
  ASSIGN_OR_RETURN(spec.base_period, r.Str(j, "base_period", w));
  switch (spec.method) {
    case NormaliserMethod::kMinMax:
      if (spec.min.has_value() != spec.max.has_value()) return r.Error(w, "fixed bounds need both 'min' and 'max'");
      if (spec.min && !(*spec.min < *spec.max)) return r.Error(w, "'min' must be below 'max'");
      break;
    case NormaliserMethod::kRatioToTarget:
      if (!target || *target <= 0) return r.Error(w, "ratio_to_target needs a positive 'target'");
      spec.target = *target;
      if (cap && *cap <= 0) return r.Error(w, "'cap' must be positive");
      spec.cap = cap ? *cap : 1.0;
      break;
    case NormaliserMethod::kStepTable: {
      auto steps = j.find("steps");
      if (steps == j.end() || !steps->is_array() || steps->empty())
        return r.Error(w, "step_table needs 'steps': [{\"from\": x, \"score\": s}, ...]");
      for (const json& s : *steps) {
        RETURN_IF_ERROR(r.Keys(s, w + ": step", {"from", "score"}));
        ASSIGN_OR_RETURN(auto from, r.Num(s, "from", w));
        ASSIGN_OR_RETURN(auto score, r.Num(s, "score", w));
        if (!from || !score) return r.Error(w, "every step needs 'from' and 'score'");
        if (*score < 0 || *score > 1) return r.Error(w, "a step's score must be within 0..1");
        if (!spec.steps.empty() && !(*from > spec.steps.back().from))
          return r.Error(w, "steps must be in ascending order of 'from'");
        spec.steps.push_back({*from, *score});
      }
      break;
    }
    case NormaliserMethod::kBaseYearIndex:
      if (spec.base_period.empty()) return r.Error(w, "base_year_index needs 'base_period'");
      break;
    default:
      break;
  }
  return spec;
}

// One node as written, before the tree is built.
struct RawNode {
  IndicatorNode node;
  std::string parent_code;
  std::optional<std::string> kind_written;
  bool has_weight = false, has_formula = false, has_normaliser = false;
  std::string formula_text;
};

Result<RawNode> ReadNode(const Reader& r, const json& j, size_t index) {
  RawNode raw;
  IndicatorNode& n = raw.node;
  std::string where = "node #" + std::to_string(index + 1);
  if (!j.is_object()) return r.Error(where, "expected an object");
  ASSIGN_OR_RETURN(n.code, r.Str(j, "code", where, true));
  if (!IsCode(n.code)) return r.Error(where, "code '" + n.code + "' is not 1-64 of A-Z a-z 0-9 _ . -");
  where = "node " + n.code;
  RETURN_IF_ERROR(r.Keys(j, where, {"code", "parent", "name_zh", "name_en", "kind", "weight", "direction", "target",
                                    "range", "unit", "source", "formula", "normaliser", "threshold", "gate_effect",
                                    "cap", "ahp"}));
  ASSIGN_OR_RETURN(raw.parent_code, r.Str(j, "parent", where));
  ASSIGN_OR_RETURN(n.name_zh, r.Str(j, "name_zh", where));
  ASSIGN_OR_RETURN(n.name_en, r.Str(j, "name_en", where));
  if (n.name_zh.empty() && n.name_en.empty()) return r.Error(where, "needs 'name_zh' or 'name_en'");
  ASSIGN_OR_RETURN(std::string kind, r.Str(j, "kind", where));
  if (!kind.empty()) raw.kind_written = kind;
  ASSIGN_OR_RETURN(int k, r.Enum(j, "kind", where, {"group", "quantitative", "qualitative", "gate", "bonus", "penalty"},
                                 static_cast<int>(NodeKind::kQuantitative)));
  n.kind = static_cast<NodeKind>(k);
  ASSIGN_OR_RETURN(auto weight, r.Num(j, "weight", where));
  raw.has_weight = weight.has_value();
  n.weight = weight.value_or(0);
  if (n.weight < 0) return r.Error(where, "weight is negative");
  ASSIGN_OR_RETURN(int dir, r.Enum(j, "direction", where, {"higher_better", "lower_better", "target", "range"}, 0));
  n.direction = static_cast<Direction>(dir);
  ASSIGN_OR_RETURN(auto target, r.Num(j, "target", where));
  if (n.direction == Direction::kTarget) {
    if (!target) return r.Error(where, "direction 'target' needs 'target'");
    n.target = *target;
  }
  if (n.direction == Direction::kRange) {
    auto range = j.find("range");
    if (range == j.end() || !range->is_array() || range->size() != 2 || !(*range)[0].is_number() ||
        !(*range)[1].is_number() || !((*range)[0].get<double>() <= (*range)[1].get<double>()))
      return r.Error(where, "direction 'range' needs 'range': [low, high] with low <= high");
    n.range_low = (*range)[0].get<double>();
    n.range_high = (*range)[1].get<double>();
  }
  ASSIGN_OR_RETURN(n.unit, r.Str(j, "unit", where));
  ASSIGN_OR_RETURN(n.source, r.Str(j, "source", where));
  ASSIGN_OR_RETURN(raw.formula_text, r.Str(j, "formula", where));
  raw.has_formula = j.contains("formula");
  if (raw.has_formula) {
    Result<Formula> f = Formula::Parse(raw.formula_text);
    if (!f.ok()) return r.Error(where, f.status().message());
    n.formula = std::move(*f);
  }
  if (auto it = j.find("normaliser"); it != j.end()) {
    raw.has_normaliser = true;
    ASSIGN_OR_RETURN(n.normaliser, ReadNormaliser(r, *it, where));
  } else if (n.kind == NodeKind::kQualitative) {
    n.normaliser.min = 0;  // expert scores are 0..100 unless the file says otherwise
    n.normaliser.max = 100;
  }
  ASSIGN_OR_RETURN(auto threshold, r.Num(j, "threshold", where));
  n.gate_threshold = threshold.value_or(0);
  ASSIGN_OR_RETURN(int effect, r.Enum(j, "gate_effect", where, {"zero", "flag"}, 0));
  n.gate_effect = static_cast<GateEffect>(effect);
  ASSIGN_OR_RETURN(n.points_cap, r.Num(j, "cap", where));
  if (n.points_cap && *n.points_cap < 0) return r.Error(where, "'cap' is negative");
  if (auto it = j.find("ahp"); it != j.end()) {
    ASSIGN_OR_RETURN(AhpMatrix m, ReadAhp(r, *it, where));
    n.ahp = std::move(m);
  }
  return raw;
}

// Checks one AHP matrix against the weighted children it must cover.
Status CheckAhp(const Reader& r, const IndicatorSystem& sys, const AhpMatrix& m, int group, const std::string& where) {
  std::vector<int> weighted = sys.WeightedChildren(group);
  std::set<std::string> expected, named;
  for (int c : weighted) expected.insert(sys.nodes[c].code);
  for (const std::string& c : m.children)
    if (!named.insert(c).second) return r.Error(where, "ahp names child " + c + " twice");
  if (named != expected) {
    std::string list;
    for (const auto& c : expected) list += (list.empty() ? "" : ", ") + c;
    return r.Error(where, "ahp 'children' must be exactly the weighted children: " + list);
  }
  if (m.a.size() != m.children.size())
    return r.Error(where, "ahp matrix has " + std::to_string(m.a.size()) + " rows for " +
                              std::to_string(m.children.size()) + " children");
  Result<AhpResult> res = AhpWeights(m.a);
  if (!res.ok()) return r.Error(where, "ahp: " + res.status().message());
  return Status::OK();
}

// Weights of the weighted children of `group` (-1: top) sum to 1, or are
// rescaled to when `normalise`.
Status CheckWeights(const Reader& r, IndicatorSystem& sys, int group, bool normalise) {
  std::vector<int> weighted = sys.WeightedChildren(group);
  std::string where = group < 0 ? "top level" : "node " + sys.nodes[group].code;
  if (weighted.empty()) return r.Error(where, "no weighted children (only gates, bonuses or penalties)");
  double sum = 0;
  for (int c : weighted) sum += sys.nodes[c].weight;
  if (std::fabs(sum - 1) <= 1e-6) return Status::OK();
  if (normalise && sum > 0) {
    for (int c : weighted) sys.nodes[c].weight /= sum;
    return Status::OK();
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6g", sum);
  std::string list;
  for (int c : weighted) list += (list.empty() ? "" : ", ") + sys.nodes[c].code;
  return r.Error(where, "the weights of " + list + " sum to " + buf +
                            ", not 1 (set \"normalise_weights\": true to rescale them)");
}

// The file's nodes as a tree in depth-first order (cycles refused).
Status BuildTree(const Reader& r, std::vector<RawNode>& raw, IndicatorSystem& sys) {
  std::map<std::string, int> by_code;
  for (size_t i = 0; i < raw.size(); ++i)
    if (!by_code.emplace(raw[i].node.code, static_cast<int>(i)).second)
      return r.Error("node " + raw[i].node.code, "code used twice");
  std::vector<int> parent(raw.size(), -1);
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i].parent_code.empty()) continue;
    auto it = by_code.find(raw[i].parent_code);
    if (it == by_code.end())
      return r.Error("node " + raw[i].node.code, "parent '" + raw[i].parent_code + "' is not a node");
    parent[i] = it->second;
  }
  for (size_t i = 0; i < raw.size(); ++i) {  // a walk up that returns to a node it passed is a cycle
    std::vector<int> path;
    for (int at = static_cast<int>(i); at >= 0; at = parent[at]) {
      auto seen = std::find(path.begin(), path.end(), at);
      if (seen != path.end()) {
        std::string cycle;
        for (auto p = seen; p != path.end(); ++p) cycle += raw[*p].node.code + " -> ";
        return r.Error("node " + raw[at].node.code, "the parents form a cycle: " + cycle + raw[at].node.code);
      }
      path.push_back(at);
    }
  }
  std::vector<std::vector<int>> kids(raw.size());
  std::vector<int> roots;
  for (size_t i = 0; i < raw.size(); ++i) (parent[i] < 0 ? roots : kids[parent[i]]).push_back(static_cast<int>(i));
  std::function<void(int, int, int)> visit = [&](int file_index, int new_parent, int depth) {
    int at = static_cast<int>(sys.nodes.size());
    sys.nodes.push_back(raw[file_index].node);
    sys.nodes[at].parent = new_parent;
    sys.nodes[at].depth = depth;
    if (new_parent < 0) sys.top.push_back(at);
    else sys.nodes[new_parent].children.push_back(at);
    for (int k : kids[file_index]) visit(k, at, depth + 1);
  };
  std::vector<RawNode> reordered;
  std::function<void(int)> order = [&](int i) {
    reordered.push_back(raw[i]);
    for (int k : kids[i]) order(k);
  };
  for (int root : roots) visit(root, -1, 0);
  for (int root : roots) order(root);
  raw = std::move(reordered);  // raw[i] is now sys.nodes[i] as written
  return Status::OK();
}

// Kind, weight, formula and normaliser rules of one node in the tree.
Status CheckNode(const Reader& r, IndicatorSystem& sys, const RawNode& raw, int i) {
  IndicatorNode& n = sys.nodes[i];
  std::string where = "node " + n.code;
  if (!n.IsLeaf()) {
    if (raw.kind_written && n.kind != NodeKind::kGroup)
      return r.Error(where, "has children, so its kind is 'group', not '" + *raw.kind_written + "'");
    n.kind = NodeKind::kGroup;
    if (raw.has_formula || raw.has_normaliser) return r.Error(where, "has children, so it takes no formula or normaliser");
    return Status::OK();
  }
  if (n.kind == NodeKind::kGroup) return r.Error(where, "is a group with no children");
  if (n.ahp) return r.Error(where, "is a leaf, so it takes no ahp matrix");
  if (!n.formula) return r.Error(where, "a leaf needs a 'formula' over the measures");
  for (const std::string& m : n.formula->measures())
    if (!sys.FindMeasure(m))
      return r.Error(where, "formula '" + n.formula->text() + "' names unknown measure '" + m + "'");
  bool effect = n.kind == NodeKind::kGate || n.kind == NodeKind::kBonus || n.kind == NodeKind::kPenalty;
  if (effect && raw.has_weight && n.weight != 0)
    return r.Error(where, std::string("a ") + NodeKindName(n.kind) + " carries no weight (it acts on the total)");
  if (effect && raw.has_normaliser)
    return r.Error(where, std::string("a ") + NodeKindName(n.kind) + " takes no normaliser");
  if (n.kind == NodeKind::kGate && (n.direction == Direction::kTarget || n.direction == Direction::kRange))
    return r.Error(where, "a gate's direction is higher_better or lower_better");
  NormaliserMethod m = n.normaliser.method;
  bool deviation = n.direction == Direction::kTarget || n.direction == Direction::kRange;
  if (deviation && (m == NormaliserMethod::kRatioToTarget || m == NormaliserMethod::kBaseYearIndex))
    return r.Error(where, std::string("normaliser ") + NormaliserMethodName(m) + " needs direction higher_better or lower_better");
  return Status::OK();
}

Result<std::vector<OutcomeRule>> ReadOutcomes(const Reader& r, const json& j) {
  std::vector<OutcomeRule> rules;
  if (!j.is_array()) return r.Error("outcomes", "expected a list");
  for (const json& o : j) {
    OutcomeRule rule;
    RETURN_IF_ERROR(r.Keys(o, "outcomes", {"code", "name_zh", "name_en", "at_least", "above", "below", "at_most",
                                            "vetoed", "ban_years"}));
    ASSIGN_OR_RETURN(rule.code, r.Str(o, "code", "outcomes", true));
    std::string w = "outcome " + rule.code;
    ASSIGN_OR_RETURN(rule.name_zh, r.Str(o, "name_zh", w));
    ASSIGN_OR_RETURN(rule.name_en, r.Str(o, "name_en", w));
    ASSIGN_OR_RETURN(rule.at_least, r.Num(o, "at_least", w));
    ASSIGN_OR_RETURN(rule.above, r.Num(o, "above", w));
    ASSIGN_OR_RETURN(rule.below, r.Num(o, "below", w));
    ASSIGN_OR_RETURN(rule.at_most, r.Num(o, "at_most", w));
    if (auto v = o.find("vetoed"); v != o.end()) {
      if (!v->is_boolean()) return r.Error(w, "'vetoed' must be true or false");
      rule.vetoed = v->get<bool>();
    }
    ASSIGN_OR_RETURN(auto ban, r.Num(o, "ban_years", w));
    if (ban && (*ban != std::floor(*ban))) return r.Error(w, "'ban_years' must be a whole number");
    rule.ban_years = static_cast<int>(ban.value_or(0));
    rules.push_back(std::move(rule));
  }
  Status st = ValidateOutcomeRules(rules);
  if (!st.ok()) return r.Error("", st.message());
  return rules;
}

}  // namespace

Result<IndicatorSystem> ParseIndicatorSystem(std::string_view text, std::string_view origin) {
  Reader r(origin);
  json j = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return r.Error("", "not valid JSON");
  RETURN_IF_ERROR(r.Keys(j, "", {"code", "version", "name_zh", "name_en", "source", "weights_note", "aggregation",
                                 "normalise_weights", "scale", "measures", "ahp", "nodes", "outcomes"}));
  IndicatorSystem sys;
  ASSIGN_OR_RETURN(sys.code, r.Str(j, "code", "", true));
  ASSIGN_OR_RETURN(sys.version, r.Str(j, "version", "", true));
  ASSIGN_OR_RETURN(sys.name_zh, r.Str(j, "name_zh", ""));
  ASSIGN_OR_RETURN(sys.name_en, r.Str(j, "name_en", ""));
  ASSIGN_OR_RETURN(sys.source, r.Str(j, "source", ""));
  ASSIGN_OR_RETURN(sys.weights_note, r.Str(j, "weights_note", ""));
  ASSIGN_OR_RETURN(int agg, r.Enum(j, "aggregation", "", {"weighted_sum", "weighted_geometric_mean"}, 0));
  sys.aggregation = static_cast<Aggregation>(agg);
  bool normalise = false;
  if (auto it = j.find("normalise_weights"); it != j.end()) {
    if (!it->is_boolean()) return r.Error("", "'normalise_weights' must be true or false");
    normalise = it->get<bool>();
  }
  ASSIGN_OR_RETURN(auto scale, r.Num(j, "scale", ""));
  if (scale && *scale <= 0) return r.Error("", "'scale' must be positive");
  sys.scale = scale.value_or(100);

  auto measures = j.find("measures");
  if (measures == j.end() || !measures->is_array() || measures->empty())
    return r.Error("", "needs 'measures', a non-empty list");
  for (const json& mj : *measures) {
    Measure m;
    ASSIGN_OR_RETURN(m.code, r.Str(mj, "code", "measures", true));
    std::string w = "measure " + m.code;
    RETURN_IF_ERROR(r.Keys(mj, w, {"code", "name_zh", "name_en", "unit", "source"}));
    if (!IsCode(m.code) || !(std::isalpha(static_cast<unsigned char>(m.code[0])) || m.code[0] == '_') ||
        m.code.find('-') != std::string::npos)
      return r.Error(w, "a measure code starts with a letter or '_' and holds only A-Z a-z 0-9 _ .");
    if (sys.FindMeasure(m.code)) return r.Error(w, "code used twice");
    ASSIGN_OR_RETURN(m.name_zh, r.Str(mj, "name_zh", w));
    ASSIGN_OR_RETURN(m.name_en, r.Str(mj, "name_en", w));
    ASSIGN_OR_RETURN(m.unit, r.Str(mj, "unit", w));
    ASSIGN_OR_RETURN(m.source, r.Str(mj, "source", w));
    sys.measures.push_back(std::move(m));
  }

  auto nodes = j.find("nodes");
  if (nodes == j.end() || !nodes->is_array() || nodes->empty()) return r.Error("", "needs 'nodes', a non-empty list");
  std::vector<RawNode> raw;
  for (size_t i = 0; i < nodes->size(); ++i) {
    ASSIGN_OR_RETURN(RawNode n, ReadNode(r, (*nodes)[i], i));
    raw.push_back(std::move(n));
  }
  RETURN_IF_ERROR(BuildTree(r, raw, sys));
  for (size_t i = 0; i < sys.nodes.size(); ++i) RETURN_IF_ERROR(CheckNode(r, sys, raw[i], static_cast<int>(i)));
  RETURN_IF_ERROR(CheckWeights(r, sys, -1, normalise));
  for (size_t i = 0; i < sys.nodes.size(); ++i)
    if (sys.nodes[i].kind == NodeKind::kGroup) RETURN_IF_ERROR(CheckWeights(r, sys, static_cast<int>(i), normalise));
  if (auto it = j.find("ahp"); it != j.end()) {
    ASSIGN_OR_RETURN(AhpMatrix m, ReadAhp(r, *it, "top level"));
    sys.top_ahp = std::move(m);
    RETURN_IF_ERROR(CheckAhp(r, sys, *sys.top_ahp, -1, "top level"));
  }
  for (size_t i = 0; i < sys.nodes.size(); ++i)
    if (sys.nodes[i].ahp)
      RETURN_IF_ERROR(CheckAhp(r, sys, *sys.nodes[i].ahp, static_cast<int>(i), "node " + sys.nodes[i].code));
  if (auto it = j.find("outcomes"); it != j.end()) {
    ASSIGN_OR_RETURN(sys.outcomes, ReadOutcomes(r, *it));
  }
  return sys;
}

}  // namespace patnav::domain::evaluation
