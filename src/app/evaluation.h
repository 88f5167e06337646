// Indicator systems and evaluation rounds (issue 15, part 2), the stateless
// calculator: a system file and an observations file in, a scored round out
// with every intermediate number, the explanation of each subject and the
// sensitivity of the ranking to the weighting method. Nothing is stored
// (rounds kept in operations.db come later).
//
// Authorisation: the calculator reads only the files the caller names and
// touches no stored data, so any authenticated caller may use it; an
// anonymous one gets Unauthenticated.
//
// Thread-safety: callable from any thread; no shared state.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "app/caller.h"
#include "base/status.h"
#include "domain/evaluation/indicator_system.h"
#include "domain/evaluation/ranking_sensitivity.h"
#include "domain/evaluation/round_score.h"

namespace patnav::app {

struct ValidateIndicatorSystemRequest {
  std::string system_path;  // a JSON indicator-system file (docs/evaluation.md)
};

struct ValidateIndicatorSystemResult {
  domain::evaluation::IndicatorSystem system;
};

// NotFound when the file cannot be read; InvalidArgument naming the file,
// the node and the reason for any invalid content.
Result<ValidateIndicatorSystemResult> ValidateIndicatorSystem(const Caller& caller,
                                                              const ValidateIndicatorSystemRequest& request);

class Workspace;

// The measure a system's credibility gate reads (data/indicators/
// alliance-annual.json: "formula": "active_dishonesty_records").
inline constexpr const char* kCreditGateMeasure = "active_dishonesty_records";

struct ScoreEvaluationRequest {
  std::string system_path;
  std::string observations_path;  // .json, or CSV (any other name)
  std::string period;             // the period evaluated; empty: the one observed
  std::string weighting = "fixed";  // fixed | ahp | entropy | critic
  bool sensitivity = true;        // also rank under every weighting method
  // The credibility gate from the stored records (issue 15 part 3): when
  // `credit_on` is a date and the system declares kCreditGateMeasure, each
  // subject of the round gets that measure for each period observed: the
  // number of its credibility records active on `credit_on`
  // (domain::ActiveCreditRecords, matched by the subject's code, else its
  // name). REQUIRES: `workspace` set when `credit_on` is.
  std::string credit_on;
  Workspace* workspace = nullptr;
};

struct ScoreEvaluationResult {
  domain::evaluation::IndicatorSystem system;
  domain::evaluation::RoundScore round;
  std::optional<domain::evaluation::RankingSensitivity> sensitivity;
};

// NotFound for an unreadable file; InvalidArgument (nothing scored) for an
// invalid system, observations that do not fit the round (an unknown
// subject, measure or period, a duplicate), a missing observation, a
// division by zero (naming subject and node), an unknown weighting, or AHP
// weighting of a system without matrices. With `credit_on`: PermissionDenied
// unless the caller holds an office role (app/office_access.h);
// InvalidArgument for a bad date, a system without the gate's measure, or an
// observations file that gives the measure itself.
Result<ScoreEvaluationResult> ScoreEvaluation(const Caller& caller, const ScoreEvaluationRequest& request);

// The system as parsed (nodes in tree order with their parents and weights).
nlohmann::ordered_json IndicatorSystemJson(const domain::evaluation::IndicatorSystem& system);

// The round: weights, subjects with their totals, ranks, outcomes and every
// node's numbers, the AHP reports and the sensitivity table. With `subject`
// only that subject's entry and its explanation lines.
// REQUIRES: `subject`, when given, is a subject of the round.
// `with_subjects` false: no "subjects" entry at all (the sensitivity table
// keeps its rows), what a stored round keeps for the round as a whole.
nlohmann::ordered_json EvaluationRoundJson(const ScoreEvaluationResult& result,
                                           const std::optional<size_t>& subject = std::nullopt,
                                           bool with_subjects = true);
// One subject's numbers as EvaluationRoundJson has them under "subjects"
// (code, name, total, rank, base, bonus, penalty, vetoed, failed_gates,
// outcome and every node's numbers), without the explanation lines.
// REQUIRES: subject.nodes has one entry per system node.
nlohmann::ordered_json SubjectScoreJson(const domain::evaluation::IndicatorSystem& system,
                                        const domain::evaluation::SubjectScore& subject);
// One subject's entry as EvaluationRoundJson(result, subject) has it under
// "subjects" (with its explanation lines), plus its row of the sensitivity
// table as "sensitivity" when the result has one: what a stored round keeps
// per subject. REQUIRES: `subject` is a subject of the round.
nlohmann::ordered_json SubjectResultJson(const ScoreEvaluationResult& result, size_t subject);

// The index of subject `code` in the round, or NotFound naming it.
Result<size_t> FindRoundSubject(const domain::evaluation::RoundScore& round, const std::string& code);

}  // namespace patnav::app
