// Pools, contributions, essentiality, withdrawals and lapses.
#include "domain/pool.h"

#include <set>

#include "base/strings.h"
#include "domain/alliance.h"
#include "domain/members.h"
#include "domain/money.h"
#include "domain/patent_term.h"
#include "domain/period.h"
#include "model/publication_number.h"

namespace patnav::domain {

namespace {

Status CheckCountry(std::string_view c) {
  bool ok = c.size() == 2;
  for (char ch : c) ok = ok && ch >= 'A' && ch <= 'Z';
  if (!ok) return Status::InvalidArgument("country '" + std::string(c) + "' is not a two-letter code (US, CN, DE, EP)");
  return Status::OK();
}

}  // namespace

Result<int64_t> CreatePool(OperationsDb& ops, const PoolInput& in) {
  std::string name(Trim(in.name));
  if (name.empty()) return Status::InvalidArgument("the pool needs a name");
  RETURN_IF_ERROR(CheckCurrency(in.currency));
  if (in.admin_fee_ppm < 0 || in.admin_fee_ppm > 1'000'000)
    return Status::InvalidArgument("administrator fee must be between 0 and 100%");
  int64_t id = 0;
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Alliance a, DefaultAlliance(ops, in.alliance));
    ASSIGN_OR_RETURN(auto existing, QueryOptionalInt(ops.db(), "SELECT id FROM pool WHERE name = ?1", name));
    if (existing) return Status::InvalidArgument("a pool named '" + name + "' already exists");
    ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
        "INSERT INTO pool(alliance_id, name, scope, standard, clauses, currency, admin_fee_ppm, created_on) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
    std::string today = TodayUtc();
    s.BindInt64(1, a.id);
    s.BindText(2, name);
    s.BindTextOrNull(3, in.scope);
    s.BindTextOrNull(4, in.standard);
    s.BindTextOrNull(5, in.clauses);
    s.BindText(6, in.currency);
    s.BindInt64(7, in.admin_fee_ppm);
    s.BindText(8, today);
    RETURN_IF_ERROR(s.Run());
    id = ops.db().LastInsertRowid();
    return Status::OK();
  }));
  return id;
}

Result<Pool> FindPool(OperationsDb& ops, std::string_view name) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      "SELECT p.id, a.name, p.name, coalesce(p.scope, ''), coalesce(p.standard, ''), coalesce(p.clauses, ''), "
      "p.currency, p.created_on, p.admin_fee_ppm FROM pool p JOIN alliance a ON a.id = p.alliance_id WHERE p.name = ?1"));
  s.BindText(1, name);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::NotFound("unknown pool '" + std::string(name) + "'");
  Pool p;
  p.id = s.ColumnInt64(0);
  p.alliance = s.ColumnText(1);
  p.name = s.ColumnText(2);
  p.scope = s.ColumnText(3);
  p.standard = s.ColumnText(4);
  p.clauses = s.ColumnText(5);
  p.currency = s.ColumnText(6);
  p.created_on = s.ColumnText(7);
  p.admin_fee_ppm = s.ColumnInt64(8);
  return p;
}

Result<std::string> ParseEssentiality(std::string_view text) {
  std::string t = AsciiLower(Trim(text));
  if (t == "claimed" || t == "声明") return std::string("claimed");
  if (t == "essential" || t == "evaluated" || t == "evaluated-essential" || t == "必要") return std::string("essential");
  if (t == "rejected" || t == "not-essential" || t == "驳回") return std::string("rejected");
  return Status::InvalidArgument("essentiality '" + std::string(text) + "' is not claimed, essential or rejected");
}

