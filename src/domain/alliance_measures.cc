// An alliance's measures from operations.db (alliance_measures.h).
#include "domain/alliance_measures.h"

#include <cstdlib>
#include <optional>

#include "domain/money.h"
#include "domain/recording.h"
#include "domain/recording_reports.h"

namespace patnav::domain {

namespace {

// `sql` names the alliance ?1, the period's first day ?2 (when it needs it) and its last day ?3.
Result<double> Count(OperationsDb& ops, const char* sql, int64_t alliance_id, const Period& p) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(sql));
  s.BindInt64(1, alliance_id);
  s.BindText(2, p.first_day);
  s.BindText(3, p.last_day);
  ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? static_cast<double>(s.ColumnInt64(0)) : 0.0;
}

constexpr const char* kMembers =
    "SELECT count(*) FROM member WHERE alliance_id = ?1 AND joined_on <= ?3 AND (left_on IS NULL OR left_on > ?3)";
constexpr const char* kElementTypes =
    "SELECT count(DISTINCT type) FROM member WHERE alliance_id = ?1 AND joined_on <= ?3 "
    "AND (left_on IS NULL OR left_on > ?3)";
constexpr const char* kPooled =
    "SELECT count(DISTINCT c.publication_number) FROM contribution c JOIN pool p ON p.id = c.pool_id "
    "WHERE p.alliance_id = ?1 AND c.contributed_on <= ?3 AND (c.withdrawn_on IS NULL OR c.withdrawn_on > ?3) "
    "AND c.expires_on > ?3";
constexpr const char* kLicences =
    "SELECT count(*) FROM agreement g JOIN programme pr ON pr.id = g.programme_id JOIN pool p ON p.id = pr.pool_id "
    "WHERE p.alliance_id = ?1 AND g.effective_from <= ?3 AND (g.effective_to IS NULL OR g.effective_to >= ?2)";

// Royalties reported for periods starting within `p`; nullopt for several currencies.
Result<std::optional<double>> Royalties(OperationsDb& ops, int64_t alliance_id, const Period& p) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      "SELECT r.period, r.currency, r.total_minor FROM royalty_report r JOIN programme pr ON pr.id = r.programme_id "
      "JOIN pool p ON p.id = pr.pool_id WHERE p.alliance_id = ?1 "
      "AND NOT EXISTS (SELECT 1 FROM ledger_txn t WHERE r.txn_id IS NOT NULL AND t.reverses = r.txn_id)"));
  s.BindInt64(1, alliance_id);
  std::map<std::string, int64_t> by_currency;
  while (true) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    Result<Period> reported = ParsePeriod(s.ColumnText(0));
    if (!reported.ok() || reported->first_day < p.first_day || reported->first_day > p.last_day) continue;
    by_currency[std::string(s.ColumnText(1))] += s.ColumnInt64(2);
  }
  if (by_currency.size() > 1) return std::optional<double>();
  if (by_currency.empty()) return std::optional<double>(0.0);
  const auto& [currency, minor] = *by_currency.begin();
  return std::optional<double>(std::strtod(FormatAmount(minor, currency).c_str(), nullptr));
}

Result<double> LateReports(OperationsDb& ops, int64_t alliance_id, const Period& p) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      "SELECT id FROM recording WHERE alliance_id = ?1 AND state = 'recorded'"));
  s.BindInt64(1, alliance_id);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return 0.0;
  const int64_t id = s.ColumnInt64(0);
  s.Reset();
  ASSIGN_OR_RETURN(Recording r, FindRecording(ops, id));
  ASSIGN_OR_RETURN(std::vector<RecordingReport> reports, ListRecordingReports(ops, id));
  return static_cast<double>(LateAnnualReports(AnnualObligations(r, reports, p.last_day)));
}

}  // namespace

const std::vector<std::string>& AllianceMeasures() {
  static const std::vector<std::string> m = {"members",  "element_types",  "pooled_patents",
                                             "licences", "royalty_income", "late_annual_reports"};
  return m;
}

Result<std::map<std::string, double>> ComputeAllianceMeasures(OperationsDb& ops, int64_t alliance_id,
                                                              const Period& period,
                                                              const std::set<std::string>& measures) {
  std::map<std::string, double> out;
  const std::pair<const char*, const char*> counts[] = {
      {"members", kMembers}, {"element_types", kElementTypes}, {"pooled_patents", kPooled}, {"licences", kLicences}};
  for (const auto& [code, sql] : counts)
    if (measures.count(code)) {
      ASSIGN_OR_RETURN(out[code], Count(ops, sql, alliance_id, period));
    }
  if (measures.count("royalty_income")) {
    ASSIGN_OR_RETURN(std::optional<double> income, Royalties(ops, alliance_id, period));
    if (income) out["royalty_income"] = *income;
  }
  if (measures.count("late_annual_reports")) {
    ASSIGN_OR_RETURN(out["late_annual_reports"], LateReports(ops, alliance_id, period));
  }
  return out;
}

}  // namespace patnav::domain
