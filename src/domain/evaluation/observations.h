// A round's input: the subjects evaluated, the period evaluated, and the
// observations (subject, measure, period, value), read from CSV or JSON
// (docs/evaluation.md). Only what a file says is parsed here; whether the
// observations fit a system and round is CheckRound's (round_score.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace patnav::domain::evaluation {

struct Subject {
  std::string code, name;
};

struct Observation {
  std::string subject, measure, period;
  double value = 0;
  std::string source;  // where the figure comes from (statistical yearbook, patnav store, expert panel)
};

struct RoundInput {
  std::string period;             // the period evaluated; empty: the one period of the observations
  std::vector<Subject> subjects;  // empty: every subject observed, in order of first appearance
  std::vector<Observation> observations;
};

// CSV with a header naming the columns subject, measure, period, value and
// optionally subject_name, source (any order; a UTF-8 BOM is skipped;
// fields may be double-quoted with "" for a quote). JSON: {"period": "2024",
// "subjects": [{"code": "C01", "name": "..."}], "observations": [{"subject":
// "C01", "measure": "pop", "period": "2024", "value": 812.5, "source": ""}]}.
// InvalidArgument naming `origin`, the line or entry and the reason (a
// missing column, a value that is not a finite number, a missing field).
Result<RoundInput> ParseObservationsCsv(std::string_view text, std::string_view origin);
Result<RoundInput> ParseObservationsJson(std::string_view text, std::string_view origin);

}  // namespace patnav::domain::evaluation
