// Stored evaluation rounds, authorised by office province and subject
// (evaluation_rounds.h).
#include "app/evaluation_rounds.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <tuple>

#include <nlohmann/json.hpp>

#include "app/evaluation.h"
#include "app/observation_file.h"
#include "app/office_access.h"
#include "app/round_detail.h"
#include "domain/evaluation/ranking_sensitivity.h"
#include "domain/evaluation/round_score.h"
#include "domain/alliance_measures.h"
#include "domain/computed_measures.h"
#include "domain/credit_record.h"
#include "domain/members.h"
#include "domain/period.h"
#include "domain/round_measures.h"

namespace patnav::app {

namespace {

namespace ev = domain::evaluation;
using domain::EvaluationRound;
using domain::RoundSubject;

Status SignedIn(const Caller& c) {
  if (c.anonymous) return Status::Unauthenticated("sign in first");
  return Status::OK();
}

bool IsSubjectUser(const Caller& c, const RoundSubject& s) {
  if (c.anonymous) return false;
  for (const domain::Grant& g : c.grants) {
    if (g.role == domain::Role::kMember && s.member_id != 0 && g.alliance == s.alliance && g.member == s.member)
      return true;
    if (g.role == domain::Role::kOperator && s.alliance_id != 0 && g.alliance == s.alliance) return true;
  }
  return false;
}

// What the caller may do in one round: act for its office, or for some of
// its subjects.
struct Access {
  bool office = false;
  std::set<std::string> subjects;  // codes the caller is a user of (the office: none needed)
  bool visible() const { return office || !subjects.empty(); }
  bool Sees(const std::string& code) const { return office || subjects.count(code) > 0; }
};

Result<Access> AccessTo(const Caller& c, domain::OperationsDb& ops, const EvaluationRound& r) {
  Access a;
  a.office = ActsForOffice(c, r.province);
  if (a.office) return a;
  ASSIGN_OR_RETURN(std::vector<RoundSubject> subjects, domain::ListRoundSubjects(ops, r.id));
  for (const RoundSubject& s : subjects)
    if (IsSubjectUser(c, s)) a.subjects.insert(s.code);
  return a;
}

Status Unknown(int64_t id) { return Status::NotFound("unknown round " + std::to_string(id)); }

// The round when the caller may see it; NotFound worded as an unknown round otherwise.
Result<std::pair<EvaluationRound, Access>> Visible(const Caller& c, domain::OperationsDb& ops, int64_t id) {
  Result<EvaluationRound> r = domain::FindRound(ops, id);
  if (!r.ok()) return r.status().code() == StatusCode::kNotFound ? Unknown(id) : r.status();
  ASSIGN_OR_RETURN(Access a, AccessTo(c, ops, *r));
  if (!a.visible()) return Unknown(id);
  return std::make_pair(std::move(*r), std::move(a));
}

Status OfficeOnly(const Access& a, const char* what) {
  if (a.office) return Status::OK();
  return Status::PermissionDenied(std::string(what) + " is for the office running the round");
}

// Subjects see their results once the round is published.
bool ResultsOpen(const EvaluationRound& r, const Access& a) {
  return a.office || r.state == domain::RoundState::kPublicity || r.state == domain::RoundState::kFinal;
}

Result<RoundView> View(domain::OperationsDb& ops, const EvaluationRound& r, const Access& a) {
  RoundView v;
  v.round = r;
  v.office = a.office;
  ASSIGN_OR_RETURN(domain::StoredIndicatorSystem sys, domain::FindIndicatorSystemById(ops, r.system_id));
  v.system_name = sys.name;
  if (a.office)
    for (const auto& t : domain::RoundWorkflow().table)
      if (t.from == r.state) v.allowed.push_back(domain::RoundActionName(t.action));
  ASSIGN_OR_RETURN(std::optional<domain::RoundScoring> scoring, domain::FindRoundScoring(ops, r.id));
  v.scored = scoring.has_value();
  v.results_fresh = scoring && scoring->data_version == r.data_version;
  if (scoring) v.scored_at = scoring->scored_at;
  ASSIGN_OR_RETURN(std::vector<RoundSubject> subjects, domain::ListRoundSubjects(ops, r.id));
  ASSIGN_OR_RETURN(std::vector<domain::RoundObservation> obs, domain::ListObservations(ops, r.id, ""));
  ASSIGN_OR_RETURN(std::vector<domain::SubjectResult> results, domain::ListRoundResults(ops, r.id));
  ASSIGN_OR_RETURN(std::vector<domain::AppliedOutcome> outcomes, domain::ListOutcomes(ops, r.id));
  std::map<std::string, SubjectProgress> by_code;
  for (const RoundSubject& s : subjects)
    if (a.Sees(s.code)) by_code[s.code].subject = s;
  for (const auto& o : obs) {
    auto it = by_code.find(o.subject);
    if (it == by_code.end()) continue;
    using S = domain::ObservationState;
    (o.state == S::kEntered     ? it->second.entered
     : o.state == S::kSubmitted ? it->second.submitted
     : o.state == S::kVerified  ? it->second.verified
                                : it->second.returned)++;
  }
  if (ResultsOpen(r, a)) {
    for (const auto& res : results)
      if (auto it = by_code.find(res.subject); it != by_code.end()) it->second.result = res;
    for (const auto& out : outcomes)
      if (auto it = by_code.find(out.subject); it != by_code.end()) it->second.outcome = out;
  }
  for (const RoundSubject& s : subjects)
    if (auto it = by_code.find(s.code); it != by_code.end()) v.subjects.push_back(std::move(it->second));
  if (a.office) {
    ASSIGN_OR_RETURN(v.history, domain::RoundHistory(ops, r.id));
  }
  return v;
}

Result<ObservationsView> ObservationsOf(domain::OperationsDb& ops, int64_t id, const Access& a, const std::string& subject,
                                        int changed) {
  ObservationsView v;
  v.round_id = id;
  v.changed = changed;
  ASSIGN_OR_RETURN(std::vector<domain::RoundObservation> all, domain::ListObservations(ops, id, subject));
  for (auto& o : all)
    if (a.Sees(o.subject)) v.observations.push_back(std::move(o));
  return v;
}

// Runs `body` on the visible round inside one write transaction.
template <typename T>
Result<T> InRound(const Caller& caller, Workspace& ws, int64_t id,
                  const std::function<Result<T>(domain::OperationsDb&, const EvaluationRound&, const Access&)>& body,
                  bool write = true) {
  RETURN_IF_ERROR(SignedIn(caller));
  std::optional<T> out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    auto run = [&]() -> Status {
      ASSIGN_OR_RETURN(auto found, Visible(caller, ops, id));
      ASSIGN_OR_RETURN(T value, body(ops, found.first, found.second));
      out = std::move(value);
      return Status::OK();
    };
    return write ? ops.Write(run) : run();
  }, /*create=*/write));
  return std::move(*out);
}

