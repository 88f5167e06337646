// Programmes, licensees and agreements.
#include "domain/licensing.h"

#include <set>

#include "base/strings.h"
#include "domain/alliance.h"
#include "domain/members.h"
#include "domain/money.h"
#include "domain/period.h"
#include "domain/pool.h"

namespace patnav::domain {

Result<RoyaltyBasis> ParseRoyaltyBasis(std::string_view text) {
  std::string t = AsciiLower(Trim(text));
  for (char& c : t) if (c == '_') c = '-';
  if (t == "per-unit" || t == "unit" || t == "running") return RoyaltyBasis::kPerUnit;
  if (t == "net-sales" || t == "percent" || t == "percentage") return RoyaltyBasis::kNetSales;
  if (t == "lump-sum" || t == "lump") return RoyaltyBasis::kLumpSum;
  return Status::InvalidArgument("royalty basis '" + std::string(text) + "' is not per-unit, net-sales or lump-sum");
}

const char* RoyaltyBasisName(RoyaltyBasis b) {
  switch (b) {
    case RoyaltyBasis::kPerUnit: return "per_unit";
    case RoyaltyBasis::kNetSales: return "net_sales";
    case RoyaltyBasis::kLumpSum: return "lump_sum";
  }
  return "";
}

int64_t Programme::RateFor(std::string_view country, bool member) const {
  if (member && member_rate) return *member_rate;
  auto it = country_rates.find(std::string(country));
  return it == country_rates.end() ? rate : it->second;
}

Result<int64_t> ParseRate(RoyaltyBasis basis, std::string_view text, std::string_view currency) {
  if (basis == RoyaltyBasis::kNetSales) return ParsePercentPpm(text);
  return ParseAmount(text, currency);
}

std::string FormatRate(RoyaltyBasis basis, int64_t rate, std::string_view currency) {
  if (basis == RoyaltyBasis::kNetSales) return FormatPercentPpm(rate);
  return FormatAmount(rate, currency) + " " + std::string(currency) + (basis == RoyaltyBasis::kPerUnit ? "/unit" : "/period");
}

Result<int64_t> CreateProgramme(OperationsDb& ops, const ProgrammeInput& in) {
  std::string name(Trim(in.name));
  if (name.empty()) return Status::InvalidArgument("the programme needs a name");
  if (in.rate < 0 || (in.member_rate && *in.member_rate < 0) || (in.cap_minor && *in.cap_minor < 0))
    return Status::InvalidArgument("programme '" + name + "': negative rate or cap");
  for (const auto& [cc, r] : in.country_rates)
    if (r < 0) return Status::InvalidArgument("programme '" + name + "': negative rate for " + cc);
  int64_t id = 0;
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Pool pool, FindPool(ops, in.pool));
    if (!in.currency.empty() && in.currency != pool.currency)
      return Status::InvalidArgument("currency mismatch: programme '" + name + "' in " + in.currency + ", pool '" +
                                     pool.name + "' in " + pool.currency);
    ASSIGN_OR_RETURN(auto existing, QueryOptionalInt(ops.db(), "SELECT id FROM programme WHERE name = ?1", name));
    if (existing) return Status::InvalidArgument("a programme named '" + name + "' already exists");
    ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
        "INSERT INTO programme(pool_id, name, basis, rate, member_rate, cap_minor, currency, created_on) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
    std::string today = TodayUtc();
    s.BindInt64(1, pool.id);
    s.BindText(2, name);
    s.BindText(3, RoyaltyBasisName(in.basis));
    s.BindInt64(4, in.rate);
    if (in.member_rate) s.BindInt64(5, *in.member_rate); else s.BindNull(5);
    if (in.cap_minor) s.BindInt64(6, *in.cap_minor); else s.BindNull(6);
    s.BindText(7, pool.currency);
    s.BindText(8, today);
    RETURN_IF_ERROR(s.Run());
    id = ops.db().LastInsertRowid();
    ASSIGN_OR_RETURN(Statement c, ops.db().Prepare(
        "INSERT INTO programme_country_rate(programme_id, country, rate) VALUES (?1, ?2, ?3)"));
    for (const auto& [cc, r] : in.country_rates) {
      if (cc.size() != 2) return Status::InvalidArgument("country '" + cc + "' is not a two-letter code");
      c.BindInt64(1, id);
      c.BindText(2, cc);
      c.BindInt64(3, r);
      RETURN_IF_ERROR(c.Run());
      c.Reset();
    }
    return Status::OK();
  }));
  return id;
}

