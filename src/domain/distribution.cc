// Planning and closing a period's distribution.
#include "domain/distribution.h"

#include <algorithm>
#include <unordered_map>

#include "base/strings.h"
#include "domain/allocation.h"
#include "domain/ledger.h"
#include "domain/period.h"
#include "domain/pool.h"

namespace patnav::domain {

Result<DistributionMethod> ParseDistributionMethod(std::string_view text) {
  std::string t = AsciiLower(Trim(text));
  if (t == "value") return DistributionMethod::kValue;
  if (t == "patent-country" || t == "patent_country") return DistributionMethod::kPatentCountry;
  if (t == "blend") return DistributionMethod::kBlend;
  return Status::InvalidArgument("distribution method '" + std::string(text) + "' is not value, patent-country or blend");
}

const char* DistributionMethodName(DistributionMethod m) {
  switch (m) {
    case DistributionMethod::kValue: return "value";
    case DistributionMethod::kPatentCountry: return "patent-country";
    case DistributionMethod::kBlend: return "blend";
  }
  return "";
}

namespace {

struct Candidate {
  std::string publication_number, member;
  int64_t member_id = 0;
  int64_t value_centi = -1;  // -1: no score
  std::vector<std::string> countries;
};

// Eligible patents per country, with the reasons others are left out.
Status LoadEligible(OperationsDb& ops, const Pool& pool, const Period& period,
                    std::map<std::string, std::vector<const Candidate*>>& by_country, std::vector<Candidate>& storage,
                    std::map<std::string, int64_t>& excluded) {
  SqliteDb& db = ops.db();
  ASSIGN_OR_RETURN(Statement s, db.Prepare(
      "SELECT c.id, c.publication_number, c.member_id, m.name, c.contributed_on, coalesce(c.withdrawn_on, ''), "
      "c.essentiality, c.expires_on, coalesce(v.overall_centi, -1) FROM contribution c "
      "JOIN member m ON m.id = c.member_id LEFT JOIN patent_value v ON v.publication_number = c.publication_number "
      "WHERE c.pool_id = ?1 ORDER BY c.publication_number"));
  s.BindInt64(1, pool.id);
  std::unordered_map<int64_t, size_t> index;
  const std::string& day = period.last_day;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    std::string_view contributed = s.ColumnText(4), withdrawn = s.ColumnText(5), ess = s.ColumnText(6),
                     expires = s.ColumnText(7);
    const char* reason = nullptr;
    if (contributed > day) reason = "contributed after the period";
    else if (!withdrawn.empty() && withdrawn <= day) reason = "withdrawn";
    else if (ess == "rejected") reason = "essentiality rejected";
    else if (expires < day) reason = "expired";
    if (reason) {
      ++excluded[reason];
      continue;
    }
    Candidate c;
    c.publication_number = s.ColumnText(1);
    c.member_id = s.ColumnInt64(2);
    c.member = s.ColumnText(3);
    c.value_centi = s.ColumnInt64(8);
    index.emplace(s.ColumnInt64(0), storage.size());
    storage.push_back(std::move(c));
  }
  s.Reset();
  ASSIGN_OR_RETURN(Statement cs, db.Prepare(
      "SELECT cc.contribution_id, cc.country FROM contribution_country cc JOIN contribution c ON c.id = cc.contribution_id "
      "WHERE c.pool_id = ?1"));
  cs.BindInt64(1, pool.id);
  for (;;) {
    ASSIGN_OR_RETURN(bool row, cs.Step());
    if (!row) break;
    auto it = index.find(cs.ColumnInt64(0));
    if (it != index.end()) storage[it->second].countries.emplace_back(cs.ColumnText(1));
  }
  cs.Reset();
  // Lapses recorded on or before the period's last day, for the pool's patents.
  std::map<std::string, std::vector<std::string>> lapsed;  // publication -> countries ("" = everywhere)
  ASSIGN_OR_RETURN(Statement ls, db.Prepare(
      "SELECT l.publication_number, l.country FROM lapse l WHERE l.lapsed_on <= ?2 AND EXISTS "
      "(SELECT 1 FROM contribution c WHERE c.pool_id = ?1 AND c.publication_number = l.publication_number)"));
  ls.BindInt64(1, pool.id);
  ls.BindText(2, day);
  for (;;) {
    ASSIGN_OR_RETURN(bool row, ls.Step());
    if (!row) break;
    lapsed[std::string(ls.ColumnText(0))].emplace_back(ls.ColumnText(1));
  }
  ls.Reset();
  for (Candidate& c : storage) {
    auto lp = lapsed.find(c.publication_number);
    if (lp != lapsed.end()) {
      bool everywhere = std::find(lp->second.begin(), lp->second.end(), "") != lp->second.end();
      if (everywhere) {
        ++excluded["lapsed"];
        continue;
      }
      std::erase_if(c.countries, [&](const std::string& cc) {
        return std::find(lp->second.begin(), lp->second.end(), cc) != lp->second.end();
      });
      if (c.countries.empty()) {
        ++excluded["lapsed"];
        continue;
      }
    }
    for (const auto& cc : c.countries) by_country[cc].push_back(&c);
  }
  return Status::OK();
}

}  // namespace

