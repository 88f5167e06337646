// The append-only history of an IP office's records (credibility records,
// complaints, case files) in operations.db's office_event table: every
// creation and every step, with the date it took effect, who, in which role,
// when, and the comment. Triggers refuse UPDATE and DELETE.
// Thread-safety: as OperationsDb. Callers write an event in the transaction
// of the change it records.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "domain/operations_db.h"

namespace patnav::domain {

struct OfficeEvent {
  int64_t id = 0;
  std::string action;      // the workflow's action name, or "create" / "link"
  std::string from_state;  // empty for "create"
  std::string to_state;
  std::string on;          // the date the step took effect (ISO)
  std::string actor, role, at, comment;
};

// `object` is "credit_record", "complaint" or "case".
Status AppendOfficeEvent(OperationsDb& ops, std::string_view object, int64_t id, const OfficeEvent& e);
// Oldest first.
Result<std::vector<OfficeEvent>> OfficeHistory(OperationsDb& ops, std::string_view object, int64_t id);

}  // namespace patnav::domain
