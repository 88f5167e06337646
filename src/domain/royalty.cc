// Royalty reports and their computation.
#include "domain/royalty.h"

#include <map>
#include <set>

#include "base/strings.h"
#include "domain/allocation.h"
#include "domain/alliance_scope.h"
#include "domain/ledger.h"
#include "domain/licensing.h"
#include "domain/money.h"
#include "domain/period.h"

namespace patnav::domain {

namespace {

struct AgreementSpan {
  std::set<std::string> territories;
  std::string from, to;
};

std::string LineRef(const RoyaltyReportInput& r, const RoyaltyLineInput& l) {
  std::string ref = r.source.empty() ? "report of '" + r.licensee + "'" : r.source;
  if (l.source_line > 0) ref += ":" + std::to_string(l.source_line);
  return ref;
}

int64_t CheckedMul(int64_t a, int64_t b, bool* overflow) {
  __int128 p = static_cast<__int128>(a) * b;
  if (p > INT64_MAX) {
    *overflow = true;
    return 0;
  }
  return static_cast<int64_t>(p);
}

}  // namespace

Result<std::vector<RoyaltyReportOutcome>> ReportRoyalties(OperationsDb& ops,
                                                          const std::vector<RoyaltyReportInput>& reports) {
  std::vector<RoyaltyReportOutcome> out;
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    SqliteDb& db = ops.db();
    ASSIGN_OR_RETURN(Statement closed, db.Prepare("SELECT closed_at FROM period_close WHERE pool_id = ?1 AND period = ?2"));
    ASSIGN_OR_RETURN(Statement agreements, db.Prepare(
        "SELECT territories, effective_from, coalesce(effective_to, '') FROM agreement WHERE licensee_id = ?1 AND programme_id = ?2"));
    ASSIGN_OR_RETURN(Statement paid, db.Prepare(
        "SELECT coalesce(sum(total_minor), 0) FROM royalty_report r WHERE licensee_id = ?1 AND programme_id = ?2 AND period = ?3 "
        "AND NOT EXISTS (SELECT 1 FROM ledger_txn x WHERE x.reverses = r.txn_id)"));
    ASSIGN_OR_RETURN(Statement insert_report, db.Prepare(
        "INSERT INTO royalty_report(licensee_id, programme_id, period, source, currency, total_minor, capped, txn_id, reported_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
    ASSIGN_OR_RETURN(Statement insert_country, db.Prepare(
        "INSERT INTO royalty_report_country(report_id, country, lines, units, net_sales_minor, royalty_minor) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    ASSIGN_OR_RETURN(Statement insert_line, db.Prepare(
        "INSERT INTO royalty_line(report_id, line_no, country, units, net_sales_minor, rate, royalty_minor) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
    std::map<std::string, Programme> programmes;
    std::map<std::string, Licensee> licensees;
    std::map<std::pair<int64_t, int64_t>, std::vector<AgreementSpan>> spans;
    const std::string now = NowUtc();
    for (const RoyaltyReportInput& r : reports) {
      auto g = programmes.find(r.programme);
      if (g == programmes.end()) {
        ASSIGN_OR_RETURN(Programme p, FindProgramme(ops, r.programme));
        g = programmes.emplace(r.programme, std::move(p)).first;
      }
      const Programme& prog = g->second;
      auto l = licensees.find(r.licensee);
      if (l == licensees.end()) {
        ASSIGN_OR_RETURN(Licensee x, FindLicensee(ops, r.licensee));
        l = licensees.emplace(r.licensee, std::move(x)).first;
      }
      const Licensee& lic = l->second;
      ASSIGN_OR_RETURN(Period period, ParsePeriod(r.period));
      if (!r.currency.empty() && r.currency != prog.currency)
        return Status::InvalidArgument("currency mismatch: report of '" + lic.name + "' in " + r.currency + ", programme '" +
                                       prog.name + "' in " + prog.currency);
      closed.BindInt64(1, prog.pool_id);
      closed.BindText(2, period.key);
      ASSIGN_OR_RETURN(bool is_closed, closed.Step());
      if (is_closed) {
        std::string at(closed.ColumnText(0));
        closed.Reset();
        return Status::InvalidArgument("period " + period.key + " of pool '" + prog.pool + "' was closed at " + at +
                                       ": no more royalty reports for it");
      }
      closed.Reset();
      if (r.lines.empty()) return Status::InvalidArgument("report of '" + lic.name + "' for " + period.key + " has no lines");
      auto key = std::make_pair(lic.id, prog.id);
      auto sp = spans.find(key);
      if (sp == spans.end()) {
        std::vector<AgreementSpan> v;
        agreements.BindInt64(1, lic.id);
        agreements.BindInt64(2, prog.id);
        for (;;) {
          ASSIGN_OR_RETURN(bool row, agreements.Step());
          if (!row) break;
          AgreementSpan a;
          for (auto t : Split(agreements.ColumnText(0), ',')) a.territories.emplace(t);
          a.from = agreements.ColumnText(1);
          a.to = agreements.ColumnText(2);
          v.push_back(std::move(a));
        }
        agreements.Reset();
        sp = spans.emplace(key, std::move(v)).first;
      }
      const bool member = !lic.member.empty();
      std::vector<int64_t> royalties;
      std::vector<int64_t> rates;
      royalties.reserve(r.lines.size());
      for (const RoyaltyLineInput& line : r.lines) {
        const std::string where = LineRef(r, line);
        if (line.country.size() != 2 || !std::isupper(static_cast<unsigned char>(line.country[0])) ||
            !std::isupper(static_cast<unsigned char>(line.country[1])))
          return Status::InvalidArgument(where + ": country '" + line.country + "' is not a two-letter code");
        if ((line.units && *line.units < 0) || (line.net_sales_minor && *line.net_sales_minor < 0))
          return Status::InvalidArgument(where + ": negative amount");
        bool covered = false;
        for (const AgreementSpan& a : sp->second)
          if ((a.territories.count("*") || a.territories.count(line.country)) && a.from <= period.last_day &&
              (a.to.empty() || a.to >= period.first_day)) {
            covered = true;
            break;
          }
        if (!covered)
          return Status::InvalidArgument(where + ": no agreement of '" + lic.name + "' under '" + prog.name + "' covers " +
                                         line.country + " in " + period.key);
        int64_t rate = prog.RateFor(line.country, member);
        rates.push_back(rate);
        bool overflow = false;
        switch (prog.basis) {
          case RoyaltyBasis::kPerUnit:
            if (!line.units) return Status::InvalidArgument(where + ": programme '" + prog.name + "' charges per unit: units missing");
            royalties.push_back(CheckedMul(*line.units, rate, &overflow));
            break;
          case RoyaltyBasis::kNetSales:
            if (!line.net_sales_minor)
              return Status::InvalidArgument(where + ": programme '" + prog.name + "' charges on net sales: net sales missing");
            royalties.push_back(ApplyPpm(*line.net_sales_minor, rate));
            break;
          case RoyaltyBasis::kLumpSum:
            royalties.push_back(line.units.value_or(line.net_sales_minor.value_or(0)));  // weights, replaced below
            break;
        }
        if (overflow) return Status::InvalidArgument(where + ": royalty too large");
      }
      if (prog.basis == RoyaltyBasis::kLumpSum) {
        int64_t lump = prog.RateFor("", member);
        royalties = AllocateLargestRemainder(lump, royalties);
      }
      __int128 total128 = 0;
      for (int64_t x : royalties) total128 += x;
      if (total128 > INT64_MAX) return Status::InvalidArgument("report of '" + lic.name + "': royalty too large");
      int64_t total = static_cast<int64_t>(total128);
      bool capped = false;
      if (prog.cap_minor) {
        paid.BindInt64(1, lic.id);
        paid.BindInt64(2, prog.id);
        paid.BindText(3, period.key);
        ASSIGN_OR_RETURN(bool row, paid.Step());
        int64_t already = row ? paid.ColumnInt64(0) : 0;
        paid.Reset();
        int64_t room = std::max<int64_t>(0, *prog.cap_minor - already);
        if (total > room) {
          royalties = AllocateLargestRemainder(room, royalties);
          total = room;
          capped = true;
        }
      }
      std::optional<int64_t> txn;
      if (total > 0) {
        std::vector<LedgerEntry> entries = {{"licensee:" + lic.name, "licensee", prog.currency, total},
                                            {"pool:" + prog.pool, "pool", prog.currency, -total}};
        ASSIGN_OR_RETURN(int64_t t, PostTransaction(ops, "royalty", "royalty report " + period.key + " " + lic.name + " / " + prog.name, entries));
        txn = t;
      }
      insert_report.BindInt64(1, lic.id);
      insert_report.BindInt64(2, prog.id);
      insert_report.BindText(3, period.key);
      insert_report.BindTextOrNull(4, r.source);
      insert_report.BindText(5, prog.currency);
      insert_report.BindInt64(6, total);
      insert_report.BindInt64(7, capped ? 1 : 0);
      if (txn) insert_report.BindInt64(8, *txn); else insert_report.BindNull(8);
      insert_report.BindText(9, now);
      Status st = insert_report.Run();
      insert_report.Reset();
      RETURN_IF_ERROR(st);
      const int64_t report_id = db.LastInsertRowid();
      for (size_t i = 0; i < r.lines.size(); ++i) {
        const RoyaltyLineInput& line = r.lines[i];
        insert_line.BindInt64(1, report_id);
        insert_line.BindInt64(2, static_cast<int64_t>(i + 1));
        insert_line.BindText(3, line.country);
        if (line.units) insert_line.BindInt64(4, *line.units); else insert_line.BindNull(4);
        if (line.net_sales_minor) insert_line.BindInt64(5, *line.net_sales_minor); else insert_line.BindNull(5);
        insert_line.BindInt64(6, rates[i]);
        insert_line.BindInt64(7, royalties[i]);
        Status ls = insert_line.Run();
        insert_line.Reset();
        RETURN_IF_ERROR(ls);
      }
      // Per-country totals of the report: what distribution and statements read.
      struct CountryTotal {
        int64_t lines = 0, units = 0, net_sales = 0, royalty = 0;
      };
      std::map<std::string, CountryTotal> by_country;
      for (size_t i = 0; i < r.lines.size(); ++i) {
        CountryTotal& t = by_country[r.lines[i].country];
        ++t.lines;
        t.units += r.lines[i].units.value_or(0);
        t.net_sales += r.lines[i].net_sales_minor.value_or(0);
        t.royalty += royalties[i];
      }
      for (const auto& [country, t] : by_country) {
        insert_country.BindInt64(1, report_id);
        insert_country.BindText(2, country);
        insert_country.BindInt64(3, t.lines);
        insert_country.BindInt64(4, t.units);
        insert_country.BindInt64(5, t.net_sales);
        insert_country.BindInt64(6, t.royalty);
        Status cs = insert_country.Run();
        insert_country.Reset();
        RETURN_IF_ERROR(cs);
      }
      out.push_back({report_id, lic.name, prog.name, period.key, prog.currency, static_cast<int64_t>(r.lines.size()), total, capped,
                     txn.value_or(0)});
    }
    return Status::OK();
  }));
  return out;
}

Result<std::vector<RoyaltyReportInput>> ParseRoyaltyCsv(OperationsDb& ops, std::string_view text, std::string_view source,
                                                        std::optional<int64_t> alliance_id) {
  std::vector<std::vector<std::string>> rows;
  {
    std::string_view rest = text;
    // Minimal CSV: fields separated by commas, optionally double-quoted.
    while (!rest.empty()) {
      std::vector<std::string> row;
      std::string field;
      bool quoted = false, any = false;
      size_t i = 0;
      for (; i < rest.size(); ++i) {
        char c = rest[i];
        if (quoted) {
          if (c == '"' && i + 1 < rest.size() && rest[i + 1] == '"') { field += '"'; ++i; }
          else if (c == '"') quoted = false;
          else field += c;
        } else if (c == '"') { quoted = true; any = true; }
        else if (c == ',') { row.push_back(std::string(Trim(field))); field.clear(); any = true; }
        else if (c == '\n') break;
        else if (c != '\r') { field += c; any = true; }
      }
      if (any || !field.empty()) {
        row.push_back(std::string(Trim(field)));
        rows.push_back(std::move(row));
      } else {
        rows.emplace_back();  // blank line keeps numbering
      }
      rest = i < rest.size() ? rest.substr(i + 1) : std::string_view();
    }
  }
  const std::string src(source);
  if (rows.empty()) return Status::InvalidArgument(src + ": empty royalty file");
  std::map<std::string, int> col;
  for (size_t i = 0; i < rows[0].size(); ++i) {
    std::string h = AsciiLower(rows[0][i]);
    if (i == 0 && StartsWith(h, "\xEF\xBB\xBF")) h = h.substr(3);
    col[h] = static_cast<int>(i);
  }
  for (const char* need : {"licensee", "programme", "period", "country"})
    if (!col.count(need)) return Status::InvalidArgument(src + ": the header has no '" + need + "' column");
  if (!col.count("units") && !col.count("net_sales"))
    return Status::InvalidArgument(src + ": the header has neither 'units' nor 'net_sales'");
  std::map<std::tuple<std::string, std::string, std::string>, size_t> index;
  std::vector<RoyaltyReportInput> out;
  std::map<std::string, std::string> currency_of;
  for (size_t n = 1; n < rows.size(); ++n) {
    const auto& row = rows[n];
    if (row.empty()) continue;
    const std::string where = src + ":" + std::to_string(n + 1);
    auto cell = [&](const char* name) -> std::string {
      auto it = col.find(name);
      if (it == col.end() || static_cast<size_t>(it->second) >= row.size()) return "";
      return row[static_cast<size_t>(it->second)];
    };
    RoyaltyLineInput line;
    line.source_line = static_cast<int64_t>(n + 1);
    line.country = AsciiUpper(cell("country"));
    std::string programme = cell("programme");
    if (programme.empty()) return Status::InvalidArgument(where + ": no programme");
    auto cur = currency_of.find(programme);
    if (cur == currency_of.end()) {
      Result<Programme> p = alliance_id ? FindProgrammeIn(ops, *alliance_id, programme) : FindProgramme(ops, programme);
      if (!p.ok()) return Status::InvalidArgument(where + ": " + p.status().message());
      cur = currency_of.emplace(programme, p->currency).first;
    }
    std::string row_currency = cell("currency");
    if (!row_currency.empty() && row_currency != cur->second)
      return Status::InvalidArgument(where + ": currency mismatch: " + row_currency + ", programme '" + programme + "' is in " + cur->second);
    if (std::string u = cell("units"); !u.empty()) {
      if (StartsWith(u, "-")) return Status::InvalidArgument(where + ": negative amount (units " + u + ")");
      if (!IsAsciiDigits(u) || u.size() > 17) return Status::InvalidArgument(where + ": units '" + u + "' is not a whole number");
      line.units = std::stoll(u);
    }
    if (std::string s = cell("net_sales"); !s.empty()) {
      Result<int64_t> v = ParseAmount(s, cur->second);
      if (!v.ok()) return Status::InvalidArgument(where + ": net sales: " + v.status().message());
      line.net_sales_minor = *v;
    }
    auto key = std::make_tuple(cell("licensee"), programme, cell("period"));
    auto it = index.find(key);
    if (it == index.end()) {
      RoyaltyReportInput r;
      r.licensee = std::get<0>(key);
      r.programme = programme;
      r.period = std::get<2>(key);
      r.currency = cur->second;
      r.source = src;
      it = index.emplace(key, out.size()).first;
      out.push_back(std::move(r));
    }
    out[it->second].lines.push_back(std::move(line));
  }
  return out;
}

}  // namespace patnav::domain
