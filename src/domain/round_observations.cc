// Observations of a round and their data-call states (round_observations.h).
#include "domain/round_observations.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "base/strings.h"
#include "domain/period.h"

namespace patnav::domain {

namespace {

using S = ObservationState;

bool SubjectsMayEnter(RoundState s) { return s == RoundState::kDataCall || s == RoundState::kSelfAssessment; }
bool OfficeMayEnter(RoundState s) { return s != RoundState::kPublicity && s != RoundState::kFinal; }

Status CheckMayAct(const EvaluationRound& round, DataRole role, const char* what) {
  const bool ok = role == DataRole::kOffice ? OfficeMayEnter(round.state) : SubjectsMayEnter(round.state);
  if (ok) return Status::OK();
  return Status::FailedPrecondition(std::string(what) + (role == DataRole::kOffice
                                        ? " is open to the office from data_call through expert_review"
                                        : " is open to subjects during data_call and self_assessment") +
                                    "; round " + std::to_string(round.id) + " is " + RoundStateName(round.state));
}

Status Bump(OperationsDb& ops, int64_t round_id) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      "UPDATE eval_round SET data_version = data_version + 1, updated_at = ?2 WHERE id = ?1"));
  s.BindInt64(1, round_id);
  s.BindText(2, NowUtc());
  return s.Run();
}

Status Log(OperationsDb& ops, const EvaluationRound& round, const char* action, std::string_view subject,
           std::string_view actor, std::string comment) {
  RoundEvent e;
  e.action = action;
  e.from_state = e.to_state = RoundStateName(round.state);
  e.subject = std::string(subject);
  e.actor = std::string(actor);
  e.comment = std::move(comment);
  return AppendRoundEvent(ops, round.id, e);
}

// Sets `set` on the subject's observations in one of `from` (and of
// `measures` when any), returning how many changed.
Result<int> Move(OperationsDb& ops, int64_t subject_id, const std::vector<S>& from, const std::vector<std::string>& measures,
                 const std::string& set, std::string_view a, std::string_view b) {
  std::string states;
  for (S f : from) states += (states.empty() ? "'" : ", '") + std::string(ObservationStateName(f)) + "'";
  std::string sql = "UPDATE round_observation SET " + set + " WHERE subject_id = ?1 AND state IN (" + states + ")";
  int changed = 0;
  auto run = [&](std::string_view measure) -> Status {
    ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(sql + (measure.empty() ? "" : " AND measure = ?4")));
    s.BindInt64(1, subject_id);
    s.BindText(2, a);
    s.BindText(3, b);
    if (!measure.empty()) s.BindText(4, measure);
    RETURN_IF_ERROR(s.Run());
    ASSIGN_OR_RETURN(int64_t n, ops.db().QueryInt64("SELECT changes()"));
    if (!measure.empty() && n == 0) {
      std::string list;
      for (S f : from) list += (list.empty() ? "" : " or ") + std::string(ObservationStateName(f));
      return Status::FailedPrecondition("measure " + std::string(measure) + " has no observation that is " + list);
    }
    changed += static_cast<int>(n);
    return Status::OK();
  };
  if (measures.empty()) {
    RETURN_IF_ERROR(run(""));
  } else {
    for (const std::string& m : measures) RETURN_IF_ERROR(run(m));
  }
  return changed;
}

}  // namespace

const char* ObservationStateName(ObservationState s) {
  switch (s) {
    case S::kEntered: return "entered";
    case S::kSubmitted: return "submitted";
    case S::kVerified: return "verified";
    case S::kReturned: return "returned";
  }
  return "unknown";
}

Result<ObservationState> ParseObservationState(std::string_view text) {
  for (S s : {S::kEntered, S::kSubmitted, S::kVerified, S::kReturned})
    if (text == ObservationStateName(s)) return s;
  return Status::InvalidArgument("observation state '" + std::string(text) +
                                 "' is not one of entered, submitted, verified, returned");
}