Result<Programme> FindProgramme(OperationsDb& ops, std::string_view name) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      "SELECT g.id, g.pool_id, p.name, g.name, g.currency, g.basis, g.rate, g.member_rate, g.cap_minor "
      "FROM programme g JOIN pool p ON p.id = g.pool_id WHERE g.name = ?1"));
  s.BindText(1, name);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::NotFound("unknown programme '" + std::string(name) + "'");
  Programme g;
  g.id = s.ColumnInt64(0);
  g.pool_id = s.ColumnInt64(1);
  g.pool = s.ColumnText(2);
  g.name = s.ColumnText(3);
  g.currency = s.ColumnText(4);
  ASSIGN_OR_RETURN(g.basis, ParseRoyaltyBasis(s.ColumnText(5)));
  g.rate = s.ColumnInt64(6);
  if (!s.ColumnIsNull(7)) g.member_rate = s.ColumnInt64(7);
  if (!s.ColumnIsNull(8)) g.cap_minor = s.ColumnInt64(8);
  s.Reset();
  ASSIGN_OR_RETURN(Statement c, ops.db().Prepare("SELECT country, rate FROM programme_country_rate WHERE programme_id = ?1"));
  c.BindInt64(1, g.id);
  for (;;) {
    ASSIGN_OR_RETURN(bool r, c.Step());
    if (!r) break;
    g.country_rates[std::string(c.ColumnText(0))] = c.ColumnInt64(1);
  }
  return g;
}

Result<int64_t> AddLicensee(OperationsDb& ops, const LicenseeInput& in) {
  std::string name(Trim(in.name));
  if (name.empty()) return Status::InvalidArgument("the licensee needs a name");
  int64_t id = 0;
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(auto existing, QueryOptionalInt(ops.db(), "SELECT id FROM licensee WHERE name = ?1", name));
    if (existing) return Status::InvalidArgument("a licensee named '" + name + "' already exists");
    ASSIGN_OR_RETURN(Alliance a, DefaultAlliance(ops, in.alliance));
    std::optional<int64_t> member_id;
    if (!in.member.empty()) {
      ASSIGN_OR_RETURN(Member m, FindMember(ops, in.member));
      if (m.alliance != a.name)
        return Status::InvalidArgument("member '" + m.name + "' belongs to alliance '" + m.alliance + "', not to '" +
                                       a.name + "'");
      member_id = m.id;
    }
    ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
        "INSERT INTO licensee(name, country, member_id, created_on, alliance_id) VALUES (?1, ?2, ?3, ?4, ?5)"));
    std::string today = TodayUtc(), cc = AsciiUpper(in.country);
    s.BindText(1, name);
    s.BindTextOrNull(2, cc);
    if (member_id) s.BindInt64(3, *member_id); else s.BindNull(3);
    s.BindText(4, today);
    s.BindInt64(5, a.id);
    RETURN_IF_ERROR(s.Run());
    id = ops.db().LastInsertRowid();
    return Status::OK();
  }));
  return id;
}

Result<Licensee> FindLicensee(OperationsDb& ops, std::string_view name) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      "SELECT l.id, l.name, coalesce(l.country, ''), coalesce(m.name, ''), coalesce(a.name, '') FROM licensee l "
      "LEFT JOIN member m ON m.id = l.member_id LEFT JOIN alliance a ON a.id = l.alliance_id WHERE l.name = ?1"));
  s.BindText(1, name);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::NotFound("unknown licensee '" + std::string(name) + "'");
  return Licensee{s.ColumnInt64(0), std::string(s.ColumnText(1)), std::string(s.ColumnText(2)), std::string(s.ColumnText(3)),
                  std::string(s.ColumnText(4))};
}