Result<DistributionPlan> PlanDistribution(OperationsDb& ops, const DistributionRequest& request) {
  ASSIGN_OR_RETURN(Pool pool, FindPool(ops, request.pool));
  ASSIGN_OR_RETURN(Period period, ParsePeriod(request.period));
  if (request.value_weight_ppm < 0 || request.value_weight_ppm > 1'000'000)
    return Status::InvalidArgument("blend weight must be between 0 and 1");
  DistributionPlan plan;
  plan.pool = pool.name;
  plan.period = period.key;
  plan.currency = pool.currency;
  plan.method = request.method;
  plan.value_weight_ppm = request.method == DistributionMethod::kBlend ? request.value_weight_ppm
                          : request.method == DistributionMethod::kValue ? 1'000'000 : 0;

  // Gross income per country.
  ASSIGN_OR_RETURN(Statement g, ops.db().Prepare(
      "SELECT c.country, sum(c.royalty_minor) FROM royalty_report_country c JOIN royalty_report r ON r.id = c.report_id "
      "JOIN programme p ON p.id = r.programme_id WHERE p.pool_id = ?1 AND r.period = ?2 "
      "AND NOT EXISTS (SELECT 1 FROM ledger_txn x WHERE x.reverses = r.txn_id) GROUP BY c.country ORDER BY c.country"));
  g.BindInt64(1, pool.id);
  g.BindText(2, period.key);
  std::vector<int64_t> gross;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, g.Step());
    if (!row) break;
    CountryShare c;
    c.country = g.ColumnText(0);
    c.gross_minor = g.ColumnInt64(1);
    plan.gross_minor += c.gross_minor;
    gross.push_back(c.gross_minor);
    plan.countries.push_back(std::move(c));
  }
  g.Reset();
  plan.fee_minor = ApplyPpm(plan.gross_minor, pool.admin_fee_ppm);
  std::vector<int64_t> fees = AllocateLargestRemainder(plan.fee_minor, gross);

  std::map<std::string, std::vector<const Candidate*>> by_country;
  std::vector<Candidate> storage;
  RETURN_IF_ERROR(LoadEligible(ops, pool, period, by_country, storage, plan.excluded));
  if (request.method != DistributionMethod::kPatentCountry) {
    int64_t missing = 0;
    std::string example;
    for (const Candidate& c : storage)
      if (c.value_centi < 0) {
        if (++missing == 1) example = c.publication_number;
      }
    if (missing > 0)
      return Status::InvalidArgument(std::to_string(missing) + " eligible patents of pool '" + pool.name +
                                     "' have no value score (e.g. " + example + "): run 'patnav pool rescore --pool " +
                                     pool.name + "' first");
  }

  for (size_t i = 0; i < plan.countries.size(); ++i) {
    CountryShare& c = plan.countries[i];
    c.fee_minor = fees[i];
    c.net_minor = c.gross_minor - c.fee_minor;
    auto it = by_country.find(c.country);
    if (it == by_country.end() || it->second.empty()) {
      plan.undistributed_minor += c.net_minor;
      continue;
    }
    const std::vector<const Candidate*>& patents = it->second;
    c.eligible_patents = static_cast<int64_t>(patents.size());
    const __int128 n = static_cast<__int128>(patents.size());
    __int128 value_sum = 0;
    for (const Candidate* p : patents) value_sum += std::max<int64_t>(0, p->value_centi);
    std::vector<__int128> weights(patents.size());
    for (size_t k = 0; k < patents.size(); ++k) {
      const __int128 v = std::max<int64_t>(0, patents[k]->value_centi);
      switch (request.method) {
        case DistributionMethod::kValue: weights[k] = v; break;
        case DistributionMethod::kPatentCountry: weights[k] = 1; break;
        case DistributionMethod::kBlend:
          // w*v/V + (1-w)/n over the common denominator V*n*1e6.
          weights[k] = value_sum == 0 ? 1
                                      : static_cast<__int128>(request.value_weight_ppm) * v * n +
                                            static_cast<__int128>(1'000'000 - request.value_weight_ppm) * value_sum;
          break;
      }
    }
    std::vector<int64_t> parts = AllocateLargestRemainder128(c.net_minor, weights);
    for (size_t k = 0; k < patents.size(); ++k) {
      PatentShare s;
      s.country = c.country;
      s.publication_number = patents[k]->publication_number;
      s.member = patents[k]->member;
      s.member_id = patents[k]->member_id;
      s.value_centi = request.method == DistributionMethod::kPatentCountry ? 0 : patents[k]->value_centi;
      s.amount_minor = parts[k];
      plan.distributable_minor += parts[k];
      plan.by_member[s.member] += parts[k];
      plan.shares.push_back(std::move(s));
    }
  }
  int64_t no_country = 0;
  for (const Candidate& c : storage)
    if (c.countries.empty()) ++no_country;
  if (no_country) plan.excluded["no country"] += no_country;
  return plan;
}

