// Watch definitions: names of kinds and rates, parameter JSON, validation and
// the watch table (watch.h).
#include "domain/watch.h"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "index/query_parser.h"
#include "model/publication_number.h"

namespace patnav::domain {

namespace {

constexpr const char* kKinds[] = {"query", "applicant", "technology", "patents", "cites-portfolio"};
constexpr const char* kRates[] = {"immediate", "daily", "weekly", "monthly"};

std::vector<std::string> Strings(const nlohmann::json& j, const char* key) {
  std::vector<std::string> out;
  if (j.contains(key) && j[key].is_array())
    for (const auto& v : j[key])
      if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

// A class symbol or prefix: a section letter, then digits/letters/'/'.
bool LooksLikeClass(std::string_view compact) {
  if (compact.empty() || compact.size() > 20) return false;
  if (compact[0] < 'A' || compact[0] > 'H') return false;
  for (char c : compact)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '/') return false;
  return true;
}

std::string Trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

Watch ReadWatch(Statement& s) {
  Watch w;
  w.id = s.ColumnInt64(0);
  w.owner_user_id = s.ColumnInt64(1);
  w.alliance = s.ColumnText(2);
  w.name = s.ColumnText(3);
  w.kind = ParseWatchKind(s.ColumnText(4)).value();
  Result<WatchParams> p = ParseWatchParamsJson(s.ColumnText(5));
  if (p.ok()) w.params = *p;
  w.rate = ParseWatchRate(s.ColumnText(6)).value();
  w.notify_empty = s.ColumnInt64(7) != 0;
  w.active = s.ColumnInt64(8) != 0;
  w.since_sequence = s.ColumnInt64(9);
  w.since_event = s.ColumnInt64(10);
  w.created_at = s.ColumnText(11);
  return w;
}

constexpr const char* kWatchColumns =
    "SELECT id, owner_user_id, alliance, name, kind, params, rate, notify_empty, active, since_sequence, "
    "since_event, created_at FROM watch ";

}  // namespace

const char* WatchKindName(WatchKind k) { return kKinds[static_cast<int>(k)]; }
const char* WatchRateName(WatchRate r) { return kRates[static_cast<int>(r)]; }

Result<WatchKind> ParseWatchKind(std::string_view text) {
  for (int i = 0; i < 5; ++i)
    if (text == kKinds[i]) return static_cast<WatchKind>(i);
  return Status::InvalidArgument("kind: '" + std::string(text) +
                                 "' is not one of query, applicant, technology, patents, cites-portfolio");
}

Result<WatchRate> ParseWatchRate(std::string_view text) {
  for (int i = 0; i < 4; ++i)
    if (text == kRates[i]) return static_cast<WatchRate>(i);
  return Status::InvalidArgument("rate: '" + std::string(text) + "' is not one of immediate, daily, weekly, monthly");
}

std::string WatchParamsJson(WatchKind kind, const WatchParams& p) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  switch (kind) {
    case WatchKind::kQuery: j["query"] = p.query; break;
    case WatchKind::kApplicant: j["applicants"] = p.applicants; break;
    case WatchKind::kTechnology:
      j["classes"] = p.classes;
      j["words"] = p.words;
      break;
    case WatchKind::kPatents:
      j["publications"] = p.publications;
      j["expiry_days"] = p.expiry_days;
      j["fee_days"] = p.fee_days;
      j["events"] = p.events;
      j["family"] = p.family;
      j["citing"] = p.citing;
      break;
    case WatchKind::kCitesPortfolio:
      j["alliance"] = p.alliance;
      j["member"] = p.member;
      break;
  }
  return j.dump();
}

Result<WatchParams> ParseWatchParamsJson(std::string_view json) {
  nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
  if (!j.is_object()) return Status::Corruption("watch parameters are not a JSON object: " + std::string(json));
  WatchParams p;
  p.query = j.value("query", "");
  p.applicants = Strings(j, "applicants");
  p.classes = Strings(j, "classes");
  p.words = j.value("words", "");
  p.publications = Strings(j, "publications");
  p.expiry_days = j.value("expiry_days", 0);
  p.fee_days = j.value("fee_days", 0);
  p.events = Strings(j, "events");
  p.family = j.value("family", false);
  p.citing = j.value("citing", false);
  p.alliance = j.value("alliance", "");
  p.member = j.value("member", "");
  return p;
}

