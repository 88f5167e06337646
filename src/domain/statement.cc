// Member statements, traced to royalty reports.
#include "domain/statement.h"

#include <map>

#include <nlohmann/json.hpp>

#include "domain/members.h"
#include "domain/money.h"
#include "domain/period.h"

namespace patnav::domain {

Result<MemberStatement> BuildStatement(OperationsDb& ops, std::string_view member_name, std::string_view period_text,
                                       bool with_lines) {
  ASSIGN_OR_RETURN(Member member, FindMember(ops, member_name));
  ASSIGN_OR_RETURN(Period period, ParsePeriod(period_text));
  MemberStatement st;
  st.member = member.name;
  st.period = period.key;
  SqliteDb& db = ops.db();
  ASSIGN_OR_RETURN(Statement d, db.Prepare(
      "SELECT d.id, p.name, d.currency, d.method, d.txn_id, pc.closed_at, (SELECT id FROM ledger_txn r WHERE r.reverses = d.txn_id), p.id "
      "FROM distribution d JOIN pool p ON p.id = d.pool_id JOIN period_close pc ON pc.distribution_id = d.id "
      "WHERE d.period = ?1 AND EXISTS (SELECT 1 FROM distribution_line l WHERE l.distribution_id = d.id AND l.member_id = ?2) "
      "ORDER BY p.name"));
  d.BindText(1, period.key);
  d.BindInt64(2, member.id);
  std::vector<int64_t> pool_ids;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, d.Step());
    if (!row) break;
    StatementPool p;
    p.distribution_id = d.ColumnInt64(0);
    p.pool = d.ColumnText(1);
    p.currency = d.ColumnText(2);
    p.method = d.ColumnText(3);
    p.txn_id = d.ColumnInt64(4);
    p.closed_at = d.ColumnText(5);
    if (!d.ColumnIsNull(6)) p.reversed_by = d.ColumnInt64(6);
    pool_ids.push_back(d.ColumnInt64(7));
    st.pools.push_back(std::move(p));
  }
  d.Reset();
  ASSIGN_OR_RETURN(Statement lines, db.Prepare(
      "SELECT l.country, l.publication_number, l.value_centi, l.amount_minor, c.gross_minor, c.fee_minor, c.net_minor, "
      "c.eligible_patents FROM distribution_line l JOIN distribution_country c ON c.distribution_id = l.distribution_id "
      "AND c.country = l.country WHERE l.distribution_id = ?1 AND l.member_id = ?2 ORDER BY l.country, l.publication_number"));
  ASSIGN_OR_RETURN(Statement sources, db.Prepare(
      "SELECT c.country, r.id, li.name, g.name, c.lines, c.units, c.net_sales_minor, c.royalty_minor "
      "FROM royalty_report_country c JOIN royalty_report r ON r.id = c.report_id JOIN licensee li ON li.id = r.licensee_id "
      "JOIN programme g ON g.id = r.programme_id WHERE g.pool_id = ?1 AND r.period = ?2 "
      "AND NOT EXISTS (SELECT 1 FROM ledger_txn x WHERE x.reverses = r.txn_id) ORDER BY c.country, r.id"));
  for (size_t i = 0; i < st.pools.size(); ++i) {
    StatementPool& p = st.pools[i];
    lines.BindInt64(1, p.distribution_id);
    lines.BindInt64(2, member.id);
    for (;;) {
      ASSIGN_OR_RETURN(bool row, lines.Step());
      if (!row) break;
      std::string country(lines.ColumnText(0));
      if (p.countries.empty() || p.countries.back().country != country) {
        StatementCountry c;
        c.country = country;
        c.gross_minor = lines.ColumnInt64(4);
        c.fee_minor = lines.ColumnInt64(5);
        c.net_minor = lines.ColumnInt64(6);
        c.eligible_patents = lines.ColumnInt64(7);
        p.countries.push_back(std::move(c));
      }
      StatementCountry& c = p.countries.back();
      c.patents.push_back({std::string(lines.ColumnText(1)), lines.ColumnInt64(2), lines.ColumnInt64(3)});
      c.member_minor += lines.ColumnInt64(3);
      p.total_minor += lines.ColumnInt64(3);
    }
    lines.Reset();
    // One pass over the period's royalty lines, grouped by country and report.
    std::map<std::string, StatementCountry*> by_country;
    for (StatementCountry& c : p.countries) by_country[c.country] = &c;
    sources.BindInt64(1, pool_ids[i]);
    sources.BindText(2, period.key);
    for (;;) {
      ASSIGN_OR_RETURN(bool row, sources.Step());
      if (!row) break;
      auto it = by_country.find(std::string(sources.ColumnText(0)));
      if (it == by_country.end()) continue;
      StatementSource src;
      src.report_id = sources.ColumnInt64(1);
      src.licensee = sources.ColumnText(2);
      src.programme = sources.ColumnText(3);
      src.lines = sources.ColumnInt64(4);
      src.units = sources.ColumnInt64(5);
      src.net_sales_minor = sources.ColumnInt64(6);
      src.royalty_minor = sources.ColumnInt64(7);
      it->second->sources.push_back(std::move(src));
    }
    sources.Reset();
  }
  if (with_lines) {
    ASSIGN_OR_RETURN(Statement ln, db.Prepare(
        "SELECT line_no FROM royalty_line WHERE report_id = ?1 AND country = ?2 ORDER BY line_no"));
    for (StatementPool& p : st.pools)
      for (StatementCountry& c : p.countries)
        for (StatementSource& src : c.sources) {
          ln.BindInt64(1, src.report_id);
          ln.BindText(2, c.country);
          for (;;) {
            ASSIGN_OR_RETURN(bool row, ln.Step());
            if (!row) break;
            src.line_numbers.push_back(ln.ColumnInt64(0));
          }
          ln.Reset();
        }
  }
  return st;
}

