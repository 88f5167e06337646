// Annual and major-change reports of a recorded alliance (recording_reports.h).
#include "domain/recording_reports.h"

#include <array>
#include <cstdlib>

#include "base/strings.h"
#include "domain/period.h"

namespace patnav::domain {

namespace {

constexpr std::array<const char*, 8> kChangeKinds = {"name",     "form",    "lead_unit", "secretary_general_unit",
                                                      "operator", "charter", "members",   "address"};

int YearOf(std::string_view iso) { return std::atoi(std::string(iso.substr(0, 4)).c_str()); }

// The recorded, not removed application and the filing date (today when empty).
Result<std::pair<Recording, std::string>> ForFiling(OperationsDb& ops, int64_t id, const std::string& filed_on,
                                                    const std::string& summary) {
  ASSIGN_OR_RETURN(Recording r, FindRecording(ops, id));
  if (r.state != RecordingState::kRecorded || r.removed())
    return Status::FailedPrecondition(std::string("reports are filed by a recorded alliance; this application is ") +
                                      (r.removed() ? "removed from the record" : RecordingStateName(r.state)));
  if (Trim(summary).empty()) return Status::InvalidArgument("summary: say what is reported");
  const std::string on = filed_on.empty() ? TodayUtc() : filed_on;
  RETURN_IF_ERROR(CheckIsoDate(on, "filed_on"));
  if (on > TodayUtc()) return Status::InvalidArgument("filed_on: " + on + " is in the future");
  if (on < r.recorded_on) return Status::InvalidArgument("filed_on: " + on + " is before recording (" + r.recorded_on + ")");
  return std::make_pair(std::move(r), on);
}

Result<RecordingReport> Insert(OperationsDb& ops, RecordingReport rep) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      "INSERT INTO recording_report(recording_id, kind, year, change_kind, changed_on, summary, due_on, filed_on, "
      "filed_by, filed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"));
  rep.filed_at = NowUtc();
  s.BindInt64(1, rep.recording_id);
  s.BindText(2, rep.kind);
  if (rep.kind == "annual") s.BindInt64(3, rep.year); else s.BindNull(3);
  s.BindTextOrNull(4, rep.change_kind);
  s.BindTextOrNull(5, rep.changed_on);
  s.BindText(6, rep.summary);
  s.BindText(7, rep.due_on);
  s.BindText(8, rep.filed_on);
  s.BindText(9, rep.filed_by);
  s.BindText(10, rep.filed_at);
  RETURN_IF_ERROR(s.Run());
  rep.id = ops.db().LastInsertRowid();
  return rep;
}

}  // namespace

std::string AnnualReportDue(int year) { return std::to_string(year + 1) + "-03-31"; }

Result<RecordingReport> FileAnnualReport(OperationsDb& ops, int64_t recording_id, const AnnualReportInput& in) {
  RecordingReport out;
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(auto found, ForFiling(ops, recording_id, in.filed_on, in.summary));
    const auto& [r, on] = found;
    const int first = YearOf(r.recorded_on), last = YearOf(on);
    if (in.year < first || in.year > last)
      return Status::InvalidArgument("year: " + std::to_string(in.year) + " is outside " + std::to_string(first) +
                                     "–" + std::to_string(last) + " (from the recording year to the filing year)");
    ASSIGN_OR_RETURN(Statement dup, ops.db().Prepare(
        "SELECT filed_on FROM recording_report WHERE recording_id = ?1 AND kind = 'annual' AND year = ?2"));
    dup.BindInt64(1, recording_id);
    dup.BindInt64(2, in.year);
    ASSIGN_OR_RETURN(bool row, dup.Step());
    if (row)
      return Status::AlreadyExists("the annual report on " + std::to_string(in.year) + " was filed on " +
                                   std::string(dup.ColumnText(0)));
    dup.Reset();
    RecordingReport rep;
    rep.recording_id = recording_id;
    rep.kind = "annual";
    rep.year = in.year;
    rep.summary = std::string(Trim(in.summary));
    rep.due_on = AnnualReportDue(in.year);
    rep.filed_on = on;
    rep.filed_by = in.actor;
    ASSIGN_OR_RETURN(out, Insert(ops, std::move(rep)));
    return AppendRecordingEvent(ops, recording_id, "annual_report", in.actor, RecordingRole::kOperator,
                                std::to_string(in.year) + (out.late() ? " (late)" : ""));
  }));
  return out;
}

