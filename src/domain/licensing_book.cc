// The licensing book: programmes, licensees and agreements as an operator
// lists them. Rows are never deleted, so a listing read in several
// statements misses at most what was added meanwhile.
#include <string>
#include <vector>

#include "domain/licensing.h"
#include "domain/pool.h"

namespace patnav::domain {

Result<std::vector<Programme>> ListProgrammes(OperationsDb& ops, std::string_view pool) {
  if (!pool.empty()) RETURN_IF_ERROR(FindPool(ops, pool).status());
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      "SELECT g.name FROM programme g JOIN pool p ON p.id = g.pool_id "
      "WHERE ?1 = '' OR p.name = ?1 ORDER BY g.name"));
  s.BindText(1, pool);
  std::vector<std::string> names;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    names.emplace_back(s.ColumnText(0));
  }
  std::vector<Programme> out;
  for (const std::string& name : names) {
    ASSIGN_OR_RETURN(Programme g, FindProgramme(ops, name));
    out.push_back(std::move(g));
  }
  return out;
}

Result<std::vector<Licensee>> ListLicensees(OperationsDb& ops, std::string_view alliance) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      "SELECT l.id, l.name, coalesce(l.country, ''), coalesce(m.name, ''), coalesce(a.name, '') FROM licensee l "
      "LEFT JOIN member m ON m.id = l.member_id LEFT JOIN alliance a ON a.id = l.alliance_id "
      "WHERE ?1 = '' OR a.name = ?1 ORDER BY l.name"));
  s.BindText(1, alliance);
  std::vector<Licensee> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back({s.ColumnInt64(0), std::string(s.ColumnText(1)), std::string(s.ColumnText(2)),
                   std::string(s.ColumnText(3)), std::string(s.ColumnText(4))});
  }
  return out;
}

Result<std::vector<Agreement>> ListAgreements(OperationsDb& ops, std::string_view licensee,
                                              std::string_view programme) {
  if (!licensee.empty()) RETURN_IF_ERROR(FindLicensee(ops, licensee).status());
  if (!programme.empty()) RETURN_IF_ERROR(FindProgramme(ops, programme).status());
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      "SELECT a.id, l.name, g.name, p.name, a.territories, a.effective_from, coalesce(a.effective_to, '') "
      "FROM agreement a JOIN licensee l ON l.id = a.licensee_id JOIN programme g ON g.id = a.programme_id "
      "JOIN pool p ON p.id = g.pool_id WHERE (?1 = '' OR l.name = ?1) AND (?2 = '' OR g.name = ?2) "
      "ORDER BY l.name, g.name, a.effective_from, a.id"));
  s.BindText(1, licensee);
  s.BindText(2, programme);
  std::vector<Agreement> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back({s.ColumnInt64(0), std::string(s.ColumnText(1)), std::string(s.ColumnText(2)),
                   std::string(s.ColumnText(3)), std::string(s.ColumnText(4)), std::string(s.ColumnText(5)),
                   std::string(s.ColumnText(6))});
  }
  return out;
}

}  // namespace patnav::domain