std::string StatementToJson(const MemberStatement& s) {
  nlohmann::ordered_json j;
  j["member"] = s.member;
  j["period"] = s.period;
  j["pools"] = nlohmann::ordered_json::array();
  for (const StatementPool& p : s.pools) {
    nlohmann::ordered_json pj;
    pj["pool"] = p.pool;
    pj["currency"] = p.currency;
    pj["method"] = p.method;
    pj["distribution_id"] = p.distribution_id;
    pj["ledger_transaction"] = p.txn_id;
    pj["closed_at"] = p.closed_at;
    if (p.reversed_by) pj["reversed_by_transaction"] = *p.reversed_by;
    pj["total"] = FormatAmount(p.total_minor, p.currency);
    pj["total_minor"] = p.total_minor;
    pj["countries"] = nlohmann::ordered_json::array();
    for (const StatementCountry& c : p.countries) {
      nlohmann::ordered_json cj;
      cj["country"] = c.country;
      cj["gross_minor"] = c.gross_minor;
      cj["fee_minor"] = c.fee_minor;
      cj["net_minor"] = c.net_minor;
      cj["eligible_patents"] = c.eligible_patents;
      cj["member_minor"] = c.member_minor;
      cj["patents"] = nlohmann::ordered_json::array();
      for (const StatementPatent& x : c.patents)
        cj["patents"].push_back({{"publication_number", x.publication_number},
                                 {"value", x.value_centi / 100.0},
                                 {"amount", FormatAmount(x.amount_minor, p.currency)},
                                 {"amount_minor", x.amount_minor}});
      cj["royalty_reports"] = nlohmann::ordered_json::array();
      for (const StatementSource& x : c.sources) {
        nlohmann::ordered_json sj = {{"report_id", x.report_id},
                                     {"licensee", x.licensee},
                                     {"programme", x.programme},
                                     {"lines", x.lines},
                                     {"units", x.units},
                                     {"net_sales_minor", x.net_sales_minor},
                                     {"royalty_minor", x.royalty_minor}};
        if (!x.line_numbers.empty()) sj["line_numbers"] = x.line_numbers;
        cj["royalty_reports"].push_back(std::move(sj));
      }
      pj["countries"].push_back(std::move(cj));
    }
    j["pools"].push_back(std::move(pj));
  }
  return j.dump(2) + "\n";
}

namespace {

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

}  // namespace

std::string StatementToCsv(const MemberStatement& s) {
  std::string out =
      "pool,period,currency,country,publication_number,value,amount,country_gross,country_fee,country_net,"
      "eligible_patents,royalty_reports\n";
  for (const StatementPool& p : s.pools)
    for (const StatementCountry& c : p.countries) {
      std::string reports;
      for (const StatementSource& x : c.sources) reports += (reports.empty() ? "" : ";") + std::to_string(x.report_id);
      for (const StatementPatent& x : c.patents) {
        char value[32];
        std::snprintf(value, sizeof value, "%.2f", x.value_centi / 100.0);
        out += CsvField(p.pool) + "," + s.period + "," + p.currency + "," + c.country + "," + x.publication_number + "," +
               value + "," + FormatAmount(x.amount_minor, p.currency) + "," + FormatAmount(c.gross_minor, p.currency) +
               "," + FormatAmount(c.fee_minor, p.currency) + "," + FormatAmount(c.net_minor, p.currency) + "," +
               std::to_string(c.eligible_patents) + "," + reports + "\n";
      }
    }
  return out;
}

}  // namespace patnav::domain
