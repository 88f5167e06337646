// Evaluation rounds, their subjects and their history (evaluation_round.h).
#include "domain/evaluation_round.h"

#include <algorithm>
#include <optional>
#include <set>

#include "base/strings.h"
#include "domain/alliance.h"
#include "domain/evaluation/round_score.h"
#include "domain/members.h"
#include "domain/period.h"

namespace patnav::domain {

namespace {

constexpr const char* kRoundColumns =
    "SELECT r.id, r.system_id, s.code, s.version, r.name, r.province, r.period, r.subject_kind, r.weighting, r.state, "
    "r.data_version, r.opened_by, r.opened_at, r.updated_at FROM eval_round r JOIN indicator_system s ON s.id = r.system_id";

Result<EvaluationRound> ReadRound(const Statement& s) {
  EvaluationRound r;
  int i = 0;
  r.id = s.ColumnInt64(i++);
  r.system_id = s.ColumnInt64(i++);
  for (std::string* f : {&r.system_code, &r.system_version, &r.name, &r.province, &r.period, &r.subject_kind,
                         &r.weighting})
    *f = s.ColumnText(i++);
  ASSIGN_OR_RETURN(r.state, RoundWorkflow().ParseState(s.ColumnText(i++)));
  r.data_version = s.ColumnInt64(i++);
  r.opened_by = s.ColumnText(i++);
  r.opened_at = s.ColumnText(i++);
  r.updated_at = s.ColumnText(i++);
  return r;
}

constexpr const char* kSubjectColumns =
    "SELECT t.id, t.code, t.name, t.province, coalesce(t.member_id, 0), coalesce(t.alliance_id, 0), "
    "coalesce(m.name, ''), coalesce(ma.name, a.name, '') FROM round_subject t "
    "LEFT JOIN member m ON m.id = t.member_id LEFT JOIN alliance ma ON ma.id = m.alliance_id "
    "LEFT JOIN alliance a ON a.id = t.alliance_id";

RoundSubject ReadSubject(const Statement& s) {
  RoundSubject r;
  r.id = s.ColumnInt64(0);
  r.code = s.ColumnText(1);
  r.name = s.ColumnText(2);
  r.province = s.ColumnText(3);
  r.member_id = s.ColumnInt64(4);
  r.alliance_id = s.ColumnInt64(5);
  r.member = s.ColumnText(6);
  r.alliance = s.ColumnText(7);
  return r;
}

Status Required(std::string_view value, const char* field) {
  if (Trim(value).empty()) return Status::InvalidArgument(std::string(field) + ": required");
  if (value.size() > 500) return Status::InvalidArgument(std::string(field) + ": over 500 bytes");
  return Status::OK();
}

Status CheckSpec(const RoundSpec& spec) {
  RETURN_IF_ERROR(Required(spec.name, "name"));
  RETURN_IF_ERROR(Required(spec.province, "province"));
  RETURN_IF_ERROR(Required(spec.period, "period"));
  Result<Period> p = ParsePeriod(spec.period);
  if (!p.ok()) return Status::InvalidArgument("period: " + p.status().message());
  const auto& kinds = SubjectKinds();
  if (std::find(kinds.begin(), kinds.end(), spec.subject_kind) == kinds.end()) {
    std::string list;
    for (const std::string& k : kinds) list += (list.empty() ? "" : ", ") + k;
    return Status::InvalidArgument("subject_kind: '" + spec.subject_kind + "' is not one of " + list);
  }
  Result<evaluation::Weighting> w = evaluation::ParseWeighting(spec.weighting);
  if (!w.ok()) return Status::InvalidArgument("weighting: " + w.status().message());
  return Status::OK();
}

}  // namespace

const std::vector<std::string>& SubjectKinds() {
  static const std::vector<std::string> kinds = {"city",       "district",         "experimental_zone", "pilot_unit",
                                                 "pilot_enterprise", "alliance", "enterprise"};
  return kinds;
}

Result<EvaluationRound> OpenRound(OperationsDb& ops, const RoundSpec& spec, std::string_view actor) {
  RETURN_IF_ERROR(CheckSpec(spec));
  int64_t id = 0;
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(StoredIndicatorSystem stored, FindIndicatorSystem(ops, spec.system_code, spec.system_version));
    ASSIGN_OR_RETURN(evaluation::IndicatorSystem sys, ParseStored(stored));
    if (spec.weighting == "ahp" && !sys.HasAhp())
      return Status::InvalidArgument("weighting: ahp needs pairwise comparison matrices, and system " + sys.code +
                                     " version " + sys.version + " has none");
    ASSIGN_OR_RETURN(Period period, ParsePeriod(spec.period));
    ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
        "INSERT INTO eval_round(system_id, name, province, period, subject_kind, weighting, state, opened_by, "
        "opened_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'data_call', ?7, ?8, ?8)"));
    const std::string now = NowUtc();
    s.BindInt64(1, stored.id);
    s.BindText(2, Trim(spec.name));
    s.BindText(3, Trim(spec.province));
    s.BindText(4, period.key);
    s.BindText(5, spec.subject_kind);
    s.BindText(6, spec.weighting);
    s.BindText(7, actor);
    s.BindText(8, now);
    RETURN_IF_ERROR(s.Run());
    id = ops.db().LastInsertRowid();
    RoundEvent e;
    e.action = "open";
    e.to_state = RoundStateName(RoundState::kDataCall);
    e.actor = std::string(actor);
    e.comment = "system " + stored.code + " version " + stored.version + " frozen";
    return AppendRoundEvent(ops, id, e);
  }));
  return FindRound(ops, id);
}