Status Contribute(OperationsDb& ops, const std::vector<ContributionInput>& in) {
  return ops.Write([&]() -> Status {
    SqliteDb& db = ops.db();
    ASSIGN_OR_RETURN(Statement dup, db.Prepare(
        "SELECT m.name, c.contributed_on FROM contribution c JOIN member m ON m.id = c.member_id "
        "WHERE c.pool_id = ?1 AND c.publication_number = ?2"));
    ASSIGN_OR_RETURN(Statement insert, db.Prepare(
        "INSERT INTO contribution(pool_id, publication_number, member_id, contributed_on, essentiality, expires_on) "
        "VALUES (?1, ?2, ?3, ?4, 'claimed', ?5)"));
    ASSIGN_OR_RETURN(Statement country, db.Prepare(
        "INSERT OR IGNORE INTO contribution_country(contribution_id, country) VALUES (?1, ?2)"));
    std::map<std::string, Pool> pools;
    std::map<std::string, Member> members;
    std::string today = TodayUtc();
    for (const ContributionInput& c : in) {
      auto p = pools.find(c.pool);
      if (p == pools.end()) {
        ASSIGN_OR_RETURN(Pool pool, FindPool(ops, c.pool));
        p = pools.emplace(c.pool, std::move(pool)).first;
      }
      auto m = members.find(c.member);
      if (m == members.end()) {
        ASSIGN_OR_RETURN(Member member, FindMember(ops, c.member));
        m = members.emplace(c.member, std::move(member)).first;
      }
      if (m->second.alliance != p->second.alliance)
        return Status::InvalidArgument("member '" + c.member + "' belongs to alliance '" + m->second.alliance +
                                       "', not to '" + p->second.alliance + "' of pool '" + c.pool + "'");
      const std::string on = c.contributed_on.empty() ? today : c.contributed_on;
      RETURN_IF_ERROR(CheckIsoDate(on, "contribution date"));
      if (!m->second.active_on(on))
        return Status::InvalidArgument("member '" + c.member + "' is not a member on " + on + " (joined " +
                                       m->second.joined_on + (m->second.left_on.empty() ? "" : ", left " + m->second.left_on) + ")");
      if (c.publication_number.empty()) return Status::InvalidArgument("contribution without a publication number");
      RETURN_IF_ERROR(CheckIsoDate(c.expires_on, "expiry of " + c.publication_number));
      if (c.countries.empty()) return Status::InvalidArgument(c.publication_number + ": no country where it is in force");
      for (const auto& cc : c.countries) RETURN_IF_ERROR(CheckCountry(cc));
      dup.BindInt64(1, p->second.id);
      dup.BindText(2, c.publication_number);
      ASSIGN_OR_RETURN(bool exists, dup.Step());
      if (exists) {
        std::string msg = c.publication_number + " is already in pool '" + c.pool + "' (contributed by " +
                          std::string(dup.ColumnText(0)) + " on " + std::string(dup.ColumnText(1)) + ")";
        dup.Reset();
        return Status::InvalidArgument(msg);
      }
      dup.Reset();
      insert.BindInt64(1, p->second.id);
      insert.BindText(2, c.publication_number);
      insert.BindInt64(3, m->second.id);
      insert.BindText(4, on);
      insert.BindText(5, c.expires_on);
      Status st = insert.Run();
      insert.Reset();
      RETURN_IF_ERROR(st);
      int64_t id = db.LastInsertRowid();
      for (const auto& cc : c.countries) {
        country.BindInt64(1, id);
        country.BindText(2, cc);
        RETURN_IF_ERROR(country.Run());
        country.Reset();
      }
    }
    return Status::OK();
  });
}