Result<RecordingReport> FileMajorChange(OperationsDb& ops, int64_t recording_id, const MajorChangeInput& in) {
  bool known = false;
  for (const char* k : kChangeKinds) known = known || in.change_kind == k;
  if (!known)
    return Status::InvalidArgument("change_kind '" + in.change_kind +
                                   "': one of name, form, lead_unit, secretary_general_unit, operator, charter, "
                                   "members, address");
  RETURN_IF_ERROR(CheckIsoDate(in.changed_on, "changed_on"));
  RecordingReport out;
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(auto found, ForFiling(ops, recording_id, in.filed_on, in.summary));
    const auto& [r, on] = found;
    if (in.changed_on < r.recorded_on || in.changed_on > on)
      return Status::InvalidArgument("changed_on: " + in.changed_on + " is outside " + r.recorded_on + "–" + on +
                                     " (from recording to filing)");
    RecordingReport rep;
    rep.recording_id = recording_id;
    rep.kind = "major_change";
    rep.change_kind = in.change_kind;
    rep.changed_on = in.changed_on;
    rep.summary = std::string(Trim(in.summary));
    rep.due_on = AddDays(in.changed_on, kMajorChangeDays);
    rep.filed_on = on;
    rep.filed_by = in.actor;
    ASSIGN_OR_RETURN(out, Insert(ops, std::move(rep)));
    return AppendRecordingEvent(ops, recording_id, "major_change", in.actor, RecordingRole::kOperator,
                                in.change_kind + " on " + in.changed_on + (out.late() ? " (late)" : ""));
  }));
  return out;
}

Result<std::vector<RecordingReport>> ListRecordingReports(OperationsDb& ops, int64_t recording_id) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      "SELECT id, kind, coalesce(year, 0), coalesce(change_kind, ''), coalesce(changed_on, ''), summary, due_on, "
      "filed_on, filed_by, filed_at FROM recording_report WHERE recording_id = ?1 ORDER BY filed_on, id"));
  s.BindInt64(1, recording_id);
  std::vector<RecordingReport> out;
  while (true) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    RecordingReport r;
    r.id = s.ColumnInt64(0);
    r.recording_id = recording_id;
    r.kind = s.ColumnText(1);
    r.year = static_cast<int>(s.ColumnInt64(2));
    r.change_kind = s.ColumnText(3);
    r.changed_on = s.ColumnText(4);
    r.summary = s.ColumnText(5);
    r.due_on = s.ColumnText(6);
    r.filed_on = s.ColumnText(7);
    r.filed_by = s.ColumnText(8);
    r.filed_at = s.ColumnText(9);
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<AnnualObligation> AnnualObligations(const Recording& recording, const std::vector<RecordingReport>& reports,
                                                std::string_view on) {
  std::vector<AnnualObligation> out;
  if (recording.state != RecordingState::kRecorded || recording.recorded_on.empty()) return out;
  const std::string until = recording.removed() && recording.removed_on < on ? recording.removed_on : std::string(on);
  for (int year = YearOf(recording.recorded_on); year < YearOf(until); ++year) {
    AnnualObligation o{year, AnnualReportDue(year), "", ""};
    for (const RecordingReport& r : reports)
      if (r.kind == "annual" && r.year == year) o.filed_on = r.filed_on;
    if (!o.filed_on.empty() && o.filed_on <= until)
      o.state = o.filed_on <= o.due_on ? "filed" : "filed_late";
    else
      o.state = std::string(until) > o.due_on ? "overdue" : "due";
    if (o.state != "filed" && o.state != "filed_late") o.filed_on.clear();
    out.push_back(std::move(o));
  }
  return out;
}

int LateAnnualReports(const std::vector<AnnualObligation>& obligations) {
  int n = 0;
  for (const AnnualObligation& o : obligations) n += o.state == "filed_late" || o.state == "overdue";
  return n;
}

}  // namespace patnav::domain