Result<EvaluationRound> FindRound(OperationsDb& ops, int64_t id) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(std::string(kRoundColumns) + " WHERE r.id = ?1"));
  s.BindInt64(1, id);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::NotFound("unknown round " + std::to_string(id));
  return ReadRound(s);
}

Result<std::vector<EvaluationRound>> ListRounds(OperationsDb& ops) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(std::string(kRoundColumns) + " ORDER BY r.id DESC"));
  std::vector<EvaluationRound> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    ASSIGN_OR_RETURN(EvaluationRound r, ReadRound(s));
    out.push_back(std::move(r));
  }
  return out;
}

Result<evaluation::IndicatorSystem> RoundSystem(OperationsDb& ops, const EvaluationRound& round) {
  ASSIGN_OR_RETURN(StoredIndicatorSystem stored, FindIndicatorSystemById(ops, round.system_id));
  return ParseStored(stored);
}

Result<std::vector<RoundSubject>> AddRoundSubjects(OperationsDb& ops, int64_t round_id,
                                                   const std::vector<RoundSubjectInput>& subjects,
                                                   std::string_view actor) {
  if (subjects.empty()) return Status::InvalidArgument("subjects: name at least one subject");
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(EvaluationRound round, FindRound(ops, round_id));
    if (round.state != RoundState::kDataCall && round.state != RoundState::kSelfAssessment)
      return Status::FailedPrecondition(std::string("subjects are added during data_call or self_assessment; the round is ") +
                                        RoundStateName(round.state));
    std::set<std::string> seen;
    ASSIGN_OR_RETURN(std::vector<RoundSubject> existing, ListRoundSubjects(ops, round_id));
    for (const RoundSubject& s : existing) seen.insert(s.code);
    const std::string now = NowUtc();
    for (size_t i = 0; i < subjects.size(); ++i) {
      const RoundSubjectInput& in = subjects[i];
      const std::string where = "subjects[" + std::to_string(i) + "]: ";
      const std::string code(Trim(in.code));
      if (code.empty() || Trim(in.name).empty()) return Status::InvalidArgument(where + "needs a code and a name");
      if (code.size() > 64) return Status::InvalidArgument(where + "code over 64 bytes");
      if (!seen.insert(code).second)
        return Status::InvalidArgument(where + "subject " + code + " is in the round already");
      std::optional<int64_t> member, alliance;
      if (!Trim(in.member).empty()) {
        Result<Member> m = FindMember(ops, Trim(in.member));
        if (!m.ok()) return Status::InvalidArgument(where + "unknown member '" + std::string(Trim(in.member)) + "'");
        member = m->id;
      }
      if (!Trim(in.alliance).empty()) {
        Result<Alliance> a = FindAlliance(ops, Trim(in.alliance));
        if (!a.ok()) return Status::InvalidArgument(where + "unknown alliance '" + std::string(Trim(in.alliance)) + "'");
        alliance = a->id;
      }
      if (member && alliance) return Status::InvalidArgument(where + "link a member or an alliance, not both");
      ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
          "INSERT INTO round_subject(round_id, code, name, province, member_id, alliance_id, added_by, added_at) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
      s.BindInt64(1, round_id);
      s.BindText(2, code);
      s.BindText(3, Trim(in.name));
      s.BindText(4, Trim(in.province).empty() ? std::string_view(round.province) : Trim(in.province));
      if (member) s.BindInt64(5, *member); else s.BindNull(5);
      if (alliance) s.BindInt64(6, *alliance); else s.BindNull(6);
      s.BindText(7, actor);
      s.BindText(8, now);
      RETURN_IF_ERROR(s.Run());
      RoundEvent e;
      e.action = "add_subject";
      e.from_state = e.to_state = RoundStateName(round.state);
      e.subject = code;
      e.actor = std::string(actor);
      RETURN_IF_ERROR(AppendRoundEvent(ops, round_id, e));
    }
    return Status::OK();
  }));
  return ListRoundSubjects(ops, round_id);
}