Status ContributeFromStore(OperationsDb& ops, PatentStore& store, std::string_view pool, std::string_view member,
                           const std::vector<std::string>& publications, std::string_view contributed_on,
                           const std::vector<std::string>& extra_countries) {
  if (publications.empty()) return Status::InvalidArgument("no publication to contribute");
  std::vector<PatentRecord> records;
  std::set<std::string> families;
  for (const auto& p : publications) {
    ASSIGN_OR_RETURN(PatentRecord r, FindPatent(store, p));
    if (!r.family_id.empty()) families.insert(r.family_id);
    records.push_back(std::move(r));
  }
  ASSIGN_OR_RETURN(auto family_countries, FamilyCountries(store, families));
  std::vector<ContributionInput> in;
  for (const PatentRecord& r : records) {
    ContributionInput c;
    c.pool = pool;
    c.member = member;
    c.publication_number = r.publication_number;
    c.contributed_on = contributed_on;
    std::set<std::string> countries = {r.country};
    if (!r.family_id.empty())
      for (const auto& cc : family_countries[r.family_id]) countries.insert(cc);
    for (const auto& cc : extra_countries) countries.insert(AsciiUpper(Trim(cc)));
    countries.erase("WO");  // a PCT publication is not a national right
    countries.erase("EP");  // validated per state: name them with --countries
    if (countries.empty()) countries.insert(r.country);
    c.countries.assign(countries.begin(), countries.end());
    c.expires_on = StatutoryExpiry(r);
    if (c.expires_on.empty()) return Status::InvalidArgument(r.publication_number + " has no filing, priority or publication date");
    in.push_back(std::move(c));
  }
  return Contribute(ops, in);
}

Result<std::string> ContributedNumber(OperationsDb& ops, int64_t pool_id, std::string_view text) {
  Result<PublicationKey> key = ParsePublicationNumber(text, "US");
  if (!key.ok()) return Status::InvalidArgument("'" + std::string(text) + "' is not a publication number");
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      "SELECT publication_number FROM contribution WHERE pool_id = ?1 AND "
      "(publication_number = ?2 OR (?3 AND substr(publication_number, 1, length(?2)) = ?2 "
      "AND length(publication_number) <= length(?2) + 2 "
      "AND substr(publication_number, length(?2) + 1, 1) BETWEEN 'A' AND 'Z'))"));
  std::string number = key->ToString();
  s.BindInt64(1, pool_id);
  s.BindText(2, number);
  s.BindInt64(3, key->kind.empty() ? 1 : 0);
  std::vector<std::string> found;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    found.emplace_back(s.ColumnText(0));
  }
  if (found.empty()) return Status::NotFound(number + " is not in the pool");
  if (found.size() > 1) return Status::InvalidArgument(number + " is ambiguous: give the kind code");
  return found[0];
}

Status Withdraw(OperationsDb& ops, std::string_view pool, std::string_view publication, std::string_view withdrawn_on) {
  RETURN_IF_ERROR(CheckIsoDate(withdrawn_on, "withdrawal date"));
  return ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Pool p, FindPool(ops, pool));
    ASSIGN_OR_RETURN(std::string number, ContributedNumber(ops, p.id, publication));
    ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
        "SELECT id, contributed_on, withdrawn_on FROM contribution WHERE pool_id = ?1 AND publication_number = ?2"));
    s.BindInt64(1, p.id);
    s.BindText(2, number);
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return Status::NotFound(number + " is not in pool '" + p.name + "'");
    int64_t id = s.ColumnInt64(0);
    std::string contributed(s.ColumnText(1));
    if (!s.ColumnIsNull(2))
      return Status::InvalidArgument(number + " was already withdrawn from '" + p.name + "' on " + std::string(s.ColumnText(2)));
    s.Reset();
    if (withdrawn_on < contributed)
      return Status::InvalidArgument("withdrawal date " + std::string(withdrawn_on) + " is before the contribution (" + contributed + ")");
    ASSIGN_OR_RETURN(Statement u, ops.db().Prepare("UPDATE contribution SET withdrawn_on = ?2 WHERE id = ?1"));
    u.BindInt64(1, id);
    u.BindText(2, withdrawn_on);
    return u.Run();
  });
}

