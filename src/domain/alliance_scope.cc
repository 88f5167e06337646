// Tenancy lookups of operations.db (alliance_scope.h).
#include "domain/alliance_scope.h"

#include <string>

#include "model/publication_number.h"

namespace patnav::domain {

namespace {

// The alliance id owning account `a` (a SQL expression over the alias `a`);
// NULL for an account of no known owner.
constexpr const char* kAccountAlliance =
    "(CASE substr(a.name, 1, instr(a.name, ':') - 1) "
    "WHEN 'member' THEN (SELECT alliance_id FROM member WHERE name = substr(a.name, instr(a.name, ':') + 1)) "
    "WHEN 'capital' THEN (SELECT alliance_id FROM member WHERE name = substr(a.name, instr(a.name, ':') + 1)) "
    "WHEN 'loan' THEN (SELECT alliance_id FROM member WHERE name = substr(a.name, instr(a.name, ':') + 1)) "
    "WHEN 'pool' THEN (SELECT alliance_id FROM pool WHERE name = substr(a.name, instr(a.name, ':') + 1)) "
    "WHEN 'administrator' THEN (SELECT alliance_id FROM pool WHERE name = substr(a.name, instr(a.name, ':') + 1)) "
    "WHEN 'suspense' THEN (SELECT alliance_id FROM pool WHERE name = substr(a.name, instr(a.name, ':') + 1)) "
    "WHEN 'licensee' THEN (SELECT alliance_id FROM licensee WHERE name = substr(a.name, instr(a.name, ':') + 1)) "
    "WHEN 'fund' THEN (SELECT id FROM alliance WHERE name = substr(a.name, instr(a.name, ':') + 1)) "
    "WHEN 'fund-income' THEN (SELECT id FROM alliance WHERE name = substr(a.name, instr(a.name, ':') + 1)) "
    "END)";

// True when `sql` (?1 the name, ?2 the alliance id) returns a row.
Result<bool> Exists(OperationsDb& ops, const char* sql, std::string_view name, int64_t alliance_id) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(sql));
  s.BindText(1, name);
  s.BindInt64(2, alliance_id);
  return s.Step();
}

}  // namespace

Result<std::vector<Alliance>> ListAlliances(OperationsDb& ops) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare("SELECT name FROM alliance ORDER BY name"));
  std::vector<std::string> names;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    names.emplace_back(s.ColumnText(0));
  }
  std::vector<Alliance> out;
  for (const std::string& n : names) {
    ASSIGN_OR_RETURN(Alliance a, FindAlliance(ops, n));
    out.push_back(std::move(a));
  }
  return out;
}

Result<Member> FindMemberIn(OperationsDb& ops, int64_t alliance_id, std::string_view name) {
  ASSIGN_OR_RETURN(bool in, Exists(ops, "SELECT 1 FROM member WHERE name = ?1 AND alliance_id = ?2", name, alliance_id));
  if (!in) return Status::NotFound("unknown member '" + std::string(name) + "'");
  return FindMember(ops, name);
}

Result<Pool> FindPoolIn(OperationsDb& ops, int64_t alliance_id, std::string_view name) {
  ASSIGN_OR_RETURN(bool in, Exists(ops, "SELECT 1 FROM pool WHERE name = ?1 AND alliance_id = ?2", name, alliance_id));
  if (!in) return Status::NotFound("unknown pool '" + std::string(name) + "'");
  return FindPool(ops, name);
}

Result<Programme> FindProgrammeIn(OperationsDb& ops, int64_t alliance_id, std::string_view name) {
  ASSIGN_OR_RETURN(bool in, Exists(ops,
                                    "SELECT 1 FROM programme g JOIN pool p ON p.id = g.pool_id "
                                    "WHERE g.name = ?1 AND p.alliance_id = ?2",
                                    name, alliance_id));
  if (!in) return Status::NotFound("unknown programme '" + std::string(name) + "'");
  return FindProgramme(ops, name);
}

Result<Licensee> FindLicenseeIn(OperationsDb& ops, int64_t alliance_id, std::string_view name) {
  ASSIGN_OR_RETURN(bool in, Exists(ops, "SELECT 1 FROM licensee WHERE name = ?1 AND alliance_id = ?2", name, alliance_id));
  if (!in) return Status::NotFound("unknown licensee '" + std::string(name) + "'");
  return FindLicensee(ops, name);
}

Result<std::vector<Pool>> ListPools(OperationsDb& ops, int64_t alliance_id) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare("SELECT name FROM pool WHERE alliance_id = ?1 ORDER BY name"));
  s.BindInt64(1, alliance_id);
  std::vector<std::string> names;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    names.emplace_back(s.ColumnText(0));
  }
  std::vector<Pool> out;
  for (const std::string& n : names) {
    ASSIGN_OR_RETURN(Pool p, FindPool(ops, n));
    out.push_back(std::move(p));
  }
  return out;
}

Result<std::vector<AccountBalance>> BalancesIn(OperationsDb& ops, int64_t alliance_id, std::string_view prefix) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      std::string("SELECT a.name, a.kind, e.currency, sum(e.amount_minor) FROM account a "
                  "JOIN ledger_entry e ON e.account_id = a.id "
                  "WHERE substr(a.name, 1, length(?1)) = ?1 AND ") +
      kAccountAlliance + " = ?2 GROUP BY a.id, e.currency ORDER BY a.name, e.currency"));
  s.BindText(1, prefix);
  s.BindInt64(2, alliance_id);
  std::vector<AccountBalance> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back({std::string(s.ColumnText(0)), std::string(s.ColumnText(1)), std::string(s.ColumnText(2)),
                   s.ColumnInt64(3)});
  }
  return out;
}

Result<bool> TransactionInAlliance(OperationsDb& ops, int64_t alliance_id, int64_t txn_id) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      std::string("SELECT count(*), coalesce(sum(") + kAccountAlliance +
      " IS ?2), 0) FROM ledger_entry e JOIN account a ON a.id = e.account_id WHERE e.txn_id = ?1"));
  s.BindInt64(1, txn_id);
  s.BindInt64(2, alliance_id);
  ASSIGN_OR_RETURN(bool row, s.Step());
  return row && s.ColumnInt64(0) > 0 && s.ColumnInt64(0) == s.ColumnInt64(1);
}

Result<int64_t> CountTransactionsIn(OperationsDb& ops, int64_t alliance_id) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      std::string("SELECT count(DISTINCT e.txn_id) FROM ledger_entry e JOIN account a ON a.id = e.account_id WHERE ") +
      kAccountAlliance + " = ?1"));
  s.BindInt64(1, alliance_id);
  ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? s.ColumnInt64(0) : 0;
}

Result<bool> LoanInAlliance(OperationsDb& ops, int64_t alliance_id, int64_t loan_id) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare("SELECT 1 FROM loan WHERE id = ?1 AND alliance_id = ?2"));
  s.BindInt64(1, loan_id);
  s.BindInt64(2, alliance_id);
  return s.Step();
}

Result<bool> PublicationInAlliance(OperationsDb& ops, int64_t alliance_id, std::string_view publication) {
  Result<PublicationKey> key = ParsePublicationNumber(publication, "US");
  if (!key.ok() || key->kind.empty())
    return Status::InvalidArgument("'" + std::string(publication) + "' is not a full publication number with kind (US8926509B2)");
  return Exists(ops,
                "SELECT 1 FROM contribution c JOIN pool p ON p.id = c.pool_id "
                "WHERE c.publication_number = ?1 AND p.alliance_id = ?2",
                key->ToString(), alliance_id);
}

}  // namespace patnav::domain
