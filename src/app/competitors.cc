// The competitor dashboard, authorised (competitors.h).
#include "app/competitors.h"

#include <cstdio>

#include "app/authorize.h"
#include "app/workbook_bytes.h"
#include "domain/competitor_dashboard.h"
#include "domain/patent_status.h"
#include "domain/period.h"
#include "domain/watch.h"
#include "domain/watch_evaluation.h"
#include "report/xlsx_tables.h"

namespace patnav::app {

namespace {

using Json = nlohmann::ordered_json;

Json MovesJson(const std::vector<domain::CompetitorActivity::Move>& moves) {
  Json out = Json::array();
  for (const auto& m : moves) out.push_back({{"patent", m.patent}, {"date", m.date}, {"counterparty", m.counterparty}});
  return out;
}

// The months from `from` to `to` (ISO dates), "YYYY-MM", in order.
std::vector<std::string> MonthsOf(const std::string& from, const std::string& to) {
  std::vector<std::string> out;
  if (from.size() < 7 || to.size() < 7) return out;
  int y = std::stoi(from.substr(0, 4)), m = std::stoi(from.substr(5, 2));
  const std::string last = to.substr(0, 7);
  for (int guard = 0; guard < 1500; ++guard) {
    char key[8];
    std::snprintf(key, sizeof key, "%04d-%02d", y, m);
    out.push_back(key);
    if (out.back() >= last) break;
    if (++m == 13) m = 1, ++y;
  }
  return out;
}

}  // namespace

Result<nlohmann::ordered_json> CompetitorDashboard(const Caller& caller, Workspace& ws, const CompetitorsRequest& r) {
  RETURN_IF_ERROR(Authorize(caller, Action::kReadAlliance, {.alliance = r.alliance}));
  if (r.months < 1 || r.months > 120) return Status::InvalidArgument("months: 1 to 120");
  const std::string to = r.as_of.empty() ? domain::TodayUtc() : r.as_of;
  RETURN_IF_ERROR(domain::CheckIsoDate(to, "as_of"));
  const std::string from = domain::AddDays(domain::AddMonths(to, -r.months), 1);

  std::set<std::string> pool;
  Status st = ws.WithOperations(
      [&](domain::OperationsDb& ops) -> Status {
        ASSIGN_OR_RETURN(pool, domain::PortfolioSubjects(ops, r.alliance, ""));
        return Status::OK();
      },
      /*create=*/false);
  if (!st.ok()) return st.code() == StatusCode::kNotFound ? Status::NotFound("no alliance '" + r.alliance + "'") : st;

  std::vector<domain::Competitor> competitors;
  if (domain::MonitoringDb::Exists(ws.dir())) {
    RETURN_IF_ERROR(ws.WithMonitoring([&](domain::MonitoringDb& db) -> Status {
      ASSIGN_OR_RETURN(std::vector<domain::Watch> all, domain::ListWatches(db, /*active_only=*/true));
      for (const domain::Watch& w : all)
        if (w.alliance == r.alliance && w.kind == domain::WatchKind::kApplicant)
          competitors.push_back({w.name, w.params.applicants});
      return Status::OK();
    }));
  }
  std::vector<domain::CompetitorActivity> activity;
  if (!competitors.empty()) {
    RETURN_IF_ERROR(ws.WithStore([&](PatentStore& store) -> Status {
      ASSIGN_OR_RETURN(activity, domain::CompetitorDashboard(store, competitors, pool, from, to));
      return Status::OK();
    }));
  }
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const domain::CompetitorActivity& a : activity) {
    nlohmann::ordered_json months = nlohmann::ordered_json::object();
    for (const auto& [m, n] : a.per_month) months[m] = n;
    list.push_back({{"watch", a.name},
                    {"applicants", a.applicants},
                    {"publications", a.publications},
                    {"publications_before", a.publications_before},
                    {"per_month", months},
                    {"new_countries", a.new_countries},
                    {"ipc_gained", a.ipc_gained},
                    {"citing_pool", a.citing_pool},
                    {"acquired_count", a.acquired_count},
                    {"sold_count", a.sold_count},
                    {"lapsed_count", a.lapsed_count},
                    {"acquired", MovesJson(a.acquired)},
                    {"sold", MovesJson(a.sold)},
                    {"lapsed", MovesJson(a.lapsed)}});
  }
  return nlohmann::ordered_json{{"alliance", r.alliance}, {"from", from}, {"to", to}, {"competitors", list}};
}

}  // namespace patnav::app

namespace patnav::app {

Result<std::string> CompetitorDashboardXlsx(Workspace& ws, const nlohmann::ordered_json& d) {
  std::vector<report::XlsxTable> tables;
  report::XlsxTable summary{"competitors",
                            {"competitor 竞争对手", "applicants 申请人", "publications 公开", "before 此前",
                             "citing our pool 引用联盟专利", "acquired 受让", "sold 转让", "lapsed 失效",
                             "new countries 新进入国家", "IPC gained 新增IPC小类"},
                            {}};
  report::XlsxTable months{"per month 按月", {"month 月份"}, {}};
  report::XlsxTable acquired{"acquired 受让", {"competitor 竞争对手", "patent 专利", "date 日期", "from 转让人"}, {}};
  report::XlsxTable sold{"sold 转让", {"competitor 竞争对手", "patent 专利", "date 日期", "to 受让人"}, {}};
  report::XlsxTable lapsed{"lapsed 失效", {"competitor 竞争对手", "patent 专利", "date 日期", "event 事件"}, {}};
  report::XlsxTable countries{"new countries 新国家", {"competitor 竞争对手", "country 国家"}, {}};
  report::XlsxTable ipc{"IPC gained 新IPC", {"competitor 竞争对手", "IPC subclass IPC小类"}, {}};
  const std::vector<std::string> window = MonthsOf(d.value("from", ""), d.value("to", ""));
  for (const std::string& m : window) months.rows.push_back({Json(m)});
  auto join = [](const Json& list) {
    std::string out;
    for (const Json& v : list) out += (out.empty() ? "" : "; ") + v.get<std::string>();
    return out;
  };
  for (const Json& c : d.at("competitors")) {
    const std::string name = c.at("watch");
    summary.rows.push_back({Json(name), Json(join(c.at("applicants"))), c.at("publications"),
                            c.at("publications_before"), c.at("citing_pool"), c.at("acquired_count"),
                            c.at("sold_count"), c.at("lapsed_count"), Json(join(c.at("new_countries"))),
                            Json(join(c.at("ipc_gained")))});
    months.header.push_back(name);
    for (size_t i = 0; i < window.size(); ++i) months.rows[i].push_back(c.at("per_month").value(window[i], 0));
    for (auto [key, table] : {std::pair{"acquired", &acquired}, {"sold", &sold}, {"lapsed", &lapsed}})
      for (const Json& m : c.at(key))
        table->rows.push_back({Json(name), m.at("patent"), m.at("date"), m.at("counterparty")});
    for (const Json& v : c.at("new_countries")) countries.rows.push_back({Json(name), v});
    for (const Json& v : c.at("ipc_gained")) ipc.rows.push_back({Json(name), v});
  }
  tables = {summary, months, acquired, sold, lapsed, countries, ipc};
  return WorkbookBytes(ws.dir(), "competitors",
                   [&](const std::filesystem::path& path) { return report::WriteXlsxTables(tables, path); });
}

}  // namespace patnav::app