Status SetEssentiality(OperationsDb& ops, std::string_view pool, std::string_view publication, std::string_view status,
                       std::string_view decided_on, std::string_view evaluator, std::string_view note) {
  ASSIGN_OR_RETURN(std::string st, ParseEssentiality(status));
  std::string on = decided_on.empty() ? TodayUtc() : std::string(decided_on);
  RETURN_IF_ERROR(CheckIsoDate(on, "decision date"));
  return ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Pool p, FindPool(ops, pool));
    ASSIGN_OR_RETURN(std::string number, ContributedNumber(ops, p.id, publication));
    ASSIGN_OR_RETURN(Statement u, ops.db().Prepare(
        "UPDATE contribution SET essentiality = ?3 WHERE pool_id = ?1 AND publication_number = ?2 RETURNING id"));
    u.BindInt64(1, p.id);
    u.BindText(2, number);
    u.BindText(3, st);
    ASSIGN_OR_RETURN(bool row, u.Step());
    if (!row) return Status::NotFound(number + " is not in pool '" + p.name + "'");
    int64_t id = u.ColumnInt64(0);
    u.Reset();
    ASSIGN_OR_RETURN(Statement h, ops.db().Prepare(
        "INSERT INTO essentiality_decision(contribution_id, status, decided_on, evaluator, note) VALUES (?1, ?2, ?3, ?4, ?5)"));
    h.BindInt64(1, id);
    h.BindText(2, st);
    h.BindText(3, on);
    h.BindTextOrNull(4, evaluator);
    h.BindTextOrNull(5, note);
    return h.Run();
  });
}

Status RecordLapse(OperationsDb& ops, std::string_view publication, std::string_view country, std::string_view lapsed_on) {
  RETURN_IF_ERROR(CheckIsoDate(lapsed_on, "lapse date"));
  std::string cc = AsciiUpper(Trim(country));
  if (!cc.empty()) RETURN_IF_ERROR(CheckCountry(cc));
  Result<PublicationKey> key = ParsePublicationNumber(publication, "US");
  if (!key.ok() || key->kind.empty())
    return Status::InvalidArgument("'" + std::string(publication) + "' is not a full publication number with kind (US8926509B2)");
  return ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
        "INSERT OR REPLACE INTO lapse(publication_number, country, lapsed_on) VALUES (?1, ?2, ?3)"));
    std::string number = key->ToString();
    s.BindText(1, number);
    s.BindText(2, cc);
    s.BindText(3, lapsed_on);
    return s.Run();
  });
}

Result<std::vector<Contribution>> Contributions(OperationsDb& ops, std::string_view pool) {
  ASSIGN_OR_RETURN(Pool p, FindPool(ops, pool));
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      "SELECT c.id, c.publication_number, m.name, c.contributed_on, coalesce(c.withdrawn_on, ''), c.essentiality, "
      "c.expires_on, (SELECT group_concat(country, ',') FROM (SELECT country FROM contribution_country "
      "WHERE contribution_id = c.id ORDER BY country)), "
      "(SELECT group_concat(country || '=' || lapsed_on, ',') FROM (SELECT country, lapsed_on FROM lapse "
      "WHERE publication_number = c.publication_number ORDER BY country)), v.overall_centi, coalesce(v.scored_at, '') "
      "FROM contribution c JOIN member m ON m.id = c.member_id "
      "LEFT JOIN patent_value v ON v.publication_number = c.publication_number "
      "WHERE c.pool_id = ?1 ORDER BY c.publication_number"));
  s.BindInt64(1, p.id);
  std::vector<Contribution> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    Contribution c;
    c.id = s.ColumnInt64(0);
    c.publication_number = s.ColumnText(1);
    c.member = s.ColumnText(2);
    c.contributed_on = s.ColumnText(3);
    c.withdrawn_on = s.ColumnText(4);
    c.essentiality = s.ColumnText(5);
    c.expires_on = s.ColumnText(6);
    for (auto part : Split(s.ColumnText(7), ',')) if (!part.empty()) c.countries.emplace_back(part);
    for (auto part : Split(s.ColumnText(8), ',')) {
      size_t eq = part.find('=');
      if (eq == std::string_view::npos) continue;
      c.lapses.push_back({std::string(part.substr(0, eq)), std::string(part.substr(eq + 1))});
    }
    if (!s.ColumnIsNull(9)) c.value_centi = s.ColumnInt64(9);
    c.value_scored_at = s.ColumnText(10);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace patnav::domain
