// Closed periods of a pool (distribution_book.h).
#include "domain/distribution_book.h"

#include "domain/period.h"

namespace patnav::domain {

namespace {

Result<std::vector<ClosedPeriod>> Query(OperationsDb& ops, int64_t pool_id, std::string_view period) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      "SELECT d.period, d.method, d.currency, pc.closed_at, d.id, d.txn_id, d.gross_minor, d.fee_minor, "
      "d.distributable_minor, d.undistributed_minor, (SELECT r.id FROM ledger_txn r WHERE r.reverses = d.txn_id) "
      "FROM distribution d JOIN period_close pc ON pc.distribution_id = d.id "
      "WHERE d.pool_id = ?1 AND (?2 = '' OR d.period = ?2) ORDER BY d.period"));
  s.BindInt64(1, pool_id);
  s.BindText(2, period);
  std::vector<ClosedPeriod> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    ClosedPeriod c;
    c.period = s.ColumnText(0);
    c.method = s.ColumnText(1);
    c.currency = s.ColumnText(2);
    c.closed_at = s.ColumnText(3);
    c.distribution_id = s.ColumnInt64(4);
    c.txn_id = s.ColumnInt64(5);
    c.gross_minor = s.ColumnInt64(6);
    c.fee_minor = s.ColumnInt64(7);
    c.distributable_minor = s.ColumnInt64(8);
    c.undistributed_minor = s.ColumnInt64(9);
    if (!s.ColumnIsNull(10)) c.reversed_by = s.ColumnInt64(10);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

Result<std::vector<ClosedPeriod>> ClosedPeriods(OperationsDb& ops, int64_t pool_id) { return Query(ops, pool_id, ""); }

Result<std::optional<ClosedPeriod>> FindClosedPeriod(OperationsDb& ops, int64_t pool_id, std::string_view period) {
  ASSIGN_OR_RETURN(Period p, ParsePeriod(period));
  ASSIGN_OR_RETURN(std::vector<ClosedPeriod> found, Query(ops, pool_id, p.key));
  if (found.empty()) return std::optional<ClosedPeriod>();
  return std::optional<ClosedPeriod>(std::move(found.front()));
}

}  // namespace patnav::domain
