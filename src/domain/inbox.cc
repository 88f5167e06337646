// The inbox's queries (inbox.h). Visibility is one SQL condition shared by
// every query: the viewer owns the watch, or the watch is shared with an
// alliance the viewer sees (the alliances passed as a JSON array).
#include "domain/inbox.h"

#include <nlohmann/json.hpp>

namespace patnav::domain {

namespace {

// ?1 user id, ?2 all alliances (0/1), ?3 JSON array of alliances.
constexpr const char* kVisible =
    "(w.owner_user_id = ?1 OR (w.alliance <> '' AND (?2 = 1 OR w.alliance IN (SELECT value FROM json_each(?3)))))";

void BindViewer(Statement& s, const InboxViewer& v, const std::string& alliances_json) {
  s.BindInt64(1, v.user_id);
  s.BindInt64(2, v.all_alliances ? 1 : 0);
  s.BindText(3, alliances_json);
}

std::string AlliancesJson(const InboxViewer& v) { return nlohmann::json(v.alliances).dump(); }

}  // namespace

Result<std::vector<InboxItem>> ListInbox(MonitoringDb& db, const InboxViewer& viewer, const InboxQuery& q) {
  if (q.limit < 1 || q.limit > 500) return Status::InvalidArgument("limit: must be 1 to 500");
  const std::string alliances = AlliancesJson(viewer);
  ASSIGN_OR_RETURN(
      Statement s,
      db.db().Prepare(std::string("SELECT n.id, n.watch_id, w.name, w.kind, w.alliance, n.created_at, n.hit_count, "
                                  "EXISTS (SELECT 1 FROM inbox_read r WHERE r.user_id = ?1 AND r.notification_id = n.id) "
                                  "FROM notification n JOIN watch w ON w.id = n.watch_id WHERE ") +
                      kVisible +
                      " AND (?4 = 0 OR n.id < ?4) AND (?5 = 0 OR NOT EXISTS (SELECT 1 FROM inbox_read r "
                      "WHERE r.user_id = ?1 AND r.notification_id = n.id)) AND (?7 = 0 OR n.watch_id = ?7) "
                      "ORDER BY n.id DESC LIMIT ?6"));
  ScopedReset reset(s);
  BindViewer(s, viewer, alliances);
  s.BindInt64(4, q.before_id);
  s.BindInt64(5, q.unread_only ? 1 : 0);
  s.BindInt64(6, q.limit);
  s.BindInt64(7, q.watch_id);
  std::vector<InboxItem> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    InboxItem it;
    it.id = s.ColumnInt64(0);
    it.watch_id = s.ColumnInt64(1);
    it.watch_name = s.ColumnText(2);
    it.watch_kind = s.ColumnText(3);
    it.alliance = s.ColumnText(4);
    it.created_at = s.ColumnText(5);
    it.hit_count = s.ColumnInt64(6);
    it.read = s.ColumnInt64(7) != 0;
    out.push_back(std::move(it));
  }
  s.Reset();
  ASSIGN_OR_RETURN(Statement h, db.db().Prepare(std::string("SELECT ") + kHitColumnsSql + " FROM " + kNotificationHitsSql +
                                                " WHERE n.id = ?1 ORDER BY h.item, h.event LIMIT 100"));
  for (InboxItem& it : out) {
    ScopedReset r(h);
    h.BindInt64(1, it.id);
    for (;;) {
      ASSIGN_OR_RETURN(bool row, h.Step());
      if (!row) break;
      it.hits.push_back({std::string(h.ColumnText(0)), std::string(h.ColumnText(1)), std::string(h.ColumnText(2))});
    }
  }
  return out;
}

Result<int64_t> UnreadCount(MonitoringDb& db, const InboxViewer& viewer) {
  const std::string alliances = AlliancesJson(viewer);
  ASSIGN_OR_RETURN(Statement s,
                   db.db().Prepare(std::string("SELECT count(*) FROM notification n JOIN watch w ON w.id = n.watch_id "
                                               "WHERE ") +
                                   kVisible +
                                   " AND NOT EXISTS (SELECT 1 FROM inbox_read r WHERE r.user_id = ?1 AND "
                                   "r.notification_id = n.id)"));
  ScopedReset reset(s);
  BindViewer(s, viewer, alliances);
  ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? s.ColumnInt64(0) : 0;
}

Status MarkRead(MonitoringDb& db, const InboxViewer& viewer, int64_t id, std::string_view now) {
  const std::string alliances = AlliancesJson(viewer);
  return db.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Statement s, db.db().Prepare(std::string("SELECT 1 FROM notification n JOIN watch w ON "
                                                              "w.id = n.watch_id WHERE n.id = ?4 AND ") +
                                                  kVisible));
    BindViewer(s, viewer, alliances);
    s.BindInt64(4, id);
    ASSIGN_OR_RETURN(bool visible, s.Step());
    s.Reset();
    if (!visible) return Status::NotFound("no notification " + std::to_string(id));
    ASSIGN_OR_RETURN(Statement ins, db.db().Prepare("INSERT OR IGNORE INTO inbox_read(user_id, notification_id, "
                                                    "read_at) VALUES (?1, ?2, ?3)"));
    ins.BindInt64(1, viewer.user_id);
    ins.BindInt64(2, id);
    ins.BindText(3, now);
    return ins.Run();
  });
}

}  // namespace patnav::domain