// A subject's users act on their own subjects only.
Status CheckOwnSubject(const Access& a, const std::string& subject, const std::string& where) {
  if (a.office || a.subjects.count(subject)) return Status::OK();
  std::string mine;
  for (const std::string& s : a.subjects) mine += (mine.empty() ? "" : ", ") + s;
  return Status::InvalidArgument(where + "you may act for " + mine + " only, not " + subject);
}

Result<ObservationsView> Enter(const Caller& caller, Workspace& ws, int64_t id,
                               const std::vector<domain::ObservationEntry>& entries) {
  return InRound<ObservationsView>(caller, ws, id, [&](domain::OperationsDb& ops, const EvaluationRound& r, const Access& a)
                                                       -> Result<ObservationsView> {
    for (size_t i = 0; i < entries.size(); ++i)
      RETURN_IF_ERROR(CheckOwnSubject(a, entries[i].subject, "observations[" + std::to_string(i) + "]: "));
    ASSIGN_OR_RETURN(ev::IndicatorSystem sys, domain::RoundSystem(ops, r));
    ASSIGN_OR_RETURN(int n, domain::EnterObservations(ops, id, sys, entries,
                                                      a.office ? domain::DataRole::kOffice : domain::DataRole::kSubject,
                                                      caller.Actor()));
    return ObservationsOf(ops, id, a, "", n);
  });
}

}  // namespace

Result<SystemView> StoreIndicatorSystem(const Caller& caller, Workspace& ws, const StoreSystemRequest& req) {
  RETURN_IF_ERROR(SignedIn(caller));
  if (!HasOfficeRole(caller)) return Status::PermissionDenied("indicator systems are stored by the IP office");
  SystemView v;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(v.stored, domain::StoreIndicatorSystem(ops, req.json, req.origin.empty() ? "system" : req.origin,
                                                            caller.Actor()));
    ASSIGN_OR_RETURN(v.system, domain::ParseStored(v.stored));
    return Status::OK();
  }));
  return v;
}

