// The competitor dashboard, authorised (competitors.h).
#include "app/competitors.h"

#include "app/authorize.h"
#include "domain/competitor_dashboard.h"
#include "domain/patent_status.h"
#include "domain/period.h"
#include "domain/watch.h"
#include "domain/watch_evaluation.h"

namespace patnav::app {

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
                    {"citing_pool", a.citing_pool}});
  }
  return nlohmann::ordered_json{{"alliance", r.alliance}, {"from", from}, {"to", to}, {"competitors", list}};
}

}  // namespace patnav::app
