// The stored form of one subject's scored detail in a stored round
// (round_result.detail_json): the numbers only, written compactly when a
// round is scored, and the full detail — SubjectResultJson's, with the
// explanation lines — rebuilt from them and the round's frozen system when
// a result is read. Scoring 3,000 subjects on 60 leaves then writes about
// 6 KB of numbers per subject instead of about 18 KB of JSON and formats no
// explanation line.
//
// The compact form is a JSON object marked "compact": 1:
//   {"compact":1, "subjects":N, "base":b, "bonus":b, "penalty":p,
//    "failed_gates":[codes], "nodes":[[...], ...], "sensitivity":{ranks, max_shift}}
// with one array per system node holding the numbers SubjectScoreJson writes
// for that node's kind, in its order (raw, base_raw, normalised, weight,
// score, weighted, rank, gate_failed, points as they apply). The subject's
// code, name, total, rank, veto and proposed outcome are the result row's own
// columns. A number that is not finite is written as null and read back as
// NaN. A detail stored whole (before the compact form) is read as stored.
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

#include "app/evaluation.h"
#include "base/status.h"
#include "domain/evaluation/indicator_system.h"
#include "domain/round_results.h"

namespace patnav::app {

// The compact detail of `subject` in a scored round.
// REQUIRES: `subject` is a subject of result.round.
std::string CompactSubjectDetail(const ScoreEvaluationResult& result, size_t subject);

// The full detail of a stored result, as SubjectResultJson wrote it for the
// same subject when the round was scored on `system` (with the explanation
// lines when `explain`). DataLoss when the stored detail does not fit the
// system (a node's numbers missing or of the wrong shape).
Result<nlohmann::ordered_json> SubjectDetail(const domain::evaluation::IndicatorSystem& system,
                                             const domain::SubjectResult& stored, bool explain = true);

}  // namespace patnav::app
