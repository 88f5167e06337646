// A member's statement for a period: for every pool whose period is closed,
// what each of the member's patents earned in each country of sale, and
// where that money came from — the country's gross, fee and net, the number
// of eligible patents sharing it, and the royalty reports (licensee,
// programme, lines, units or net sales, royalty) behind it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "domain/operations_db.h"

namespace patnav::domain {

struct StatementSource {  // royalty lines of one report in one country
  int64_t report_id = 0;
  std::string licensee, programme;
  int64_t lines = 0;
  int64_t units = 0, net_sales_minor = 0, royalty_minor = 0;
  std::vector<int64_t> line_numbers;  // royalty_line.line_no of those lines; filled on request
};

struct StatementPatent {
  std::string publication_number;
  int64_t value_centi = 0, amount_minor = 0;
};

struct StatementCountry {
  std::string country;
  int64_t gross_minor = 0, fee_minor = 0, net_minor = 0, eligible_patents = 0;
  int64_t member_minor = 0;  // sum of patents
  std::vector<StatementPatent> patents;
  std::vector<StatementSource> sources;
};

struct StatementPool {
  std::string pool, currency, method, closed_at;
  int64_t distribution_id = 0, txn_id = 0;
  std::optional<int64_t> reversed_by;  // the reversing ledger transaction, when corrected
  int64_t total_minor = 0;
  std::vector<StatementCountry> countries;
};

struct MemberStatement {
  std::string member, period;
  std::vector<StatementPool> pools;
};

// NotFound for an unknown member; InvalidArgument for a bad period. A
// member without distributions in the period gets an empty statement. With
// `with_lines`, each source also lists its royalty line numbers.
Result<MemberStatement> BuildStatement(OperationsDb& ops, std::string_view member, std::string_view period,
                                       bool with_lines = false);

std::string StatementToJson(const MemberStatement& s);
// One row per pool, country and patent: pool,period,currency,country,
// publication_number,value,amount,country_gross,country_fee,country_net,
// eligible_patents,royalty_reports (report ids, ';'-separated).
std::string StatementToCsv(const MemberStatement& s);

}  // namespace patnav::domain
