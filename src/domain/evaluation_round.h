// Evaluation rounds in operations.db (issue 15 part 2): a round scores its
// subjects on one stored indicator-system version, frozen when the round
// opens (indicator_store.h), for one period; it belongs to the office of a
// province ("national" for CNIPA's own rounds) and moves only along the
// table of round_states.h, each move and each data step appended to the
// round's history (round_event) in the same transaction.
//
// Subjects are added while the round is in data_call or self_assessment.
// A subject may be linked to an alliance member (its users are that
// member's) or to an alliance (its users are the alliance's operators); the
// application layer decides who those are (app/evaluation_rounds.h).
// Thread-safety: as OperationsDb.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "domain/evaluation/indicator_system.h"
#include "domain/indicator_store.h"
#include "domain/operations_db.h"
#include "domain/round_states.h"

namespace patnav::domain {

// "city", "district", "experimental_zone", "pilot_unit", "pilot_enterprise",
// "alliance", "enterprise".
const std::vector<std::string>& SubjectKinds();

struct RoundSpec {
  std::string system_code, system_version;
  std::string name;
  std::string province;      // the office running the round; "national" for CNIPA
  std::string period;        // the period evaluated: "2025", "2025Q4", "2025-12"
  std::string subject_kind;  // one of SubjectKinds()
  std::string weighting = "fixed";  // fixed | ahp | entropy | critic
};

struct EvaluationRound {
  int64_t id = 0;
  int64_t system_id = 0;
  std::string system_code, system_version;
  std::string name, province, period, subject_kind, weighting;
  RoundState state = RoundState::kDataCall;
  int64_t data_version = 0;  // bumped by every observation write (results are fresh when scored at this version)
  std::string opened_by, opened_at, updated_at;
};

struct RoundSubjectInput {
  std::string code, name;
  std::string province;  // empty: the round's
  std::string member;    // optional: the alliance member the subject is
  std::string alliance;  // optional: the alliance the subject is (kind "alliance")
};

struct RoundSubject {
  int64_t id = 0;
  std::string code, name, province;
  int64_t member_id = 0, alliance_id = 0;  // 0: not linked
  std::string member;    // the linked member's name
  std::string alliance;  // the linked member's alliance, or the linked alliance
};

struct RoundEvent {
  int64_t id = 0;
  std::string action, from_state, to_state;
  std::string subject;  // the subject a data step was about; empty for the round's own moves
  std::string actor, at, comment;
};

// Opens a round in data_call on the stored system version. InvalidArgument
// naming the field for an empty name, province or period, an unknown subject
// kind or weighting, a period that is not YYYY, YYYYQn or YYYY-MM, or ahp
// weighting on a system without matrices; NotFound for an unknown system
// version.
Result<EvaluationRound> OpenRound(OperationsDb& ops, const RoundSpec& spec, std::string_view actor);

// NotFound "unknown round N".
Result<EvaluationRound> FindRound(OperationsDb& ops, int64_t id);
// Newest first.
Result<std::vector<EvaluationRound>> ListRounds(OperationsDb& ops);
// The round's frozen system, parsed.
Result<evaluation::IndicatorSystem> RoundSystem(OperationsDb& ops, const EvaluationRound& round);

// Adds subjects, all or none. FailedPrecondition outside data_call and
// self_assessment; InvalidArgument naming the subject for an empty code or
// name, a code twice or already in the round, an unknown member or alliance.
Result<std::vector<RoundSubject>> AddRoundSubjects(OperationsDb& ops, int64_t round_id,
                                                   const std::vector<RoundSubjectInput>& subjects,
                                                   std::string_view actor);
// In the order added.
Result<std::vector<RoundSubject>> ListRoundSubjects(OperationsDb& ops, int64_t round_id);
// NotFound "subject X is not in round N".
Result<RoundSubject> FindRoundSubject(OperationsDb& ops, int64_t round_id, std::string_view code);

// Moves the round one step with its event. FailedPrecondition naming the
// allowed actions for a move the table lacks, and for publish when the
// round has no stored results or they are older than its observations.
Result<EvaluationRound> StepRound(OperationsDb& ops, int64_t round_id, RoundAction action, std::string_view actor,
                                  std::string_view comment);

// Appends to the round's history. REQUIRES: inside the transaction of the
// change it records.
Status AppendRoundEvent(OperationsDb& ops, int64_t round_id, const RoundEvent& e);
// Oldest first.
Result<std::vector<RoundEvent>> RoundHistory(OperationsDb& ops, int64_t round_id);

}  // namespace patnav::domain