const std::vector<std::string>& WatchEventKinds() {
  static const std::vector<std::string> kinds = {"grant",     "lapse",   "revival", "review",
                                                 "ownership", "licence", "fee",     "other"};
  return kinds;
}

const char* WatchEventKindOf(char event_class) {
  switch (event_class) {
    case 'F': return "grant";
    case 'H': return "lapse";
    case 'C':
    case 'K': return "revival";
    case 'L':
    case 'V': return "review";
    case 'R': return "ownership";
    case 'S': return "licence";
    case 'M':
    case 'U': return "fee";
    default: return "other";
  }
}

std::string CompactClass(std::string_view symbol) {
  std::string out;
  for (char c : symbol)
    if (!std::isspace(static_cast<unsigned char>(c))) out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  return out;
}

Status ValidateWatch(WatchInput& in) {
  in.name = Trimmed(in.name);
  if (in.name.empty()) return Status::InvalidArgument("name: a watch needs a name");
  if (in.name.size() > 200) return Status::InvalidArgument("name: at most 200 characters");
  WatchParams& p = in.params;
  switch (in.kind) {
    case WatchKind::kQuery: {
      if (Trimmed(p.query).empty()) return Status::InvalidArgument("query: a query watch needs a query");
      Result<index::QueryAst> ast = index::ParseQuery(p.query);
      if (!ast.ok()) return Status::InvalidArgument("query: " + ast.status().message());
      break;
    }
    case WatchKind::kApplicant: {
      std::vector<std::string> names;
      for (const std::string& a : p.applicants)
        if (!Trimmed(a).empty()) names.push_back(Trimmed(a));
      if (names.empty()) return Status::InvalidArgument("applicants: give at least one applicant or owner name");
      p.applicants = names;
      break;
    }
    case WatchKind::kTechnology: {
      std::vector<std::string> classes;
      for (const std::string& c : p.classes) {
        std::string compact = CompactClass(c);
        if (compact.empty()) continue;
        if (!LooksLikeClass(compact))
          return Status::InvalidArgument("classes: '" + c + "' is not an IPC/CPC symbol or prefix (e.g. H01M, H01M 10/05)");
        classes.push_back(compact);
      }
      if (classes.empty()) return Status::InvalidArgument("classes: give at least one IPC/CPC prefix");
      p.classes = classes;
      p.words = Trimmed(p.words);
      if (!p.words.empty()) {
        Result<index::QueryAst> ast = index::ParseQuery("TAC=(" + p.words + ")");
        if (!ast.ok()) return Status::InvalidArgument("words: " + ast.status().message());
      }
      break;
    }
    case WatchKind::kPatents: {
      std::vector<std::string> pns;
      for (const std::string& text : p.publications) {
        if (Trimmed(text).empty()) continue;
        Result<PublicationKey> key = ParsePublicationNumber(text);
        if (!key.ok()) return Status::InvalidArgument("publications: '" + text + "' is not a publication number");
        pns.push_back(key->ToString());
      }
      if (pns.empty()) return Status::InvalidArgument("publications: give at least one publication number");
      if (p.expiry_days < 0 || p.expiry_days > 3650)
        return Status::InvalidArgument("expiry_days: must be 0 (not watched) to 3650");
      if (p.fee_days < 0 || p.fee_days > 3650)
        return Status::InvalidArgument("fee_days: must be 0 (not watched) to 3650");
      std::vector<std::string> kinds;
      for (const std::string& text : p.events) {
        std::string kind = Trimmed(text);
        if (kind.empty()) continue;
        const auto& known = WatchEventKinds();
        if (std::find(known.begin(), known.end(), kind) == known.end())
          return Status::InvalidArgument("events: '" + kind +
                                         "' is not one of grant, lapse, revival, review, ownership, licence, fee, other");
        if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) kinds.push_back(kind);
      }
      p.events = kinds;
      p.publications = pns;
      break;
    }
    case WatchKind::kCitesPortfolio:
      p.alliance = Trimmed(p.alliance);
      p.member = Trimmed(p.member);
      if (p.alliance.empty()) return Status::InvalidArgument("alliance: a cites-portfolio watch names the alliance");
      break;
  }
  return Status::OK();
}