Result<std::vector<RoundSubject>> ListRoundSubjects(OperationsDb& ops, int64_t round_id) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(std::string(kSubjectColumns) + " WHERE t.round_id = ?1 ORDER BY t.id"));
  s.BindInt64(1, round_id);
  std::vector<RoundSubject> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(ReadSubject(s));
  }
  return out;
}

Result<RoundSubject> FindRoundSubject(OperationsDb& ops, int64_t round_id, std::string_view code) {
  ASSIGN_OR_RETURN(Statement s,
                   ops.db().Prepare(std::string(kSubjectColumns) + " WHERE t.round_id = ?1 AND t.code = ?2"));
  s.BindInt64(1, round_id);
  s.BindText(2, code);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::NotFound("subject " + std::string(code) + " is not in round " + std::to_string(round_id));
  return ReadSubject(s);
}

Result<EvaluationRound> StepRound(OperationsDb& ops, int64_t round_id, RoundAction action, std::string_view actor,
                                  std::string_view comment) {
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(EvaluationRound round, FindRound(ops, round_id));
    ASSIGN_OR_RETURN(RoundState to, RoundWorkflow().Next(round.state, action, RoundRole::kOffice));
    if (action == RoundAction::kPublish) {
      ASSIGN_OR_RETURN(Statement q, ops.db().Prepare("SELECT data_version FROM round_scoring WHERE round_id = ?1"));
      q.BindInt64(1, round_id);
      ASSIGN_OR_RETURN(bool scored, q.Step());
      if (!scored) return Status::FailedPrecondition("score the round before publishing it");
      if (q.ColumnInt64(0) != round.data_version)
        return Status::FailedPrecondition("observations changed since the round was scored; score it again before publishing");
    }
    ASSIGN_OR_RETURN(Statement s, ops.db().Prepare("UPDATE eval_round SET state = ?2, updated_at = ?3 WHERE id = ?1"));
    s.BindInt64(1, round_id);
    s.BindText(2, RoundStateName(to));
    s.BindText(3, NowUtc());
    RETURN_IF_ERROR(s.Run());
    RoundEvent e;
    e.action = RoundActionName(action);
    e.from_state = RoundStateName(round.state);
    e.to_state = RoundStateName(to);
    e.actor = std::string(actor);
    e.comment = std::string(Trim(comment));
    return AppendRoundEvent(ops, round_id, e);
  }));
  return FindRound(ops, round_id);
}

Status AppendRoundEvent(OperationsDb& ops, int64_t round_id, const RoundEvent& e) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      "INSERT INTO round_event(round_id, action, from_state, to_state, subject, actor, at, comment) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
  const std::string now = NowUtc();
  s.BindInt64(1, round_id);
  s.BindText(2, e.action);
  s.BindTextOrNull(3, e.from_state);
  s.BindText(4, e.to_state);
  s.BindTextOrNull(5, e.subject);
  s.BindText(6, e.actor);
  s.BindText(7, now);
  s.BindTextOrNull(8, e.comment);
  return s.Run();
}

Result<std::vector<RoundEvent>> RoundHistory(OperationsDb& ops, int64_t round_id) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      "SELECT id, action, coalesce(from_state, ''), to_state, coalesce(subject, ''), actor, at, coalesce(comment, '') "
      "FROM round_event WHERE round_id = ?1 ORDER BY id"));
  s.BindInt64(1, round_id);
  std::vector<RoundEvent> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    RoundEvent e;
    e.id = s.ColumnInt64(0);
    e.action = s.ColumnText(1);
    e.from_state = s.ColumnText(2);
    e.to_state = s.ColumnText(3);
    e.subject = s.ColumnText(4);
    e.actor = s.ColumnText(5);
    e.at = s.ColumnText(6);
    e.comment = s.ColumnText(7);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace patnav::domain
