// The management library (recording_library.h).
#include "domain/recording_library.h"

#include <algorithm>

#include "base/strings.h"
#include "domain/members.h"
#include "domain/period.h"
#include "model/dates.h"

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

Result<LibraryReview> ReviewLibraryEntry(OperationsDb& ops, const Alliance& alliance, const LibraryReviewInput& in) {
  LibraryReview out;
  out.alliance = alliance.name;
  out.level = std::string(Trim(in.level));
  out.year = in.year;
  out.decision = std::string(Trim(in.decision));
  out.reason = std::string(Trim(in.reason));
  out.reviewed_on = in.on.empty() ? TodayUtc() : in.on;
  out.reviewed_by = in.actor;
  if (std::find(std::begin(kLibraryDecisions), std::end(kLibraryDecisions), out.decision) == std::end(kLibraryDecisions))
    return Status::InvalidArgument("decision: '" + out.decision + "' is not one of retain, warning, remove");
  if (out.decision != "retain" && out.reason.empty())
    return Status::InvalidArgument("reason: a " + out.decision + " says why");
  if (out.reason.size() > 2000) return Status::InvalidArgument("reason: over 2000 bytes");
  if (!IsIsoDate(out.reviewed_on)) return Status::InvalidArgument("on: '" + out.reviewed_on + "' is not YYYY-MM-DD");
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Statement e, ops.db().Prepare(
        "SELECT id, entered_on FROM library_entry WHERE alliance_id = ?1 AND level = ?2"));
    e.BindInt64(1, alliance.id);
    e.BindText(2, out.level);
    ASSIGN_OR_RETURN(bool row, e.Step());
    if (!row) return Status::NotFound("alliance '" + alliance.name + "' is not in the " + out.level + " library");
    const int64_t entry_id = e.ColumnInt64(0);
    const int entered = std::stoi(std::string(e.ColumnText(1)).substr(0, 4));
    const int last = std::stoi(out.reviewed_on.substr(0, 4));
    if (out.year < entered || out.year > last)
      return Status::InvalidArgument("year: " + std::to_string(out.year) + " is outside " + std::to_string(entered) +
                                     ".." + std::to_string(last) + " (from the year it was entered to the review's)");
    ASSIGN_OR_RETURN(Statement done, ops.db().Prepare(
        "SELECT decision FROM library_review WHERE alliance_id = ?1 AND level = ?2 AND year = ?3"));
    done.BindInt64(1, alliance.id);
    done.BindText(2, out.level);
    done.BindInt64(3, out.year);
    ASSIGN_OR_RETURN(bool reviewed, done.Step());
    if (reviewed)
      return Status::AlreadyExists("alliance '" + alliance.name + "' was reviewed for " + std::to_string(out.year) +
                                   " already (" + std::string(done.ColumnText(0)) + ")");
    ASSIGN_OR_RETURN(Statement w, ops.db().Prepare(
        "INSERT INTO library_review(alliance_id, level, year, decision, reason, reviewed_on, reviewed_by) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
    w.BindInt64(1, alliance.id);
    w.BindText(2, out.level);
    w.BindInt64(3, out.year);
    w.BindText(4, out.decision);
    w.BindText(5, out.reason);
    w.BindText(6, out.reviewed_on);
    w.BindText(7, out.reviewed_by);
    RETURN_IF_ERROR(w.Run());
    out.id = ops.db().LastInsertRowid();
    if (out.decision != "remove") return Status::OK();
    ASSIGN_OR_RETURN(Statement d, ops.db().Prepare("DELETE FROM library_entry WHERE id = ?1"));
    d.BindInt64(1, entry_id);
    return d.Run();
  }));
  return out;
}

Result<std::vector<LibraryReview>> ListLibraryReviews(OperationsDb& ops, std::string_view level) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      "SELECT v.id, a.name, v.level, v.year, v.decision, v.reason, v.reviewed_on, v.reviewed_by FROM library_review v "
      "JOIN alliance a ON a.id = v.alliance_id WHERE v.level = ?1 ORDER BY v.year DESC, a.name, v.id"));
  s.BindText(1, level);
  std::vector<LibraryReview> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back({s.ColumnInt64(0), std::string(s.ColumnText(1)), std::string(s.ColumnText(2)),
                   static_cast<int>(s.ColumnInt64(3)), std::string(s.ColumnText(4)), std::string(s.ColumnText(5)),
                   std::string(s.ColumnText(6)), std::string(s.ColumnText(7))});
  }
  return out;
}

}  // namespace patnav::domain