namespace {

std::set<std::string> TerritorySet(std::string_view text) {
  std::set<std::string> out;
  for (auto part : Split(text, ',')) {
    std::string t = AsciiUpper(Trim(part));
    if (!t.empty()) out.insert(t);
  }
  return out;
}

bool TerritoriesOverlap(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.count("*") || b.count("*")) return true;
  for (const auto& x : a) if (b.count(x)) return true;
  return false;
}

}  // namespace

Result<int64_t> AddAgreement(OperationsDb& ops, const AgreementInput& in) {
  RETURN_IF_ERROR(CheckIsoDate(in.effective_from, "effective date"));
  if (!in.effective_to.empty()) {
    RETURN_IF_ERROR(CheckIsoDate(in.effective_to, "end date"));
    if (in.effective_to < in.effective_from)
      return Status::InvalidArgument("agreement ends (" + in.effective_to + ") before it starts (" + in.effective_from + ")");
  }
  std::set<std::string> territories;
  for (const auto& t : in.territories)
    for (const auto& x : TerritorySet(t)) territories.insert(x);
  if (territories.empty()) return Status::InvalidArgument("the agreement needs territories (\"*\" for worldwide)");
  for (const auto& t : territories)
    if (t != "*" && (t.size() != 2 || !std::isupper(static_cast<unsigned char>(t[0])) || !std::isupper(static_cast<unsigned char>(t[1]))))
      return Status::InvalidArgument("territory '" + t + "' is not a two-letter country code or *");
  if (territories.count("*")) territories = {"*"};
  std::string text;
  for (const auto& t : territories) text += (text.empty() ? "" : ",") + t;
  int64_t id = 0;
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Licensee l, FindLicensee(ops, in.licensee));
    ASSIGN_OR_RETURN(Programme g, FindProgramme(ops, in.programme));
    ASSIGN_OR_RETURN(Pool pool, FindPool(ops, g.pool));
    if (!l.alliance.empty() && l.alliance != pool.alliance)
      return Status::InvalidArgument("licensee '" + l.name + "' belongs to alliance '" + l.alliance + "', programme '" +
                                     g.name + "' to '" + pool.alliance + "'");
    ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
        "SELECT id, territories, effective_from, coalesce(effective_to, '') FROM agreement "
        "WHERE licensee_id = ?1 AND programme_id = ?2"));
    s.BindInt64(1, l.id);
    s.BindInt64(2, g.id);
    for (;;) {
      ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      std::string from(s.ColumnText(2)), to(s.ColumnText(3));
      bool time_overlap = (to.empty() || in.effective_from <= to) && (in.effective_to.empty() || from <= in.effective_to);
      if (time_overlap && TerritoriesOverlap(territories, TerritorySet(s.ColumnText(1))))
        return Status::InvalidArgument("overlapping agreements: '" + l.name + "' already holds agreement " +
                                       std::to_string(s.ColumnInt64(0)) + " under '" + g.name + "' for " +
                                       std::string(s.ColumnText(1)) + " from " + from + (to.empty() ? "" : " to " + to));
    }
    s.Reset();
    ASSIGN_OR_RETURN(Statement ins, ops.db().Prepare(
        "INSERT INTO agreement(licensee_id, programme_id, territories, effective_from, effective_to, created_on) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    std::string today = TodayUtc();
    ins.BindInt64(1, l.id);
    ins.BindInt64(2, g.id);
    ins.BindText(3, text);
    ins.BindText(4, in.effective_from);
    ins.BindTextOrNull(5, in.effective_to);
    ins.BindText(6, today);
    RETURN_IF_ERROR(ins.Run());
    id = ops.db().LastInsertRowid();
    return Status::OK();
  }));
  return id;
}

}  // namespace patnav::domain
