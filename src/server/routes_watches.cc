// Routes of the watches and the inbox (issue 14): the caller's watches
// (another user's watch is 404, as if it did not exist), a preview of a watch
// against the cap, and the caller's inbox with its unread count and read
// marks. The application calls (app/watches.h) authorise; the bodies are
// closed field lists.
#include <cctype>
#include <cstdlib>

#include "app/competitors.h"
#include "app/digests.h"
#include "app/inbox_feed.h"
#include "app/watches.h"
#include "server/api_routes.h"

namespace patnav::server {

namespace {

using Json = nlohmann::ordered_json;
constexpr FieldType S = FieldType::kString;
constexpr FieldType SA = FieldType::kStringArray;

constexpr const char* kWatchSchema =
    R"({"type":"object","required":["id","name","kind","rate","alliance","notify_empty","active","params","created_at"]})";
constexpr const char* kWatchArray = R"({"type":"array","items":{"type":"object","required":["id","name","kind"]}})";
constexpr const char* kInboxArray =
    R"({"type":"array","items":{"type":"object","required":["id","watch_id","watch_name","hit_count","read","hits"]}})";

app::WatchRequest RequestOf(const ApiRequest& r) {
  app::WatchRequest w;
  w.name = r.Str("name");
  w.kind = r.Str("kind");
  w.rate = r.Str("rate", "immediate");
  w.alliance = r.Str("alliance");
  w.notify_empty = r.Bool("notify_empty");
  w.active = r.Bool("active", true);
  w.params.query = r.Str("query");
  w.params.applicants = r.Strings("applicants");
  w.params.classes = r.Strings("classes");
  w.params.words = r.Str("words");
  w.params.publications = r.Strings("publications");
  w.params.expiry_days = static_cast<int>(r.Int("expiry_days"));
  w.params.fee_days = static_cast<int>(r.Int("fee_days"));
  w.params.events = r.Strings("events");
  w.params.family = r.Bool("family");
  w.params.citing = r.Bool("citing");
  w.params.alliance = r.Str("portfolio_alliance");
  w.params.member = r.Str("portfolio_member");
  return w;
}

std::vector<FieldSpec> WatchBody(bool for_preview) {
  return {{"name", S, !for_preview, "the watch's name (unique per user)"},
          {"kind", S, true, "query, applicant, technology, patents or cites-portfolio"},
          {"rate", S, false, "immediate (default), daily, weekly or monthly"},
          {"alliance", S, false, "share the watch with this alliance's members"},
          {"notify_empty", FieldType::kBoolean, false, "a notification even when nothing is new"},
          {"active", FieldType::kBoolean, false, "false: saved only (a saved query), never evaluated, no alerts (default true)"},
          {"query", S, false, "query: the expert query language"},
          {"applicants", SA, false, "applicant: names (matched by grouping key)"},
          {"classes", SA, false, "technology: IPC/CPC prefixes"},
          {"words", S, false, "technology: words that must also appear"},
          {"publications", SA, false, "patents: publication numbers"},
          {"expiry_days", FieldType::kInteger, false, "patents: alert when expiry is this close (0: off)"},
          {"fee_days", FieldType::kInteger, false, "patents: alert when the next fee falls due this close (0: off)"},
          {"events", SA, false,
           "patents: only these legal events: grant, lapse, revival, review, ownership, licence, fee, other "
           "(none: all)"},
          {"family", FieldType::kBoolean, false, "patents: alert on new members of their families"},
          {"citing", FieldType::kBoolean, false, "patents: alert on new publications citing them"},
          {"portfolio_alliance", S, false, "cites-portfolio: the alliance whose pool patents"},
          {"portfolio_member", S, false, "cites-portfolio: only this member's contributions"}};
}

HttpResponse ListWatches(ApiContext& c, const ApiRequest& r) {
  Result<std::vector<domain::Watch>> all = app::ListWatches(r.caller, c.workspace);
  if (!all.ok()) return StatusResponse(all.status());
  Json out = Json::array();
  for (const auto& w : *all) out.push_back(app::WatchJson(w));
  return JsonResponse(out);
}

HttpResponse CreateWatch(ApiContext& c, const ApiRequest& r) {
  Result<domain::Watch> w = app::AddWatch(r.caller, c.workspace, RequestOf(r));
  if (!w.ok()) return StatusResponse(w.status());
  return JsonResponse(app::WatchJson(*w), 201);
}

HttpResponse ShowWatch(ApiContext& c, const ApiRequest& r) {
  const int64_t id = r.Id("id");
  if (id == 0) return StatusResponse(Status::NotFound("no watch " + r.Param("id")), "id");
  Result<domain::Watch> w = app::ShowWatch(r.caller, c.workspace, id);
  if (!w.ok()) return StatusResponse(w.status());
  return JsonResponse(app::WatchJson(*w));
}

HttpResponse DeleteWatch(ApiContext& c, const ApiRequest& r) {
  const int64_t id = r.Id("id");
  if (id == 0) return StatusResponse(Status::NotFound("no watch " + r.Param("id")), "id");
  Status st = app::RemoveWatch(r.caller, c.workspace, id);
  if (!st.ok()) return StatusResponse(st);
  return JsonResponse(Json{{"id", id}, {"deleted", true}});
}

HttpResponse WatchDigests(ApiContext& c, const ApiRequest& r) {
  const int64_t id = r.Id("id");
  if (id == 0) return StatusResponse(Status::NotFound("no watch " + r.Param("id")), "id");
  Result<std::vector<domain::Digest>> all = app::ListWatchDigests(r.caller, c.workspace, id);
  if (!all.ok()) return StatusResponse(all.status());
  Json out = Json::array();
  for (const auto& d : *all) out.push_back(app::DigestJson(d));
  return JsonResponse(out);
}

HttpResponse Preview(ApiContext& c, const ApiRequest& r) {
  app::WatchRequest w = RequestOf(r);
  if (w.name.empty()) w.name = "preview";
  Result<domain::WatchPreview> p = app::PreviewWatch(r.caller, c.workspace, w);
  if (!p.ok()) return StatusResponse(p.status());
  return JsonResponse(app::PreviewJson(*p, app::ConfiguredWatchPreviewCap()));
}

HttpResponse Inbox(ApiContext& c, const ApiRequest& r) {
  domain::InboxQuery q;
  q.unread_only = r.http.QueryParam("unread") == "true";
  const std::string limit = r.http.QueryParam("limit"), before = r.http.QueryParam("before");
  if (!limit.empty()) q.limit = std::strtoll(limit.c_str(), nullptr, 10);
  if (!before.empty()) q.before_id = std::strtoll(before.c_str(), nullptr, 10);
  Result<std::vector<domain::InboxItem>> items = app::ListInbox(r.caller, c.workspace, q);
  if (!items.ok()) return StatusResponse(items.status(), "limit");
  Json out = Json::array();
  for (const auto& it : *items) out.push_back(app::InboxItemJson(it));
  return JsonResponse(out);
}

// The origin for the feed's links from the Host header, when it is a plain
// host[:port]; "" (relative links) otherwise.
std::string BaseUrl(const ApiContext& c, const ApiRequest& r) {
  const std::string host = r.http.Header("host");
  if (host.empty() || host.size() > 255) return "";
  for (unsigned char ch : host)
    if (!std::isalnum(ch) && ch != '.' && ch != '-' && ch != ':' && ch != '[' && ch != ']') return "";
  return (c.options.secure_cookies ? "https://" : "http://") + host;
}

HttpResponse InboxAtom(ApiContext& c, const ApiRequest& r) {
  domain::InboxQuery q;
  q.unread_only = r.http.QueryParam("unread") == "true";
  const std::string limit = r.http.QueryParam("limit");
  if (!limit.empty()) q.limit = std::strtoll(limit.c_str(), nullptr, 10);
  Result<std::vector<domain::InboxItem>> items = app::ListInbox(r.caller, c.workspace, q);
  if (!items.ok()) return StatusResponse(items.status(), "limit");
  app::AtomFeedInfo info;
  info.id = "urn:patnav:inbox:user:" + std::to_string(r.caller.user_id);
  info.title = "patnav alerts: " + r.caller.username;
  info.base_url = BaseUrl(c, r);
  HttpResponse resp;
  resp.headers.emplace_back("Content-Type", "application/atom+xml; charset=utf-8");
  resp.body = app::InboxAtomFeed(*items, info);
  return resp;
}

// One watch's alerts as a feed: the watch must be visible to the caller
// (another user's private watch is 404, as everywhere).
HttpResponse WatchAtom(ApiContext& c, const ApiRequest& r) {
  const int64_t id = r.Id("id");
  if (id == 0) return StatusResponse(Status::NotFound("no watch " + r.Param("id")), "id");
  Result<domain::Watch> w = app::ShowWatch(r.caller, c.workspace, id);
  if (!w.ok()) return StatusResponse(w.status());
  domain::InboxQuery q;
  q.watch_id = w->id;
  q.unread_only = r.http.QueryParam("unread") == "true";
  const std::string limit = r.http.QueryParam("limit");
  if (!limit.empty()) q.limit = std::strtoll(limit.c_str(), nullptr, 10);
  Result<std::vector<domain::InboxItem>> items = app::ListInbox(r.caller, c.workspace, q);
  if (!items.ok()) return StatusResponse(items.status(), "limit");
  app::AtomFeedInfo info;
  info.id = "urn:patnav:watch:" + std::to_string(w->id);
  info.title = "patnav: " + w->name;
  info.base_url = BaseUrl(c, r);
  info.self_path = "/api/v1/watches/" + std::to_string(w->id) + "/feed.atom";
  HttpResponse resp;
  resp.headers.emplace_back("Content-Type", "application/atom+xml; charset=utf-8");
  resp.body = app::InboxAtomFeed(*items, info);
  return resp;
}

HttpResponse Competitors(ApiContext& c, const ApiRequest& r) {
  app::CompetitorsRequest req;
  req.alliance = r.Param("alliance");
  const std::string months = r.http.QueryParam("months");
  if (!months.empty()) req.months = static_cast<int>(std::strtol(months.c_str(), nullptr, 10));
  req.as_of = r.http.QueryParam("as_of");
  const std::string format = r.http.QueryParam("format");
  if (!format.empty() && format != "json" && format != "xlsx")
    return StatusResponse(Status::InvalidArgument("format: json (default) or xlsx, not '" + format + "'"), "format");
  Result<nlohmann::ordered_json> out = app::CompetitorDashboard(r.caller, c.workspace, req);
  if (!out.ok()) return StatusResponse(out.status());
  if (format != "xlsx") return JsonResponse(*out);
  Result<std::string> bytes = app::CompetitorDashboardXlsx(c.workspace, *out);
  if (!bytes.ok()) return StatusResponse(bytes.status());
  return Download("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "competitors.xlsx",
                  std::move(*bytes));
}

HttpResponse UnreadCount(ApiContext& c, const ApiRequest& r) {
  Result<int64_t> n = app::InboxUnreadCount(r.caller, c.workspace);
  if (!n.ok()) return StatusResponse(n.status());
  return JsonResponse(Json{{"unread", *n}});
}

HttpResponse MarkRead(ApiContext& c, const ApiRequest& r) {
  const int64_t id = r.Id("id");
  if (id == 0) return StatusResponse(Status::NotFound("no notification " + r.Param("id")), "id");
  Status st = app::MarkInboxRead(r.caller, c.workspace, id);
  if (!st.ok()) return StatusResponse(st);
  return JsonResponse(Json{{"id", id}, {"read", true}});
}

}  // namespace

std::vector<Route> WatchRoutes() {
  const std::string w = "/api/v1/watches";
  std::vector<Route> r;
  r.push_back(MakeRoute("GET", w, "listWatches", "The caller's watches and those shared with their alliances",
                        "watches", ListWatches, {}, {}, 200, kWatchArray));
  r.push_back(MakeRoute("POST", w, "createWatch", "Save a watch (checked, and refused when its preview is above the cap)",
                        "watches", CreateWatch, WatchBody(false), {}, 201, kWatchSchema));
  r.push_back(MakeRoute("POST", w + "/preview", "previewWatch",
                        "How many hits a watch would have produced over the last year (refused above the cap)",
                        "watches", Preview, WatchBody(true), {}, 200,
                        R"({"type":"object","required":["hits","from","to","cap"]})"));
  r.push_back(MakeRoute("GET", w + "/{id}", "getWatch", "One watch", "watches", ShowWatch, {}, {}, 200, kWatchSchema));
  r.push_back(MakeRoute("GET", w + "/{id}/digests", "listWatchDigests",
                        "The digests of a daily, weekly or monthly watch, newest first", "watches", WatchDigests, {},
                        {}, 200,
                        R"({"type":"array","items":{"type":"object","required":["id","watch_id","period",)"
                        R"("period_start","period_end","notification_count","hit_count"]}})"));
  r.push_back(MakeRoute("DELETE", w + "/{id}", "deleteWatch", "Delete a watch with its alerts (its owner)", "watches",
                        DeleteWatch, {}, {}, 200, R"({"type":"object","required":["id","deleted"]})"));
  r.push_back(MakeRoute("GET", "/api/v1/inbox", "listInbox", "The caller's alerts, newest first", "inbox", Inbox, {},
                        {{"unread", FieldType::kBoolean, false, "only the unread ones"},
                         {"limit", FieldType::kInteger, false, "1-500 (default 50)"},
                         {"before", FieldType::kInteger, false, "only alerts older than this id (paging)"}},
                        200, kInboxArray));
  r.push_back(MakeRoute(
      "GET", "/api/v1/alliances/{alliance}/competitors", "getCompetitorDashboard",
      "The alliance's watched competitors (applicant watches shared with it): publications per month, new "
      "countries, IPC subclasses gained, citations of the pool patents, patents acquired, sold and lapsed over "
      "the last months; ?format=xlsx for the workbook",
      "watches", Competitors, {},
      {{"months", FieldType::kInteger, false, "1-120 (default 12)"},
       {"as_of", FieldType::kString, false, "the window's last day, YYYY-MM-DD (default today)"},
       {"format", FieldType::kString, false, "json (default) or xlsx (a workbook to download)"}},
      200,
      R"({"type":"object","required":["alliance","from","to","competitors"],"properties":{"competitors":)"
      R"({"type":"array","items":{"type":"object","required":["watch","applicants","publications",)"
      R"("publications_before","per_month","new_countries","ipc_gained","citing_pool"]}}}})"));
  Route atom = MakeRoute("GET", "/api/v1/inbox.atom", "getInboxFeed",
                         "The caller's alerts as an Atom 1.0 feed (for feed readers: sign in with an API token)",
                         "inbox", InboxAtom, {},
                         {{"unread", FieldType::kBoolean, false, "only the unread ones"},
                          {"limit", FieldType::kInteger, false, "1-500 (default 50)"}});
  atom.response_type = "application/atom+xml";
  r.push_back(std::move(atom));
  Route watch_atom = MakeRoute("GET", "/api/v1/watches/{id}/feed.atom", "getWatchFeed",
                               "One watch's alerts as an Atom 1.0 feed (sign in with an API token)", "watches",
                               WatchAtom, {},
                               {{"unread", FieldType::kBoolean, false, "only the unread ones"},
                                {"limit", FieldType::kInteger, false, "1-500 (default 50)"}});
  watch_atom.response_type = "application/atom+xml";
  r.push_back(std::move(watch_atom));
  r.push_back(MakeRoute("GET", "/api/v1/inbox/unread-count", "getInboxUnreadCount", "How many alerts are unread",
                        "inbox", UnreadCount, {}, {}, 200, R"({"type":"object","required":["unread"]})"));
  r.push_back(MakeRoute("POST", "/api/v1/inbox/{id}/read", "markInboxRead", "Mark an alert read (for the caller)",
                        "inbox", MarkRead, {}, {}, 200, R"({"type":"object","required":["id","read"]})"));
  return r;
}

}  // namespace patnav::server
