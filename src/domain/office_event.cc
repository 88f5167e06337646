// The office records' history (office_event.h).
#include "domain/office_event.h"

#include "domain/period.h"

namespace patnav::domain {

Status AppendOfficeEvent(OperationsDb& ops, std::string_view object, int64_t id, const OfficeEvent& e) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      "INSERT INTO office_event(object, object_id, action, from_state, to_state, on_date, actor, role, at, comment) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"));
  const std::string now = NowUtc();
  s.BindText(1, object);
  s.BindInt64(2, id);
  s.BindText(3, e.action);
  s.BindTextOrNull(4, e.from_state);
  s.BindText(5, e.to_state);
  s.BindText(6, e.on);
  s.BindText(7, e.actor);
  s.BindText(8, e.role);
  s.BindText(9, now);
  s.BindTextOrNull(10, e.comment);
  return s.Run();
}

Result<std::vector<OfficeEvent>> OfficeHistory(OperationsDb& ops, std::string_view object, int64_t id) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      "SELECT id, action, coalesce(from_state, ''), to_state, on_date, actor, role, at, coalesce(comment, '') "
      "FROM office_event WHERE object = ?1 AND object_id = ?2 ORDER BY id"));
  s.BindText(1, object);
  s.BindInt64(2, id);
  std::vector<OfficeEvent> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    OfficeEvent e;
    e.id = s.ColumnInt64(0);
    e.action = s.ColumnText(1);
    e.from_state = s.ColumnText(2);
    e.to_state = s.ColumnText(3);
    e.on = s.ColumnText(4);
    e.actor = s.ColumnText(5);
    e.role = s.ColumnText(6);
    e.at = s.ColumnText(7);
    e.comment = s.ColumnText(8);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace patnav::domain