Result<int64_t> CloseDistribution(OperationsDb& ops, const DistributionRequest& request, DistributionPlan* plan_out) {
  int64_t distribution_id = 0;
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    SqliteDb& db = ops.db();
    ASSIGN_OR_RETURN(Pool pool, FindPool(ops, request.pool));
    ASSIGN_OR_RETURN(Period period, ParsePeriod(request.period));
    {
      ASSIGN_OR_RETURN(Statement c, db.Prepare("SELECT closed_at FROM period_close WHERE pool_id = ?1 AND period = ?2"));
      c.BindInt64(1, pool.id);
      c.BindText(2, period.key);
      ASSIGN_OR_RETURN(bool closed, c.Step());
      if (closed)
        return Status::InvalidArgument("period " + period.key + " of pool '" + pool.name + "' is already closed (at " +
                                       std::string(c.ColumnText(0)) + "); closing is final: correct with 'patnav ledger reverse'");
    }
    ASSIGN_OR_RETURN(DistributionPlan plan, PlanDistribution(ops, request));
    if (plan.gross_minor == 0)
      return Status::InvalidArgument("pool '" + pool.name + "' has no royalty income reported for " + period.key);
    std::vector<LedgerEntry> entries;
    entries.push_back({"pool:" + pool.name, "pool", plan.currency, plan.gross_minor});
    entries.push_back({"administrator:" + pool.name, "administrator", plan.currency, -plan.fee_minor});
    entries.push_back({"suspense:" + pool.name, "suspense", plan.currency, -plan.undistributed_minor});
    for (const auto& [member, amount] : plan.by_member)
      entries.push_back({"member:" + member, "member", plan.currency, -amount});
    ASSIGN_OR_RETURN(int64_t txn, PostTransaction(ops, "distribution",
                                                  "distribution " + pool.name + " " + period.key + " (" +
                                                      DistributionMethodName(plan.method) + ")",
                                                  entries));
    ASSIGN_OR_RETURN(Statement d, db.Prepare(
        "INSERT INTO distribution(pool_id, period, method, value_weight_ppm, currency, gross_minor, fee_minor, "
        "distributable_minor, undistributed_minor, txn_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"));
    std::string now = NowUtc();
    d.BindInt64(1, pool.id);
    d.BindText(2, period.key);
    d.BindText(3, DistributionMethodName(plan.method));
    d.BindInt64(4, plan.value_weight_ppm);
    d.BindText(5, plan.currency);
    d.BindInt64(6, plan.gross_minor);
    d.BindInt64(7, plan.fee_minor);
    d.BindInt64(8, plan.distributable_minor);
    d.BindInt64(9, plan.undistributed_minor);
    d.BindInt64(10, txn);
    d.BindText(11, now);
    RETURN_IF_ERROR(d.Run());
    distribution_id = db.LastInsertRowid();
    ASSIGN_OR_RETURN(Statement c, db.Prepare(
        "INSERT INTO distribution_country(distribution_id, country, gross_minor, fee_minor, net_minor, eligible_patents) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    for (const CountryShare& x : plan.countries) {
      c.BindInt64(1, distribution_id);
      c.BindText(2, x.country);
      c.BindInt64(3, x.gross_minor);
      c.BindInt64(4, x.fee_minor);
      c.BindInt64(5, x.net_minor);
      c.BindInt64(6, x.eligible_patents);
      RETURN_IF_ERROR(c.Run());
      c.Reset();
    }
    ASSIGN_OR_RETURN(Statement l, db.Prepare(
        "INSERT INTO distribution_line(distribution_id, country, publication_number, member_id, value_centi, amount_minor) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    for (const PatentShare& s : plan.shares) {
      l.BindInt64(1, distribution_id);
      l.BindText(2, s.country);
      l.BindText(3, s.publication_number);
      l.BindInt64(4, s.member_id);
      l.BindInt64(5, s.value_centi);
      l.BindInt64(6, s.amount_minor);
      RETURN_IF_ERROR(l.Run());
      l.Reset();
    }
    ASSIGN_OR_RETURN(Statement pc, db.Prepare(
        "INSERT INTO period_close(pool_id, period, first_day, last_day, distribution_id, closed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    pc.BindInt64(1, pool.id);
    pc.BindText(2, period.key);
    pc.BindText(3, period.first_day);
    pc.BindText(4, period.last_day);
    pc.BindInt64(5, distribution_id);
    pc.BindText(6, now);
    RETURN_IF_ERROR(pc.Run());
    if (plan_out) *plan_out = std::move(plan);
    return Status::OK();
  }));
  return distribution_id;
}

}  // namespace patnav::domain
