// Application calls of stored evaluation rounds (issue 15 part 2); the rules
// live in domain/evaluation_round.h, round_observations.h and
// round_results.h, the scoring in domain/evaluation/.
//
// Who may do what (office_access.h for "the office of a province"):
//  - indicator systems: any office role stores a version; anyone signed in
//    reads them;
//  - the office of a round's province opens it, adds subjects, moves it,
//    enters, verifies and returns any subject's observations, scores it,
//    applies outcomes and downloads the ranking workbook;
//  - a subject's users (the holders of a member grant for the alliance
//    member the subject is linked to, or of an operator grant for the
//    alliance it is linked to) see the round with their own subjects only,
//    enter and submit those subjects' observations, and see their results
//    once the round is in publicity or final;
//  - anyone else gets NotFound "unknown round N" (a reviewer of another
//    province included), and lists show each caller only what it may see.
// Every multi-step write is one transaction; the server's dispatcher adds the
// audit row.
// Thread-safety: as the Workspace's With* calls.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/caller.h"
#include "app/workspace.h"
#include "base/status.h"
#include "domain/evaluation_round.h"
#include "domain/indicator_store.h"
#include "domain/round_observations.h"
#include "domain/round_results.h"

namespace patnav::app {

// ---- indicator systems

struct StoreSystemRequest {
  std::string json;    // the system file's text (docs/evaluation.md)
  std::string origin;  // a name for errors ("cities.json"); default "system"
};
struct SystemView {
  domain::StoredIndicatorSystem stored;
  domain::evaluation::IndicatorSystem system;
};
// PermissionDenied without an office role; InvalidArgument for an invalid
// system (nothing stored); AlreadyExists for another text under a stored
// code and version.
Result<SystemView> StoreIndicatorSystem(const Caller& caller, Workspace& ws, const StoreSystemRequest& req);
Result<std::vector<domain::StoredIndicatorSystem>> ListIndicatorSystems(const Caller& caller, Workspace& ws);
Result<SystemView> ShowIndicatorSystem(const Caller& caller, Workspace& ws, const std::string& code,
                                       const std::string& version);

// ---- rounds

struct SubjectProgress {
  domain::RoundSubject subject;
  int entered = 0, submitted = 0, verified = 0, returned = 0;
  std::optional<domain::SubjectResult> result;   // when scored and visible to the caller
  std::optional<domain::AppliedOutcome> outcome;  // the one in force
};

struct RoundView {
  domain::EvaluationRound round;
  std::string system_name;
  bool office = false;               // the caller acts for the round's office
  std::vector<std::string> allowed;  // round actions the caller may take now
  bool scored = false, results_fresh = false;
  std::string scored_at;
  std::vector<SubjectProgress> subjects;  // the office: all; a subject's users: their own
  std::vector<domain::RoundEvent> history;  // the office only
  std::vector<std::string> warnings;
};

// The office of spec.province (AuthorizeOffice).
Result<RoundView> OpenRound(const Caller& caller, Workspace& ws, const domain::RoundSpec& spec);
Result<RoundView> ShowRound(const Caller& caller, Workspace& ws, int64_t id);
// The rounds the caller may see, newest first (subjects: the caller's own).
Result<std::vector<RoundView>> ListRounds(const Caller& caller, Workspace& ws);
Result<RoundView> AddRoundSubjects(const Caller& caller, Workspace& ws, int64_t id,
                                   const std::vector<domain::RoundSubjectInput>& subjects);
// `action`: a RoundWorkflow action name; InvalidArgument for another word.
Result<RoundView> ActOnRound(const Caller& caller, Workspace& ws, int64_t id, const std::string& action,
                             const std::string& comment);

// ---- observations

struct ObservationsView {
  int64_t round_id = 0;
  int changed = 0;  // entered, submitted, verified or returned by the call
  std::vector<domain::RoundObservation> observations;  // the caller's view, after the call
};
// The office enters for any subject; a subject's users for their own only
// (InvalidArgument naming the entry otherwise).
Result<ObservationsView> EnterObservations(const Caller& caller, Workspace& ws, int64_t id,
                                           const std::vector<domain::ObservationEntry>& entries);
// An uploaded file: CSV, JSON or an .xlsx workbook (observation_file.h),
// then as EnterObservations.
Result<ObservationsView> ImportObservations(const Caller& caller, Workspace& ws, int64_t id, std::string bytes,
                                            const std::string& name);
// A subject's users (or the office on their behalf) submit its figures.
Result<ObservationsView> SubmitObservations(const Caller& caller, Workspace& ws, int64_t id, const std::string& subject);
// The office: verify (measures empty: all entered or submitted) or return.
Result<ObservationsView> VerifyObservations(const Caller& caller, Workspace& ws, int64_t id, const std::string& subject,
                                            const std::vector<std::string>& measures);
// The office verifies every entered or submitted figure of the round in one
// transaction (returned ones stay returned). The view carries the count only
// (`observations` empty: a round of 3,000 subjects holds some 200,000);
// ListObservations lists them.
Result<ObservationsView> VerifyAllObservations(const Caller& caller, Workspace& ws, int64_t id);
Result<ObservationsView> ReturnObservations(const Caller& caller, Workspace& ws, int64_t id, const std::string& subject,
                                            const std::vector<std::string>& measures, const std::string& reason);
// `subject` empty: every subject the caller may see.
Result<ObservationsView> ListObservations(const Caller& caller, Workspace& ws, int64_t id, const std::string& subject);

// The measures patnav computes from its own data (domain/round_measures.h;
// the credibility gate, kCreditGateMeasure: the subject's records active
// on the period's last day, matched by its code, else its name; for alliance
// subjects domain/alliance_measures.h), for the round's period and the
// measures a leaf's formula of the round's system names, under the system's
// own codes (domain/computed_measures.h: a template's name for a computed
// measure, or a sum of them). A subject linked to an alliance member holds the patents of the
// member's name; one linked to an alliance, those of its members active on
// the period's last day; any other subject is a region (its name against
// the applicants' province or city). The office only (PermissionDenied for
// a subject's users); the figures are entered with source "patnav" (state
// entered: the office still verifies them), in one transaction. An existing
// observation is kept unless `replace`, or it is an earlier "patnav" figure
// still entered. FailedPrecondition when the round's state does not let the
// office enter data; NotFound (from the store) when a patent measure is used
// and nothing was ingested.
struct ComputedObservationsView {
  ObservationsView observations;       // changed: the number written
  std::map<std::string, int> computed; // measure -> observations written
  int kept = 0;                        // computed but an existing figure was kept
};
Result<ComputedObservationsView> ComputeObservations(const Caller& caller, Workspace& ws, int64_t id, bool replace);

// ---- results

struct RoundResultsView {
  domain::EvaluationRound round;
  std::optional<domain::RoundScoring> scoring;
  bool fresh = false;  // scored at the round's current data_version
  // By rank; the caller's view. detail_json holds the stored numbers
  // (app/round_detail.h: SubjectDetail rebuilds the scorecard); ExplainSubject
  // gives one subject's in full.
  std::vector<domain::SubjectResult> results;
  std::vector<domain::AppliedOutcome> outcomes;     // oldest first; the caller's view
};
// The office scores the round with its weighting (and the sensitivity to
// the others), storing every number, in one transaction with the read of
// the observations. FailedPrecondition outside provincial_review and
// expert_review, while a figure is unverified, or when the figures do not
// make a round (a missing observation, a division by zero: subject and node
// named).
Result<RoundResultsView> ScoreRound(const Caller& caller, Workspace& ws, int64_t id);
// The office: always; a subject's users: their own, in publicity and final.
Result<RoundResultsView> RoundResults(const Caller& caller, Workspace& ws, int64_t id);

struct SubjectExplanation {
  domain::EvaluationRound round;
  domain::RoundSubject subject;
  std::vector<domain::RoundObservation> observations;
  std::optional<domain::SubjectResult> result;  // detail_json holds "explanation": the scorecard lines
  std::vector<domain::AppliedOutcome> outcomes;
};
Result<SubjectExplanation> ExplainSubject(const Caller& caller, Workspace& ws, int64_t id, const std::string& subject);

// The office of the round's province, in publicity or final, with a reason.
Result<domain::AppliedOutcome> ApplyOutcome(const Caller& caller, Workspace& ws, int64_t id, const std::string& subject,
                                            const std::string& rule, const std::string& reason);

struct RoundWorkbook {
  std::string filename;  // round-N-ranking.xlsx
  std::string bytes;
};
// The office: the ranking, every weighted node's score, the weights and the
// sensitivity table as an XLSX workbook. FailedPrecondition before scoring.
Result<RoundWorkbook> RoundRankingWorkbook(const Caller& caller, Workspace& ws, int64_t id);

}  // namespace patnav::app
