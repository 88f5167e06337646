// Rectification of a recorded alliance and its removal from the record
// (guidelines V(I), issue 15 part 1): an IP office orders a rectification
// with its reason and due date; the operator reports what was done; the
// office closes it, or removes the alliance from the record (also from every
// management library it was in). The workflow as a table:
//   ordered  --report (operator)--> reported
//   reported --close (office)-----> closed
//   ordered, reported --remove (office)--> removed
// At most one rectification is open (ordered or reported) at a time. An
// ordered one past its due date is overdue. Every step is an event in the
// application's history, in the same transaction as the change.
//
// Thread-safety: as OperationsDb.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "domain/operations_db.h"
#include "domain/recording.h"

namespace patnav::domain {

struct Rectification {
  int64_t id = 0;
  int64_t recording_id = 0;
  std::string reason, ordered_on, due_on, state;  // ordered, reported, closed, removed
  std::string report, reported_on, decision, decided_on;
  std::string created_at, updated_at;
  // Ordered and not reported after its due date, as of `on`.
  bool overdue_on(std::string_view on) const { return state == "ordered" && std::string(on) > due_on; }
};

struct RectificationOrder {
  std::string reason;
  std::string ordered_on;  // ISO; empty: today
  std::string due_on;      // ISO, after ordered_on
  std::string actor;
  RecordingRole role = RecordingRole::kProvinceReviewer;
};
// FailedPrecondition unless the application is recorded and not removed, or
// when a rectification is open; InvalidArgument naming a missing reason or a
// bad date.
Result<Rectification> OrderRectification(OperationsDb& ops, int64_t recording_id, const RectificationOrder& in);

struct RectificationStep {
  std::string action;  // "report" (operator), "close" or "remove" (office)
  std::string text;    // report: what was done; close: the decision; remove: the reason (each required)
  std::string on;      // ISO; empty: today; not before the previous step
  std::string actor;
  RecordingRole role = RecordingRole::kOperator;
};
// Moves the application's open rectification one step. FailedPrecondition
// when none is open, or naming the allowed actions for a step the table
// lacks; PermissionDenied for the wrong role; InvalidArgument for a
// missing text or a bad date. "remove" also writes removed_on and the
// reason on the application and takes it out of every library.
Result<Rectification> StepRectification(OperationsDb& ops, int64_t recording_id, const RectificationStep& in);

// The application's rectifications, oldest first.
Result<std::vector<Rectification>> ListRectifications(OperationsDb& ops, int64_t recording_id);

}  // namespace patnav::domain
