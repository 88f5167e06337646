// Recording applications and their history (recording.h).
#include "domain/recording.h"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "base/strings.h"
#include "domain/members.h"
#include "domain/period.h"

namespace patnav::domain {

namespace {

std::string FormJson(const ApplicationFormInput& f) { return FormToJson(f).dump(); }

ApplicationFormInput ParseFormJson(std::string_view text) {
  nlohmann::json j = nlohmann::json::parse(std::string(text), nullptr, /*allow_exceptions=*/false);
  ApplicationFormInput f;
  if (!j.is_object()) return f;
  auto str = [&](const char* k) { return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string(); };
  auto flag = [&](const char* k) { return j.contains(k) && j[k].is_boolean() && j[k].get<bool>(); };
  f.industry = str("industry");
  f.industry_category = str("industry_category");
  f.industry_stage = str("industry_stage");
  f.lead_unit = str("lead_unit");
  f.secretary_general_unit = str("secretary_general_unit");
  f.operator_name = str("operator");
  f.third_party_operator = flag("third_party_operator");
  f.contact_person = str("contact_person");
  f.contact_phone = str("contact_phone");
  f.contact_email = str("contact_email");
  f.lead_licence = flag("lead_licence");
  f.secretary_licence = flag("secretary_licence");
  f.charter_signed = flag("charter_signed");
  return f;
}

constexpr const char* kColumns =
    "SELECT r.id, r.alliance_id, a.name, r.province, r.state, r.form_json, coalesce(r.record_number, ''), "
    "coalesce(r.recorded_on, ''), coalesce(r.rejection_reason, ''), r.created_at, r.updated_at, "
    "coalesce(r.removed_on, ''), coalesce(r.removal_reason, '') "
    "FROM recording r JOIN alliance a ON a.id = r.alliance_id";

Result<Recording> ReadRecording(const Statement& s) {
  Recording r;
  r.id = s.ColumnInt64(0);
  r.alliance_id = s.ColumnInt64(1);
  r.alliance = s.ColumnText(2);
  r.province = s.ColumnText(3);
  ASSIGN_OR_RETURN(r.state, ParseRecordingState(s.ColumnText(4)));
  r.form = ParseFormJson(s.ColumnText(5));
  r.record_number = s.ColumnText(6);
  r.recorded_on = s.ColumnText(7);
  r.rejection_reason = s.ColumnText(8);
  r.created_at = s.ColumnText(9);
  r.updated_at = s.ColumnText(10);
  r.removed_on = s.ColumnText(11);
  r.removal_reason = s.ColumnText(12);
  return r;
}

Result<Recording> FindRecordingRow(OperationsDb& ops, int64_t id) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(std::string(kColumns) + " WHERE r.id = ?1"));
  s.BindInt64(1, id);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::NotFound("unknown recording " + std::to_string(id));
  return ReadRecording(s);
}

Status AppendEvent(OperationsDb& ops, int64_t id, std::string_view action, std::string_view from, std::string_view to,
                   std::string_view actor, std::string_view role, std::string_view comment) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      "INSERT INTO recording_event(recording_id, action, from_state, to_state, actor, role, at, comment) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
  std::string now = NowUtc();
  s.BindInt64(1, id);
  s.BindText(2, action);
  s.BindTextOrNull(3, from);
  s.BindText(4, to);
  s.BindText(5, actor);
  s.BindText(6, role);
  s.BindText(7, now);
  s.BindTextOrNull(8, comment);
  return s.Run();
}

Status CheckProvince(std::string_view province) {
  if (Trim(province).empty()) return Status::InvalidArgument("province: name the provincial office it is submitted to");
  if (province.size() > 100) return Status::InvalidArgument("province: over 100 bytes");
  return Status::OK();
}

}  // namespace

Status AppendRecordingEvent(OperationsDb& ops, int64_t id, std::string_view action, std::string_view actor,
                            RecordingRole role, std::string_view comment) {
  ASSIGN_OR_RETURN(Recording r, FindRecording(ops, id));
  const char* state = RecordingStateName(r.state);
  return AppendEvent(ops, id, action, state, state, actor, RecordingRoleName(role), comment);
}

