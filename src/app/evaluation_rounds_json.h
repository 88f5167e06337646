// The JSON forms of stored indicator systems and evaluation rounds
// (evaluation_rounds.h) for the API and the CLI's --json. docs/evaluation.md
// ("Stored rounds") lists the fields.
#pragma once

#include <nlohmann/json.hpp>

#include "app/evaluation_rounds.h"

namespace patnav::app {

// {"code", "version", "name", "stored_by", "stored_at"}
nlohmann::ordered_json ToJson(const domain::StoredIndicatorSystem& s);
// The above with "already_stored" and "system" (IndicatorSystemJson).
nlohmann::ordered_json ToJson(const SystemView& v);
// {"id", "name", "province", "period", "subject_kind", "weighting", "state",
//  "system": {"code", "version", "name"}, "data_version", "opened_by",
//  "opened_at", "updated_at", "office", "allowed_actions", "scored",
//  "results_fresh", "scored_at", "subjects": [{"code", "name", "province",
//  "member", "alliance", "observations": {"entered", "submitted",
//  "verified", "returned"}, "total", "rank", "proposed_outcome", "outcome"
//  (the last four null until scored and visible)}], "history": [{"action",
//  "from_state", "to_state", "subject", "actor", "at", "comment"}]}
nlohmann::ordered_json ToJson(const RoundView& v);
nlohmann::ordered_json ToJson(const domain::RoundObservation& o);
// {"round_id", "changed", "observations": [{"subject", "measure", "period",
//  "value", "source", "state", "entered_by", "entered_at", "submitted_by",
//  "submitted_at", "verified_by", "verified_at", "return_reason"}]}
nlohmann::ordered_json ToJson(const ObservationsView& v);
// As ObservationsView, plus "computed" {measure: written} and "kept".
nlohmann::ordered_json ToJson(const ComputedObservationsView& v);
// {"subject", "rule", "ban_years", "reason", "applied_by", "applied_at"}
nlohmann::ordered_json ToJson(const domain::AppliedOutcome& o);
// {"round_id", "state", "scored": bool, "fresh", "scored_at", "weighting",
//  "round": {weights, ahp, sensitivity} (the office only), "ranking":
//  [{"rank", "subject", "name", "total", "vetoed", "proposed_outcome",
//  "outcome"}], "outcomes": [...]}
nlohmann::ordered_json ToJson(const RoundResultsView& v);
// {"round_id", "subject": {...}, "observations": [...], "result": null |
//  {"rank", "total", ..., "nodes": {code: {raw, normalised, weight, score,
//  weighted, rank}}, "explanation": [lines], "sensitivity"}, "outcomes"}
nlohmann::ordered_json ToJson(const SubjectExplanation& e);

}  // namespace patnav::app
