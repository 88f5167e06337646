// Stored round results and applied outcomes (round_results.h).
#include "domain/round_results.h"

#include <unordered_map>

#include "base/strings.h"
#include "domain/period.h"

namespace patnav::domain {

Status CheckScorable(OperationsDb& ops, const EvaluationRound& round) {
  if (round.state != RoundState::kProvincialReview && round.state != RoundState::kExpertReview)
    return Status::FailedPrecondition(std::string("a round is scored in provincial_review or expert_review; round ") +
                                      std::to_string(round.id) + " is " + RoundStateName(round.state));
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      "SELECT t.code, o.measure, o.period, o.state, count(*) OVER () FROM round_observation o "
      "JOIN round_subject t ON t.id = o.subject_id WHERE o.round_id = ?1 AND o.state <> 'verified' "
      "ORDER BY t.id, o.measure, o.period LIMIT 1"));
  s.BindInt64(1, round.id);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (row)
    return Status::FailedPrecondition(std::to_string(s.ColumnInt64(4)) + " observations are not verified yet, e.g. " +
                                      std::string(s.ColumnText(0)) + " " + std::string(s.ColumnText(1)) + " " +
                                      std::string(s.ColumnText(2)) + " (" + std::string(s.ColumnText(3)) + ")");
  return Status::OK();
}

Status StoreRoundResults(OperationsDb& ops, int64_t round_id, const RoundScoring& scoring,
                         const std::vector<SubjectResult>& results, std::string_view actor) {
  return ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(EvaluationRound round, FindRound(ops, round_id));
    RETURN_IF_ERROR(CheckScorable(ops, round));
    for (const char* sql : {"DELETE FROM round_result WHERE round_id = ?1", "DELETE FROM round_scoring WHERE round_id = ?1"}) {
      ASSIGN_OR_RETURN(Statement d, ops.db().Prepare(sql));
      d.BindInt64(1, round_id);
      RETURN_IF_ERROR(d.Run());
    }
    const std::string now = NowUtc();
    ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
        "INSERT INTO round_scoring(round_id, weighting, data_version, round_json, scored_by, scored_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    s.BindInt64(1, round_id);
    s.BindText(2, scoring.weighting);
    s.BindInt64(3, round.data_version);
    s.BindText(4, scoring.round_json);
    s.BindText(5, actor);
    s.BindText(6, now);
    RETURN_IF_ERROR(s.Run());
    ASSIGN_OR_RETURN(std::vector<RoundSubject> subjects, ListRoundSubjects(ops, round_id));
    std::unordered_map<std::string_view, int64_t> subject_ids;
    for (const RoundSubject& t : subjects) subject_ids.emplace(t.code, t.id);
    ASSIGN_OR_RETURN(Statement w, ops.db().Prepare(
        "INSERT INTO round_result(round_id, subject_id, total, rank, vetoed, proposed, detail_json) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
    for (const SubjectResult& r : results) {
      auto id = subject_ids.find(r.subject);
      if (id == subject_ids.end())
        return Status::InvalidArgument("subject " + r.subject + " is not in round " + std::to_string(round_id));
      w.BindInt64(1, round_id);
      w.BindInt64(2, id->second);
      w.BindDouble(3, r.total);
      w.BindInt64(4, r.rank);
      w.BindInt64(5, r.vetoed ? 1 : 0);
      w.BindTextOrNull(6, r.proposed);
      w.BindText(7, r.detail_json);
      RETURN_IF_ERROR(w.Run());
      w.Reset();
    }
    RoundEvent e;
    e.action = "score";
    e.from_state = e.to_state = RoundStateName(round.state);
    e.actor = std::string(actor);
    e.comment = scoring.weighting + " weights, " + std::to_string(results.size()) + " subjects";
    return AppendRoundEvent(ops, round_id, e);
  });
}

Result<std::optional<RoundScoring>> FindRoundScoring(OperationsDb& ops, int64_t round_id) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      "SELECT weighting, data_version, round_json, scored_by, scored_at FROM round_scoring WHERE round_id = ?1"));
  s.BindInt64(1, round_id);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<RoundScoring>();
  RoundScoring r;
  r.weighting = s.ColumnText(0);
  r.data_version = s.ColumnInt64(1);
  r.round_json = s.ColumnText(2);
  r.scored_by = s.ColumnText(3);
  r.scored_at = s.ColumnText(4);
  return std::optional<RoundScoring>(std::move(r));
}

