// Rectification and removal of a recorded alliance (rectification.h).
#include "domain/rectification.h"

#include <optional>

#include "base/strings.h"
#include "domain/period.h"

namespace patnav::domain {

namespace {

struct Step {
  const char* from;
  const char* action;
  const char* to;
  bool office;  // else the operator
};
constexpr Step kSteps[] = {{"ordered", "report", "reported", false},
                           {"reported", "close", "closed", true},
                           {"ordered", "remove", "removed", true},
                           {"reported", "remove", "removed", true}};

constexpr const char* kColumns =
    "SELECT id, recording_id, reason, ordered_on, due_on, state, coalesce(report, ''), coalesce(reported_on, ''), "
    "coalesce(decision, ''), coalesce(decided_on, ''), created_at, updated_at FROM rectification";

Rectification ReadRow(const Statement& s) {
  Rectification r;
  r.id = s.ColumnInt64(0);
  r.recording_id = s.ColumnInt64(1);
  r.reason = s.ColumnText(2);
  r.ordered_on = s.ColumnText(3);
  r.due_on = s.ColumnText(4);
  r.state = s.ColumnText(5);
  r.report = s.ColumnText(6);
  r.reported_on = s.ColumnText(7);
  r.decision = s.ColumnText(8);
  r.decided_on = s.ColumnText(9);
  r.created_at = s.ColumnText(10);
  r.updated_at = s.ColumnText(11);
  return r;
}

Result<std::optional<Rectification>> OpenRectification(OperationsDb& ops, int64_t recording_id) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(std::string(kColumns) +
                                                 " WHERE recording_id = ?1 AND state IN ('ordered', 'reported')"));
  s.BindInt64(1, recording_id);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<Rectification>();
  return std::optional<Rectification>(ReadRow(s));
}

Result<std::string> DateOr(const std::string& on, std::string_view what) {
  const std::string d = on.empty() ? TodayUtc() : on;
  RETURN_IF_ERROR(CheckIsoDate(d, what));
  return d;
}

}  // namespace

Result<Rectification> OrderRectification(OperationsDb& ops, int64_t recording_id, const RectificationOrder& in) {
  if (Trim(in.reason).empty()) return Status::InvalidArgument("reason: say what is to be rectified");
  ASSIGN_OR_RETURN(std::string ordered_on, DateOr(in.ordered_on, "ordered_on"));
  RETURN_IF_ERROR(CheckIsoDate(in.due_on, "due_on"));
  if (in.due_on <= ordered_on)
    return Status::InvalidArgument("due_on: " + in.due_on + " is not after the order (" + ordered_on + ")");
  int64_t id = 0;
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Recording r, FindRecording(ops, recording_id));
    if (r.state != RecordingState::kRecorded || r.removed())
      return Status::FailedPrecondition(std::string("a rectification is ordered for a recorded alliance; this application is ") +
                                        (r.removed() ? "removed from the record" : RecordingStateName(r.state)));
    ASSIGN_OR_RETURN(std::optional<Rectification> open, OpenRectification(ops, recording_id));
    if (open)
      return Status::FailedPrecondition("rectification " + std::to_string(open->id) + " ordered on " + open->ordered_on +
                                        " is " + open->state + " still");
    ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
        "INSERT INTO rectification(recording_id, reason, ordered_on, due_on, state, created_at, updated_at) "
        "VALUES (?1, ?2, ?3, ?4, 'ordered', ?5, ?5)"));
    const std::string now = NowUtc(), reason(Trim(in.reason));
    s.BindInt64(1, recording_id);
    s.BindText(2, reason);
    s.BindText(3, ordered_on);
    s.BindText(4, in.due_on);
    s.BindText(5, now);
    RETURN_IF_ERROR(s.Run());
    id = ops.db().LastInsertRowid();
    return AppendRecordingEvent(ops, recording_id, "order_rectification", in.actor, in.role,
                                reason + " (due " + in.due_on + ")");
  }));
  ASSIGN_OR_RETURN(std::vector<Rectification> all, ListRectifications(ops, recording_id));
  for (Rectification& r : all)
    if (r.id == id) return std::move(r);
  return Status::Internal("rectification not found after ordering");
}

Result<Rectification> StepRectification(OperationsDb& ops, int64_t recording_id, const RectificationStep& in) {
  Rectification out;
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(std::optional<Rectification> open, OpenRectification(ops, recording_id));
    if (!open) return Status::FailedPrecondition("no rectification is open; allowed: order (the office)");
    const Step* step = nullptr;
    std::string allowed;
    for (const Step& s : kSteps) {
      if (open->state != s.from) continue;
      allowed += (allowed.empty() ? "" : ", ") + std::string(s.action);
      if (in.action == s.action) step = &s;
    }
    if (step == nullptr)
      return Status::FailedPrecondition("cannot " + in.action + " a rectification that is " + open->state +
                                        "; allowed: " + allowed);
    const bool office = in.role != RecordingRole::kOperator;
    if (step->office != office)
      return Status::PermissionDenied(in.action + " is for " + (step->office ? "the IP office" : "the operator"));
    if (Trim(in.text).empty())
      return Status::InvalidArgument(in.action == "report" ? "report: say what was done"
                                     : in.action == "close" ? "decision: say why it is closed"
                                                            : "reason: say why the alliance is removed");
    ASSIGN_OR_RETURN(std::string on, DateOr(in.on, "on"));
    const std::string& previous = open->reported_on.empty() ? open->ordered_on : open->reported_on;
    if (on < previous) return Status::InvalidArgument("on: " + on + " is before the previous step (" + previous + ")");
    const std::string text(Trim(in.text)), now = NowUtc();
    const bool report = in.action == "report";
    ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
        report ? "UPDATE rectification SET state = ?2, report = ?3, reported_on = ?4, updated_at = ?5 WHERE id = ?1"
               : "UPDATE rectification SET state = ?2, decision = ?3, decided_on = ?4, updated_at = ?5 WHERE id = ?1"));
    s.BindInt64(1, open->id);
    s.BindText(2, step->to);
    s.BindText(3, text);
    s.BindText(4, on);
    s.BindText(5, now);
    RETURN_IF_ERROR(s.Run());
    if (in.action == "remove") {
      ASSIGN_OR_RETURN(Statement rm, ops.db().Prepare(
          "UPDATE recording SET removed_on = ?2, removal_reason = ?3, updated_at = ?4 WHERE id = ?1"));
      rm.BindInt64(1, recording_id);
      rm.BindText(2, on);
      rm.BindText(3, text);
      rm.BindText(4, now);
      RETURN_IF_ERROR(rm.Run());
      ASSIGN_OR_RETURN(Statement lib, ops.db().Prepare("DELETE FROM library_entry WHERE recording_id = ?1"));
      lib.BindInt64(1, recording_id);
      RETURN_IF_ERROR(lib.Run());
    }
    const char* action = report ? "report_rectification" : in.action == "close" ? "close_rectification" : "remove";
    RETURN_IF_ERROR(AppendRecordingEvent(ops, recording_id, action, in.actor, in.role, text));
    out = *open;
    out.state = step->to;
    (report ? out.report : out.decision) = text;
    (report ? out.reported_on : out.decided_on) = on;
    out.updated_at = now;
    return Status::OK();
  }));
  return out;
}

Result<std::vector<Rectification>> ListRectifications(OperationsDb& ops, int64_t recording_id) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(std::string(kColumns) + " WHERE recording_id = ?1 ORDER BY id"));
  s.BindInt64(1, recording_id);
  std::vector<Rectification> out;
  while (true) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(ReadRow(s));
  }
  return out;
}

}  // namespace patnav::domain
