// The stored results of an evaluation round (issue 15 part 2) and the
// outcomes applied to its subjects.
//
// Scoring is allowed in provincial_review and expert_review and needs every
// observation of the round verified; each scoring replaces the previous
// results whole (round_scoring: the weights, AHP reports and sensitivity as
// JSON, and the data_version scored; round_result: per subject the total,
// rank, veto, proposed outcome and every intermediate number with the
// explanation lines as JSON). Outcomes are applied by the office in
// publicity or final, with a reason, one of the system's rules; the rows
// are append-only (the latest per subject is in force).
// Thread-safety: as OperationsDb.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "domain/evaluation/indicator_system.h"
#include "domain/evaluation_round.h"
#include "domain/operations_db.h"

namespace patnav::domain {

struct SubjectResult {
  std::string subject;  // code
  std::string name;
  double total = 0;
  int rank = 0;
  bool vetoed = false;
  std::string proposed;     // the outcome rule the total proposes; empty when none matches
  std::string detail_json;  // every node's numbers and the explanation
};

struct RoundScoring {
  std::string weighting;
  int64_t data_version = 0;
  std::string round_json;  // weights, AHP reports, sensitivity
  std::string scored_by, scored_at;
};

// FailedPrecondition outside provincial_review and expert_review, or while
// an observation is not verified (the first one named, with the count).
// REQUIRES: none; run inside the same transaction as the read the results
// come from to make the pair atomic.
Status CheckScorable(OperationsDb& ops, const EvaluationRound& round);

// Replaces the round's results (CheckScorable first). InvalidArgument for a
// result of a subject not in the round.
Status StoreRoundResults(OperationsDb& ops, int64_t round_id, const RoundScoring& scoring,
                         const std::vector<SubjectResult>& results, std::string_view actor);

// None when the round was never scored.
Result<std::optional<RoundScoring>> FindRoundScoring(OperationsDb& ops, int64_t round_id);
// By rank, then the order subjects were added.
Result<std::vector<SubjectResult>> ListRoundResults(OperationsDb& ops, int64_t round_id);
// One subject's stored result; none when the round was never scored (or the
// subject is not in it).
Result<std::optional<SubjectResult>> FindRoundResult(OperationsDb& ops, int64_t round_id, std::string_view subject);

struct AppliedOutcome {
  int64_t id = 0;
  std::string subject, rule;
  int ban_years = 0;
  std::string reason, applied_by, applied_at;
};

// Applies `rule` (a code of the system's outcome rules) to `subject`.
// FailedPrecondition outside publicity and final or before the round was
// scored; InvalidArgument for an unknown rule (the rules named) or an empty
// reason; NotFound for a subject not in the round.
Result<AppliedOutcome> ApplyOutcome(OperationsDb& ops, int64_t round_id, const evaluation::IndicatorSystem& system,
                                    std::string_view subject, std::string_view rule, std::string_view reason,
                                    std::string_view actor);
// Oldest first (the latest per subject is in force).
Result<std::vector<AppliedOutcome>> ListOutcomes(OperationsDb& ops, int64_t round_id);

}  // namespace patnav::domain