namespace {

constexpr const char* kResultColumns =
    "SELECT t.code, t.name, r.total, r.rank, r.vetoed, coalesce(r.proposed, ''), r.detail_json FROM round_result r "
    "JOIN round_subject t ON t.id = r.subject_id WHERE r.round_id = ?1 ";

SubjectResult ResultOfRow(Statement& s) {
  SubjectResult r;
  r.subject = s.ColumnText(0);
  r.name = s.ColumnText(1);
  r.total = s.ColumnDouble(2);
  r.rank = static_cast<int>(s.ColumnInt64(3));
  r.vetoed = s.ColumnInt64(4) != 0;
  r.proposed = s.ColumnText(5);
  r.detail_json = s.ColumnText(6);
  return r;
}

}  // namespace

Result<std::vector<SubjectResult>> ListRoundResults(OperationsDb& ops, int64_t round_id) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(std::string(kResultColumns) + "ORDER BY r.rank, t.id"));
  s.BindInt64(1, round_id);
  std::vector<SubjectResult> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(ResultOfRow(s));
  }
  return out;
}

Result<std::optional<SubjectResult>> FindRoundResult(OperationsDb& ops, int64_t round_id, std::string_view subject) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(std::string(kResultColumns) + "AND t.code = ?2"));
  s.BindInt64(1, round_id);
  s.BindText(2, subject);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<SubjectResult>();
  return std::optional<SubjectResult>(ResultOfRow(s));
}

Result<AppliedOutcome> ApplyOutcome(OperationsDb& ops, int64_t round_id, const evaluation::IndicatorSystem& system,
                                    std::string_view subject, std::string_view rule, std::string_view reason,
                                    std::string_view actor) {
  const std::string why(Trim(reason));
  if (why.empty()) return Status::InvalidArgument("reason: say why the outcome is applied");
  if (why.size() > 2000) return Status::InvalidArgument("reason: over 2000 bytes");
  const evaluation::OutcomeRule* found = nullptr;
  std::string rules;
  for (const evaluation::OutcomeRule& r : system.outcomes) {
    if (r.code == rule) found = &r;
    rules += (rules.empty() ? "" : ", ") + r.code;
  }
  if (found == nullptr)
    return Status::InvalidArgument("rule: '" + std::string(rule) + "' is not an outcome of system " + system.code +
                                   " (" + (rules.empty() ? "it has none" : rules) + ")");
  AppliedOutcome out;
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(EvaluationRound round, FindRound(ops, round_id));
    if (round.state != RoundState::kPublicity && round.state != RoundState::kFinal)
      return Status::FailedPrecondition(std::string("outcomes are applied in publicity or final; round ") +
                                        std::to_string(round_id) + " is " + RoundStateName(round.state));
    ASSIGN_OR_RETURN(RoundSubject s, FindRoundSubject(ops, round_id, subject));
    ASSIGN_OR_RETURN(Statement w, ops.db().Prepare(
        "INSERT INTO round_outcome(round_id, subject_id, rule, ban_years, reason, applied_by, applied_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
    out.subject = s.code;
    out.rule = found->code;
    out.ban_years = found->ban_years;
    out.reason = why;
    out.applied_by = std::string(actor);
    out.applied_at = NowUtc();
    w.BindInt64(1, round_id);
    w.BindInt64(2, s.id);
    w.BindText(3, out.rule);
    w.BindInt64(4, out.ban_years);
    w.BindText(5, out.reason);
    w.BindText(6, out.applied_by);
    w.BindText(7, out.applied_at);
    RETURN_IF_ERROR(w.Run());
    out.id = ops.db().LastInsertRowid();
    RoundEvent e;
    e.action = "apply_outcome";
    e.from_state = e.to_state = RoundStateName(round.state);
    e.subject = s.code;
    e.actor = std::string(actor);
    e.comment = out.rule + ": " + why;
    return AppendRoundEvent(ops, round_id, e);
  }));
  return out;
}

Result<std::vector<AppliedOutcome>> ListOutcomes(OperationsDb& ops, int64_t round_id) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      "SELECT o.id, t.code, o.rule, o.ban_years, o.reason, o.applied_by, o.applied_at FROM round_outcome o "
      "JOIN round_subject t ON t.id = o.subject_id WHERE o.round_id = ?1 ORDER BY o.id"));
  s.BindInt64(1, round_id);
  std::vector<AppliedOutcome> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    AppliedOutcome a;
    a.id = s.ColumnInt64(0);
    a.subject = s.ColumnText(1);
    a.rule = s.ColumnText(2);
    a.ban_years = static_cast<int>(s.ColumnInt64(3));
    a.reason = s.ColumnText(4);
    a.applied_by = s.ColumnText(5);
    a.applied_at = s.ColumnText(6);
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace patnav::domain
