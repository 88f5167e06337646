// JSON of stored systems and rounds (evaluation_rounds_json.h).
#include "app/evaluation_rounds_json.h"

#include <map>

#include "app/evaluation.h"

namespace patnav::app {

namespace {

using Json = nlohmann::ordered_json;

Json Parsed(const std::string& text) {
  Json j = Json::parse(text, nullptr, false);
  return j.is_discarded() ? Json() : j;
}

Json SubjectJson(const domain::RoundSubject& s) {
  return {{"code", s.code}, {"name", s.name}, {"province", s.province}, {"member", s.member}, {"alliance", s.alliance}};
}

}  // namespace

Json ToJson(const domain::StoredIndicatorSystem& s) {
  return {{"code", s.code}, {"version", s.version}, {"name", s.name}, {"stored_by", s.stored_by}, {"stored_at", s.stored_at}};
}

Json ToJson(const SystemView& v) {
  Json j = ToJson(v.stored);
  j["already_stored"] = v.stored.already_stored;
  j["system"] = IndicatorSystemJson(v.system);
  return j;
}

Json ToJson(const domain::AppliedOutcome& o) {
  return {{"subject", o.subject}, {"rule", o.rule}, {"ban_years", o.ban_years}, {"reason", o.reason},
          {"applied_by", o.applied_by}, {"applied_at", o.applied_at}};
}

Json ToJson(const RoundView& v) {
  const domain::EvaluationRound& r = v.round;
  Json j = {{"id", r.id},
            {"name", r.name},
            {"province", r.province},
            {"period", r.period},
            {"subject_kind", r.subject_kind},
            {"weighting", r.weighting},
            {"state", domain::RoundStateName(r.state)},
            {"system", {{"code", r.system_code}, {"version", r.system_version}, {"name", v.system_name}}},
            {"data_version", r.data_version},
            {"opened_by", r.opened_by},
            {"opened_at", r.opened_at},
            {"updated_at", r.updated_at},
            {"office", v.office},
            {"allowed_actions", v.allowed},
            {"scored", v.scored},
            {"results_fresh", v.results_fresh},
            {"scored_at", v.scored_at}};
  Json subjects = Json::array();
  for (const SubjectProgress& p : v.subjects) {
    Json s = SubjectJson(p.subject);
    s["observations"] = {{"entered", p.entered}, {"submitted", p.submitted}, {"verified", p.verified},
                         {"returned", p.returned}};
    s["total"] = p.result ? Json(p.result->total) : Json();
    s["rank"] = p.result ? Json(p.result->rank) : Json();
    s["proposed_outcome"] = p.result ? Json(p.result->proposed) : Json();
    s["outcome"] = p.outcome ? ToJson(*p.outcome) : Json();
    subjects.push_back(std::move(s));
  }
  j["subjects"] = std::move(subjects);
  Json history = Json::array();
  for (const domain::RoundEvent& e : v.history)
    history.push_back({{"action", e.action}, {"from_state", e.from_state}, {"to_state", e.to_state},
                       {"subject", e.subject}, {"actor", e.actor}, {"at", e.at}, {"comment", e.comment}});
  j["history"] = std::move(history);
  return j;
}

Json ToJson(const domain::RoundObservation& o) {
  return {{"subject", o.subject},         {"measure", o.measure},
          {"period", o.period},           {"value", o.value},
          {"source", o.source},           {"state", domain::ObservationStateName(o.state)},
          {"entered_by", o.entered_by},   {"entered_at", o.entered_at},
          {"submitted_by", o.submitted_by}, {"submitted_at", o.submitted_at},
          {"verified_by", o.verified_by}, {"verified_at", o.verified_at},
          {"return_reason", o.return_reason}};
}

Json ToJson(const ObservationsView& v) {
  Json list = Json::array();
  for (const auto& o : v.observations) list.push_back(ToJson(o));
  return {{"round_id", v.round_id}, {"changed", v.changed}, {"observations", std::move(list)}};
}

Json ToJson(const ComputedObservationsView& v) {
  Json j = ToJson(v.observations);
  Json computed = Json::object();
  for (const auto& [measure, n] : v.computed) computed[measure] = n;
  j["computed"] = std::move(computed);
  j["kept"] = v.kept;
  return j;
}

Json ToJson(const RoundResultsView& v) {
  Json j = {{"round_id", v.round.id}, {"state", domain::RoundStateName(v.round.state)}, {"scored", v.scoring.has_value()},
            {"fresh", v.fresh}};
  if (v.scoring) {
    j["scored_at"] = v.scoring->scored_at;
    j["weighting"] = v.scoring->weighting;
    j["round"] = Parsed(v.scoring->round_json);
  }
  std::map<std::string, const domain::AppliedOutcome*> in_force;
  for (const auto& o : v.outcomes) in_force[o.subject] = &o;
  Json ranking = Json::array();
  for (const domain::SubjectResult& r : v.results) {
    auto it = in_force.find(r.subject);
    ranking.push_back({{"rank", r.rank},
                       {"subject", r.subject},
                       {"name", r.name},
                       {"total", r.total},
                       {"vetoed", r.vetoed},
                       {"proposed_outcome", r.proposed},
                       {"outcome", it == in_force.end() ? Json() : ToJson(*it->second)}});
  }
  j["ranking"] = std::move(ranking);
  Json outcomes = Json::array();
  for (const auto& o : v.outcomes) outcomes.push_back(ToJson(o));
  j["outcomes"] = std::move(outcomes);
  return j;
}

Json ToJson(const SubjectExplanation& e) {
  Json obs = Json::array();
  for (const auto& o : e.observations) obs.push_back(ToJson(o));
  Json outcomes = Json::array();
  for (const auto& o : e.outcomes) outcomes.push_back(ToJson(o));
  return {{"round_id", e.round.id},
          {"state", domain::RoundStateName(e.round.state)},
          {"subject", SubjectJson(e.subject)},
          {"observations", std::move(obs)},
          {"result", e.result ? Parsed(e.result->detail_json) : Json()},
          {"outcomes", std::move(outcomes)}};
}

}  // namespace patnav::app
