// Listing royalty reports (royalty_book.h).
#include "domain/royalty_book.h"

namespace patnav::domain {

Result<std::vector<RoyaltyReportRow>> ListRoyaltyReports(OperationsDb& ops, const RoyaltyReportFilter& f) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      "SELECT r.id, l.name, g.name, p.name, r.period, coalesce(r.source, ''), r.currency, r.reported_at, "
      "(SELECT count(*) FROM royalty_line x WHERE x.report_id = r.id), r.total_minor, r.capped, r.txn_id, "
      "(SELECT t.id FROM ledger_txn t WHERE t.reverses = r.txn_id) "
      "FROM royalty_report r JOIN licensee l ON l.id = r.licensee_id JOIN programme g ON g.id = r.programme_id "
      "JOIN pool p ON p.id = g.pool_id WHERE p.alliance_id = ?1 AND (?2 = '' OR l.name = ?2) "
      "AND (?3 = '' OR g.name = ?3) AND (?4 = '' OR r.period = ?4) ORDER BY r.period, l.name, g.name, r.id"));
  s.BindInt64(1, f.alliance_id);
  s.BindText(2, f.licensee);
  s.BindText(3, f.programme);
  s.BindText(4, f.period);
  std::vector<RoyaltyReportRow> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    RoyaltyReportRow r;
    r.id = s.ColumnInt64(0);
    r.licensee = s.ColumnText(1);
    r.programme = s.ColumnText(2);
    r.pool = s.ColumnText(3);
    r.period = s.ColumnText(4);
    r.source = s.ColumnText(5);
    r.currency = s.ColumnText(6);
    r.reported_at = s.ColumnText(7);
    r.lines = s.ColumnInt64(8);
    r.total_minor = s.ColumnInt64(9);
    r.capped = s.ColumnInt64(10) != 0;
    if (!s.ColumnIsNull(11)) r.txn_id = s.ColumnInt64(11);
    if (!s.ColumnIsNull(12)) r.reversed_by = s.ColumnInt64(12);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace patnav::domain
