// Facts for the value model, and saved value scores.
#include "domain/value_context.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "domain/index_status.h"
#include "domain/patent_status.h"
#include "domain/period.h"
#include "domain/pool.h"

namespace patnav::domain {

std::string ValueContext::CohortKey(const PatentRecord& r) {
  std::string field = r.ipc.empty() ? (r.cpc.empty() ? "?" : r.cpc[0].substr(0, 4)) : r.ipc[0].substr(0, 4);
  std::string year = r.publication_date.size() >= 4 ? r.publication_date.substr(0, 4) : "?";
  return field + "/" + year;
}

void ValueContext::AddPublication(const PatentRecord& r, int64_t forward_citations) {
  forward_[r.publication_number] = forward_citations;
  auto& c = cohorts_[CohortKey(r)];
  c.first += 1;
  c.second += forward_citations;
  if (!r.family_id.empty()) {
    auto& v = family_countries_[r.family_id];
    if (std::find(v.begin(), v.end(), r.country) == v.end()) v.push_back(r.country);
  }
}

Result<ValueContext> ValueContext::Build(PatentStore& store, OperationsDb* ops, std::string as_of) {
  ValueContext ctx;
  ctx.as_of_ = as_of.empty() ? TodayUtc() : std::move(as_of);
  ctx.events_store_ = &store;
  RETURN_IF_ERROR(store.ForEachChangedSince(0, [&](const ChangedPublication& p) {
    ctx.AddPublication(*p.record, p.forward_citations);
    return true;
  }, /*with_description=*/false));
  if (!ops) return ctx;
  SqliteDb& db = ops->db();
  {
    ASSIGN_OR_RETURN(Statement s, db.Prepare(
        "SELECT c.publication_number, count(DISTINCT c.pool_id), "
        "(SELECT count(DISTINCT a.licensee_id) FROM agreement a JOIN programme g ON g.id = a.programme_id "
        " WHERE g.pool_id IN (SELECT pool_id FROM contribution x WHERE x.publication_number = c.publication_number "
        " AND (x.withdrawn_on IS NULL OR x.withdrawn_on > ?1))) "
        "FROM contribution c WHERE c.withdrawn_on IS NULL OR c.withdrawn_on > ?1 GROUP BY c.publication_number"));
    s.BindText(1, ctx.as_of_);
    for (;;) {
      ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      std::string pn(s.ColumnText(0));
      ctx.pools_[pn] = s.ColumnInt64(1);
      ctx.licensees_[pn] = s.ColumnInt64(2);
    }
  }
  {
    ASSIGN_OR_RETURN(Statement s, db.Prepare(
        "SELECT DISTINCT c.publication_number, cc.country FROM contribution c "
        "JOIN contribution_country cc ON cc.contribution_id = c.id"));
    for (;;) {
      ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      ctx.pool_countries_[std::string(s.ColumnText(0))].emplace_back(s.ColumnText(1));
    }
  }
  {
    ASSIGN_OR_RETURN(Statement s, db.Prepare("SELECT publication_number, lapsed_on FROM lapse WHERE country = '' AND lapsed_on <= ?1"));
    s.BindText(1, ctx.as_of_);
    for (;;) {
      ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      ctx.lapsed_[std::string(s.ColumnText(0))] = s.ColumnText(1);
    }
  }
  return ctx;
}

ValueFacts ValueContext::FactsFor(const PatentRecord& r) const {
  ValueFacts f;
  f.as_of = as_of_.empty() ? TodayUtc() : as_of_;
  auto fw = forward_.find(r.publication_number);
  f.forward_citations = fw == forward_.end() ? 0 : fw->second;
  auto c = cohorts_.find(CohortKey(r));
  if (c != cohorts_.end() && c->second.first > 0) f.cohort_forward_mean = static_cast<double>(c->second.second) / c->second.first;
  f.countries.push_back(r.country);
  if (!r.family_id.empty()) {
    auto fc = family_countries_.find(r.family_id);
    if (fc != family_countries_.end())
      for (const auto& cc : fc->second)
        if (cc != r.country) f.countries.push_back(cc);
  }
  if (auto pc = pool_countries_.find(r.publication_number); pc != pool_countries_.end())
    for (const auto& cc : pc->second)
      if (std::find(f.countries.begin(), f.countries.end(), cc) == f.countries.end()) f.countries.push_back(cc);
  f.lapsed = lapsed_.count(r.publication_number) > 0;
  if (events_store_) {
    Result<std::vector<LegalEvent>> events = EventsForStatus(*events_store_, r);
    PatentStatus st = EvaluatePatentStatus(r, events.ok() ? *events : std::vector<LegalEvent>{}, "", f.as_of);
    f.legal_state = LegalStateName(st.state);
    f.legal_expiry = st.expiry;
    f.legal_rule = st.rule;
  }
  if (auto p = pools_.find(r.publication_number); p != pools_.end()) f.pools = p->second;
  if (auto l = licensees_.find(r.publication_number); l != licensees_.end()) f.licensees = l->second;
  return f;
}

Status SaveValueScores(OperationsDb& ops, const std::vector<PatentValue>& values) {
  return ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
        "INSERT OR REPLACE INTO patent_value(publication_number, overall_centi, legal_centi, technical_centi, economic_centi, scored_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    std::string now = NowUtc();
    for (const PatentValue& v : values) {
      s.BindText(1, v.publication_number);
      s.BindInt64(2, v.overall_centi());
      s.BindInt64(3, std::llround(v.legal * 100));
      s.BindInt64(4, std::llround(v.technical * 100));
      s.BindInt64(5, std::llround(v.economic * 100));
      s.BindText(6, now);
      Status st = s.Run();
      s.Reset();
      RETURN_IF_ERROR(st);
    }
    return Status::OK();
  });
}

Result<int64_t> RescorePool(OperationsDb& ops, PatentStore& store, std::string_view pool, const ValueWeights& weights,
                            std::string as_of) {
  ASSIGN_OR_RETURN(std::vector<Contribution> contributions, Contributions(ops, pool));
  ASSIGN_OR_RETURN(ValueContext ctx, ValueContext::Build(store, &ops, std::move(as_of)));
  std::vector<PatentValue> values;
  for (const Contribution& c : contributions) {
    ASSIGN_OR_RETURN(std::optional<PatentRecord> r, store.Get(c.publication_number));
    if (!r) return Status::NotFound(c.publication_number + " of pool '" + std::string(pool) + "' is no longer in the store");
    ValueFacts f = ctx.FactsFor(*r);
    // The pool knows coverage the store may not (countries given at contribution).
    for (const auto& cc : c.countries)
      if (std::find(f.countries.begin(), f.countries.end(), cc) == f.countries.end()) f.countries.push_back(cc);
    values.push_back(ScorePatent(*r, f, weights));
  }
  RETURN_IF_ERROR(SaveValueScores(ops, values));
  return static_cast<int64_t>(values.size());
}

}  // namespace patnav::domain
