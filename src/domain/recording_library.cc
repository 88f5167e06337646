// The management library (recording_library.h).
#include "domain/recording_library.h"

#include <algorithm>

#include "base/strings.h"
#include "domain/members.h"
#include "domain/period.h"

namespace patnav::domain {

namespace {

Result<LibraryEntry> Complete(OperationsDb& ops, LibraryEntry e, bool third_party_operator) {
  ASSIGN_OR_RETURN(Alliance a, FindAlliance(ops, e.alliance));
  ASSIGN_OR_RETURN(std::vector<Member> members, ListMembers(ops, a.name));
  e.priority = PriorityCircumstances(a, members, third_party_operator, TodayUtc());
  e.priority_count = PriorityCount(e.priority);
  return e;
}

}  // namespace

Result<LibraryEntry> EnterLibrary(OperationsDb& ops, const Recording& recording, std::string_view level_text,
                                  std::string_view actor) {
  const std::string level(Trim(level_text));
  if (level.empty()) return Status::InvalidArgument("level: \"national\" or a province");
  if (recording.state != RecordingState::kRecorded)
    return Status::FailedPrecondition("alliance '" + recording.alliance + "' is not recorded (its application is " +
                                      RecordingStateName(recording.state) + ")");
  if (level != kNationalLibrary && level != recording.province)
    return Status::FailedPrecondition("alliance '" + recording.alliance + "' was recorded in " + recording.province +
                                      ", not " + level);
  LibraryEntry e;
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Statement exists, ops.db().Prepare(
        "SELECT id FROM library_entry WHERE alliance_id = ?1 AND level = ?2"));
    exists.BindInt64(1, recording.alliance_id);
    exists.BindText(2, level);
    ASSIGN_OR_RETURN(bool row, exists.Step());
    if (row) return Status::AlreadyExists("alliance '" + recording.alliance + "' is in the " + level + " library already");
    ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
        "INSERT INTO library_entry(alliance_id, recording_id, level, entered_on, entered_by) VALUES (?1, ?2, ?3, ?4, ?5)"));
    e = {0, recording.alliance, level, recording.province, recording.record_number,
         recording.recorded_on, TodayUtc(), std::string(actor), {}, 0};
    s.BindInt64(1, recording.alliance_id);
    s.BindInt64(2, recording.id);
    s.BindText(3, level);
    s.BindText(4, e.entered_on);
    s.BindText(5, actor);
    RETURN_IF_ERROR(s.Run());
    e.id = ops.db().LastInsertRowid();
    return Status::OK();
  }));
  return Complete(ops, std::move(e), recording.form.third_party_operator);
}

Result<std::vector<LibraryEntry>> ListLibrary(OperationsDb& ops, std::string_view level) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      "SELECT l.id, a.name, l.level, r.province, coalesce(r.record_number, ''), coalesce(r.recorded_on, ''), "
      "l.entered_on, l.entered_by, r.id FROM library_entry l JOIN alliance a ON a.id = l.alliance_id "
      "JOIN recording r ON r.id = l.recording_id WHERE l.level = ?1"));
  s.BindText(1, level);
  std::vector<std::pair<LibraryEntry, int64_t>> rows;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    rows.push_back({{s.ColumnInt64(0), std::string(s.ColumnText(1)), std::string(s.ColumnText(2)),
                     std::string(s.ColumnText(3)), std::string(s.ColumnText(4)), std::string(s.ColumnText(5)),
                     std::string(s.ColumnText(6)), std::string(s.ColumnText(7)), {}, 0},
                    s.ColumnInt64(8)});
  }
  std::vector<LibraryEntry> out;
  for (auto& [e, recording_id] : rows) {
    ASSIGN_OR_RETURN(Alliance a, FindAlliance(ops, e.alliance));
    ASSIGN_OR_RETURN(Recording r, LatestRecording(ops, a));
    bool third_party = r.id == recording_id && r.form.third_party_operator;
    ASSIGN_OR_RETURN(LibraryEntry full, Complete(ops, std::move(e), third_party));
    out.push_back(std::move(full));
  }
  std::stable_sort(out.begin(), out.end(), [](const LibraryEntry& x, const LibraryEntry& y) {
    return x.priority_count != y.priority_count ? x.priority_count > y.priority_count : x.alliance < y.alliance;
  });
  return out;
}

}  // namespace patnav::domain