Result<Recording> FindRecording(OperationsDb& ops, int64_t id) { return FindRecordingRow(ops, id); }

Result<Recording> CreateRecording(OperationsDb& ops, const Alliance& alliance, std::string_view province,
                                  const ApplicationFormInput& form, std::string_view actor) {
  RETURN_IF_ERROR(CheckProvince(province));
  ASSIGN_OR_RETURN(ApplicationFormInput checked, CheckFormInput(form));
  int64_t id = 0;
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Statement live, ops.db().Prepare(
        "SELECT state, coalesce(record_number, '') FROM recording WHERE alliance_id = ?1 "
        "AND state NOT IN ('rejected', 'withdrawn')"));
    live.BindInt64(1, alliance.id);
    ASSIGN_OR_RETURN(bool row, live.Step());
    if (row) {
      std::string state(live.ColumnText(0));
      if (state == "recorded")
        return Status::AlreadyExists("alliance '" + alliance.name + "' is recorded already (" +
                                     std::string(live.ColumnText(1)) + ")");
      return Status::AlreadyExists("alliance '" + alliance.name + "' has a recording application that is " + state);
    }
    ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
        "INSERT INTO recording(alliance_id, province, state, form_json, created_at, updated_at) "
        "VALUES (?1, ?2, 'draft', ?3, ?4, ?4)"));
    const std::string now = NowUtc(), form_json = FormJson(checked);
    s.BindInt64(1, alliance.id);
    s.BindText(2, Trim(province));
    s.BindText(3, form_json);
    s.BindText(4, now);
    RETURN_IF_ERROR(s.Run());
    id = ops.db().LastInsertRowid();
    return AppendEvent(ops, id, "create", "", "draft", actor, RecordingRoleName(RecordingRole::kOperator), "");
  }));
  return FindRecording(ops, id);
}

Result<Recording> EditRecording(OperationsDb& ops, int64_t id, std::string_view province,
                                const ApplicationFormInput& form, std::string_view actor) {
  if (!province.empty()) RETURN_IF_ERROR(CheckProvince(province));
  ASSIGN_OR_RETURN(ApplicationFormInput checked, CheckFormInput(form));
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Recording r, FindRecording(ops, id));
    if (r.state != RecordingState::kDraft && r.state != RecordingState::kNeedsCorrection)
      return Status::FailedPrecondition(std::string("a recording that is ") + RecordingStateName(r.state) +
                                        " cannot be edited (only draft or needs_correction)");
    ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
        "UPDATE recording SET province = ?2, form_json = ?3, updated_at = ?4 WHERE id = ?1"));
    const std::string now = NowUtc(), form_json = FormJson(checked);
    s.BindInt64(1, id);
    s.BindText(2, province.empty() ? std::string_view(r.province) : Trim(province));
    s.BindText(3, form_json);
    s.BindText(4, now);
    RETURN_IF_ERROR(s.Run());
    const char* state = RecordingStateName(r.state);
    return AppendEvent(ops, id, "edit", state, state, actor, RecordingRoleName(RecordingRole::kOperator), "");
  }));
  return FindRecording(ops, id);
}

Result<Recording> LatestRecording(OperationsDb& ops, const Alliance& alliance) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(std::string(kColumns) + " WHERE r.alliance_id = ?1 ORDER BY r.id DESC LIMIT 1"));
  s.BindInt64(1, alliance.id);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::NotFound("alliance '" + alliance.name + "' has no recording");
  return ReadRecording(s);
}

Result<std::vector<Recording>> ListRecordings(OperationsDb& ops, const RecordingFilter& filter) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      std::string(kColumns) +
      " WHERE (?1 = '' OR r.province = ?1) AND (?2 = '' OR r.state = ?2) AND (?3 = 1 OR r.state <> 'draft')"
      " ORDER BY r.province, a.name, r.id"));
  s.BindText(1, filter.province);
  s.BindText(2, filter.state ? RecordingStateName(*filter.state) : "");
  s.BindInt64(3, filter.include_drafts ? 1 : 0);
  std::vector<Recording> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    ASSIGN_OR_RETURN(Recording r, ReadRecording(s));
    out.push_back(std::move(r));
  }
  return out;
}

