// The evaluation calculator (evaluation.h): files in, a scored round out.
#include "app/evaluation.h"

#include <fstream>
#include <sstream>

#include <set>

#include "app/office_access.h"
#include "app/workspace.h"
#include "base/strings.h"
#include "domain/credit_record.h"
#include "domain/evaluation/observations.h"
#include "domain/period.h"

namespace patnav::app {

namespace ev = domain::evaluation;

namespace {

Status CheckCaller(const Caller& caller) {
  if (caller.anonymous) return Status::Unauthenticated("sign in to use the evaluation calculator");
  return Status::OK();
}

Result<std::string> ReadWhole(const std::string& path, const char* what) {
  if (path.empty()) return Status::InvalidArgument(std::string("no ") + what + " file given");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(std::string("cannot open the ") + what + " file " + path);
  std::stringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::IOError("cannot read " + path);
  return text.str();
}

Result<ev::IndicatorSystem> LoadSystem(const std::string& path) {
  ASSIGN_OR_RETURN(std::string text, ReadWhole(path, "indicator system"));
  return ev::ParseIndicatorSystem(text, path);
}

Result<ev::RoundInput> LoadObservations(const std::string& path) {
  ASSIGN_OR_RETURN(std::string text, ReadWhole(path, "observations"));
  std::string_view head = Trim(text);
  if (EndsWith(AsciiLower(path), ".json") || (!head.empty() && head[0] == '{'))
    return ev::ParseObservationsJson(text, path);
  return ev::ParseObservationsCsv(text, path);
}

// Adds the credibility gate's measure from the stored records
// (ScoreEvaluationRequest::credit_on).
Status AddCreditGate(const Caller& caller, const ScoreEvaluationRequest& request, const ev::IndicatorSystem& sys,
                     ev::RoundInput& input) {
  if (!HasOfficeRole(caller)) return Status::PermissionDenied("the credibility gate reads the IP office's records");
  RETURN_IF_ERROR(domain::CheckIsoDate(request.credit_on, "credit_on"));
  if (request.workspace == nullptr) return Status::Internal("no workspace for the credibility gate");
  bool declared = false;
  for (const ev::Measure& m : sys.measures) declared = declared || m.code == kCreditGateMeasure;
  if (!declared)
    return Status::InvalidArgument(std::string("the system declares no measure ") + kCreditGateMeasure +
                                   " for a credibility gate");
  std::vector<ev::Subject> subjects = input.subjects;
  std::set<std::string> seen, periods;
  for (const ev::Subject& s : subjects) seen.insert(s.code);
  for (const ev::Observation& o : input.observations) {
    if (o.measure == kCreditGateMeasure)
      return Status::InvalidArgument(request.observations_path + ": gives " + kCreditGateMeasure + " for " + o.subject +
                                     "; with credit_on it comes from the credibility records");
    periods.insert(o.period);
    if (input.subjects.empty() && seen.insert(o.subject).second) subjects.push_back({o.subject, ""});
  }
  if (!input.period.empty()) periods = {input.period};
  return request.workspace->WithOperations([&](domain::OperationsDb& ops) -> Status {
    for (const ev::Subject& s : subjects) {
      ASSIGN_OR_RETURN(std::vector<domain::CreditRecord> active, domain::ActiveCreditRecords(ops, s.code, request.credit_on));
      if (active.empty() && !s.name.empty()) {
        ASSIGN_OR_RETURN(active, domain::ActiveCreditRecords(ops, s.name, request.credit_on));
      }
      for (const std::string& period : periods)
        input.observations.push_back({s.code, kCreditGateMeasure, period, static_cast<double>(active.size()),
                                      "patnav credibility records active on " + request.credit_on});
    }
    return Status::OK();
  });
}

}  // namespace

Result<ValidateIndicatorSystemResult> ValidateIndicatorSystem(const Caller& caller,
                                                              const ValidateIndicatorSystemRequest& request) {
  RETURN_IF_ERROR(CheckCaller(caller));
  ValidateIndicatorSystemResult out;
  ASSIGN_OR_RETURN(out.system, LoadSystem(request.system_path));
  return out;
}

Result<ScoreEvaluationResult> ScoreEvaluation(const Caller& caller, const ScoreEvaluationRequest& request) {
  RETURN_IF_ERROR(CheckCaller(caller));
  ASSIGN_OR_RETURN(ev::Weighting weighting, ev::ParseWeighting(request.weighting));
  ScoreEvaluationResult out;
  ASSIGN_OR_RETURN(out.system, LoadSystem(request.system_path));
  ASSIGN_OR_RETURN(ev::RoundInput input, LoadObservations(request.observations_path));
  if (!request.period.empty()) input.period = request.period;
  if (!request.credit_on.empty()) RETURN_IF_ERROR(AddCreditGate(caller, request, out.system, input));
  Result<ev::PreparedRound> prepared = ev::PrepareRound(out.system, input);
  if (!prepared.ok())
    return Status::InvalidArgument(request.observations_path + ": " + prepared.status().message());
  ASSIGN_OR_RETURN(out.round, ev::WeighRound(out.system, *prepared, weighting));
  if (request.sensitivity) {
    ASSIGN_OR_RETURN(ev::RankingSensitivity s, ev::RankSensitivity(out.system, *prepared));
    out.sensitivity = std::move(s);
  }
  return out;
}

Result<size_t> FindRoundSubject(const ev::RoundScore& round, const std::string& code) {
  for (size_t i = 0; i < round.subjects.size(); ++i)
    if (round.subjects[i].subject.code == code) return i;
  return Status::NotFound("subject " + code + " is not in the round");
}

nlohmann::ordered_json IndicatorSystemJson(const ev::IndicatorSystem& sys) {
  nlohmann::ordered_json j;
  j["code"] = sys.code;
  j["version"] = sys.version;
  j["name_zh"] = sys.name_zh;
  j["name_en"] = sys.name_en;
  j["source"] = sys.source;
  j["weights_note"] = sys.weights_note;
  j["aggregation"] = ev::AggregationName(sys.aggregation);
  j["measures"] = nlohmann::ordered_json::array();
  for (const ev::Measure& m : sys.measures)
    j["measures"].push_back({{"code", m.code}, {"name_zh", m.name_zh}, {"name_en", m.name_en}, {"unit", m.unit}});
  j["nodes"] = nlohmann::ordered_json::array();
  for (const ev::IndicatorNode& n : sys.nodes) {
    nlohmann::ordered_json e;
    e["code"] = n.code;
    e["parent"] = n.parent < 0 ? "" : sys.nodes[n.parent].code;
    e["depth"] = n.depth;
    e["name_zh"] = n.name_zh;
    e["name_en"] = n.name_en;
    e["kind"] = ev::NodeKindName(n.kind);
    e["weight"] = n.weight;
    if (n.formula) {
      e["formula"] = n.formula->text();
      e["direction"] = ev::DirectionName(n.direction);
      if (n.IsWeighted()) e["normaliser"] = ev::NormaliserMethodName(n.normaliser.method);
    }
    if (!n.unit.empty()) e["unit"] = n.unit;
    if (n.ahp) e["ahp"] = true;
    j["nodes"].push_back(std::move(e));
  }
  j["outcomes"] = nlohmann::ordered_json::array();
  for (const ev::OutcomeRule& r : sys.outcomes) j["outcomes"].push_back({{"code", r.code}, {"name_zh", r.name_zh}, {"name_en", r.name_en}});
  return j;
}

nlohmann::ordered_json SubjectScoreJson(const ev::IndicatorSystem& sys, const ev::SubjectScore& s) {
  nlohmann::ordered_json j;
  j["code"] = s.subject.code;
  j["name"] = s.subject.name;
  j["total"] = s.total;
  j["rank"] = s.rank;
  j["base"] = s.base;
  j["bonus"] = s.bonus;
  j["penalty"] = s.penalty;
  j["vetoed"] = s.vetoed;
  j["failed_gates"] = s.failed_gates;
  j["outcome"] = s.outcome;
  nlohmann::ordered_json nodes = nlohmann::ordered_json::object();
  for (size_t k = 0; k < sys.nodes.size(); ++k) {
    const ev::IndicatorNode& n = sys.nodes[k];
    const ev::NodeScore& ns = s.nodes[k];
    nlohmann::ordered_json e;
    if (n.kind != ev::NodeKind::kGroup) e["raw"] = ns.raw;
    if (n.normaliser.method == ev::NormaliserMethod::kBaseYearIndex && n.kind != ev::NodeKind::kGroup) e["base_raw"] = ns.base_raw;
    if (n.IsWeighted()) {
      if (n.kind != ev::NodeKind::kGroup) e["normalised"] = ns.normalised;
      e["weight"] = ns.weight;
      e["score"] = ns.score;
      e["weighted"] = ns.weighted;
      e["rank"] = ns.rank;
    }
    if (n.kind == ev::NodeKind::kGate) e["gate_failed"] = ns.gate_failed;
    if (n.kind == ev::NodeKind::kBonus || n.kind == ev::NodeKind::kPenalty) e["points"] = ns.points;
    nodes[n.code] = std::move(e);
  }
  j["nodes"] = std::move(nodes);
  return j;
}

namespace {

// One subject's ranks under every weighting of the sensitivity table.
nlohmann::ordered_json SensitivityJson(const ev::RoundScore& round, const ev::RankingSensitivity& sens, size_t s) {
  nlohmann::ordered_json ranks = nlohmann::ordered_json::object();
  for (size_t m = 0; m < sens.methods.size(); ++m) ranks[ev::WeightingName(sens.methods[m])] = sens.ranks[m][s];
  return {{"code", round.subjects[s].subject.code}, {"ranks", ranks}, {"max_shift", sens.max_shift[s]}};
}

}  // namespace

nlohmann::ordered_json SubjectResultJson(const ScoreEvaluationResult& r, size_t subject) {
  nlohmann::ordered_json e = SubjectScoreJson(r.system, r.round.subjects[subject]);
  e["explanation"] = ev::Explain(r.system, r.round, subject);
  if (r.sensitivity) e["sensitivity"] = SensitivityJson(r.round, *r.sensitivity, subject);
  return e;
}

nlohmann::ordered_json EvaluationRoundJson(const ScoreEvaluationResult& r, const std::optional<size_t>& subject,
                                           bool with_subjects) {
  const ev::IndicatorSystem& sys = r.system;
  nlohmann::ordered_json j;
  j["system"] = {{"code", sys.code}, {"version", sys.version}, {"name_zh", sys.name_zh}, {"name_en", sys.name_en}};
  j["period"] = r.round.period;
  j["weighting"] = ev::WeightingName(r.round.weighting);
  nlohmann::ordered_json weights = nlohmann::ordered_json::object();
  for (size_t k = 0; k < sys.nodes.size(); ++k)
    if (sys.nodes[k].IsWeighted())
      weights[sys.nodes[k].code] = {{"local", r.round.weights[k]}, {"global", r.round.global_weights[k]}};
  j["weights"] = std::move(weights);
  j["ahp"] = nlohmann::ordered_json::array();
  for (const ev::AhpReport& a : r.round.ahp)
    j["ahp"].push_back({{"group", a.group},
                        {"children", a.children},
                        {"weights", a.result.weights},
                        {"lambda_max", a.result.lambda_max},
                        {"ci", a.result.ci},
                        {"cr", a.result.cr}});
  if (with_subjects) j["subjects"] = nlohmann::ordered_json::array();
  for (size_t s = 0; with_subjects && s < r.round.subjects.size(); ++s) {
    if (subject && *subject != s) continue;
    nlohmann::ordered_json e = SubjectScoreJson(sys, r.round.subjects[s]);
    if (subject) e["explanation"] = ev::Explain(sys, r.round, s);
    j["subjects"].push_back(std::move(e));
  }
  if (r.sensitivity) {
    const ev::RankingSensitivity& sens = *r.sensitivity;
    nlohmann::ordered_json t;
    t["methods"] = nlohmann::ordered_json::array();
    for (size_t m = 0; m < sens.methods.size(); ++m)
      t["methods"].push_back({{"weighting", ev::WeightingName(sens.methods[m])},
                              {"moved", sens.moved[m]},
                              {"spearman", sens.spearman[m]}});
    t["subjects"] = nlohmann::ordered_json::array();
    for (size_t s = 0; s < r.round.subjects.size(); ++s)
      if (!subject || *subject == s) t["subjects"].push_back(SensitivityJson(r.round, sens, s));
    j["sensitivity"] = std::move(t);
  }
  return j;
}

}  // namespace patnav::app