Result<int> EnterObservations(OperationsDb& ops, int64_t round_id, const evaluation::IndicatorSystem& system,
                              const std::vector<ObservationEntry>& entries, DataRole role, std::string_view actor) {
  if (entries.empty()) return Status::InvalidArgument("observations: none given");
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(EvaluationRound round, FindRound(ops, round_id));
    RETURN_IF_ERROR(CheckMayAct(round, role, "entering observations"));
    std::vector<std::string> periods = system.ExtraPeriods();
    periods.insert(periods.begin(), round.period);
    std::set<std::tuple<std::string, std::string, std::string>> seen;
    std::set<std::string> subjects;
    std::map<std::string, int64_t> subject_ids;
    ASSIGN_OR_RETURN(std::vector<RoundSubject> listed, ListRoundSubjects(ops, round_id));
    for (const RoundSubject& rs : listed) subject_ids[rs.code] = rs.id;
    const std::string now = NowUtc();
    for (size_t i = 0; i < entries.size(); ++i) {
      const ObservationEntry& e = entries[i];
      const std::string where = "observations[" + std::to_string(i) + "] (" + e.subject + ", " + e.measure + ", " +
                                e.period + "): ";
      auto subject = subject_ids.find(e.subject);
      if (subject == subject_ids.end())
        return Status::InvalidArgument(where + "subject " + e.subject + " is not in round " + std::to_string(round_id));
      if (system.FindMeasure(e.measure) == nullptr)
        return Status::InvalidArgument(where + "system " + system.code + " declares no measure " + e.measure);
      if (std::find(periods.begin(), periods.end(), e.period) == periods.end()) {
        std::string list;
        for (const std::string& p : periods) list += (list.empty() ? "" : ", ") + p;
        return Status::InvalidArgument(where + "period " + e.period + " is outside the round (its periods: " + list + ")");
      }
      if (!std::isfinite(e.value)) return Status::InvalidArgument(where + "value is not a finite number");
      if (e.source.size() > 500) return Status::InvalidArgument(where + "source over 500 bytes");
      if (!seen.insert({e.subject, e.measure, e.period}).second)
        return Status::InvalidArgument(where + "given twice");
      if (role == DataRole::kSubject) {
        ASSIGN_OR_RETURN(Statement q, ops.db().Prepare(
            "SELECT state FROM round_observation WHERE subject_id = ?1 AND measure = ?2 AND period = ?3"));
        q.BindInt64(1, subject->second);
        q.BindText(2, e.measure);
        q.BindText(3, e.period);
        ASSIGN_OR_RETURN(bool row, q.Step());
        if (row && q.ColumnText(0) == ObservationStateName(S::kVerified))
          return Status::FailedPrecondition(where + "verified by the office; ask it to return the figure first");
      }
      ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
          "INSERT INTO round_observation(round_id, subject_id, measure, period, value, source, state, entered_by, "
          "entered_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'entered', ?7, ?8) "
          "ON CONFLICT(round_id, subject_id, measure, period) DO UPDATE SET value = excluded.value, "
          "source = excluded.source, state = 'entered', entered_by = excluded.entered_by, "
          "entered_at = excluded.entered_at, submitted_by = NULL, submitted_at = NULL, verified_by = NULL, "
          "verified_at = NULL, return_reason = NULL"));
      s.BindInt64(1, round_id);
      s.BindInt64(2, subject->second);
      s.BindText(3, e.measure);
      s.BindText(4, e.period);
      s.BindDouble(5, e.value);
      s.BindTextOrNull(6, Trim(e.source));
      s.BindText(7, actor);
      s.BindText(8, now);
      RETURN_IF_ERROR(s.Run());
      subjects.insert(e.subject);
    }
    for (const std::string& subject : subjects)
      RETURN_IF_ERROR(Log(ops, round, "enter", subject, actor, ""));
    return Bump(ops, round_id);
  }));
  return static_cast<int>(entries.size());
}

Result<int> SubmitObservations(OperationsDb& ops, int64_t round_id, std::string_view subject, std::string_view actor) {
  int n = 0;
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(EvaluationRound round, FindRound(ops, round_id));
    RETURN_IF_ERROR(CheckMayAct(round, DataRole::kSubject, "submitting observations"));
    ASSIGN_OR_RETURN(RoundSubject s, FindRoundSubject(ops, round_id, subject));
    ASSIGN_OR_RETURN(n, Move(ops, s.id, {S::kEntered, S::kReturned}, {},
                             "state = 'submitted', submitted_by = ?2, submitted_at = ?3, return_reason = NULL", actor,
                             NowUtc()));
    if (n == 0) return Status::FailedPrecondition("subject " + s.code + " has no entered or returned observation to submit");
    RETURN_IF_ERROR(Log(ops, round, "submit", s.code, actor, std::to_string(n) + " observations"));
    return Bump(ops, round_id);
  }));
  return n;
}

Result<int> VerifyObservations(OperationsDb& ops, int64_t round_id, std::string_view subject,
                               const std::vector<std::string>& measures, std::string_view actor) {
  int n = 0;
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(EvaluationRound round, FindRound(ops, round_id));
    RETURN_IF_ERROR(CheckMayAct(round, DataRole::kOffice, "verifying observations"));
    ASSIGN_OR_RETURN(RoundSubject s, FindRoundSubject(ops, round_id, subject));
    ASSIGN_OR_RETURN(n, Move(ops, s.id, {S::kEntered, S::kSubmitted}, measures,
                             "state = 'verified', verified_by = ?2, verified_at = ?3, return_reason = NULL", actor,
                             NowUtc()));
    if (n == 0) return Status::FailedPrecondition("subject " + s.code + " has no entered or submitted observation to verify");
    RETURN_IF_ERROR(Log(ops, round, "verify", s.code, actor, std::to_string(n) + " observations"));
    return Bump(ops, round_id);
  }));
  return n;
}