Result<std::vector<RecordingEvent>> RecordingHistory(OperationsDb& ops, int64_t id) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      "SELECT id, action, coalesce(from_state, ''), to_state, actor, role, at, coalesce(comment, '') "
      "FROM recording_event WHERE recording_id = ?1 ORDER BY id"));
  s.BindInt64(1, id);
  std::vector<RecordingEvent> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back({s.ColumnInt64(0), std::string(s.ColumnText(1)), std::string(s.ColumnText(2)),
                   std::string(s.ColumnText(3)), std::string(s.ColumnText(4)), std::string(s.ColumnText(5)),
                   std::string(s.ColumnText(6)), std::string(s.ColumnText(7))});
  }
  return out;
}

Result<RecordingDossier> BuildDossier(OperationsDb& ops, const Recording& recording) {
  ASSIGN_OR_RETURN(Alliance a, FindAlliance(ops, recording.alliance));
  RecordingDossier d;
  ASSIGN_OR_RETURN(d.members, ListMembers(ops, a.name));
  ASSIGN_OR_RETURN(d.charter, Charter(ops, a.name));
  d.form = BuildApplicationForm(a, recording.form, d.members, TodayUtc());
  return d;
}

Result<Recording> TransitionRecording(OperationsDb& ops, int64_t id, const TransitionInput& in) {
  const std::string comment(Trim(in.comment));
  if ((in.action == RecordingAction::kReturn || in.action == RecordingAction::kReject) && comment.empty())
    return Status::InvalidArgument(std::string(RecordingActionName(in.action)) +
                                   " needs a comment (what to correct, or the reason)");
  std::string recorded_on = in.recorded_on.empty() ? TodayUtc() : in.recorded_on;
  if (in.action == RecordingAction::kRecord) RETURN_IF_ERROR(CheckIsoDate(recorded_on, "recorded_on"));
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Recording r, FindRecording(ops, id));
    ASSIGN_OR_RETURN(RecordingState to, NextRecordingState(r.state, in.action, in.role));
    if (in.action == RecordingAction::kSubmit || in.action == RecordingAction::kResubmit) {
      ASSIGN_OR_RETURN(RecordingDossier d, BuildDossier(ops, r));
      RETURN_IF_ERROR(SubmissionStatus(CheckSubmission(d.form, d.charter.present)));
    }
    std::string number;
    if (in.action == RecordingAction::kRecord) {
      number = std::string(Trim(in.record_number));
      if (number.empty()) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "-%04lld", static_cast<long long>(id));
        number = "IPA-" + recorded_on.substr(0, 4) + buf;
      }
      ASSIGN_OR_RETURN(auto taken, QueryOptionalInt(ops.db(), "SELECT id FROM recording WHERE record_number = ?1", number));
      if (taken) return Status::AlreadyExists("record number '" + number + "' is in use");
    }
    ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
        "UPDATE recording SET state = ?2, updated_at = ?3, record_number = coalesce(?4, record_number), "
        "recorded_on = coalesce(?5, recorded_on), rejection_reason = coalesce(?6, rejection_reason) WHERE id = ?1"));
    std::string now = NowUtc();
    s.BindInt64(1, id);
    s.BindText(2, RecordingStateName(to));
    s.BindText(3, now);
    s.BindTextOrNull(4, number);
    s.BindTextOrNull(5, in.action == RecordingAction::kRecord ? std::string_view(recorded_on) : std::string_view());
    s.BindTextOrNull(6, in.action == RecordingAction::kReject ? std::string_view(comment) : std::string_view());
    RETURN_IF_ERROR(s.Run());
    return AppendEvent(ops, id, RecordingActionName(in.action), RecordingStateName(r.state), RecordingStateName(to),
                       in.actor, RecordingRoleName(in.role), comment);
  }));
  return FindRecording(ops, id);
}

}  // namespace patnav::domain
