// The audit table of platform.db (audit.h).
#include "domain/audit.h"

#include "domain/platform_clock.h"

namespace patnav::domain {

namespace {

constexpr int kMaxLimit = 1000;

// The WHERE clause of `f` and its text parameters, numbered from 1.
struct Where {
  std::string sql;
  std::vector<std::string> params;
  void Add(const std::string& condition, const std::string& value) {
    params.push_back(value);
    sql += (sql.empty() ? " WHERE " : " AND ") + condition + std::to_string(params.size());
  }
};

Where BuildWhere(const AuditFilter& f) {
  Where w;
  if (!f.actor.empty()) w.Add("actor = ?", f.actor);
  if (!f.action.empty()) w.Add("action = ?", f.action);
  if (!f.alliance.empty()) w.Add("alliance = ?", f.alliance);
  if (!f.object_prefix.empty()) {
    w.params.push_back(f.object_prefix);
    const std::string n = std::to_string(w.params.size());
    w.sql += (w.sql.empty() ? " WHERE " : " AND ") + ("substr(object, 1, length(?" + n + ")) = ?" + n);
  }
  if (!f.from.empty()) w.Add("at >= ?", f.from);
  if (!f.to.empty()) w.Add("at <= ?", f.to);
  if (!f.only_alliances.empty()) {
    std::string in;
    for (const std::string& a : f.only_alliances) {
      w.params.push_back(a);
      in += (in.empty() ? "?" : ", ?") + std::to_string(w.params.size());
    }
    w.sql += (w.sql.empty() ? " WHERE " : " AND ") + ("alliance IN (" + in + ")");
  }
  return w;
}

}  // namespace

Result<int64_t> AppendAudit(PlatformDb& db, const AuditEntry& e) {
  if (e.at.empty() || e.actor.empty() || e.action.empty() || e.outcome.empty())
    return Status::InvalidArgument("an audit entry needs a time, an actor, an action and an outcome");
  int64_t id = 0;
  RETURN_IF_ERROR(db.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Statement s, db.db().Prepare(
        "INSERT INTO audit(at, actor, actor_user_id, client_address, action, object, alliance, outcome, detail) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
    s.BindText(1, e.at);
    s.BindText(2, e.actor);
    if (e.actor_user_id != 0) s.BindInt64(3, e.actor_user_id);
    else s.BindNull(3);
    s.BindText(4, e.client_address);
    s.BindText(5, e.action);
    s.BindText(6, e.object);
    s.BindText(7, e.alliance);
    s.BindText(8, e.outcome);
    s.BindText(9, e.detail);
    RETURN_IF_ERROR(s.Run());
    id = db.db().LastInsertRowid();
    return Status::OK();
  }));
  return id;
}

Result<AuditPage> QueryAudit(PlatformDb& db, const AuditFilter& f) {
  if (f.limit < 1 || f.limit > kMaxLimit) return Status::InvalidArgument("limit: 1 to 1000");
  if (f.offset < 0) return Status::InvalidArgument("offset: not negative");
  if (!f.from.empty()) RETURN_IF_ERROR(ParseIsoUtc(f.from).status());
  if (!f.to.empty()) RETURN_IF_ERROR(ParseIsoUtc(f.to).status());
  const Where w = BuildWhere(f);
  AuditPage page;
  {
    ASSIGN_OR_RETURN(Statement s, db.db().Prepare("SELECT count(*) FROM audit" + w.sql));
    for (size_t i = 0; i < w.params.size(); ++i) s.BindText(static_cast<int>(i + 1), w.params[i]);
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (row) page.total = s.ColumnInt64(0);
  }
  const int n = static_cast<int>(w.params.size());
  ASSIGN_OR_RETURN(Statement s, db.db().Prepare(
      "SELECT id, at, actor, coalesce(actor_user_id, 0), client_address, action, object, alliance, outcome, detail "
      "FROM audit" + w.sql + " ORDER BY at DESC, id DESC LIMIT ?" + std::to_string(n + 1) + " OFFSET ?" +
      std::to_string(n + 2)));
  for (int i = 0; i < n; ++i) s.BindText(i + 1, w.params[static_cast<size_t>(i)]);
  s.BindInt64(n + 1, f.limit);
  s.BindInt64(n + 2, f.offset);
  while (true) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    AuditEntry e;
    e.id = s.ColumnInt64(0);
    e.at = s.ColumnText(1);
    e.actor = s.ColumnText(2);
    e.actor_user_id = s.ColumnInt64(3);
    e.client_address = s.ColumnText(4);
    e.action = s.ColumnText(5);
    e.object = s.ColumnText(6);
    e.alliance = s.ColumnText(7);
    e.outcome = s.ColumnText(8);
    e.detail = s.ColumnText(9);
    page.entries.push_back(std::move(e));
  }
  return page;
}

}  // namespace patnav::domain