Result<std::vector<domain::StoredIndicatorSystem>> ListIndicatorSystems(const Caller& caller, Workspace& ws) {
  RETURN_IF_ERROR(SignedIn(caller));
  std::vector<domain::StoredIndicatorSystem> out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(out, domain::ListIndicatorSystems(ops));
    return Status::OK();
  }));
  return out;
}

Result<SystemView> ShowIndicatorSystem(const Caller& caller, Workspace& ws, const std::string& code,
                                       const std::string& version) {
  RETURN_IF_ERROR(SignedIn(caller));
  SystemView v;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(v.stored, domain::FindIndicatorSystem(ops, code, version));
    ASSIGN_OR_RETURN(v.system, domain::ParseStored(v.stored));
    return Status::OK();
  }));
  return v;
}

Result<RoundView> OpenRound(const Caller& caller, Workspace& ws, const domain::RoundSpec& spec) {
  RETURN_IF_ERROR(AuthorizeOffice(caller, spec.province));
  RoundView v;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    return ops.Write([&]() -> Status {
      ASSIGN_OR_RETURN(EvaluationRound r, domain::OpenRound(ops, spec, caller.Actor()));
      ASSIGN_OR_RETURN(v, View(ops, r, Access{true, {}}));
      return Status::OK();
    });
  }));
  return v;
}

Result<RoundView> ShowRound(const Caller& caller, Workspace& ws, int64_t id) {
  return InRound<RoundView>(caller, ws, id, [](domain::OperationsDb& ops, const EvaluationRound& r, const Access& a) {
    return View(ops, r, a);
  }, /*write=*/false);
}

Result<std::vector<RoundView>> ListRounds(const Caller& caller, Workspace& ws) {
  RETURN_IF_ERROR(SignedIn(caller));
  std::vector<RoundView> out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(std::vector<EvaluationRound> all, domain::ListRounds(ops));
    for (const EvaluationRound& r : all) {
      ASSIGN_OR_RETURN(Access a, AccessTo(caller, ops, r));
      if (!a.visible()) continue;
      ASSIGN_OR_RETURN(RoundView v, View(ops, r, a));
      v.history.clear();
      out.push_back(std::move(v));
    }
    return Status::OK();
  }, /*create=*/false));
  return out;
}

Result<RoundView> AddRoundSubjects(const Caller& caller, Workspace& ws, int64_t id,
                                   const std::vector<domain::RoundSubjectInput>& subjects) {
  return InRound<RoundView>(caller, ws, id, [&](domain::OperationsDb& ops, const EvaluationRound& r, const Access& a)
                                                -> Result<RoundView> {
    RETURN_IF_ERROR(OfficeOnly(a, "adding subjects"));
    RETURN_IF_ERROR(domain::AddRoundSubjects(ops, r.id, subjects, caller.Actor()).status());
    ASSIGN_OR_RETURN(EvaluationRound now, domain::FindRound(ops, r.id));
    return View(ops, now, a);
  });
}

Result<RoundView> ActOnRound(const Caller& caller, Workspace& ws, int64_t id, const std::string& action,
                             const std::string& comment) {
  RETURN_IF_ERROR(SignedIn(caller));
  ASSIGN_OR_RETURN(domain::RoundAction act, domain::RoundWorkflow().ParseAction(action));
  return InRound<RoundView>(caller, ws, id, [&](domain::OperationsDb& ops, const EvaluationRound& r, const Access& a)
                                                -> Result<RoundView> {
    RETURN_IF_ERROR(OfficeOnly(a, "moving a round"));
    ASSIGN_OR_RETURN(EvaluationRound now, domain::StepRound(ops, r.id, act, caller.Actor(), comment));
    return View(ops, now, a);
  });
}

Result<ObservationsView> EnterObservations(const Caller& caller, Workspace& ws, int64_t id,
                                           const std::vector<domain::ObservationEntry>& entries) {
  return Enter(caller, ws, id, entries);
}

