// Watches and the inbox, authorised (watches.h).
#include "app/watches.h"

#include <cstdlib>

#include "app/authorize.h"
#include "app/prepared_watches.h"
#include "domain/patent_status.h"
#include "domain/period.h"

namespace patnav::app {

namespace {

using Json = nlohmann::ordered_json;

bool IsOwner(const Caller& c, const domain::Watch& w) { return !c.anonymous && c.user_id == w.owner_user_id; }

// Owner, local, or (shared) someone who sees the alliance; else NotFound.
Status CheckVisible(const Caller& c, const domain::Watch& w) {
  if (c.local || IsOwner(c, w)) return Status::OK();
  if (!c.anonymous && !w.alliance.empty() && SeesAlliance(c, w.alliance)) return Status::OK();
  return Status::NotFound("no watch " + std::to_string(w.id));
}

domain::InboxViewer ViewerOf(const Caller& c) {
  domain::InboxViewer v;
  v.user_id = c.user_id;
  v.all_alliances = c.IsAdministrator();
  for (const domain::Grant& g : c.grants)
    if (!g.alliance.empty()) v.alliances.push_back(g.alliance);
  return v;
}

// Checks and authorises a request; the validated input.
Result<domain::WatchInput> Prepare(const Caller& caller, WatchRequest& r) {
  RETURN_IF_ERROR(Authorize(caller, Action::kSearchPatents));
  if (caller.anonymous) return Status::Unauthenticated("watches need a signed-in user");
  domain::WatchInput in;
  in.owner_user_id = caller.user_id;
  in.name = r.name;
  ASSIGN_OR_RETURN(in.kind, domain::ParseWatchKind(r.kind));
  ASSIGN_OR_RETURN(in.rate, domain::ParseWatchRate(r.rate.empty() ? "immediate" : r.rate));
  in.alliance = r.alliance;
  in.notify_empty = r.notify_empty;
  in.active = r.active;
  in.params = r.params;
  RETURN_IF_ERROR(domain::ValidateWatch(in));
  if (!in.alliance.empty()) RETURN_IF_ERROR(Authorize(caller, Action::kReadAlliance, {.alliance = in.alliance}));
  if (in.kind == domain::WatchKind::kCitesPortfolio)
    RETURN_IF_ERROR(Authorize(caller, Action::kReadAlliance, {.alliance = in.params.alliance, .member = in.params.member}));
  return in;
}

int64_t CapOf(const WatchRequest& r) { return r.cap > 0 ? r.cap : ConfiguredWatchPreviewCap(); }

// The preview over the store; zero hits when there is no store yet.
Result<domain::WatchPreview> Preview(Workspace& ws, const domain::WatchInput& in, const WatchRequest& r) {
  ASSIGN_OR_RETURN(domain::Portfolios portfolios, PortfoliosOf(ws, {&in}));
  const std::string today = r.today.empty() ? domain::TodayUtc() : r.today;
  domain::WatchPreview out;
  Status st = ws.WithStore([&](PatentStore& store) -> Status {
    ASSIGN_OR_RETURN(out, domain::PreviewWatch(store, in, portfolios, today, CapOf(r)));
    return Status::OK();
  });
  if (st.code() == StatusCode::kNotFound && out.to.empty()) {
    out.to = today;
    out.from = domain::AddDays(today, -365);
    return out;
  }
  if (!st.ok()) return st;
  return out;
}

}  // namespace

Result<domain::Portfolios> PortfoliosOf(Workspace& ws, const std::vector<const domain::WatchInput*>& watches,
                                        PatentStore* store_connection) {
  domain::Portfolios out;
  bool any = false;
  for (const auto* w : watches) any = any || w->kind == domain::WatchKind::kCitesPortfolio;
  if (!any) return out;
  Status st = ws.WithOperations(
      [&](domain::OperationsDb& ops) -> Status {
        for (const auto* w : watches) {
          if (w->kind != domain::WatchKind::kCitesPortfolio) continue;
          const std::string key = domain::PortfolioKey(w->params.alliance, w->params.member);
          if (out.count(key)) continue;
          Result<std::set<std::string>> subjects = domain::PortfolioSubjects(ops, w->params.alliance, w->params.member);
          if (!subjects.ok() && subjects.status().code() != StatusCode::kNotFound) return subjects.status();
          out[key] = subjects.ok() ? *subjects : std::set<std::string>();
        }
        return Status::OK();
      },
      /*create=*/false);
  if (!st.ok() && st.code() != StatusCode::kNotFound) return st;
  // A member's portfolio also holds the patents it applied for or was
  // assigned, contributed or not (read after operations.db, with no other
  // handle held).
  std::set<std::string> members;
  for (const auto* w : watches)
    if (w->kind == domain::WatchKind::kCitesPortfolio && !w->params.member.empty()) members.insert(w->params.member);
  if (members.empty()) return out;
  std::map<std::string, std::set<std::string>> held;
  auto read_held = [&](PatentStore& store) -> Status {
    for (const std::string& m : members) {
      ASSIGN_OR_RETURN(held[m], domain::MemberPatentSubjects(store, m));
    }
    return Status::OK();
  };
  st = store_connection ? read_held(*store_connection) : ws.WithStore(read_held);
  if (!st.ok() && st.code() != StatusCode::kNotFound) return st;
  for (const auto* w : watches) {
    if (w->kind != domain::WatchKind::kCitesPortfolio || w->params.member.empty()) continue;
    const auto& own = held[w->params.member];
    out[domain::PortfolioKey(w->params.alliance, w->params.member)].insert(own.begin(), own.end());
  }
  return out;
}

int64_t ConfiguredWatchPreviewCap() {
  if (const char* env = std::getenv("PATNAV_WATCH_PREVIEW_CAP"); env && *env) {
    char* end = nullptr;
    long long v = std::strtoll(env, &end, 10);
    if (end && *end == '\0' && v > 0) return v;
  }
  return kDefaultWatchPreviewCap;
}

Result<domain::Watch> AddWatch(const Caller& caller, Workspace& ws, WatchRequest request) {
  ASSIGN_OR_RETURN(domain::WatchInput in, Prepare(caller, request));
  if (in.active) RETURN_IF_ERROR(Preview(ws, in, request).status());
  int64_t since_sequence = 0, since_event = 0;
  Status st = ws.WithStore([&](PatentStore& store) -> Status {
    ASSIGN_OR_RETURN(since_sequence, store.LastChangeSequence());
    ASSIGN_OR_RETURN(since_event, store.LastLegalEventId());
    return Status::OK();
  });
  if (!st.ok() && st.code() != StatusCode::kNotFound) return st;
  Result<domain::Watch> out = Status::Internal("not run");
  RETURN_IF_ERROR(ws.WithMonitoring([&](domain::MonitoringDb& db) -> Status {
    out = domain::InsertWatch(db, in, since_sequence, since_event, domain::NowUtc());
    return out.status();
  }));
  return out;
}

Result<std::vector<domain::Watch>> ListWatches(const Caller& caller, Workspace& ws) {
  RETURN_IF_ERROR(Authorize(caller, Action::kSearchPatents));
  std::vector<domain::Watch> out;
  if (!domain::MonitoringDb::Exists(ws.dir())) return out;
  RETURN_IF_ERROR(ws.WithMonitoring([&](domain::MonitoringDb& db) -> Status {
    ASSIGN_OR_RETURN(std::vector<domain::Watch> all, domain::ListWatches(db));
    for (domain::Watch& w : all)
      if (CheckVisible(caller, w).ok()) out.push_back(std::move(w));
    return Status::OK();
  }));
  return out;
}

Result<domain::Watch> ShowWatch(const Caller& caller, Workspace& ws, int64_t id) {
  RETURN_IF_ERROR(Authorize(caller, Action::kSearchPatents));
  if (!domain::MonitoringDb::Exists(ws.dir())) return Status::NotFound("no watch " + std::to_string(id));
  Result<domain::Watch> out = Status::Internal("not run");
  RETURN_IF_ERROR(ws.WithMonitoring([&](domain::MonitoringDb& db) -> Status {
    out = domain::GetWatch(db, id);
    if (out.ok()) RETURN_IF_ERROR(CheckVisible(caller, *out));
    return out.status();
  }));
  return out;
}

Status RemoveWatch(const Caller& caller, Workspace& ws, int64_t id) {
  ASSIGN_OR_RETURN(domain::Watch w, ShowWatch(caller, ws, id));
  if (!IsOwner(caller, w) && !caller.IsAdministrator())
    return Status::PermissionDenied("watch " + std::to_string(id) + " belongs to another user: only its owner may remove it");
  return ws.WithMonitoring([&](domain::MonitoringDb& db) { return domain::DeleteWatch(db, id); });
}

Result<domain::WatchPreview> PreviewWatch(const Caller& caller, Workspace& ws, WatchRequest request) {
  ASSIGN_OR_RETURN(domain::WatchInput in, Prepare(caller, request));
  return Preview(ws, in, request);
}

Result<domain::EvaluationSummary> RunWatches(const Caller& caller, Workspace& ws,
                                             const domain::EvaluationOptions& options) {
  RETURN_IF_ERROR(Authorize(caller, Action::kIngest));
  return EvaluateWatchesNow(ws, options);
}

Result<domain::EvaluationSummary> EvaluateWatchesNow(Workspace& ws, const domain::EvaluationOptions& options) {
  domain::EvaluationSummary out;
  if (!domain::MonitoringDb::Exists(ws.dir())) return out;
  // Lock order: the portfolios (operations.db) are read before, with no
  // other handle held; then monitoring.db, and inside it the store. Nothing
  // takes the store's handle and then monitoring.db's.
  for (int attempt = 0;; ++attempt) {
    std::shared_ptr<const domain::PreparedWatches> prepared;
    RETURN_IF_ERROR(ws.WithMonitoring([&](domain::MonitoringDb& db) -> Status {
      ASSIGN_OR_RETURN(prepared, PreparedWatchesOf(db));
      return Status::OK();
    }));
    std::vector<const domain::WatchInput*> inputs;
    for (const domain::Watch& w : prepared->watches()) inputs.push_back(&w);
    ASSIGN_OR_RETURN(domain::Portfolios portfolios, PortfoliosOf(ws, inputs));
    Status st = ws.WithMonitoring([&](domain::MonitoringDb& db) -> Status {
      return ws.WithStore([&](PatentStore& store) -> Status {
        ASSIGN_OR_RETURN(out, domain::EvaluateWatches(db, store, *prepared, portfolios, options));
        return Status::OK();
      });
    });
    if (st.code() == StatusCode::kUnavailable && attempt < 2) continue;  // the watches changed meanwhile
    RETURN_IF_ERROR(st);
    return out;
  }
}

Result<std::vector<domain::InboxItem>> ListInbox(const Caller& caller, Workspace& ws, const domain::InboxQuery& q) {
  if (caller.anonymous) return Status::Unauthenticated("the inbox needs a signed-in user");
  std::vector<domain::InboxItem> out;
  if (!domain::MonitoringDb::Exists(ws.dir())) return out;
  RETURN_IF_ERROR(ws.WithMonitoring([&](domain::MonitoringDb& db) -> Status {
    ASSIGN_OR_RETURN(out, domain::ListInbox(db, ViewerOf(caller), q));
    return Status::OK();
  }));
  return out;
}

Result<int64_t> InboxUnreadCount(const Caller& caller, Workspace& ws) {
  if (caller.anonymous) return Status::Unauthenticated("the inbox needs a signed-in user");
  int64_t n = 0;
  if (!domain::MonitoringDb::Exists(ws.dir())) return n;
  RETURN_IF_ERROR(ws.WithMonitoring([&](domain::MonitoringDb& db) -> Status {
    ASSIGN_OR_RETURN(n, domain::UnreadCount(db, ViewerOf(caller)));
    return Status::OK();
  }));
  return n;
}

Status MarkInboxRead(const Caller& caller, Workspace& ws, int64_t notification_id) {
  if (caller.anonymous) return Status::Unauthenticated("the inbox needs a signed-in user");
  if (!domain::MonitoringDb::Exists(ws.dir()))
    return Status::NotFound("no notification " + std::to_string(notification_id));
  return ws.WithMonitoring([&](domain::MonitoringDb& db) {
    return domain::MarkRead(db, ViewerOf(caller), notification_id, domain::NowUtc());
  });
}

Json WatchJson(const domain::Watch& w) {
  Json j;
  j["id"] = w.id;
  j["name"] = w.name;
  j["kind"] = domain::WatchKindName(w.kind);
  j["rate"] = domain::WatchRateName(w.rate);
  j["alliance"] = w.alliance;
  j["owner_user_id"] = w.owner_user_id;
  j["notify_empty"] = w.notify_empty;
  j["active"] = w.active;
  j["params"] = Json::parse(domain::WatchParamsJson(w.kind, w.params));
  j["created_at"] = w.created_at;
  return j;
}

Json PreviewJson(const domain::WatchPreview& p, int64_t cap) {
  return Json{{"hits", p.hits}, {"from", p.from}, {"to", p.to}, {"cap", cap}};
}

Json EvaluationJson(const domain::EvaluationSummary& s) {
  return Json{{"evaluation_id", s.evaluation_id},   {"watches", s.watches},
              {"from_sequence", s.from_sequence},   {"to_sequence", s.to_sequence},
              {"from_event", s.from_event},         {"to_event", s.to_event},
              {"records_examined", s.records_examined}, {"events_examined", s.events_examined},
              {"hits", s.hits},                     {"notifications", s.notifications}};
}

Json InboxItemJson(const domain::InboxItem& item) {
  Json hits = Json::array();
  for (const domain::InboxHit& h : item.hits)
    hits.push_back(Json{{"publication_number", h.item}, {"event", h.event}, {"detail", h.detail}});
  return Json{{"id", item.id},
              {"watch_id", item.watch_id},
              {"watch_name", item.watch_name},
              {"watch_kind", item.watch_kind},
              {"alliance", item.alliance},
              {"created_at", item.created_at},
              {"hit_count", item.hit_count},
              {"read", item.read},
              {"hits", hits}};
}

}  // namespace patnav::app