Result<int> VerifyAllObservations(OperationsDb& ops, int64_t round_id, std::string_view actor) {
  int n = 0;
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(EvaluationRound round, FindRound(ops, round_id));
    RETURN_IF_ERROR(CheckMayAct(round, DataRole::kOffice, "verifying observations"));
    ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
        "UPDATE round_observation SET state = 'verified', verified_by = ?2, verified_at = ?3, return_reason = NULL "
        "WHERE round_id = ?1 AND state IN ('entered', 'submitted')"));
    s.BindInt64(1, round_id);
    s.BindText(2, actor);
    s.BindText(3, NowUtc());
    RETURN_IF_ERROR(s.Run());
    ASSIGN_OR_RETURN(int64_t changed, ops.db().QueryInt64("SELECT changes()"));
    n = static_cast<int>(changed);
    if (n == 0)
      return Status::FailedPrecondition("round " + std::to_string(round_id) +
                                        " has no entered or submitted observation to verify");
    RETURN_IF_ERROR(Log(ops, round, "verify_all", "", actor, std::to_string(n) + " observations"));
    return Bump(ops, round_id);
  }));
  return n;
}

Result<int> ReturnObservations(OperationsDb& ops, int64_t round_id, std::string_view subject,
                               const std::vector<std::string>& measures, std::string_view reason,
                               std::string_view actor) {
  const std::string why(Trim(reason));
  if (why.empty()) return Status::InvalidArgument("reason: say why the figures are returned");
  if (why.size() > 2000) return Status::InvalidArgument("reason: over 2000 bytes");
  int n = 0;
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(EvaluationRound round, FindRound(ops, round_id));
    RETURN_IF_ERROR(CheckMayAct(round, DataRole::kOffice, "returning observations"));
    ASSIGN_OR_RETURN(RoundSubject s, FindRoundSubject(ops, round_id, subject));
    std::vector<S> from = {S::kSubmitted};
    if (!measures.empty()) from.push_back(S::kVerified);
    ASSIGN_OR_RETURN(n, Move(ops, s.id, from, measures,
                             "state = 'returned', return_reason = ?2, verified_by = NULL, verified_at = NULL, "
                             "submitted_at = coalesce(submitted_at, ?3)",
                             why, NowUtc()));
    if (n == 0) return Status::FailedPrecondition("subject " + s.code + " has no submitted observation to return");
    RETURN_IF_ERROR(Log(ops, round, "return", s.code, actor, why));
    return Bump(ops, round_id);
  }));
  return n;
}

Result<std::vector<RoundObservation>> ListObservations(OperationsDb& ops, int64_t round_id, std::string_view subject) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      "SELECT o.id, t.code, o.measure, o.period, o.value, coalesce(o.source, ''), o.state, o.entered_by, o.entered_at, "
      "coalesce(o.submitted_by, ''), coalesce(o.submitted_at, ''), coalesce(o.verified_by, ''), "
      "coalesce(o.verified_at, ''), coalesce(o.return_reason, '') FROM round_observation o "
      "JOIN round_subject t ON t.id = o.subject_id WHERE o.round_id = ?1 AND (?2 = '' OR t.code = ?2) "
      "ORDER BY t.id, o.measure, o.period"));
  s.BindInt64(1, round_id);
  s.BindText(2, subject);
  std::vector<RoundObservation> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    RoundObservation o;
    o.id = s.ColumnInt64(0);
    o.subject = s.ColumnText(1);
    o.measure = s.ColumnText(2);
    o.period = s.ColumnText(3);
    o.value = s.ColumnDouble(4);
    o.source = s.ColumnText(5);
    ASSIGN_OR_RETURN(o.state, ParseObservationState(s.ColumnText(6)));
    int i = 7;
    for (std::string* f : {&o.entered_by, &o.entered_at, &o.submitted_by, &o.submitted_at, &o.verified_by,
                           &o.verified_at, &o.return_reason})
      *f = s.ColumnText(i++);
    out.push_back(std::move(o));
  }
  return out;
}

Result<std::vector<evaluation::Observation>> ObservationValues(OperationsDb& ops, int64_t round_id) {
  ASSIGN_OR_RETURN(Statement n, ops.db().Prepare("SELECT count(*) FROM round_observation WHERE round_id = ?1"));
  n.BindInt64(1, round_id);
  ASSIGN_OR_RETURN(bool counted, n.Step());
  std::vector<evaluation::Observation> out;
  if (counted) out.reserve(static_cast<size_t>(n.ColumnInt64(0)));
  n.Reset();
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      "SELECT t.code, o.measure, o.period, o.value, coalesce(o.source, '') FROM round_observation o "
      "JOIN round_subject t ON t.id = o.subject_id WHERE o.round_id = ?1 ORDER BY t.id, o.measure, o.period"));
  s.BindInt64(1, round_id);
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back({std::string(s.ColumnText(0)), std::string(s.ColumnText(1)), std::string(s.ColumnText(2)),
                   s.ColumnDouble(3), std::string(s.ColumnText(4))});
  }
  return out;
}

}  // namespace patnav::domain