Result<ObservationsView> ImportObservations(const Caller& caller, Workspace& ws, int64_t id, std::string bytes,
                                            const std::string& name) {
  RETURN_IF_ERROR(SignedIn(caller));
  ASSIGN_OR_RETURN(ev::RoundInput input, ParseObservationFile(std::move(bytes), name));
  std::vector<domain::ObservationEntry> entries;
  entries.reserve(input.observations.size());
  for (ev::Observation& o : input.observations)
    entries.push_back({std::move(o.subject), std::move(o.measure), std::move(o.period), o.value, std::move(o.source)});
  return Enter(caller, ws, id, entries);
}

Result<ObservationsView> SubmitObservations(const Caller& caller, Workspace& ws, int64_t id, const std::string& subject) {
  return InRound<ObservationsView>(caller, ws, id, [&](domain::OperationsDb& ops, const EvaluationRound& r, const Access& a)
                                                       -> Result<ObservationsView> {
    RETURN_IF_ERROR(CheckOwnSubject(a, subject, ""));
    ASSIGN_OR_RETURN(int n, domain::SubmitObservations(ops, r.id, subject, caller.Actor()));
    return ObservationsOf(ops, r.id, a, subject, n);
  });
}

Result<ObservationsView> VerifyObservations(const Caller& caller, Workspace& ws, int64_t id, const std::string& subject,
                                            const std::vector<std::string>& measures) {
  return InRound<ObservationsView>(caller, ws, id, [&](domain::OperationsDb& ops, const EvaluationRound& r, const Access& a)
                                                       -> Result<ObservationsView> {
    RETURN_IF_ERROR(OfficeOnly(a, "verifying observations"));
    ASSIGN_OR_RETURN(int n, domain::VerifyObservations(ops, r.id, subject, measures, caller.Actor()));
    return ObservationsOf(ops, r.id, a, subject, n);
  });
}

Result<ObservationsView> VerifyAllObservations(const Caller& caller, Workspace& ws, int64_t id) {
  return InRound<ObservationsView>(caller, ws, id, [&](domain::OperationsDb& ops, const EvaluationRound& r, const Access& a)
                                                       -> Result<ObservationsView> {
    RETURN_IF_ERROR(OfficeOnly(a, "verifying observations"));
    ObservationsView v;
    v.round_id = r.id;
    ASSIGN_OR_RETURN(v.changed, domain::VerifyAllObservations(ops, r.id, caller.Actor()));
    return v;
  });
}

Result<ObservationsView> ReturnObservations(const Caller& caller, Workspace& ws, int64_t id, const std::string& subject,
                                            const std::vector<std::string>& measures, const std::string& reason) {
  return InRound<ObservationsView>(caller, ws, id, [&](domain::OperationsDb& ops, const EvaluationRound& r, const Access& a)
                                                       -> Result<ObservationsView> {
    RETURN_IF_ERROR(OfficeOnly(a, "returning observations"));
    ASSIGN_OR_RETURN(int n, domain::ReturnObservations(ops, r.id, subject, measures, reason, caller.Actor()));
    return ObservationsOf(ops, r.id, a, subject, n);
  });
}

Result<ObservationsView> ListObservations(const Caller& caller, Workspace& ws, int64_t id, const std::string& subject) {
  return InRound<ObservationsView>(caller, ws, id, [&](domain::OperationsDb& ops, const EvaluationRound& r, const Access& a)
                                                       -> Result<ObservationsView> {
    if (!subject.empty() && !a.Sees(subject))
      return Status::NotFound("subject " + subject + " is not in round " + std::to_string(r.id));
    return ObservationsOf(ops, r.id, a, subject, 0);
  }, /*write=*/false);
}