Result<Watch> InsertWatch(MonitoringDb& db, const WatchInput& in, int64_t since_sequence, int64_t since_event,
                          std::string_view now) {
  int64_t id = 0;
  RETURN_IF_ERROR(db.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Statement dup, db.db().Prepare("SELECT 1 FROM watch WHERE owner_user_id = ?1 AND name = ?2"));
    dup.BindInt64(1, in.owner_user_id);
    dup.BindText(2, in.name);
    ASSIGN_OR_RETURN(bool exists, dup.Step());
    if (exists) return Status::AlreadyExists("watch '" + in.name + "' exists: choose another name");
    dup.Reset();
    ASSIGN_OR_RETURN(Statement s,
                     db.db().Prepare("INSERT INTO watch(owner_user_id, alliance, name, kind, params, rate, "
                                     "notify_empty, active, since_sequence, since_event, created_at) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?11, ?8, ?9, ?10)"));
    const std::string params = WatchParamsJson(in.kind, in.params);
    s.BindInt64(1, in.owner_user_id);
    s.BindText(2, in.alliance);
    s.BindText(3, in.name);
    s.BindText(4, WatchKindName(in.kind));
    s.BindText(5, params);
    s.BindText(6, WatchRateName(in.rate));
    s.BindInt64(7, in.notify_empty ? 1 : 0);
    s.BindInt64(8, since_sequence);
    s.BindInt64(9, since_event);
    s.BindText(10, now);
    s.BindInt64(11, in.active ? 1 : 0);
    RETURN_IF_ERROR(s.Run());
    id = db.db().LastInsertRowid();
    return Status::OK();
  }));
  return GetWatch(db, id);
}

Result<Watch> GetWatch(MonitoringDb& db, int64_t id) {
  ASSIGN_OR_RETURN(Statement s, db.db().Prepare(std::string(kWatchColumns) + "WHERE id = ?1"));
  ScopedReset reset(s);
  s.BindInt64(1, id);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::NotFound("no watch " + std::to_string(id));
  return ReadWatch(s);
}

Result<std::vector<Watch>> ListWatches(MonitoringDb& db, bool active_only) {
  ASSIGN_OR_RETURN(Statement s, db.db().Prepare(std::string(kWatchColumns) +
                                                (active_only ? "WHERE active = 1 ORDER BY id" : "ORDER BY id")));
  ScopedReset reset(s);
  std::vector<Watch> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(ReadWatch(s));
  }
  return out;
}

Status DeleteWatch(MonitoringDb& db, int64_t id) {
  static const std::string kDeleteHitsSql =
      std::string("DELETE FROM hit WHERE (item, event, watch_id) IN (SELECT h.item, h.event, h.watch_id FROM ") +
      kNotificationHitsSql + " WHERE n.watch_id = ?1)";
  return db.Write([&]() -> Status {
    // Children first: the schema cascades from the watch to its notifications
    // and their reads, but not to hits; the order keeps this correct even on
    // a connection with foreign keys off.
    for (const char* sql : {"DELETE FROM inbox_read WHERE notification_id IN "
                            "(SELECT id FROM notification WHERE watch_id = ?1)",
                            // Its notifications' hits, found as every reader finds them.
                            kDeleteHitsSql.c_str(), "DELETE FROM notification WHERE watch_id = ?1"}) {
      ASSIGN_OR_RETURN(Statement s, db.db().Prepare(sql));
      s.BindInt64(1, id);
      RETURN_IF_ERROR(s.Run());
    }
    ASSIGN_OR_RETURN(Statement s, db.db().Prepare("DELETE FROM watch WHERE id = ?1"));
    s.BindInt64(1, id);
    RETURN_IF_ERROR(s.Run());
    ASSIGN_OR_RETURN(int64_t changed, db.db().QueryInt64("SELECT changes()"));
    if (changed == 0) return Status::NotFound("no watch " + std::to_string(id));
    return Status::OK();
  });
}

}  // namespace patnav::domain