namespace {

// Scores the stored observations and returns what StoreRoundResults keeps.
Result<std::pair<domain::RoundScoring, std::vector<domain::SubjectResult>>> Compute(domain::OperationsDb& ops,
                                                                                   const EvaluationRound& r) {
  ASSIGN_OR_RETURN(ev::IndicatorSystem sys, domain::RoundSystem(ops, r));
  ASSIGN_OR_RETURN(ev::Weighting weighting, ev::ParseWeighting(r.weighting));
  ASSIGN_OR_RETURN(std::vector<RoundSubject> subjects, domain::ListRoundSubjects(ops, r.id));
  ev::RoundInput input;
  input.period = r.period;
  input.subjects.reserve(subjects.size());
  for (const RoundSubject& s : subjects) input.subjects.push_back({s.code, s.name});
  ASSIGN_OR_RETURN(input.observations, domain::ObservationValues(ops, r.id));
  const std::string cannot = "round " + std::to_string(r.id) + " cannot be scored: ";
  Result<ev::PreparedRound> prepared = ev::PrepareRound(sys, input);
  if (!prepared.ok()) return Status::FailedPrecondition(cannot + prepared.status().message());
  ScoreEvaluationResult scored;
  scored.system = sys;
  Result<ev::RoundScore> round = ev::WeighRound(sys, *prepared, weighting);
  if (!round.ok()) return Status::FailedPrecondition(cannot + round.status().message());
  scored.round = std::move(*round);
  ASSIGN_OR_RETURN(ev::RankingSensitivity sens, ev::RankSensitivity(sys, *prepared));
  scored.sensitivity = std::move(sens);
  nlohmann::ordered_json whole = EvaluationRoundJson(scored, std::nullopt, /*with_subjects=*/false);
  domain::RoundScoring scoring;
  scoring.weighting = r.weighting;
  scoring.round_json = whole.dump();
  std::vector<domain::SubjectResult> results;
  results.reserve(scored.round.subjects.size());
  for (size_t i = 0; i < scored.round.subjects.size(); ++i) {
    const ev::SubjectScore& s = scored.round.subjects[i];
    results.push_back({s.subject.code, s.subject.name, s.total, s.rank, s.vetoed, s.outcome,
                       CompactSubjectDetail(scored, i)});
  }
  return std::make_pair(std::move(scoring), std::move(results));
}

Result<RoundResultsView> ResultsOf(domain::OperationsDb& ops, const EvaluationRound& r, const Access& a) {
  RoundResultsView v;
  ASSIGN_OR_RETURN(v.round, domain::FindRound(ops, r.id));
  ASSIGN_OR_RETURN(v.scoring, domain::FindRoundScoring(ops, r.id));
  v.fresh = v.scoring && v.scoring->data_version == v.round.data_version;
  if (!ResultsOpen(v.round, a)) return v;
  ASSIGN_OR_RETURN(std::vector<domain::SubjectResult> results, domain::ListRoundResults(ops, r.id));
  for (auto& res : results)
    if (a.Sees(res.subject)) v.results.push_back(std::move(res));
  ASSIGN_OR_RETURN(std::vector<domain::AppliedOutcome> outcomes, domain::ListOutcomes(ops, r.id));
  for (auto& o : outcomes)
    if (a.Sees(o.subject)) v.outcomes.push_back(std::move(o));
  if (!a.office) v.scoring.reset();
  return v;
}

}  // namespace

Result<RoundResultsView> ScoreRound(const Caller& caller, Workspace& ws, int64_t id) {
  return InRound<RoundResultsView>(caller, ws, id, [&](domain::OperationsDb& ops, const EvaluationRound& r,
                                                       const Access& a) -> Result<RoundResultsView> {
    RETURN_IF_ERROR(OfficeOnly(a, "scoring"));
    RETURN_IF_ERROR(domain::CheckScorable(ops, r));
    ASSIGN_OR_RETURN(auto computed, Compute(ops, r));
    RETURN_IF_ERROR(domain::StoreRoundResults(ops, r.id, computed.first, computed.second, caller.Actor()));
    // What was just stored, in ListRoundResults' order (rank, then the
    // subjects' order), without reading every subject's detail back.
    RoundResultsView v;
    ASSIGN_OR_RETURN(v.round, domain::FindRound(ops, r.id));
    ASSIGN_OR_RETURN(v.scoring, domain::FindRoundScoring(ops, r.id));
    v.fresh = v.scoring && v.scoring->data_version == v.round.data_version;
    v.results = std::move(computed.second);
    std::stable_sort(v.results.begin(), v.results.end(),
                     [](const domain::SubjectResult& x, const domain::SubjectResult& y) { return x.rank < y.rank; });
    ASSIGN_OR_RETURN(v.outcomes, domain::ListOutcomes(ops, r.id));
    return v;
  });
}

Result<RoundResultsView> RoundResults(const Caller& caller, Workspace& ws, int64_t id) {
  return InRound<RoundResultsView>(caller, ws, id, ResultsOf, /*write=*/false);
}

Result<SubjectExplanation> ExplainSubject(const Caller& caller, Workspace& ws, int64_t id, const std::string& subject) {
  return InRound<SubjectExplanation>(caller, ws, id, [&](domain::OperationsDb& ops, const EvaluationRound& r,
                                                         const Access& a) -> Result<SubjectExplanation> {
    if (!a.Sees(subject)) return Status::NotFound("subject " + subject + " is not in round " + std::to_string(r.id));
    SubjectExplanation out;
    out.round = r;
    ASSIGN_OR_RETURN(out.subject, domain::FindRoundSubject(ops, r.id, subject));
    ASSIGN_OR_RETURN(out.observations, domain::ListObservations(ops, r.id, subject));
    if (ResultsOpen(r, a)) {
      ASSIGN_OR_RETURN(out.result, domain::FindRoundResult(ops, r.id, subject));
      if (out.result) {
        ASSIGN_OR_RETURN(ev::IndicatorSystem sys, domain::RoundSystem(ops, r));
        ASSIGN_OR_RETURN(nlohmann::ordered_json detail, SubjectDetail(sys, *out.result));
        out.result->detail_json = detail.dump();
      }
      ASSIGN_OR_RETURN(std::vector<domain::AppliedOutcome> outcomes, domain::ListOutcomes(ops, r.id));
      for (auto& o : outcomes)
        if (o.subject == subject) out.outcomes.push_back(std::move(o));
    }
    return out;
  }, /*write=*/false);
}

Result<domain::AppliedOutcome> ApplyOutcome(const Caller& caller, Workspace& ws, int64_t id, const std::string& subject,
                                            const std::string& rule, const std::string& reason) {
  return InRound<domain::AppliedOutcome>(caller, ws, id, [&](domain::OperationsDb& ops, const EvaluationRound& r,
                                                             const Access& a) -> Result<domain::AppliedOutcome> {
    RETURN_IF_ERROR(OfficeOnly(a, "applying an outcome"));
    ASSIGN_OR_RETURN(ev::IndicatorSystem sys, domain::RoundSystem(ops, r));
    return domain::ApplyOutcome(ops, r.id, sys, subject, rule, reason, caller.Actor());
  });
}

namespace {

// What ComputeObservations needs from operations.db before reading the store.
struct ComputePlan {
  EvaluationRound round;
  domain::Period period;
  std::set<std::string> measures;                              // the computed measures needed
  std::map<std::string, std::vector<std::string>> declared;    // a formula's code -> the computed parts it sums
  std::vector<domain::MeasureSubject> subjects;
};

Result<ComputePlan> PlanCompute(domain::OperationsDb& ops, const EvaluationRound& r) {
  ComputePlan plan;
  plan.round = r;
  ASSIGN_OR_RETURN(plan.period, domain::ParsePeriod(r.period));
  ASSIGN_OR_RETURN(ev::IndicatorSystem sys, domain::RoundSystem(ops, r));
  for (const ev::IndicatorNode& n : sys.nodes)
    if (n.formula)
      for (const std::string& m : n.formula->measures()) {
        std::vector<std::string> parts = domain::ComputedMeasureParts(m);
        if (parts.empty()) continue;
        plan.measures.insert(parts.begin(), parts.end());
        plan.declared[m] = std::move(parts);
      }
  ASSIGN_OR_RETURN(std::vector<RoundSubject> subjects, domain::ListRoundSubjects(ops, r.id));
  for (const RoundSubject& s : subjects) {
    domain::MeasureSubject m{s.code, {}, ""};
    if (s.member_id != 0) {
      m.names.push_back(s.member);
    } else if (s.alliance_id != 0) {
      ASSIGN_OR_RETURN(std::vector<domain::Member> members, domain::ListMembers(ops, s.alliance));
      for (const domain::Member& mem : members)
        if (mem.active_on(plan.period.last_day)) m.names.push_back(mem.name);
    } else {
      m.region = s.name;
    }
    plan.subjects.push_back(std::move(m));
  }
  return plan;
}

// The measures read from operations.db for each subject: the credibility
// gate for every subject, the alliance measures for alliance subjects.
Status ComputeFromOperations(domain::OperationsDb& ops, const ComputePlan& plan,
                             const std::vector<RoundSubject>& subjects, domain::MeasureValues& values) {
  std::set<std::string> alliance;
  for (const std::string& m : domain::AllianceMeasures())
    if (plan.measures.count(m)) alliance.insert(m);
  for (const RoundSubject& s : subjects) {
    if (plan.measures.count(kCreditGateMeasure)) {
      ASSIGN_OR_RETURN(std::vector<domain::CreditRecord> active,
                       domain::ActiveCreditRecords(ops, s.code, plan.period.last_day));
      if (active.empty()) {
        ASSIGN_OR_RETURN(active, domain::ActiveCreditRecords(ops, s.name, plan.period.last_day));
      }
      values[s.code][kCreditGateMeasure] = static_cast<double>(active.size());
    }
    if (!alliance.empty() && s.member_id == 0 && s.alliance_id != 0) {
      ASSIGN_OR_RETURN(auto got, domain::ComputeAllianceMeasures(ops, s.alliance_id, plan.period, alliance));
      for (const auto& [m, v] : got) values[s.code][m] = v;
    }
  }
  return Status::OK();
}

// The declared codes' figures: the sum of their parts, when every part was computed.
std::map<std::string, double> DeclaredValues(const ComputePlan& plan, const std::map<std::string, double>& computed) {
  std::map<std::string, double> out;
  for (const auto& [code, parts] : plan.declared) {
    double sum = 0;
    bool all = true;
    for (const std::string& p : parts) {
      auto it = computed.find(p);
      if (it == computed.end()) all = false;
      else sum += it->second;
    }
    if (all) out[code] = sum;
  }
  return out;
}

}  // namespace

Result<ComputedObservationsView> ComputeObservations(const Caller& caller, Workspace& ws, int64_t id, bool replace) {
  ASSIGN_OR_RETURN(ComputePlan plan, InRound<ComputePlan>(caller, ws, id, [&](domain::OperationsDb& ops,
                                                                            const EvaluationRound& r, const Access& a)
                                                                            -> Result<ComputePlan> {
    RETURN_IF_ERROR(OfficeOnly(a, "computing observations"));
    return PlanCompute(ops, r);
  }, /*write=*/false));
  domain::MeasureValues values;
  bool patent = false;
  for (const std::string& m : domain::PatentMeasures()) patent = patent || plan.measures.count(m) > 0;
  if (patent) {
    RETURN_IF_ERROR(ws.WithStore([&](PatentStore& store) -> Status {
      ASSIGN_OR_RETURN(values, domain::ComputePatentMeasures(store, plan.subjects, plan.period, plan.measures));
      return Status::OK();
    }));
  }
  ComputedObservationsView out;
  ASSIGN_OR_RETURN(out.observations, InRound<ObservationsView>(caller, ws, id, [&](domain::OperationsDb& ops,
                                                                                  const EvaluationRound& r,
                                                                                  const Access& a)
                                                                                  -> Result<ObservationsView> {
    RETURN_IF_ERROR(OfficeOnly(a, "computing observations"));
    ASSIGN_OR_RETURN(std::vector<RoundSubject> subjects, domain::ListRoundSubjects(ops, r.id));
    RETURN_IF_ERROR(ComputeFromOperations(ops, plan, subjects, values));
    ASSIGN_OR_RETURN(std::vector<domain::RoundObservation> existing, domain::ListObservations(ops, r.id, ""));
    std::map<std::tuple<std::string, std::string, std::string>, const domain::RoundObservation*> have;
    for (const auto& o : existing) have[{o.subject, o.measure, o.period}] = &o;
    std::vector<domain::ObservationEntry> entries;
    for (const RoundSubject& s : subjects) {
      auto v = values.find(s.code);
      if (v == values.end()) continue;  // added after the store was read
      for (const auto& [measure, value] : DeclaredValues(plan, v->second)) {
        auto h = have.find({s.code, measure, r.period});
        const bool earlier_own = h != have.end() && h->second->source == "patnav" &&
                                 h->second->state == domain::ObservationState::kEntered;
        if (h != have.end() && !replace && !earlier_own) {
          ++out.kept;
          continue;
        }
        entries.push_back({s.code, measure, r.period, value, "patnav"});
        ++out.computed[measure];
      }
    }
    int n = 0;
    if (!entries.empty()) {
      ASSIGN_OR_RETURN(ev::IndicatorSystem sys, domain::RoundSystem(ops, r));
      ASSIGN_OR_RETURN(n, domain::EnterObservations(ops, r.id, sys, entries, domain::DataRole::kOffice, caller.Actor()));
    }
    return ObservationsOf(ops, r.id, a, "", n);
  }));
  return out;
}

}  // namespace patnav::app
